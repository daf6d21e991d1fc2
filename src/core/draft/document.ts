/**
 * A draft as plain data: parts (one per agency where that matters) of styled blocks.
 * Renderers turn it into text for a paste into Word, or into a .docx.
 */
export type BlockStyle =
  | "title"
  | "subtitle"
  | "heading"
  | "subheading"
  | "paragraph"
  | "bullet"
  | "note"
  /** `Kính gửi:`, followed by its recipients or, for one, with it on the same line. */
  | "addressee"
  /** One recipient under `Kính gửi:`, its punctuation included (`- Sở Y tế;`). */
  | "recipient"
  /** A table of figures (a breakdown by locality); `text` is its tab-separated copy. */
  | "table";

export interface Block {
  style: BlockStyle;
  text: string;
  /** For a `table` block: its cells, as printed. */
  table?: DraftTable;
}

/** A table in a draft: a header row, body rows and a totals row, every cell as printed. */
export interface DraftTable {
  header: string[];
  rows: string[][];
  /** The totals row, printed bold; null when the table has none. */
  total: string[] | null;
  /** Per column: text flush left, figures flush right, numbering centred. */
  align: ("left" | "right" | "center")[];
}

export interface DraftPart {
  /** `intro`, `section1`, `agency:Sở Y tế`, `closing`... */
  id: string;
  /** The agency this part assigns work to, for a per-agency copy. */
  agency?: string;
  blocks: Block[];
}

/** The heading block of a Vietnamese administrative document (Decree 30, Phụ lục I). */
export interface DocumentHeader {
  /** The body above the issuer (cơ quan chủ quản), upright: `ỦY BAN NHÂN DÂN TỈNH …` over a Sở. */
  parentBody?: string;
  /** The issuer (tên cơ quan ban hành), bold, with a short line under it. */
  issuingBody: string;
  /** `Số:       /KH-UBND` */
  number: string;
  /** `V/v ...` under the number, for a letter. */
  subject?: string;
  /** `Trà Vinh, ngày 04 tháng 7 năm 2024`, beside the number. */
  placeDate: string;
}

/** Who signs: `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`, then the name under room for the signature. */
export interface Signature {
  /** The authority and title lines, upper case. */
  lines: string[];
  name: string;
}

export interface DraftDocument {
  kind: "plan" | "letter";
  header: DocumentHeader;
  parts: DraftPart[];
  /** Nơi nhận: one recipient a line, with its punctuation (`- Như trên;` … `- Lưu: VT, THKTKG.`). */
  copies: string[];
  signature: Signature;
  /** Appendices (Phụ lục) after the signature: tables too long to stand in the text. */
  appendices?: DraftPart[];
  /** Template problems met while drafting (defaults were used instead). */
  errors: string[];
}

export const COPIES_LABEL = "Nơi nhận:";

/** A drafting run (`drafting`, `draftingPlan`) to its end: the document it returns. */
export function finished(steps: Generator<void, DraftDocument>): DraftDocument {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A table as tab-separated lines: what a paste into Word or Excel turns back into cells. */
export function tableText(table: DraftTable): string {
  const rows = [table.header, ...table.rows, ...(table.total ? [table.total] : [])];
  return rows.map((cells) => cells.join("\t")).join("\n");
}

/**
 * A list as Decree 30 ends it: a dash before each item, `;` after each but the last, `.`
 * after the last. `listLines(["Sở Y tế", "Lưu: VT"])` // ["- Sở Y tế;", "- Lưu: VT."]
 */
export function listLines(items: readonly string[]): string[] {
  return items.map((item, i) => `- ${i === items.length - 1 ? endList(item) : `${bare(item)};`}`);
}
/** The last item of a list: its closing `;` (or none) becomes `.`. */
export function endList(text: string): string {
  return `${bare(text)}.`;
}

/** A list item without the punctuation it ends with. */
const bare = (text: string): string => text.replace(/[;.,:\s]+$/, "");

/** `- Lưu: VT, THKTKG.`: the last line of every Nơi nhận. */
export function archiveLine(unit: string): string {
  return `Lưu: VT, ${unit}`;
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
  return documentLines(doc).join("\n") + "\n";
}

/**
 * The lines of `renderText`, for a host that takes the document line by line (a sheet),
 * rather than making its text to split it again: `renderText(doc)` is them joined with
 * `\n`, and one more.
 */
export function documentLines(doc: DraftDocument): string[] {
  const lines: string[] = [];
  const tail = printedLines(doc, (line) => lines.push(line));
  return lines.length === 0 ? tail.split("\n") : lines;
}

/**
 * `renderText` handed to `write` in pieces, for a host that writes it to a file: a plan of
 * 100.000 rows is 15 million characters, never held as one string then.
 */
export function writeText(doc: DraftDocument, write: (piece: string) => void): void {
  let first = true;
  const tail = printedLines(doc, (line) => {
    write(first ? line : "\n" + line);
    first = false;
  });
  write((first ? tail : "") + "\n");
}

/**
 * The document's printed lines, each handed to `emit`; returns what a document with no
 * line prints instead (its line breaks alone), "" once a line was printed.
 */
function printedLines(doc: DraftDocument, emit: (line: string) => void): string {
  const text = new TextWriter(emit);
  eachDocumentLine(doc, (line, dash) => text.line(line, dash));
  return text.finish();
}

/**
 * The lines of the whole document in reading order (heading block, body, Nơi nhận,
 * signature, appendices), each with the dash it starts with, as `renderText` prints them
 * before runs of blank lines are cut: a reader that needs the lines, not one text of
 * 15 MB for a plan of 100.000 rows, walks them here.
 */
export function eachDocumentLine(
  doc: DraftDocument,
  visit: (line: string, dash: string) => void
): void {
  const h = doc.header;
  const head = [
    h.parentBody,
    h.issuingBody,
    h.number,
    h.subject,
    "",
    ...NATIONAL_MOTTO,
    h.placeDate,
    "",
  ];
  for (const line of head) if (line !== undefined) visit(line, "");
  // The body is one line of the layout even when no part prints anything.
  let body = false;
  eachPartLine(doc.parts, (dash, line) => {
    visit(line, dash);
    body = true;
  });
  if (!body) visit("", "");
  visit("", "");
  if (doc.copies.length > 0) for (const line of [COPIES_LABEL, ...doc.copies, ""]) visit(line, "");
  for (const line of [...doc.signature.lines, "", doc.signature.name]) visit(line, "");
  if (doc.appendices && doc.appendices.length > 0) {
    visit("", "");
    eachPartLine(doc.appendices, (dash, line) => visit(line, dash));
  }
}

const NEWLINE = 0x0a;

/**
 * Lines joined with `\n`, every run of three or more line breaks cut to two (one blank
 * line), as the lines come: a document of 100.000 rows is joined once, not copied once to
 * join it and again to find its blank runs. One entry per printed line, so the join of
 * ~15 MB handles a third of the pieces it would with breaks and dashes apart.
 */
class TextWriter {
  /** Printed lines so far, each handed to `emit`; an empty one is the blank line of a run of breaks. */
  private printed = 0;
  private started = false;
  /** Line breaks met and not yet written: how many depends on what follows. */
  private breaks = 0;

  /** `emit` takes each printed line, to be joined with `\n`. */
  constructor(private readonly emit: (line: string) => void) {}

  /**
   * Adds a line (a missing one is empty, as `join` has it), after a start with no line
   * break (a bullet's dash).
   */
  line(given: string | null | undefined, start = ""): void {
    const text = given ?? "";
    if (this.started) this.breaks++;
    this.started = true;
    if (text.indexOf("\n") < 0) {
      const whole = start === "" ? text : start + text;
      if (whole !== "") this.write(whole);
      return;
    }
    // A line with breaks of its own (a template with a blank line): they join the runs.
    let from = 0;
    let first = start;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) !== NEWLINE) continue;
      const piece = first + text.slice(from, i);
      if (piece !== "") this.write(piece);
      first = "";
      this.breaks++;
      from = i + 1;
    }
    const rest = first + text.slice(from);
    if (rest !== "") this.write(rest);
  }

  /**
   * Prints the breaks at the very end, as many as a run may have. With no line printed
   * there is nothing to join them to: returns them as text instead ("" otherwise).
   */
  finish(): string {
    const blanks = Math.min(this.breaks, 2);
    if (this.printed === 0) return blanks === 1 ? "\n" : blanks === 2 ? "\n\n" : "";
    for (let i = 0; i < blanks; i++) this.print("");
    return "";
  }

  /** A line of text after the breaks before it: one (the join's own) or two. */
  private write(text: string): void {
    // The join writes a break between entries; a run of two or more needs one blank entry,
    // and breaks before the first line, having no entry before them, need one more.
    const blanks = Math.min(this.breaks, 2) - (this.printed === 0 ? 0 : 1);
    for (let i = 0; i < blanks; i++) this.print("");
    this.breaks = 0;
    this.print(text);
  }

  private print(line: string): void {
    this.printed++;
    this.emit(line);
  }
}
