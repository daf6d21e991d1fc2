import { isNumber, readNumber, roundTo } from "./numbers";
import { Problem, problem } from "./problems";
import { cellOf, IndicatorRow } from "./rows";

import { RowStatus } from "./statuses";

/** docs/rules.md §2 statuses, from the arithmetic and never from colour. */
export type { RowStatus };

export interface ProgressOptions {
  /** The calendar share of the year elapsed: 6 months → 0.5. */
  expectedShare: number;
  /** The band below the expected share that is still "at risk", as a fraction (10 points → 0.1). */
  tolerance: number;
}

/** What the arithmetic says about one row. Fractions are 0..1, amounts in the row's unit. */
export interface Progress {
  target: number | null;
  actual: number | null;
  baseline: number | null;
  achievement: number | null;
  remaining: number | null;
  /** Digits the remaining amount keeps: those of its inputs (docs/rules.md §4). */
  remainingDecimals: number;
  gapClosure: number | null;
  expectedShare: number;
  expectedShareSource: "calendar" | "seasonal";
  forecast: number | null;
  status: RowStatus;
  /** The forecast at the current pace misses the target (`khả năng không đạt`). */
  likelyMissed: boolean;
  problems: Problem[];
}

const EPSILON = 1e-9;

/** Computes achievement, remaining, gap closure, forecast and status for one row. */
export function computeProgress(row: IndicatorRow, options: ProgressOptions): Progress {
  const problems: Problem[] = [];
  const base: Progress = {
    target: null,
    actual: row.actual ? row.actual.value : null,
    baseline:
      row.kind === "level" || row.kind === "maintain" ? (row.lastYear?.value ?? null) : null,
    achievement: null,
    remaining: null,
    remainingDecimals: 0,
    gapClosure: null,
    expectedShare: options.expectedShare,
    expectedShareSource: "calendar",
    forecast: null,
    status: "no_data",
    likelyMissed: false,
    problems,
  };
  // `base` is this call's own: it is completed in place rather than copied.
  if (row.kind === "qualitative") {
    base.status = "qualitative";
    return base;
  }
  const target = effectiveTarget(row, problems);
  if (target === null) return base;
  base.target = target.value;
  base.remainingDecimals = target.decimals;
  if (row.actual === null) {
    const cell = cellOf(row, "actual");
    // `-`, `x`, `…` mean "no figure yet" as a blank does; words are quoted back.
    const read = readNumber(row.actualText);
    const blank = !isNumber(read) && read.reason === "empty";
    problems.push(
      blank
        ? problem("missingActual", row.row, cell)
        : problem("notANumber", row.row, cell, { text: row.actualText })
    );
    return base;
  }
  const T = target.value;
  // `45%` disbursed against a plan amount is 45% of that amount, not 45 of its unit.
  const A =
    row.planAmount !== undefined && row.actual.percent
      ? (row.actual.value / 100) * row.planAmount
      : row.actual.value;
  base.actual = A;
  // A flow does not run below nothing: said, so that "đạt -5%" is never read as a figure.
  if (A < 0 && (row.kind === "cumulative" || row.kind === "reduction"))
    problems.push(problem("negativeActual", row.row, cellOf(row, "actual")));
  const decimals = Math.max(target.decimals, row.actual.decimals);
  if (Math.abs(T) < EPSILON && row.kind !== "level") {
    problems.push(problem("zeroTarget", row.row, cellOf(row, "target")));
    return base;
  }
  const result = base;
  setExpectedShare(result, row, problems);
  result.remainingDecimals = decimals;
  const met = meets(A, T, row);
  switch (row.kind) {
    case "maintain":
      result.achievement = A / T;
      result.remaining = roundTo(Math.max(0, T - A), decimals);
      result.status = met ? "achieved" : "off_track";
      break;
    case "level":
      levelProgress(result, row, A, T, met, options);
      result.remaining = roundTo(row.direction === "down" ? A - T : T - A, decimals);
      break;
    default: {
      // cumulative and reduction: a flow summed over the year
      result.achievement = A / T;
      result.remaining = roundTo(T - A, decimals);
      const forecast = A / result.expectedShare;
      result.forecast = roundTo(forecast, decimals);
      result.status = met
        ? "achieved"
        : statusFromShare(result.achievement, result.expectedShare, options.tolerance);
      // Compared unrounded: 999,6 shown as 1.000 still misses a target of 1.000.
      result.likelyMissed = !met && forecast < T - EPSILON;
    }
  }
  return result;
}

function levelProgress(
  result: Progress,
  row: IndicatorRow,
  A: number,
  T: number,
  met: boolean,
  options: ProgressOptions
): void {
  const B = result.baseline;
  const down = row.direction === "down";
  result.achievement = down ? (A > 0 ? T / A : null) : Math.abs(T) < EPSILON ? null : A / T;
  let forecast: number | null = null;
  if (B !== null && Math.abs(T - B) > EPSILON) {
    result.gapClosure = (A - B) / (T - B);
    forecast = B + (A - B) / result.expectedShare;
    result.forecast = roundTo(forecast, result.remainingDecimals);
  }
  if (met) {
    result.status = "achieved";
    return;
  }
  if (B === null) {
    // Without a baseline, a level short of its target cannot be placed on the year's path.
    result.status = "at_risk";
    result.likelyMissed = false;
    return;
  }
  if (result.gapClosure === null) {
    result.status = "off_track"; // the target was to hold last year's level, and it slipped
  } else if (result.gapClosure < 0) {
    result.status = "off_track"; // moved away from the target since the baseline
  } else {
    result.status = statusFromShare(result.gapClosure, result.expectedShare, options.tolerance);
  }
  result.likelyMissed = forecast !== null && !meets(forecast, T, row);
}

function statusFromShare(progress: number, share: number, tolerance: number): RowStatus {
  if (share >= 1 - EPSILON) return "off_track"; // the year is over and the target not met
  if (progress >= share - EPSILON) return "on_track";
  if (progress >= share - tolerance - EPSILON) return "at_risk";
  return "off_track";
}

/** Whether `value` satisfies the target, bound and direction included (`dưới 2%` is strict). */
function meets(value: number, T: number, row: IndicatorRow): boolean {
  const bound = row.target?.bound;
  if (row.direction === "down") return bound === "lt" ? value < T - EPSILON : value <= T + EPSILON;
  return bound === "gt" ? value > T + EPSILON : value >= T - EPSILON;
}

/** The target to measure against: a share of the plan amount for `trên 95% kế hoạch vốn`. */
function effectiveTarget(
  row: IndicatorRow,
  problems: Problem[]
): { value: number; decimals: number } | null {
  if (row.planShare !== undefined) {
    if (row.planAmount === undefined) {
      problems.push(problem("missingPlanAmount", row.row, cellOf(row, "target")));
      return null;
    }
    const decimals = row.planDecimals ?? 0;
    return { value: roundTo(row.planShare * row.planAmount, Math.max(decimals, 2)), decimals };
  }
  if (row.target === null) {
    const cell = cellOf(row, "target");
    problems.push(
      row.targetText !== ""
        ? problem("notANumber", row.row, cell, { text: row.targetText })
        : problem("missingTarget", row.row, cell)
    );
    return null;
  }
  return { value: row.target.value, decimals: row.target.decimals };
}

/**
 * The share of the year's target that should be done by now: the calendar share (already
 * in `progress`), or for a flow with last year's figures, last year's same-period share of
 * its full year.
 */
function setExpectedShare(progress: Progress, row: IndicatorRow, problems: Problem[]): void {
  if (row.kind !== "cumulative" && row.kind !== "reduction") return;
  if (row.samePeriod === null || row.lastYear === null) return;
  const share = row.lastYear.value > 0 ? row.samePeriod.value / row.lastYear.value : NaN;
  if (!(share > 0 && share <= 1)) {
    problems.push(problem("seasonalIgnored", row.row, row.samePeriod.cell));
    return;
  }
  progress.expectedShare = share;
  progress.expectedShareSource = "seasonal";
}
