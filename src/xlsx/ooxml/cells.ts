import { WritePlan, WriteValue } from "../../core/writePlan";
import { columnLetter } from "../../core/text";
import { StyleBook } from "./styles";
import { escapeXml } from "./xml";

/*
 * The result cells of a write plan, row by row, and their XML: what goes into a row is
 * decided here; where in the row it goes is the row patch's (patch.ts).
 */

/** One result cell to write: its value and number format; `header` for the header row's. */
export interface NewCell {
  col: number;
  value: WriteValue;
  format: string | undefined;
  header: boolean;
}

/**
 * The result cells of each sheet row, made as the rows are met. The number formats are
 * looked up by row per column once (the plan holds a few ranges).
 */
export function cellSource(plan: WritePlan): (row: number) => NewCell[] | null {
  const formats = new Map<number, (string | undefined)[]>();
  for (const column of plan.columns) formats.set(column.col, new Array(column.values.length));
  for (const { col, from, to, format } of plan.numberFormats) {
    const byRow = formats.get(col);
    // The plan formats its own columns only; anything else would be a new kind of plan.
    if (!byRow) throw new Error(`write plan formats column ${col}, outside its columns`);
    for (let r = Math.max(from, plan.firstRow); r <= to; r++) byRow[r - plan.firstRow] = format;
  }
  const columns = [...plan.columns].sort((a, b) => a.col - b.col);
  return (row) => {
    if (row === plan.headerRow)
      return columns.map((c) => ({ col: c.col, value: c.header, format: undefined, header: true }));
    if (row < plan.firstRow || row > plan.lastRow) return null;
    const i = row - plan.firstRow;
    return columns.map((c) => ({
      col: c.col,
      value: c.values[i],
      format: formats.get(c.col)?.[i],
      header: false,
    }));
  };
}

/** Rows that need a cell of their own even where the sheet has no `<row>` yet. */
export function rowsWithValues(plan: WritePlan): number[] {
  const rows: number[] = [];
  const header = plan.headerRow;
  const height = Math.max(0, ...plan.columns.map((column) => column.values.length));
  // In sheet order as they are found, the header row in its place: nothing to sort.
  if (header < plan.firstRow) rows.push(header);
  for (let i = 0; i < height; i++) {
    const row = plan.firstRow + i;
    if (row === header || hasValue(plan, i)) rows.push(row);
  }
  if (header >= plan.firstRow + height) rows.push(header);
  return rows;
}

/** Whether any result column has a value at index `i` (sheet row `firstRow + i`). */
function hasValue(plan: WritePlan, i: number): boolean {
  for (const column of plan.columns) if ((column.values[i] ?? null) !== null) return true;
  return false;
}

/**
 * The result cells as XML, one text per cell. A null value writes no cell unless one was
 * there (`existing`: column → its style): it is then emptied, its format kept.
 */
export function newCells(
  cells: NewCell[],
  existing: Map<number, string | undefined>,
  rowStyle: string | undefined,
  row: number,
  styles: StyleBook,
  p: string
): string[] {
  return cells.map((cell) => {
    const had = existing.has(cell.col);
    if (cell.value === null && !had) return "";
    const base = had ? existing.get(cell.col) : rowStyle;
    let style: number | undefined;
    if (cell.header) style = styles.header();
    else if (cell.format !== undefined)
      style = styles.withNumberFormat(base === undefined ? undefined : Number(base), cell.format);
    else if (base !== undefined) style = Number(base);
    const s = style === undefined || style === 0 ? "" : ` s="${style}"`;
    return cellXml(p, `${columnLetter(cell.col)}${row}`, s, cell.value);
  });
}

/** One cell's XML: a number as `<v>`, a text inline; an empty cell for null or a non-finite number. */
function cellXml(p: string, ref: string, s: string, value: WriteValue): string {
  if (value === null || (typeof value === "number" && !Number.isFinite(value)))
    return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  // Inline text: stored as text whatever it starts with, and no shared-string table to grow.
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  const t = `<${p}t${space}>${escapeXml(value)}</${p}t>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is>${t}</${p}is></${p}c>`;
}
