import { DocumentHeader, DraftDocument, renderText } from "./document";

/** A mark the drafts leave for an official to fill: `[Họ và tên]`, `[…]`. */
const MARK = /\[[^\]\n]{1,120}\]/g;

/** `Số:       /KH-UBND`: no digit before the slash, a number the clerk gives at issue. */
export const numberBlank = (header: DocumentHeader): boolean => !/\d\s*\//.test(header.number);

/** `Trà Vinh, ngày     tháng     năm 2024`: no day written yet. */
export const dateBlank = (header: DocumentHeader): boolean => !/ngày\s+\d/.test(header.placeDate);

/**
 * What a draft still leaves blank, before it is copied or saved: the number and date
 * clerks fill at issue, every bracketed mark (`[Họ và tên]`, `[ngày/tháng/năm]`, a missing
 * figure `[…]`) once, in reading order, and how many agencies' tasks are still to write.
 * @example unfilled(plan) // ["số văn bản", "ngày ban hành", "[Họ và tên]"]
 */
export function unfilled(doc: DraftDocument): string[] {
  const found: string[] = [];
  if (numberBlank(doc.header)) found.push("số văn bản");
  if (dateBlank(doc.header)) found.push("ngày ban hành");
  // A note is a request to an agency to add its tasks: counted, not quoted one by one.
  const notes = doc.parts.flatMap((part) => part.blocks.filter((b) => b.style === "note"));
  const rest: DraftDocument = {
    ...doc,
    parts: doc.parts.map((part) => ({
      ...part,
      blocks: part.blocks.filter((b) => b.style !== "note"),
    })),
  };
  for (const mark of new Set(renderText(rest).match(MARK) ?? [])) found.push(mark);
  const tasks = notes.filter((note) => /\[[^\]\n]+\]/.test(note.text)).length;
  if (tasks > 0) found.push(`nhiệm vụ, giải pháp của ${tasks} cơ quan chủ trì`);
  return found;
}
