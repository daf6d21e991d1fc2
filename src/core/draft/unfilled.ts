import { BlankWords, VI_BLANK_WORDS } from "../messages/blanks";
import { DocumentHeader, DraftDocument, eachDocumentLine } from "./document";

export { VI_BLANK_WORDS };
export type { BlankWords };

/** A mark the drafts leave for an official to fill: `[Họ và tên]`, `[…]`. */
const MARK = /\[[^\]\n]{1,120}\]/g;

/** `Số:       /KH-UBND`: no digit before the slash, a number the clerk gives at issue. */
export const numberBlank = (header: DocumentHeader): boolean => !/\d\s*\//.test(header.number);

/** `Trà Vinh, ngày     tháng     năm 2024`: no day written yet. */
export const dateBlank = (header: DocumentHeader): boolean => !/ngày\s+\d/.test(header.placeDate);

/** One thing a draft leaves blank: the number, the date, a bracketed mark, the agencies' tasks. */
export type Blank =
  | { kind: "number" }
  | { kind: "date" }
  /** As the document shows it (`[Họ và tên]`): quoted, in the document's language. */
  | { kind: "mark"; text: string }
  | { kind: "tasks"; agencies: number };

/**
 * What a draft still leaves blank, before it is copied or saved: the number and date
 * clerks fill at issue, every bracketed mark (`[Họ và tên]`, `[ngày/tháng/năm]`, a missing
 * figure `[…]`) once, in reading order, and how many agencies' tasks are still to write.
 * Each host names them in its user's language (`unfilled` in Vietnamese).
 */
export function blanks(doc: DraftDocument): Blank[] {
  const found: Blank[] = [];
  if (numberBlank(doc.header)) found.push({ kind: "number" });
  if (dateBlank(doc.header)) found.push({ kind: "date" });
  // A note is a request to an agency to add its tasks: counted, not quoted one by one.
  const notes = doc.parts.flatMap((part) => part.blocks.filter((b) => b.style === "note"));
  const rest: DraftDocument = {
    ...doc,
    parts: doc.parts.map((part) => ({
      ...part,
      blocks: part.blocks.filter((b) => b.style !== "note"),
    })),
  };
  // Line by line (a mark never spans two), not over the text of the whole document.
  const marks = new Set<string>();
  eachDocumentLine(rest, (line) => {
    if (line.includes("[")) for (const mark of line.match(MARK) ?? []) marks.add(mark);
  });
  for (const text of marks) found.push({ kind: "mark", text });
  const tasks = notes.filter((note) => /\[[^\]\n]+\]/.test(note.text)).length;
  if (tasks > 0) found.push({ kind: "tasks", agencies: tasks });
  return found;
}

/** A blank in words: `blankText({ kind: "date" }, VI_BLANK_WORDS) // "ngày ban hành"`. */
export function blankText(blank: Blank, words: BlankWords): string {
  if (blank.kind === "mark") return blank.text;
  if (blank.kind === "tasks") return words.tasks(blank.agencies);
  return words[blank.kind];
}

/** The blanks in Vietnamese, as the CLI lists them. @example unfilled(plan) // ["số văn bản", "ngày ban hành", "[Họ và tên]"] */
export function unfilled(doc: DraftDocument): string[] {
  return blanks(doc).map((blank) => blankText(blank, VI_BLANK_WORDS));
}
