import { blockText, COPIES_LABEL, DraftDocument, DraftPart, NATIONAL_MOTTO } from "./document";

/** `<`, `>`, `&`, `"` as entities: a draft's text is data, never markup. */
function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"
  );
}

const FONT = "font-family:'Times New Roman',serif;";
const CELL = `${FONT}vertical-align:top;border:none;padding:0 4pt;`;

/** One centred line of the heading block. */
const line = (text: string, style: string): string =>
  `<p style="${FONT}margin:0;text-align:center;${style}">${escape(text)}</p>`;

/** The parts' blocks as paragraphs and tables, styled as the .docx lays them out. */
function partsHtml(parts: readonly DraftPart[]): string {
  const out: string[] = [];
  for (const part of parts)
    for (const block of part.blocks) {
      if (block.style === "table" && block.table) {
        const t = block.table;
        const row = (cells: string[], tag: "th" | "td", bold: boolean) =>
          `<tr>${cells
            .map(
              (cell, c) =>
                `<${tag} style="${FONT}font-size:13pt;border:0.5pt solid #000;padding:2pt 4pt;text-align:${
                  tag === "th" ? "center" : (t.align[c] ?? "left")
                };${bold ? "font-weight:bold;" : ""}">${escape(cell)}</${tag}>`
            )
            .join("")}</tr>`;
        out.push(
          `<table style="border-collapse:collapse;width:100%;">${row(t.header, "th", true)}${t.rows
            .map((cells) => row(cells, "td", false))
            .join("")}${t.total ? row(t.total, "td", true) : ""}</table>`
        );
        continue;
      }
      const text = blockText(block);
      if (text === "") continue;
      const centred = block.style === "title" || block.style === "subtitle";
      const bold = centred || block.style === "heading" || block.style === "subheading";
      const style = [
        FONT,
        "font-size:14pt;margin:0 0 6pt 0;",
        centred ? "text-align:center;" : "text-align:justify;text-indent:1cm;",
        bold ? "font-weight:bold;" : "",
        block.style === "note" ? "font-style:italic;" : "",
      ].join("");
      out.push(`<p style="${style}">${escape(text)}</p>`);
    }
  return out.join("");
}

/**
 * A draft as HTML for the clipboard, so that a paste into Word keeps what matters on paper:
 * Times New Roman, the two-column heading block, bold and centred headings, the tables, and
 * Nơi nhận beside the signature. Inline styles only: Word ignores style sheets on paste.
 */
export function renderHtml(doc: DraftDocument): string {
  const h = doc.header;
  const left = [
    h.parentBody ? line(h.parentBody, "font-size:13pt;") : "",
    line(h.issuingBody, "font-size:13pt;font-weight:bold;"),
    line(h.number, "font-size:13pt;margin-top:6pt;"),
    h.subject ? line(h.subject, "font-size:12pt;margin-top:6pt;") : "",
  ].join("");
  const right = [
    line(NATIONAL_MOTTO[0], "font-size:13pt;font-weight:bold;white-space:nowrap;"),
    line(NATIONAL_MOTTO[1], "font-size:14pt;font-weight:bold;"),
    line(h.placeDate, "font-size:14pt;font-style:italic;margin-top:6pt;"),
  ].join("");
  const heading = `<table style="border-collapse:collapse;width:100%;"><tr><td style="${CELL}width:38%;">${left}</td><td style="${CELL}width:62%;">${right}</td></tr></table>`;
  const copies = doc.copies.length
    ? `<p style="${FONT}font-size:12pt;font-weight:bold;font-style:italic;margin:0;">${COPIES_LABEL}</p>${doc.copies
        .map((c) => `<p style="${FONT}font-size:11pt;margin:0;">${escape(c)}</p>`)
        .join("")}`
    : "";
  const signature = `${doc.signature.lines
    .map((l) => line(l, "font-size:14pt;font-weight:bold;"))
    .join("")}<p style="margin:0;height:60pt;">&nbsp;</p>${line(
    doc.signature.name,
    "font-size:14pt;font-weight:bold;"
  )}`;
  const closing = `<table style="border-collapse:collapse;width:100%;margin-top:12pt;"><tr><td style="${CELL}width:45%;">${copies}</td><td style="${CELL}width:55%;">${signature}</td></tr></table>`;
  const appendices = doc.appendices?.length ? partsHtml(doc.appendices) : "";
  return `<div>${heading}${partsHtml(doc.parts)}${closing}${appendices}</div>`;
}
