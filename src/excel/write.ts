/// <reference types="office-js" />
import { columnLetter } from "../core/text";
import { FormatRun, WritePlan } from "../core/writePlan";
import { cellBytes, PAYLOAD_LIMIT, payloadBytes } from "./payload";

type Cell = string | number | boolean;
/** Cells of one result column, top to bottom from `from`, written as `values` or `numberFormat`. */
export type Blocks = {
  letter: string;
  from: number;
  cells: Cell[];
  property: "values" | "numberFormat";
};
/** A sized operation, or a column of cells, which is split to fill each request. */
type Op = { bytes: number; apply: (sheet: Excel.Worksheet) => void } | { blocks: Blocks };

/** Bytes a queued operation takes besides its data (the range, the method). */
export const OP_BYTES = 64;

/**
 * The request being built: the bytes queued so far, and a sync whenever the next part
 * would take it past the limit. One round trip for a sheet under 5 MB, one more per 5 MB.
 */
export class Batch {
  private queued = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  fits(bytes: number): boolean {
    return this.queued === 0 || this.queued + bytes <= PAYLOAD_LIMIT;
  }

  add(bytes: number): void {
    this.queued += bytes;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}

/**
 * Queues the plan as a few large operations (column blocks, format ranges, colour rules),
 * filling each request up to the limit before it syncs: a column is cut where the request
 * is full, not where the column ends.
 */
export async function applyPlanInBatches(
  context: Excel.RequestContext,
  plan: WritePlan
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  const batch = new Batch(context);
  for (const op of operations(plan)) {
    if ("blocks" in op) {
      await writeBlocks(batch, sheet, op.blocks);
      continue;
    }
    // A sync only when the next operation would take the request past the limit.
    if (!batch.fits(op.bytes)) await batch.sync();
    op.apply(sheet);
    batch.add(op.bytes);
  }
  await context.sync();
}

/** Writes a column of cells as row blocks, each as large as the current request has room for. */
export async function writeBlocks(
  batch: Batch,
  sheet: Excel.Worksheet,
  blocks: Blocks
): Promise<void> {
  const { letter, property } = blocks;
  let rows: Cell[][] = [];
  let bytes = 0;
  let from = blocks.from;
  const queue = (): void => {
    if (rows.length === 0) return;
    const range = sheet.getRange(`${letter}${from}:${letter}${from + rows.length - 1}`);
    if (property === "values") range.values = rows;
    else range.numberFormat = rows as string[][];
    batch.add(bytes);
    from += rows.length;
    rows = [];
    bytes = 0;
  };
  for (const cell of blocks.cells) {
    const size = cellBytes(cell) + 3;
    if (!batch.fits(bytes + size)) {
      queue();
      // One sync per full request on purpose: each must stay under the 5 MB limit.
      await batch.sync();
    }
    rows.push([cell]);
    bytes += size;
  }
  queue();
}

function operations(plan: WritePlan): Op[] {
  const ops: Op[] = [];
  const block = plan.conditional.range;
  // Clear the colour rules of an earlier run on our own block before adding this run's.
  ops.push({
    bytes: OP_BYTES,
    apply: (sheet) => sheet.getRange(block).conditionalFormats.clearAll(),
  });
  for (const column of plan.columns) {
    ops.push({
      bytes: payloadBytes(column.header) + OP_BYTES,
      apply: (sheet) => {
        const header = sheet.getRange(`${column.letter}${plan.headerRow}`);
        header.values = [[column.header]];
        header.format.font.bold = true;
        header.format.wrapText = true;
        sheet.getRange(`${column.letter}:${column.letter}`).format.columnWidth =
          column.key === "status" ? 130 : 90;
      },
    });
    // Nulls clear cells: "".
    const cells = column.values.map((value) => (value === null ? "" : value));
    ops.push({ blocks: { letter: column.letter, from: plan.firstRow, cells, property: "values" } });
  }
  ops.push(...formatOperations(plan));
  ops.push({
    bytes: RULE_BYTES * plan.conditional.rules.length,
    apply: (sheet) => addStatusRules(sheet, plan.conditional),
  });
  return ops;
}

/** Bytes of one colour rule in a request. */
export const RULE_BYTES = 256;

/** The status colour rules over the result block, one per status. */
export function addStatusRules(sheet: Excel.Worksheet, conditional: WritePlan["conditional"]) {
  for (const rule of conditional.rules) {
    const cf = sheet.getRange(conditional.range).conditionalFormats.add("Custom");
    cf.custom.rule.formula = `=${conditional.statusColumn}${conditional.firstRow}="${rule.text}"`;
    cf.custom.format.fill.color = `#${rule.fill.slice(2)}`;
    cf.custom.format.font.color = `#${rule.font.slice(2)}`;
  }
}

/**
 * The number formats. A column whose precision changes from row to row has a range per
 * run (thousands on a large sheet, each an operation with its address); when the
 * column's formats as one array are smaller, they go as array blocks instead. The cells
 * end with the same formats: the array holds, cell by cell, the last range's format.
 */
function formatOperations(plan: WritePlan): Op[] {
  const byColumn = new Map<number, FormatRun[]>();
  for (const run of plan.numberFormats) {
    // A run outside the result rows: every run keeps its order.
    if (run.from < plan.firstRow || run.to > plan.lastRow)
      return plan.numberFormats.map(rangeOperation);
    const runs = byColumn.get(run.col);
    if (runs) runs.push(run);
    else byColumn.set(run.col, [run]);
  }
  const ops: Op[] = [];
  // Columns share no cell, so each column's formats can go on their own.
  for (const [col, runs] of byColumn) {
    const blocks = formatBlocks(plan, columnLetter(col), runs);
    if (blocks.length > 0) ops.push(...blocks.map((b) => ({ blocks: b })));
    else ops.push(...runs.map(rangeOperation));
  }
  return ops;
}

function rangeOperation({ col, from, to, format }: FormatRun): Op {
  const letter = columnLetter(col);
  const range = `${letter}${from}:${letter}${to}`;
  return { bytes: OP_BYTES, apply: (sheet) => (sheet.getRange(range).numberFormat = [[format]]) };
}

/** A column's formats as array blocks over its covered rows; none when the ranges are smaller. */
function formatBlocks(plan: WritePlan, letter: string, runs: FormatRun[]): Blocks[] {
  const formats: (string | undefined)[] = new Array(plan.lastRow - plan.firstRow + 1);
  for (const { from, to, format } of runs)
    for (let r = from; r <= to; r++) formats[r - plan.firstRow] = format;
  const arrayBytes = formats.reduce((sum, f) => sum + (f === undefined ? 0 : f.length + 5), 0);
  if (arrayBytes >= runs.length * OP_BYTES) return [];
  // One block per run of covered rows: a row no range covers keeps its format.
  const blocks: Blocks[] = [];
  formats.forEach((format, i) => {
    if (format === undefined) return;
    const last = blocks[blocks.length - 1];
    const row = plan.firstRow + i;
    if (last && last.from + last.cells.length === row) last.cells.push(format);
    else blocks.push({ letter, from: row, cells: [format], property: "numberFormat" });
  });
  return blocks;
}
