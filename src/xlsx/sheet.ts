import ExcelJS from "exceljs";
import { CellValue, Merge, Table } from "../core/types";
import { STATUS_RULES, WritePlan } from "../core/writePlan";

/*
 * The exceljs side of the product, shared by the CLI (Node) and the playground (browser):
 * a worksheet to a core Table, and a write plan onto a worksheet. No Node imports here.
 */

/** exceljs's view of a cell's value, which nests formulas, rich text and links. */
type RawValue = ExcelJS.CellValue;

/** The value a person sees in a cell: a formula's cached result, rich text as plain text. */
export function plainValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) {
    const dd = String(value.getUTCDate()).padStart(2, "0");
    const mm = String(value.getUTCMonth() + 1).padStart(2, "0");
    return `${dd}/${mm}/${value.getUTCFullYear()}`;
  }
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return null;
    if (typeof result === "object" && result !== null && "error" in result)
      return String(result.error);
    return plainValue(result as RawValue);
  }
  if ("text" in value) return plainValue(value.text as RawValue);
  return null;
}

/** Parses `A5:B6` into a merge. */
export function parseRange(range: string): Merge {
  const [from, to = from] = range.replace(/\$/g, "").split(":");
  const a = parseAddress(from);
  const b = parseAddress(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function parseAddress(ref: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/i.exec(ref.trim());
  if (!match) throw new Error(`Bad cell address: ${ref}`);
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

/** A snapshot of a worksheet's used range (from A1) as the core's Table. */
export function tableFromWorksheet(sheet: ExcelJS.Worksheet): Table {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: CellValue[] = [];
    const lineFormats: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // exceljs repeats a merge's value in every cell of it; Excel keeps it in the first only.
      const hidden = cell.isMerged && cell.master.address !== cell.address;
      line[colNumber - 1] = hidden ? null : plainValue(cell.value);
      lineFormats[colNumber - 1] = cell.numFmt ? cell.numFmt : null;
      width = Math.max(width, colNumber);
    });
    values[rowNumber - 1] = line;
    formats[rowNumber - 1] = lineFormats;
  });
  const merges = (sheet.model.merges ?? []).map(parseRange);
  for (const merge of merges) width = Math.max(width, merge.right);
  const height = Math.max(values.length, ...merges.map((m) => m.bottom), 0);
  for (let r = 0; r < height; r++) {
    const line = values[r] ?? [];
    const lineFormats = formats[r] ?? [];
    for (let c = 0; c < width; c++) {
      if (line[c] === undefined) line[c] = null;
      if (lineFormats[c] === undefined) lineFormats[c] = null;
    }
    values[r] = line;
    formats[r] = lineFormats;
  }
  return { sheet: sheet.name, origin: { row: 1, col: 1 }, values, formats, merges };
}

/** Applies a write plan to a worksheet: values, a few number-format ranges, status colour rules. */
export function applyPlan(sheet: ExcelJS.Worksheet, plan: WritePlan): void {
  for (const column of plan.columns) {
    const header = sheet.getCell(plan.headerRow, column.col);
    header.value = column.header;
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    column.values.forEach((value, i) => {
      // A plain string is stored as text, never as a formula, whatever it starts with.
      sheet.getCell(plan.firstRow + i, column.col).value = value;
    });
    sheet.getColumn(column.col).width = column.key === "status" ? 22 : 16;
  }
  for (const { range, format } of plan.numberFormats) {
    const { top, left, bottom, right } = parseRange(range);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) sheet.getCell(r, c).numFmt = format;
    }
  }
  const ours = new Set(STATUS_RULES.map((rule) => rule.text));
  sheet.removeConditionalFormatting(
    (cf: ExcelJS.ConditionalFormattingOptions) =>
      cf.ref !== plan.conditional.range &&
      !cf.rules.some(
        (rule) =>
          "formulae" in rule && (rule.formulae ?? []).some((f: unknown) => ours.has(quoted(f)))
      )
  );
  sheet.addConditionalFormatting({
    ref: plan.conditional.range,
    rules: plan.conditional.rules.map((rule, i) => ({
      type: "expression",
      priority: i + 1,
      formulae: [`${plan.conditional.statusColumn}${plan.conditional.firstRow}="${rule.text}"`],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: rule.fill } },
        font: { color: { argb: rule.font } },
      },
    })),
  });
}

/** The quoted text a rule formula compares with: `$M7="Đúng tiến độ"` → `Đúng tiến độ`. */
function quoted(formula: unknown): string {
  const match = /="(.*)"$/.exec(String(formula));
  return match ? match[1] : "";
}
