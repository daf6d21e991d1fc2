/// <reference types="office-js" />
import { CellValue } from "../core/types";
import { ChunkSizer, sampleRows } from "./chunks";
import { isPayloadTooLarge, rowBytes } from "./payload";

/** Where a block of rows sits, 0-based as Office.js gives a range. */
export interface Area {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface Rows {
  values: CellValue[][];
  /** Each row's formats, null in the columns whose formats were not read; none if no column's were. */
  formats: (string | null)[][];
}

/** What a read brings of each row: its values or not, and the number formats of some columns. */
export interface RowShape {
  values: boolean;
  /** Offsets in the area (0 is its first column) of the columns whose formats are read. */
  formats: readonly number[];
}

/**
 * Runs of adjacent offsets as [start, count]: each run of columns is one range to load.
 * @example runsOf([3, 4, 5, 8]) // [[3, 3], [8, 1]]
 */
export function runsOf(offsets: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === offset) last[1]++;
    else runs.push([offset, 1]);
  }
  return runs;
}

/**
 * All rows of `area` in `shape`: the `first` rows already read (kept whole), then one
 * round trip per chunk, each sized by bytes (`ChunkSizer`). A chunk that still comes back
 * over the limit is refused by Excel, and read again in smaller parts.
 */
export async function readRowsInChunks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Area,
  shape: RowShape,
  first: Rows | null
): Promise<Rows> {
  const out: Rows = { values: [], formats: [] };
  const width = area.columnCount;
  const runs = runsOf(shape.formats);
  // Every column's formats go with the values, in the same range: no second array.
  const together = shape.values && runs.length === 1 && runs[0][1] === width;
  const sizer = new ChunkSizer(shape.values ? width : shape.formats.length);
  const end = area.rowIndex + area.rowCount; // exclusive
  let next = area.rowIndex;
  // Bytes of a row as this shape reads it, whatever the rows given held.
  const weigh = (rows: Rows, i: number): number => {
    let bytes = shape.values ? rowBytes(rows.values[i]) : 0;
    const formats = rows.formats[i];
    if (formats && together) bytes += rowBytes(formats);
    else if (formats)
      for (const [start, count] of runs) bytes += rowBytes(formats.slice(start, start + count));
    return bytes;
  };
  const take = (rows: Rows, count: number): void => {
    // A loop, not a spread: a chunk of narrow rows can be more rows than a call takes arguments.
    for (const row of rows.values) out.values.push(row);
    for (const row of rows.formats) out.formats.push(row);
    sizer.read(
      count,
      sampleRows(count).map((i) => weigh(rows, i))
    );
    next += count;
  };
  if (first) take(first, first.values.length);
  while (next < end) {
    const count = sizer.next(end - next);
    const range = (start: number, columns: number) =>
      sheet.getRangeByIndexes(next, area.columnIndex + start, count, columns);
    const values = shape.values ? range(0, width) : null;
    values?.load(together ? "values,numberFormat" : "values");
    const parts = together ? [] : runs.map(([start, columns]) => range(start, columns));
    for (const part of parts) part.load("numberFormat");
    try {
      // One sync per chunk on purpose: each response must stay under the 5 MB limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (count === 1 || !isPayloadTooLarge(error)) throw error;
      sizer.refused(count);
      continue;
    }
    const chunk: Rows = { values: values ? (values.values as CellValue[][]) : [], formats: [] };
    if (together && values) chunk.formats = values.numberFormat;
    else if (parts.length > 0) chunk.formats = spread(parts, runs, width, count);
    take(chunk, count);
  }
  return out;
}

/** Formats read by runs of columns, as full rows with null where no run reached. */
function spread(
  parts: Excel.Range[],
  runs: [number, number][],
  width: number,
  count: number
): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (let i = 0; i < count; i++) rows.push(new Array<string | null>(width).fill(null));
  parts.forEach((part, k) => {
    const start = runs[k][0];
    const formats = part.numberFormat as (string | null)[][];
    for (let i = 0; i < count; i++) {
      const line = formats[i];
      for (let j = 0; j < line.length; j++) rows[i][start + j] = line[j];
    }
  });
  return rows;
}
