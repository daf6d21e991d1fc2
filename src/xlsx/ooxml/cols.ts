import { WritePlan } from "../../core/writePlan";
import { SheetText } from "./sheetText";
import { attr, escapeRegExp, setAttr } from "./xml";

/** Status texts are wider than figures: the widths the exceljs writer gives too. */
const WIDTH = { status: 22, other: 16 };

/** One `<col>` of `<cols>`: the columns it covers and its self-closed tag. */
interface ColRange {
  min: number;
  max: number;
  tag: string;
}

/**
 * The result columns' widths in `<cols>`: a `<col>` range that covers one of them is cut
 * around it, keeping its other attributes on both sides.
 */
export function writeWidths(sheet: SheetText, plan: WritePlan): void {
  const p = sheet.prefix;
  const found = sheet.element("cols");
  const ranges: ColRange[] = [];
  if (found && !found.tag.endsWith("/>")) {
    const inner = sheet.text.slice(
      found.start + found.tag.length,
      found.end - `</${p}cols>`.length
    );
    for (const match of inner.matchAll(new RegExp(`<${escapeRegExp(p)}col\\b[^>]*?/?>`, "g"))) {
      const tag = match[0].endsWith("/>") ? match[0] : match[0].slice(0, -1) + "/>";
      ranges.push({ min: Number(attr(tag, "min")), max: Number(attr(tag, "max")), tag });
    }
  }
  for (const column of plan.columns) {
    const width = String(column.key === "status" ? WIDTH.status : WIDTH.other);
    const tag = cutAround(ranges, column.col, p);
    ranges.push({
      min: column.col,
      max: column.col,
      tag: setAttr(setAttr(tag, "width", width), "customWidth", "1"),
    });
  }
  ranges.sort((a, b) => a.min - b.min);
  const xml = `<${p}cols>${ranges.map((r) => r.tag).join("")}</${p}cols>`;
  if (found) sheet.splice(found.start, found.end, xml);
  else {
    // `<cols>` comes right before `<sheetData>`, which is where the head ends.
    sheet.splice(sheet.text.length, sheet.text.length, xml);
  }
}

/**
 * Takes column `col` out of the range that covers it, if any, leaving the pieces on either
 * side in `ranges`; returns the `<col>` tag for `col` alone, the covering range's
 * attributes kept, or a bare one.
 */
function cutAround(ranges: ColRange[], col: number, p: string): string {
  const covering = ranges.findIndex((r) => r.min <= col && col <= r.max);
  if (covering < 0) return `<${p}col min="${col}" max="${col}"/>`;
  const range = ranges[covering];
  const pieces: ColRange[] = [];
  if (range.min < col)
    pieces.push({ ...range, max: col - 1, tag: setAttr(range.tag, "max", String(col - 1)) });
  if (range.max > col)
    pieces.push({ ...range, min: col + 1, tag: setAttr(range.tag, "min", String(col + 1)) });
  ranges.splice(covering, 1, ...pieces);
  return setAttr(setAttr(range.tag, "min", String(col)), "max", String(col));
}
