import { OWN_HEADER_PREFIX } from "./columns";
import { Report, TableError } from "./engine";
import { Grid } from "./grid";
import { HeaderMap } from "./headers";
import { vi } from "./messages/vi";
import { RowStatus } from "./progress";
import { address, columnLetter, fold } from "./text";

export type OutputKey = "achievement" | "remaining" | "status" | "forecast";
export const OUTPUT_KEYS: readonly OutputKey[] = ["achievement", "remaining", "status", "forecast"];

export type WriteValue = string | number | null;

/**
 * Rows `from` to `to` of the result column `col` show `format`: a run of rows with one
 * precision. Numbers, not an address: every host works out its cells from them, and the
 * Excel adapter alone needs an address, which it writes.
 */
export interface FormatRun {
  col: number;
  from: number;
  to: number;
  format: string;
}

/** A colour rule keyed on the status text, applied to the whole block of written columns. */
export interface StatusRule {
  status: RowStatus;
  text: string;
  /** ARGB, as both Excel hosts take it. */
  fill: string;
  font: string;
}

/**
 * Everything a host writes, as data: the Excel adapter and the `.xlsx` writer apply the
 * same plan. Values are column blocks (one array per column, top to bottom), so a host
 * writes each column in one call, and formats are runs of rows, never one per cell.
 */
export interface WritePlan {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: { key: OutputKey; col: number; letter: string; header: string; values: WriteValue[] }[];
  numberFormats: FormatRun[];
  /** The range the status rules cover, and the status column they test (`$M`). */
  conditional: { range: string; statusColumn: string; firstRow: number; rules: StatusRule[] };
}

export const STATUS_RULES: readonly StatusRule[] = [
  { status: "achieved", text: vi.status.achieved, fill: "FFC6EFCE", font: "FF006100" },
  { status: "on_track", text: vi.status.on_track, fill: "FFDDEBF7", font: "FF1F4E79" },
  { status: "at_risk", text: vi.status.at_risk, fill: "FFFFEB9C", font: "FF9C5700" },
  { status: "off_track", text: vi.status.off_track, fill: "FFFFC7CE", font: "FF9C0006" },
  { status: "no_data", text: vi.status.no_data, fill: "FFEDEDED", font: "FF595959" },
];

export function ownHeader(key: OutputKey): string {
  return OWN_HEADER_PREFIX + vi.header[key];
}

/** Excel's last column, XFD. */
const MAX_COLUMN = 16384;

/**
 * Plans the result columns: the columns an earlier run wrote are reused (and cleared
 * first), otherwise new ones go right of every cell from the header down, so no cell the
 * user filled is ever overwritten. Cells above the header (a title, a stray note far out)
 * do not push them away from the table.
 */
export function planWrite(grid: Grid, header: HeaderMap, report: Report): WritePlan {
  const headerRow = header.rows[header.rows.length - 1];
  const firstRow = header.dataStart;
  const lastRow = Math.max(grid.lastRow, firstRow);
  const existing = new Map<OutputKey, number>();
  for (const col of header.ownColumns) {
    const text = fold(grid.text(headerRow, col));
    const key = OUTPUT_KEYS.find((k) => fold(ownHeader(k)) === text);
    if (key !== undefined && !existing.has(key)) existing.set(key, col);
  }
  let next = rightEdge(grid, header.rows[0]) + 1;
  const needed = OUTPUT_KEYS.filter((key) => !existing.has(key)).length;
  if (next + needed - 1 > MAX_COLUMN) throw new TableError("noRoom", vi.error.noRoom(report.sheet));
  const values = columnValues(report, firstRow, lastRow);
  const columns = OUTPUT_KEYS.map((key) => {
    const col = existing.get(key) ?? next++;
    return { key, col, letter: columnLetter(col), header: ownHeader(key), values: values[key] };
  });
  const statusColumn = columns.find((c) => c.key === "status");
  const statusLetter = statusColumn ? statusColumn.letter : columnLetter(next);
  const left = Math.min(...columns.map((c) => c.col));
  const right = Math.max(...columns.map((c) => c.col));
  return {
    sheet: report.sheet,
    headerRow,
    firstRow,
    lastRow,
    columns,
    numberFormats: numberFormats(report, columns, firstRow),
    conditional: {
      range: `${address(firstRow, left)}:${address(lastRow, right)}`,
      statusColumn: `$${statusLetter}`,
      firstRow,
      rules: [...STATUS_RULES],
    },
  };
}

/** The last column that holds a value, or lies under a merge, from row `from` down. */
function rightEdge(grid: Grid, from: number): number {
  let right = grid.firstCol - 1;
  const { values, merges } = grid.table;
  for (let r = Math.max(0, from - grid.firstRow); r < values.length; r++) {
    const line = values[r];
    for (let c = line.length - 1; c >= 0 && grid.firstCol + c > right; c--)
      if (line[c] !== null && line[c] !== undefined) {
        right = grid.firstCol + c;
        break;
      }
  }
  for (const merge of merges) if (merge.bottom >= from) right = Math.max(right, merge.right);
  return right;
}

/**
 * Each result column's values, one per sheet row from `firstRow` (null where no indicator
 * is). One pass over the rows fills all four: a report of 100.000 rows is read once, not
 * once a column.
 */
function columnValues(
  report: Report,
  firstRow: number,
  lastRow: number
): Record<OutputKey, WriteValue[]> {
  const blank = (): WriteValue[] => new Array<WriteValue>(lastRow - firstRow + 1).fill(null);
  const achievement = blank();
  const remaining = blank();
  const status = blank();
  const forecast = blank();
  for (let r = 0; r < report.rows.length; r++) {
    const row = report.rows[r];
    if (row.row < firstRow || row.row > lastRow) continue;
    const i = row.row - firstRow;
    achievement[i] = row.achievement;
    remaining[i] = row.remaining;
    status[i] = vi.status[row.status];
    forecast[i] = row.forecast;
  }
  return { achievement, remaining, status, forecast };
}

/** `#,##0` or `#,##0.00`: amounts keep the precision of their inputs (docs/rules.md §4). */
export function amountFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/** Runs of rows with the same precision share one range, so a sheet gets a handful of formats. */
function numberFormats(
  report: Report,
  columns: WritePlan["columns"],
  firstRow: number
): WritePlan["numberFormats"] {
  const formats: WritePlan["numberFormats"] = [];
  // The amount columns share their runs (the rows' precision): found once, used for each.
  let runs: AmountRun[] | null = null;
  for (const column of columns) {
    if (column.key === "status") continue;
    const end = firstRow + column.values.length - 1;
    if (column.key === "achievement") {
      formats.push({ col: column.col, from: firstRow, to: end, format: "0.00%" });
      continue;
    }
    runs = runs ?? amountRuns(report, firstRow, end);
    for (const { from, to, format } of runs) formats.push({ col: column.col, from, to, format });
  }
  return formats;
}

/** A run of rows with one amount format, for every amount column alike. */
type AmountRun = Omit<FormatRun, "col">;

/** Sheet rows from `firstRow` to `end` cut where the rows' amount format changes. */
function amountRuns(report: Report, firstRow: number, end: number): AmountRun[] {
  const runs: AmountRun[] = [];
  let start = firstRow;
  let current: string | null = null;
  for (let r = 0; r < report.rows.length; r++) {
    const row = report.rows[r];
    const format = amountFormatOf(row.decimals);
    if (current !== null && format !== current) {
      runs.push({ from: start, to: row.row - 1, format: current });
      start = row.row;
    }
    current = format;
  }
  if (current !== null) runs.push({ from: start, to: end, format: current });
  return runs;
}

/** `amountFormat`, each format string made once: a string per row would be garbage. */
const AMOUNT_FORMATS: string[] = [];
function amountFormatOf(decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 30) return amountFormat(decimals);
  return AMOUNT_FORMATS[decimals] ?? (AMOUNT_FORMATS[decimals] = amountFormat(decimals));
}
