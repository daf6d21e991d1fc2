import ExcelJS from "exceljs";
import { isOwnHeader } from "../core/columns";
import { STATUS_RULES } from "../core/writePlan";
import { columnLetter } from "../core/text";
import { plainValue } from "../xlsx/sheet";

/** One cell as the grid shows it: its text and, for a status cell, its status colours. */
export interface GridCell {
  text: string;
  fill?: string;
  font?: string;
  numeric: boolean;
}

export interface GridModel {
  columns: string[];
  /** Rows the grid has, 1 to `count`. */
  count: number;
  /** Row `row` (1-based) as the grid shows it; built when first drawn, then kept. */
  row(row: number): { row: number; cells: GridCell[] };
  truncated: boolean;
}

/** The grid shows at most this many rows; the download has them all. */
export const GRID_ROWS = 2000;

const RULES = new Map(STATUS_RULES.map((rule) => [rule.text, rule]));
const argb = (color: string) => `#${color.slice(2)}`;

/**
 * A cell if the sheet holds one: reading never creates one (exceljs's `getCell` does,
 * styled by its row, and the download would carry it).
 */
function cellAt(sheet: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell | undefined {
  return sheet.findRow(row)?.findCell(col);
}

function shown(cell: ExcelJS.Cell | undefined): string {
  if (cell === undefined) return "";
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  const value = plainValue(cell.value);
  if (value === null) return "";
  if (typeof value === "number" && cell.numFmt && cell.numFmt.includes("%")) {
    return `${(value * 100).toFixed(2).replace(".", ",")}%`;
  }
  if (typeof value === "number") return String(Number(value.toPrecision(12))).replace(".", ",");
  return String(value);
}

/** An exceljs cell (not an Office.js range: nothing to load) holding a number. */
function isNumeric(cell: ExcelJS.Cell | undefined): boolean {
  return cell !== undefined && typeof plainValue(cell.value) === "number";
}

/** Columns this product wrote: their header starts with its prefix, in the first rows. */
function ownColumns(sheet: ExcelJS.Worksheet, width: number): Set<number> {
  const own = new Set<number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 40); r++) {
    for (let c = 1; c <= width; c++) if (isOwnHeader(shown(cellAt(sheet, r, c)))) own.add(c);
  }
  return own;
}

/**
 * The sheet as rows of text, the result columns coloured by status as Excel's rules paint
 * them. Rows are built as the grid draws them: it draws those in view, not all 2.000.
 */
export function gridModel(sheet: ExcelJS.Worksheet): GridModel {
  const width = Math.max(sheet.columnCount, 1);
  const count = Math.min(sheet.rowCount, GRID_ROWS);
  const columns = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const own = ownColumns(sheet, width);
  const built = new Map<number, { row: number; cells: GridCell[] }>();
  const build = (r: number) => {
    const line = columns.map((_, c) => cellAt(sheet, r, c + 1));
    const texts = line.map(shown);
    const rule = texts
      .map((t, c) => (own.has(c + 1) ? RULES.get(t) : undefined))
      .find((found) => found);
    const cells = texts.map((text, c) => ({
      text,
      numeric: isNumeric(line[c]),
      ...(rule && own.has(c + 1) ? { fill: argb(rule.fill), font: argb(rule.font) } : {}),
    }));
    return { row: r, cells };
  };
  return {
    columns,
    count,
    row: (r) => {
      let found = built.get(r);
      if (found === undefined) built.set(r, (found = build(r)));
      return found;
    },
    truncated: sheet.rowCount > GRID_ROWS,
  };
}
