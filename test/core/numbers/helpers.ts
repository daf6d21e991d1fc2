/** Test helpers shared by the number readers' tests. */
import { isNumber, parseNumber } from "../../../src/core/numbers";
import type { CellValue, NumberStyle, ParsedNumber } from "../../../src/core/types";

/** Parses and insists on a number, so a failing parse fails the test with the input shown. */
export function num(
  raw: CellValue,
  options?: { style?: NumberStyle; numberFormat?: string | null }
): ParsedNumber {
  const parsed = parseNumber(raw, options);
  if (!isNumber(parsed))
    throw new Error(`expected a number from ${JSON.stringify(raw)}, got ${JSON.stringify(parsed)}`);
  return parsed;
}

export const NBSP = "\u00a0";
