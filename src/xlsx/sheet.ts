import ExcelJS from "exceljs";
import { columnNumber } from "../core/text";
import { CellValue, Merge, Table } from "../core/types";
import { STATUS_RULES, WritePlan } from "../core/writePlan";

/*
 * The exceljs side of the product, for the playground (browser) and the tests: a worksheet
 * to a core Table, and a write plan onto a worksheet. No Node imports here. The CLI does
 * not come through here: it reads and patches the package's XML itself (`ooxml/`).
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
  return { row: Number(match[2]), col: columnNumber(match[1]) };
}

/** A snapshot of a worksheet's used range (from A1) as the core's Table. */
export function tableFromWorksheet(sheet: ExcelJS.Worksheet): Table {
  const steps = tableSteps(sheet);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows read between two steps of `tableSteps`. */
const ROWS_PER_STEP = 500;

/**
 * `tableFromWorksheet` in steps of some hundred rows, so that a page can let the browser
 * paint and answer between them; the last step gives the Table.
 */
export function* tableSteps(sheet: ExcelJS.Worksheet): Generator<void, Table> {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let width = 0;
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber++) {
    if (rowNumber % ROWS_PER_STEP === 0) yield;
    const row = sheet.findRow(rowNumber);
    if (row === undefined || !row.hasValues) continue;
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
  }
  const merges = mergedRanges(sheet).map(parseRange);
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

/** exceljs's own index of a sheet's merges (master address → range), as it keeps it. */
type MergeIndex = Record<string, { range: string } | undefined>;

/**
 * The sheet's merged ranges (`A5:A6`). `sheet.model.merges` gives the same list but builds
 * the model of every row and cell first, seconds on a 100.000-row sheet; the index it is
 * built from is read directly, with the model as the fallback should exceljs change.
 */
function mergedRanges(sheet: ExcelJS.Worksheet): string[] {
  const index = (sheet as unknown as { _merges?: MergeIndex })._merges;
  if (index === null || typeof index !== "object") return sheet.model.merges ?? [];
  const ranges: string[] = [];
  for (const merge of Object.values(index)) if (merge) ranges.push(merge.range);
  return ranges;
}

/** Applies a write plan to a worksheet: values, a few number-format ranges, status colour rules. */
export function applyPlan(sheet: ExcelJS.Worksheet, plan: WritePlan): void {
  const steps = applyPlanSteps(sheet, plan);
  while (!steps.next().done);
}

/** Cells written between two steps of `applyPlanSteps`. */
export const CELLS_PER_STEP = 500;

/**
 * `applyPlan` in steps of some hundred cells, so that a page can let the browser paint and
 * answer between them: a sheet of 12.000 rows is 48.000 cells to write.
 */
export function* applyPlanSteps(sheet: ExcelJS.Worksheet, plan: WritePlan): Generator<void> {
  const { inColumns, elsewhere } = formatsByCell(plan);
  yield;
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  for (const column of plan.columns) {
    const header = sheet.getCell(plan.headerRow, column.col);
    header.value = column.header;
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    const formats = inColumns.get(column.col);
    for (let i = 0; i < column.values.length; i++) {
      const row = sheet.getRow(plan.firstRow + i);
      const fresh = row.findCell(column.col) === undefined;
      const cell = row.getCell(column.col);
      // A plain string is stored as text, never as a formula, whatever it starts with.
      cell.value = column.values[i];
      setFormat(cell, formats ? formats[i] : undefined, fresh ? shared : null);
      if (i % CELLS_PER_STEP === CELLS_PER_STEP - 1) yield;
    }
    sheet.getColumn(column.col).width = column.key === "status" ? 22 : 16;
  }
  for (const { row, col, format } of elsewhere) sheet.getCell(row, col).numFmt = format;
  applyStatusRules(sheet, plan);
}

/**
 * Gives a result cell its number format. A cell this run created with no inherited style
 * takes the shared style of its format (`shared` is null for a cell that existed).
 */
function setFormat(
  cell: ExcelJS.Cell,
  format: string | undefined,
  shared: Map<string, Partial<ExcelJS.Style>> | null
): void {
  if (shared !== null && Object.keys(cell.style).length === 0)
    cell.style = sharedStyle(shared, format);
  else if (format !== undefined) cell.numFmt = format;
}

/**
 * One style object per number format for the cells this run creates, instead of one per
 * cell: exceljs serialises a style object once when it writes the file, where it would
 * serialise each cell's own copy (400.000 of them on a 100.000-row sheet). Cells that
 * existed, or that inherit a row or column style, keep their own style object.
 */
function sharedStyle(
  shared: Map<string, Partial<ExcelJS.Style>>,
  format: string | undefined
): Partial<ExcelJS.Style> {
  const key = format ?? "";
  let style = shared.get(key);
  if (style === undefined) {
    style = format === undefined ? {} : { numFmt: format };
    shared.set(key, style);
  }
  return style;
}

/**
 * The plan's number formats cell by cell, a later run winning as it does when applied
 * in turn: by position for the cells of the result columns (set while their values are
 * written, so each cell is looked up once), in a list for any other cell.
 */
function formatsByCell(plan: WritePlan): {
  inColumns: Map<number, (string | undefined)[]>;
  elsewhere: { row: number; col: number; format: string }[];
} {
  const inColumns = new Map<number, (string | undefined)[]>();
  for (const column of plan.columns) inColumns.set(column.col, new Array(column.values.length));
  const elsewhere: { row: number; col: number; format: string }[] = [];
  for (const { col, from, to, format } of plan.numberFormats) {
    const formats = inColumns.get(col);
    for (let r = from; r <= to; r++) {
      const i = r - plan.firstRow;
      if (formats && i >= 0 && i < formats.length) formats[i] = format;
      else elsewhere.push({ row: r, col, format });
    }
  }
  return { inColumns, elsewhere };
}

/** Replaces the colour rules of an earlier run on the result block with this run's. */
function applyStatusRules(sheet: ExcelJS.Worksheet, plan: WritePlan): void {
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
