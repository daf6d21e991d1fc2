import { WritePlan } from "../../core/writePlan";
import { SheetText } from "./sheetText";
import { StyleBook } from "./styles";
import { attr, escapeRegExp, escapeXml, unescapeXml } from "./xml";

/** The elements that may follow `<conditionalFormatting>` in a worksheet, in schema order. */
const AFTER_CONDITIONAL = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * The status colours: the rules of an earlier run (on the same range, or testing for a
 * status text) are removed, and one block of rules on the result range is added where
 * the schema places conditional formats.
 */
export function writeConditional(sheet: SheetText, styles: StyleBook, plan: WritePlan): void {
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
  const block = `<${p}conditionalFormatting sqref="${range}">${rules.join("")}</${p}conditionalFormatting>`;
  let at = sheet.firstOf(AFTER_CONDITIONAL);
  if (at < 0) at = sheet.text.lastIndexOf(`</${p}worksheet>`);
  sheet.splice(at, at, block);
}

/**
 * Removes the conditional formats an earlier run wrote; returns the highest priority of
 * the ones kept (0 when none), so that the new rules number after them.
 */
function dropEarlierRun(sheet: SheetText, plan: WritePlan): number {
  const p = sheet.prefix;
  const ours = new Set(plan.conditional.rules.map((rule) => rule.text));
  let priority = 0;
  for (let found = sheet.element("conditionalFormatting"); found;) {
    const block = sheet.text.slice(found.start, found.end);
    const formulas = [...block.matchAll(new RegExp(`<${escapeRegExp(p)}formula>([^<]*)<`, "g"))];
    const isOurs =
      attr(found.tag, "sqref") === plan.conditional.range ||
      formulas.some((f) => ours.has(/="(.*)"$/.exec(unescapeXml(f[1]))?.[1] ?? ""));
    if (isOurs) {
      sheet.splice(found.start, found.end, "");
      found = sheet.element("conditionalFormatting", found.start);
    } else {
      for (const m of block.matchAll(/\spriority="(\d+)"/g))
        priority = Math.max(priority, Number(m[1]));
      found = sheet.element("conditionalFormatting", found.end);
    }
  }
  return priority;
}
