import { WritePlan } from "../../core/writePlan";
import { columnLetter } from "../../core/text";
import { parseRange } from "../sheet";
import { SheetText } from "./sheetText";
import { attr, setAttr } from "./xml";

/** The sheet's used range in `<dimension>`, widened to the result columns. */
export function writeDimension(sheet: SheetText, plan: WritePlan): void {
  const found = sheet.element("dimension");
  if (!found) return;
  const ref = attr(found.tag, "ref");
  const right = Math.max(...plan.columns.map((c) => c.col));
  let range = { top: 1, left: 1, bottom: plan.lastRow, right };
  if (ref) {
    const old = parseRange(ref);
    range = {
      top: Math.min(old.top, plan.headerRow),
      left: Math.min(old.left, ...plan.columns.map((c) => c.col)),
      bottom: Math.max(old.bottom, plan.lastRow),
      right: Math.max(old.right, right),
    };
  }
  const value = `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}`;
  sheet.splice(found.start, found.end, setAttr(found.tag, "ref", value));
}
