/// <reference types="office-js" />
import { WritePlan } from "../core/writePlan";
import { PAYLOAD_LIMIT, payloadBytes } from "./read";

type Op = { bytes: number; apply: (sheet: Excel.Worksheet) => void };

/**
 * Queues the plan as a few large operations (one per column block, one per format
 * range, one per colour rule) and syncs whenever the queued bytes would pass the limit:
 * one round trip for a sheet under 5 MB, one more per 5 MB beyond.
 */
export async function applyPlanInBatches(
  context: Excel.RequestContext,
  plan: WritePlan
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  let queued = 0;
  for (const op of operations(plan)) {
    if (queued > 0 && queued + op.bytes > PAYLOAD_LIMIT) {
      // A sync only when the next operation would take the request past the limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      queued = 0;
    }
    op.apply(sheet);
    queued += op.bytes;
  }
  await context.sync();
}

function operations(plan: WritePlan): Op[] {
  const ops: Op[] = [];
  const block = plan.conditional.range;
  // Clear the colour rules of an earlier run on our own block before adding this run's.
  ops.push({ bytes: 64, apply: (sheet) => sheet.getRange(block).conditionalFormats.clearAll() });
  for (const column of plan.columns) {
    ops.push({
      bytes: payloadBytes(column.header) + 64,
      apply: (sheet) => {
        const header = sheet.getRange(`${column.letter}${plan.headerRow}`);
        header.values = [[column.header]];
        header.format.font.bold = true;
        header.format.wrapText = true;
        sheet.getRange(`${column.letter}:${column.letter}`).format.columnWidth =
          column.key === "status" ? 130 : 90;
      },
    });
    for (const chunk of chunks(column.values, plan.firstRow)) {
      ops.push({
        bytes: chunk.bytes,
        apply: (sheet) => {
          sheet.getRange(`${column.letter}${chunk.from}:${column.letter}${chunk.to}`).values =
            chunk.rows;
        },
      });
    }
  }
  for (const { range, format } of plan.numberFormats) {
    ops.push({ bytes: 64, apply: (sheet) => (sheet.getRange(range).numberFormat = [[format]]) });
  }
  for (const rule of plan.conditional.rules) {
    ops.push({
      bytes: 256,
      apply: (sheet) => {
        const cf = sheet.getRange(block).conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${plan.conditional.statusColumn}${plan.conditional.firstRow}="${rule.text}"`;
        cf.custom.format.fill.color = `#${rule.fill.slice(2)}`;
        cf.custom.format.font.color = `#${rule.font.slice(2)}`;
      },
    });
  }
  return ops;
}

/** A column's values as row blocks under the payload limit (nulls clear cells: ""). */
function chunks(values: WritePlan["columns"][number]["values"], firstRow: number) {
  const out: { from: number; to: number; rows: (string | number)[][]; bytes: number }[] = [];
  let rows: (string | number)[][] = [];
  let bytes = 0;
  let from = firstRow;
  values.forEach((value, i) => {
    const cell = value === null ? "" : value;
    const size = payloadBytes(cell) + 3;
    if (rows.length > 0 && bytes + size > PAYLOAD_LIMIT) {
      out.push({ from, to: from + rows.length - 1, rows, bytes });
      from = firstRow + i;
      rows = [];
      bytes = 0;
    }
    rows.push([cell]);
    bytes += size;
  });
  if (rows.length > 0) out.push({ from, to: from + rows.length - 1, rows, bytes });
  return out;
}

/** Puts back what the plan's columns held before a failed write, and removes our colour rules. */
export async function rollback(
  context: Excel.RequestContext,
  plan: WritePlan,
  before: unknown[][][]
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  sheet.getRange(plan.conditional.range).conditionalFormats.clearAll();
  plan.columns.forEach((column, i) => {
    const values = before[i];
    if (values)
      sheet.getRange(`${column.letter}${plan.headerRow}:${column.letter}${plan.lastRow}`).values =
        values;
  });
  await context.sync();
}
