/// <reference types="office-js" />
import { Merge } from "../core/types";

/** Excel on the web refuses a request or response over 5 MB; stay well under it. */
export const PAYLOAD_LIMIT = 4_500_000;

/** Bytes a value block takes on the wire, as Office.js sends it (JSON). */
export function payloadBytes(value: unknown): number {
  return JSON.stringify(value).length;
}

/**
 * The rest of the used range after the first block, one round trip per chunk sized from
 * the first block's own bytes per row, so a round trip never nears the 5 MB limit.
 */
export async function readRowsInChunks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  used: Excel.Range,
  first: Excel.Range
): Promise<{ values: unknown[][]; formats: (string | null)[][] }> {
  const values: unknown[][] = [];
  const formats: (string | null)[][] = [];
  const start = used.rowIndex;
  const end = used.rowIndex + used.rowCount; // exclusive
  let next = start;
  let bytesPerRow = 64 * used.columnCount;
  if (!first.isNullObject && first.rowIndex === start) {
    values.push(...first.values);
    formats.push(...(first.numberFormat as (string | null)[][]));
    next = start + first.rowCount;
    bytesPerRow = Math.max(
      1,
      (payloadBytes(first.values) + payloadBytes(first.numberFormat)) / first.rowCount
    );
  }
  const rowsPerChunk = Math.max(1, Math.floor(PAYLOAD_LIMIT / bytesPerRow));
  while (next < end) {
    const count = Math.min(rowsPerChunk, end - next);
    const chunk = sheet.getRangeByIndexes(next, used.columnIndex, count, used.columnCount);
    chunk.load("values,numberFormat");
    // One sync per chunk on purpose: each response must stay under the 5 MB limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    values.push(...chunk.values);
    formats.push(...(chunk.numberFormat as (string | null)[][]));
    next += count;
  }
  return { values, formats };
}

const AREA = /(?:'(?:[^']|'')*'|[^!,\s]+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;

function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

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
