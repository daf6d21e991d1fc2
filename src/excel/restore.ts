/// <reference types="office-js" />
import { CellValue } from "../core/types";
import { WritePlan } from "../core/writePlan";
import { PAYLOAD_LIMIT } from "./payload";
import { FIRST_BLOCK, syncWithFirstRows } from "./read";
import { readRowsInChunks } from "./readRows";
import { addStatusRules, Batch, OP_BYTES, RULE_BYTES, writeBlocks } from "./write";

/** One result column as it was before a write: every cell from the header row down. */
interface ColumnBefore {
  letter: string;
  /** The header the write gives the column: still there, the column has not moved. */
  written: string;
  values: (string | number | boolean)[];
  formats: string[];
  /** The header cell's bold and wrap, which the write sets. */
  bold: boolean;
  wrap: boolean;
  width: number;
}

/** What a plan's columns held, header row to last row, so that a write can be taken back. */
export interface Before {
  sheet: string;
  top: number;
  /** The block the plan's colour rules cover, cleared when the write is taken back. */
  rules: string;
  /**
   * The colour rules an earlier compute had put on the block (its status column held our
   * header), put back with it; null when the block had none of ours.
   */
  ownRules: WritePlan["conditional"] | null;
  columns: ColumnBefore[];
}

/**
 * Reads what the plan will replace: the result columns' values and number formats (in
 * chunks sized to Excel's 5 MB limit), the header cells' bold and wrap, the columns'
 * widths, and whether the sheet is protected. A sheet under 2.000 rows takes one round trip.
 */
export async function readBefore(
  context: Excel.RequestContext,
  plan: WritePlan
): Promise<{ before: Before; protected: boolean }> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  const left = Math.min(...plan.columns.map((c) => c.col));
  const right = Math.max(...plan.columns.map((c) => c.col));
  const area = {
    rowIndex: plan.headerRow - 1,
    columnIndex: left - 1,
    rowCount: plan.lastRow - plan.headerRow + 1,
    columnCount: right - left + 1,
  };
  // The protection, the headers, the widths and the first rows share one round trip.
  const { heads, first } = await syncWithFirstRows(
    context,
    (rows) => {
      sheet.load("protection/protected");
      const heads = plan.columns.map((column) => {
        const header = sheet.getRange(`${column.letter}${plan.headerRow}`);
        header.load("format/font/bold,format/wrapText");
        const whole = sheet.getRange(`${column.letter}:${column.letter}`);
        whole.load("format/columnWidth");
        return { header, whole };
      });
      const count = Math.min(rows, area.rowCount);
      const first =
        count === 0
          ? null
          : sheet.getRangeByIndexes(area.rowIndex, area.columnIndex, count, area.columnCount);
      first?.load("values,numberFormat");
      return { heads, first };
    },
    firstRows(area.columnCount)
  );
  const before: Before = {
    sheet: plan.sheet,
    top: plan.headerRow,
    rules: plan.conditional.range,
    ownRules: null,
    columns: [],
  };
  // Synced by syncWithFirstRows, which the lint rule cannot follow.
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
  if (sheet.protection.protected) return { before, protected: true };
  const head = first && { values: first.values as CellValue[][], formats: first.numberFormat };
  const offsets = plan.columns.map((c) => c.col - left);
  const rows = await readRowsInChunks(
    context,
    sheet,
    area,
    { values: true, formats: offsets },
    head
  );
  before.columns = plan.columns.map((column, i) => {
    const offset = column.col - left;
    return {
      letter: column.letter,
      written: column.header,
      values: rows.values.map((line) => blankAsEmpty(line[offset])),
      formats: rows.formats.map((line) => line[offset] ?? "General"),
      bold: heads[i].header.format.font.bold === true,
      wrap: heads[i].header.format.wrapText === true,
      width: heads[i].whole.format.columnWidth,
    };
  });
  const status = plan.columns.findIndex((column) => column.key === "status");
  if (status >= 0 && before.columns[status].values[0] === plan.columns[status].header)
    before.ownRules = plan.conditional;
  return { before, protected: false };
}

/** Bytes a result cell is guessed to take, value and format, before any row is weighed. */
const CELL_BYTES = 40;

/**
 * Rows the first read takes: as many as a response has room for at the guessed size. The
 * result columns are few, so a sheet of some 10.000 rows is read in one round trip.
 */
function firstRows(columns: number): number {
  return Math.max(FIRST_BLOCK, Math.floor(PAYLOAD_LIMIT / (columns * CELL_BYTES)));
}

/** Excel gives a blank cell back as "", and "" written clears a cell. */
function blankAsEmpty(value: CellValue | undefined): string | number | boolean {
  return value === null || value === undefined ? "" : value;
}

/**
 * Puts the columns back as `before` found them, values, number formats, header and widths,
 * and removes the colour rules the write added. As large as the write itself, so it goes in
 * requests filled the same way.
 */
export async function restore(context: Excel.RequestContext, before: Before): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(before.sheet);
  const batch = new Batch(context);
  sheet.getRange(before.rules).conditionalFormats.clearAll();
  if (before.ownRules) {
    addStatusRules(sheet, before.ownRules);
    batch.add(RULE_BYTES * before.ownRules.rules.length);
  }
  for (const column of before.columns) {
    const { letter } = column;
    // Formats first: a text-formatted "001" written back stays text.
    await writeBlocks(batch, sheet, {
      letter,
      from: before.top,
      cells: column.formats,
      property: "numberFormat",
    });
    await writeBlocks(batch, sheet, {
      letter,
      from: before.top,
      cells: column.values,
      property: "values",
    });
    // The header and width: three small operations, weighed as the write weighs them.
    if (!batch.fits(3 * OP_BYTES)) await batch.sync();
    batch.add(3 * OP_BYTES);
    const title = sheet.getRange(`${letter}${before.top}`);
    title.format.font.bold = column.bold;
    title.format.wrapText = column.wrap;
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = column.width;
  }
  await context.sync();
}

/**
 * The sheets whose result columns no longer carry the headers the write gave them: a
 * column inserted or deleted since, or a header edited. One round trip for them all.
 */
export async function movedSheets(
  context: Excel.RequestContext,
  befores: readonly Before[]
): Promise<string[]> {
  const heads = befores.map((before) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(before.sheet);
    const cells = before.columns.map((column) => {
      const cell = sheet.getRange(`${column.letter}${before.top}`);
      cell.load("values");
      return cell;
    });
    return { before, sheet, cells };
  });
  await context.sync();
  return heads
    .filter(
      ({ before, sheet, cells }) =>
        sheet.isNullObject ||
        cells.some((cell, i) => cell.values[0]?.[0] !== before.columns[i].written)
    )
    .map(({ before }) => before.sheet);
}
