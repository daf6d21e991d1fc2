import { decimalsOf, formatNumber, formatPercent } from "../../core/numbers";
import type { ReportRow } from "../../core/engine";
import type { PaneMessages } from "../messages";

/** Shown where a figure is missing. */
export const NO_FIGURE = "—";

/** `percentText(0.2575)` // "25,75%" */
export function percentText(fraction: number | null): string {
  return fraction === null ? NO_FIGURE : formatPercent(fraction);
}

/**
 * An amount in the row's unit, with the row's precision; a gap in a percentage is in points.
 * @example amountText(12500, 0, "tỷ đồng", vi) // "12.500 tỷ đồng"
 */
export function amountText(
  value: number | null,
  decimals: number,
  unit: string,
  m: PaneMessages
): string {
  if (value === null) return NO_FIGURE;
  const number = formatNumber(value, decimals);
  if (unit === "%") return `${number} ${m.units.points}`;
  return unit ? `${number} ${unit}` : number;
}

/** A figure of unknown precision (a totals check): as written, at most two decimals. */
export function plainNumber(value: number): string {
  return formatNumber(value, Math.min(decimalsOf(value), 2));
}

/** The remaining amount of a report row. */
export function remainingText(row: ReportRow, m: PaneMessages): string {
  return amountText(row.remaining, row.decimals, row.unit, m);
}
