import { WritePlan } from "../../core/writePlan";
import { childrenNamed, contentEnd, XmlElement } from "./tree";
import { SheetSkeleton } from "./skeleton";
import { StyleBook } from "./styles";
import { escapeXml, unescapeXml } from "./xml";

/**
 * The status colours: the rules of an earlier run (on the same range, or testing for a
 * status text) are removed, and one block of rules on the result range is added where
 * the schema places conditional formats.
 */
export function writeConditional(sheet: SheetSkeleton, styles: StyleBook, plan: WritePlan): void {
  const p = sheet.prefix;
  const priority = dropEarlierRun(sheet, plan);
  const { statusColumn, firstRow, range } = plan.conditional;
  const rules = plan.conditional.rules.map((rule, i) => {
    const dxf = styles.colours(rule.font, rule.fill);
    const formula = escapeXml(`${statusColumn}${firstRow}="${rule.text}"`);
    return (
      `<${p}cfRule type="expression" dxfId="${dxf}" priority="${priority + i + 1}">` +
      `<${p}formula>${formula}</${p}formula></${p}cfRule>`
    );
  });
  sheet.insert(
    "conditionalFormatting",
    `<${p}conditionalFormatting sqref="${range}">${rules.join("")}</${p}conditionalFormatting>`
  );
}

/**
 * Removes the conditional formats an earlier run wrote; returns the highest priority of
 * the ones kept (0 when none), so that the new rules number after them.
 */
function dropEarlierRun(sheet: SheetSkeleton, plan: WritePlan): number {
  const ours = new Set(plan.conditional.rules.map((rule) => rule.text));
  let priority = 0;
  for (const block of childrenNamed(sheet.root, "conditionalFormatting")) {
    const rules = childrenNamed(block, "cfRule");
    const tested = rules
      .flatMap((rule) => childrenNamed(rule, "formula"))
      .map((f) => text(sheet, f));
    const isOurs =
      block.attributes.sqref === plan.conditional.range ||
      tested.some((f) => ours.has(/="(.*)"$/.exec(f)?.[1] ?? ""));
    if (isOurs) sheet.edits.add(block.start, block.end, "");
    else
      for (const rule of rules)
        priority = Math.max(priority, Number(rule.attributes.priority) || 0);
  }
  return priority;
}

/** An element's text content, for one that holds text only. */
function text(sheet: SheetSkeleton, element: XmlElement): string {
  return unescapeXml(sheet.text.slice(element.tagEnd, contentEnd(sheet.text, element)));
}
