/**
 * A draft as plain data: parts (one per agency where that matters) of styled blocks.
 * Renderers turn it into text for a paste into Word, or into a .docx.
 */
export type BlockStyle =
  "title" | "subtitle" | "heading" | "subheading" | "paragraph" | "bullet" | "note";

export interface Block {
  style: BlockStyle;
  text: string;
}

export interface DraftPart {
  /** `intro`, `section1`, `agency:Sở Y tế`, `closing`... */
  id: string;
  /** The agency this part assigns work to, for a per-agency copy. */
  agency?: string;
  blocks: Block[];
}

/** The heading block of a Vietnamese administrative document. */
export interface DocumentHeader {
  issuingBody: string;
  unit?: string;
  number: string;
  /** `V/v ...` under the number, for a letter. */
  subject?: string;
  placeDate: string;
}

export interface DraftDocument {
  kind: "plan" | "letter";
  header: DocumentHeader;
  parts: DraftPart[];
  signer: string[];
  signerName: string;
  /** Template problems met while drafting (defaults were used instead). */
  errors: string[];
}

export const NATIONAL_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

/** One block as a line of text: bullets keep their dash so numbering survives a paste. */
export function blockText(block: Block): string {
  const dash = dashOf(block);
  return dash === "" ? block.text : `${dash}${block.text}`;
}

/** What a block's line starts with before its text: `- ` for a bullet without a mark of its own. */
function dashOf(block: Block): string {
  if (block.style !== "bullet") return "";
  const first = block.text.charCodeAt(0);
  // `-`, `+`, `•`
  return first === 0x2d || first === 0x2b || first === 0x2022 ? "" : "- ";
}

/** A part that prints nothing: no blocks, or one that is empty. */
function isBlank(part: DraftPart): boolean {
  return part.blocks.length === 0 || (part.blocks.length === 1 && blockText(part.blocks[0]) === "");
}

/** The lines of some parts, one a block, each handed to `line` as its dash and its text. */
function eachPartLine(parts: DraftPart[], line: (dash: string, text: string) => void): void {
  // Index loops: a plan has a block per row, and a loop that runs once should not make an
  // iterator result per step before it is optimised.
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (isBlank(part)) continue;
    for (let b = 0; b < part.blocks.length; b++) line(dashOf(part.blocks[b]), part.blocks[b].text);
  }
}

/** The text of some parts, one paragraph per line. */
export function partsText(parts: DraftPart[]): string {
  const lines: string[] = [];
  eachPartLine(parts, (dash, text) => lines.push(dash === "" ? text : `${dash}${text}`));
  return lines.join("\n");
}

/** The whole document as plain text: heading block, body, signature. */
export function renderText(doc: DraftDocument): string {
  const h = doc.header;
  const text = new TextWriter();
  const head = [h.issuingBody, h.unit, h.number, h.subject, "", ...NATIONAL_MOTTO, h.placeDate, ""];
  for (const line of head) if (line !== undefined) text.line(line);
  // The body is one line of the layout even when no part prints anything.
  let body = false;
  eachPartLine(doc.parts, (dash, line) => {
    text.line(line, dash);
    body = true;
  });
  if (!body) text.line("");
  for (const line of ["", ...doc.signer, "", doc.signerName]) text.line(line);
  return text.toString() + "\n";
}

const NEWLINE = 0x0a;

/**
 * Lines joined with `\n`, every run of three or more line breaks cut to two (one blank
 * line), as the lines come: a document of 100.000 rows is joined once, not copied once to
 * join it and again to find its blank runs.
 */
class TextWriter {
  private readonly pieces: string[] = [];
  private started = false;
  /** Line breaks met and not yet written: how many depends on what follows. */
  private breaks = 0;

  /**
   * Adds a line (a missing one is empty, as `join` has it), after a start with no line
   * break (a bullet's dash) written as it is: the two are never copied into one.
   */
  line(given: string | null | undefined, start = ""): void {
    const text = given ?? "";
    if (this.started) this.breaks++;
    this.started = true;
    if (start !== "") this.write(start);
    if (text.indexOf("\n") < 0) {
      if (text !== "") this.write(text);
      return;
    }
    // A line with breaks of its own (a template with a blank line): they join the runs.
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) !== NEWLINE) continue;
      if (i > from) this.write(text.slice(from, i));
      this.breaks++;
      from = i + 1;
    }
    if (from < text.length) this.write(text.slice(from));
  }

  toString(): string {
    this.flush();
    return this.pieces.join("");
  }

  private write(text: string): void {
    this.flush();
    this.pieces.push(text);
  }

  private flush(): void {
    if (this.breaks > 0) this.pieces.push(this.breaks === 1 ? "\n" : "\n\n");
    this.breaks = 0;
  }
}
