import { WritePlan } from "../../core/writePlan";
import { columnLetter } from "../../core/text";
import { parseRange } from "../sheet";
import { SheetSkeleton } from "./skeleton";
import { setAttr } from "./xml";

/**
 * The sheet's used range in `<dimension>`, widened to the result columns. Only its start
 * tag changes: an end tag, where the generator wrote one, stays.
 */
export function writeDimension(sheet: SheetSkeleton, plan: WritePlan): void {
  const found = sheet.element("dimension");
  if (!found) return;
  const ref = found.attributes.ref;
  const right = Math.max(...plan.columns.map((c) => c.col));
  let range = { top: 1, left: 1, bottom: plan.lastRow, right };
  if (ref && /^\$?[A-Za-z]+\$?\d+(:\$?[A-Za-z]+\$?\d+)?$/.test(ref.trim())) {
    const old = parseRange(ref.trim());
    range = {
      top: Math.min(old.top, plan.headerRow),
      left: Math.min(old.left, ...plan.columns.map((c) => c.col)),
      bottom: Math.max(old.bottom, plan.lastRow),
      right: Math.max(old.right, right),
    };
  }
  const value = `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}`;
  sheet.edits.add(found.start, found.tagEnd, setAttr(sheet.tag(found), "ref", value));
}
