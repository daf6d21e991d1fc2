import { vi } from "./messages/vi";
import { formatNumber, formatPercent, roundTo } from "./numbers";
import { Progress } from "./progress";
import { Figure, IndicatorRow } from "./rows";

/** A figure the workbook reports that the arithmetic does not give back. */
export interface Mismatch {
  field: "achievement" | "remaining";
  cell: string;
  /** As reported: a fraction for achievement, the row's unit for remaining. */
  reported: number;
  computed: number;
}

/** A totals row that is not the sum of its breakdown. */
export interface TotalMismatch {
  row: number;
  cell: string;
  field: "target" | "actual";
  sum: number;
  reported: number;
}

const EPSILON = 1e-9;

/**
 * A reported figure agrees when it is within half a unit of its own last decimal place
 * of the computed one: `45` agrees with 45,0056; `69,19` does not with 69,2009.
 */
export function agrees(reported: number, decimals: number, computed: number): boolean {
  return Math.abs(reported - computed) <= 0.5 * Math.pow(10, -decimals) + EPSILON;
}

/** Compares the workbook's own achievement and remaining figures with the computed ones. */
export function findMismatches(row: IndicatorRow, progress: Progress): Mismatch[] {
  const found: Mismatch[] = [];
  const achievement = row.reportedAchievement;
  // Lower-is-better rows have no agreed "percent of plan"; their reported ratio is not checked.
  if (achievement && progress.achievement !== null && row.direction === "up") {
    const candidates = achievementCandidates(row, progress);
    const reported = reportedPercent(achievement, candidates[0] * 100);
    if (!candidates.some((c) => agrees(reported.percent, reported.decimals, c * 100))) {
      found.push({
        field: "achievement",
        cell: achievement.cell,
        reported: roundTo(reported.percent / 100, reported.decimals + 2),
        computed: candidates[0],
      });
      row.problems.push(
        vi.problem.mismatchAchievement(
          achievement.cell,
          formatPercent(reported.percent / 100, reported.decimals),
          formatPercent(candidates[0], Math.max(2, reported.decimals))
        )
      );
    }
  }
  const remaining = row.reportedRemaining;
  if (remaining && progress.remaining !== null) {
    const candidates = remainingCandidates(row, progress);
    const ok = candidates.some(
      (c) =>
        (c <= EPSILON && remaining.value <= EPSILON) ||
        agrees(remaining.value, remaining.decimals, c)
    );
    if (!ok) {
      found.push({
        field: "remaining",
        cell: remaining.cell,
        reported: remaining.value,
        computed: candidates[0],
      });
      row.problems.push(
        vi.problem.mismatchRemaining(
          remaining.cell,
          formatNumber(remaining.value, remaining.decimals),
          formatNumber(candidates[0], progress.remainingDecimals)
        )
      );
    }
  }
  return found;
}

/** A `trên 95% kế hoạch vốn` row may report against the share or the whole plan. */
function achievementCandidates(row: IndicatorRow, progress: Progress): number[] {
  const computed = progress.achievement ?? 0;
  if (row.planShare === undefined || row.planAmount === undefined || progress.actual === null)
    return [computed];
  return [computed, progress.actual / row.planAmount];
}

function remainingCandidates(row: IndicatorRow, progress: Progress): number[] {
  const computed = progress.remaining ?? 0;
  if (row.planAmount === undefined || progress.actual === null) return [computed];
  return [computed, roundTo(row.planAmount - progress.actual, progress.remainingDecimals)];
}

/**
 * A reported achievement in percent units: `12,50%` and `12.5` are percents; `0.125`
 * with a percent format arrived as 12.5 already; a bare `0.125` is a fraction when
 * reading it as one lands nearer the computed figure.
 */
function reportedPercent(
  figure: Figure,
  computedPercent: number
): { percent: number; decimals: number } {
  if (figure.percent) return { percent: figure.value, decimals: figure.decimals };
  const asFraction = figure.value * 100;
  if (
    figure.value <= 2 &&
    Math.abs(asFraction - computedPercent) < Math.abs(figure.value - computedPercent)
  ) {
    return { percent: asFraction, decimals: Math.max(0, figure.decimals - 2) };
  }
  return { percent: figure.value, decimals: figure.decimals };
}

/** What the totals check reads of a row (and the problems it adds to). */
export type TotalsRow = Pick<
  IndicatorRow,
  "row" | "type" | "unit" | "kind" | "target" | "actual" | "problems"
>;

/**
 * Checks each totals row (`Tổng cộng`, `Toàn tỉnh`, `Cộng`) against the rows it sums:
 * the rows above it back to the previous heading or total, or, when it heads its
 * block, the rows below it to the next one. Rates and levels do not add, so only flows.
 */
export function checkTotals(rows: TotalsRow[], boundaries: Set<number>): TotalMismatch[] {
  const found: TotalMismatch[] = [];
  const headings = [...boundaries].sort((a, b) => a - b);
  rows.forEach((total, index) => {
    if (total.type !== "total") return;
    const parts = breakdownOf(rows, index, headings).filter(
      (part) => part.type === "indicator" && (part.unit === total.unit || part.unit === "")
    );
    if (parts.length < 2 || (total.kind !== "cumulative" && total.kind !== "reduction")) return;
    for (const field of ["target", "actual"] as const) {
      const reported = total[field];
      if (reported === null || parts.some((part) => part[field] === null)) continue;
      // Summed in sheet order, in a loop: `Math.max(...parts)` fails on a huge breakdown.
      let decimals = reported.decimals;
      let added = 0;
      for (const part of parts) {
        const figure = part[field];
        decimals = Math.max(decimals, figure ? figure.decimals : 0);
        added += figure ? figure.value : 0;
      }
      const sum = roundTo(added, decimals);
      if (agrees(reported.value, reported.decimals, sum)) continue;
      found.push({ row: total.row, cell: reported.cell, field, sum, reported: reported.value });
      total.problems.push(
        vi.problem.totalMismatch(
          reported.cell,
          formatNumber(sum, decimals),
          formatNumber(reported.value, reported.decimals)
        )
      );
    }
  });
  return found;
}

function breakdownOf(rows: TotalsRow[], index: number, headings: number[]): TotalsRow[] {
  const total = rows[index];
  const above: TotalsRow[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const row = rows[i];
    if (row.type === "total" || crosses(headings, row.row, total.row)) break;
    above.push(row);
  }
  // Collected upwards; pushed then reversed, as unshift would cost a copy per row.
  if (above.length > 0) return above.reverse();
  const below: TotalsRow[] = [];
  for (let i = index + 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.type === "total" || crosses(headings, total.row, row.row)) break;
    below.push(row);
  }
  return below;
}

/**
 * True when a section heading lies strictly between two sheet rows. `headings` is sorted,
 * so a binary search finds the first heading after `from`: a sheet of thousands of
 * sections costs a few steps a row, not a scan of them all.
 */
function crosses(headings: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < headings.length && headings[lo] < to;
}
