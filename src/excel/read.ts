/// <reference types="office-js" />
import { ColumnRole } from "../core/columns";
import { columnNumber } from "../core/text";
import { CellValue, Merge, Table } from "../core/types";
import { formatColumns } from "./formatColumns";
import { isPayloadTooLarge } from "./payload";
import { Area, readRowsInChunks, Rows } from "./readRows";

/** Rows that come back with the sheet's size: a small sheet is read in one round trip. */
export const FIRST_BLOCK = 2000;
/** Merges matter for the header block and headings near it; Excel refuses more than 512 at once. */
const MERGE_ROWS = 60;

/**
 * The sheet as the core reads it, and its protection, which writing needs. The size,
 * the protection, the merges and the first rows (values and formats) share the first
 * round trip; the rest comes in chunks sized by bytes (`readRowsInChunks`). Below the
 * first rows, formats are read only where the engine reads them: in the figure columns
 * of the header the first rows show, and in those the user `corrections` name.
 */
export async function readTable(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  corrections: (sheet: string) => Partial<Record<ColumnRole, number>> = () => ({})
): Promise<{ table: Table; protected: boolean }> {
  const { used, merged, first } = await syncWithFirstRows(context, (rows) => {
    sheet.load("name,protection/protected");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = used.getIntersectionOrNullObject(`1:${MERGE_ROWS}`).getMergedAreasOrNullObject();
    merged.load("address");
    const first = rows > 0 ? used.getIntersectionOrNullObject(`1:${rows}`) : null;
    first?.load("values,numberFormat,rowIndex,rowCount");
    return { used, merged, first };
  });
  const isProtected = sheet.protection.protected;
  if (used.isNullObject) {
    const origin = { row: 1, col: 1 };
    const empty: Table = { sheet: sheet.name, origin, values: [], formats: [], merges: [] };
    return { table: empty, protected: isProtected };
  }
  const head: Rows =
    first && !first.isNullObject && first.rowIndex === used.rowIndex
      ? { values: first.values as CellValue[][], formats: first.numberFormat }
      : { values: [], formats: [] };
  const table: Table = {
    sheet: sheet.name,
    origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 },
    values: head.values,
    formats: head.formats,
    merges: merged.isNullObject ? [] : parseMerges(merged.address),
  };
  if (head.values.length < used.rowCount)
    await readRest(context, sheet, used, table, corrections(sheet.name));
  return { table, protected: isProtected };
}

/**
 * The rows of `used` below those `table` holds, into it: every column's values, and the
 * formats of the columns the engine reads them in, by the header the rows held show.
 */
async function readRest(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: Area,
  table: Table,
  corrections: Partial<Record<ColumnRole, number>>
): Promise<void> {
  const held = table.values.length;
  const width = used.columnCount;
  const head: Rows = { values: table.values, formats: table.formats ?? [] };
  const wanted = offsetsIn(formatColumns(table, corrections), table.origin.col, width);
  const shape = { values: true, formats: wanted };
  const rows = await readRowsInChunks(context, sheet, used, shape, head);
  table.values = rows.values;
  table.formats = rows.formats;
  // The header detection looks at the top 250 rows or so, which the first rows hold unless
  // long texts made Excel refuse them: then the whole sheet's header may differ from theirs,
  // and the formats it reads are fetched now rather than taken as General.
  const needed = offsetsIn(formatColumns(table, corrections), table.origin.col, width);
  const missing = needed.filter((offset) => !wanted.includes(offset));
  if (missing.length === 0) return;
  const rest: Area = {
    rowIndex: used.rowIndex + held,
    columnIndex: used.columnIndex,
    rowCount: used.rowCount - held,
    columnCount: width,
  };
  const late = await readRowsInChunks(
    context,
    sheet,
    rest,
    { values: false, formats: missing },
    null
  );
  late.formats.forEach((line, i) => {
    for (const offset of missing) rows.formats[held + i][offset] = line[offset];
  });
}

/** Sheet columns as offsets in an area of `width` columns from `left`; null is all of them. */
function offsetsIn(columns: number[] | null, left: number, width: number): number[] {
  if (columns === null) return Array.from({ length: width }, (_, i) => i);
  return columns.map((col) => col - left).filter((offset) => offset >= 0 && offset < width);
}

/**
 * A block's values and the sheet's protection, for writing without an earlier read. The
 * protection comes with the first rows; a protected sheet is refused, so nothing more is read.
 */
export async function readBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: Area
): Promise<{ values: CellValue[][]; protected: boolean }> {
  const first = await syncWithFirstRows(context, (rows) => {
    sheet.load("protection/protected");
    const count = Math.min(rows, area.rowCount);
    if (count === 0) return null;
    const range = sheet.getRangeByIndexes(area.rowIndex, area.columnIndex, count, area.columnCount);
    range.load("values,rowIndex,rowCount");
    return range;
  });
  if (sheet.protection.protected) return { values: [], protected: true };
  const head: Rows | null = first ? { values: first.values as CellValue[][], formats: [] } : null;
  const rows = await readRowsInChunks(context, sheet, area, { values: true, formats: [] }, head);
  return { values: rows.values, protected: false };
}

/**
 * Syncs the loads `queue` asks for with the first `first` rows (`FIRST_BLOCK` unless told).
 * If Excel refuses the response for its size (long texts, a very wide sheet), asks again
 * with half as many rows.
 */
export async function syncWithFirstRows<T>(
  context: Excel.RequestContext,
  queue: (rows: number) => T,
  first = FIRST_BLOCK
): Promise<T> {
  for (let rows = first; ; rows = Math.floor(rows / 2)) {
    const loads = queue(rows);
    try {
      // One sync per try on purpose: a refused response is only known after it.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return loads;
    } catch (error) {
      if (rows === 0 || !isPayloadTooLarge(error)) throw error;
    }
  }
}

const AREA = /(?:'(?:[^']|'')*'|[^!,\s]+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;

/** `'Chỉ tiêu'!A5:A6, 'Chỉ tiêu'!D5:E5` → merges; sheet names may hold commas inside quotes. */
export function parseMerges(address: string): Merge[] {
  const merges: Merge[] = [];
  for (const match of address.matchAll(AREA)) {
    const [, c1, r1, c2 = c1, r2 = r1] = match;
    merges.push({
      top: Number(r1),
      left: columnNumber(c1),
      bottom: Number(r2),
      right: columnNumber(c2),
    });
  }
  return merges;
}
