import { WritePlan } from "../../core/writePlan";
import { childrenNamed } from "./tree";
import { SheetSkeleton } from "./skeleton";
import { setAttr } from "./xml";

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
 * around it, keeping its other attributes on both sides. A sheet without `<cols>` gets one
 * where the schema puts it.
 */
export function writeWidths(sheet: SheetSkeleton, plan: WritePlan): void {
  const p = sheet.prefix;
  const found = sheet.element("cols");
  const ranges: ColRange[] = (found ? childrenNamed(found, "col") : []).map((col) => {
    const tag = sheet.tag(col);
    return {
      min: Number(col.attributes.min),
      max: Number(col.attributes.max),
      tag: col.selfClosing ? tag : tag.replace(/\s*>$/, "/>"),
    };
  });
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
  const body = ranges.map((r) => r.tag).join("");
  if (!found) sheet.insert("cols", `<${p}cols>${body}</${p}cols>`);
  else {
    const open = sheet.tag(found).replace(/\s*\/>$/, ">");
    sheet.edits.add(found.start, found.end, `${open}${body}</${found.name}>`);
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
