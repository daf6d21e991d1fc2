import { roundTo } from "./numbers";
import { Problem, problem } from "./problems";
import { Progress } from "./progress";
import { Figure } from "./figures";
import { IndicatorRow } from "./rows";

/** A figure the workbook reports that the arithmetic does not give back. */
export interface Mismatch {
  field: "achievement" | "remaining";
  cell: string;
  /** As reported: a fraction for achievement, the row's unit for remaining. */
  reported: number;
  computed: number;
  /**
   * Decimals the figures are shown with: the reported figure's own (in percent units for
   * achievement), and for remaining the computed amount's.
   */
  decimals: number;
  computedDecimals: number;
}

/** A totals row that is not the sum of its breakdown. */
export interface TotalMismatch {
  row: number;
  cell: string;
  field: "target" | "actual";
  sum: number;
  reported: number;
  /** Decimals of the sum (the most of its parts and the total) and of the reported figure. */
  decimals: number;
  reportedDecimals: number;
}

const EPSILON = 1e-9;

/**
 * A reported figure agrees when it is within half a unit of its own last decimal place
 * of the computed one: `45` agrees with 45,0056; `69,19` does not with 69,2009.
 */
export function agrees(reported: number, decimals: number, computed: number): boolean {
  return Math.abs(reported - computed) <= 0.5 * Math.pow(10, -decimals) + EPSILON;
}

/** A computed achievement is shown with the reported one's decimals, and two at least. */
const achievementDecimals = (reported: number): number => Math.max(2, reported);

/**
 * Compares the workbook's own achievement and remaining figures with the computed ones.
 * Returns what disagrees; the row is only read.
 */
export function findMismatches(row: IndicatorRow, progress: Progress): Mismatch[] {
  // Most rows agree: they share one empty list rather than each keeping its own.
  if (row.reportedAchievement === null && row.reportedRemaining === null) return NO_MISMATCHES;
  let found: Mismatch[] = NO_MISMATCHES;
  const achievement = row.reportedAchievement;
  // Lower-is-better rows have no agreed "percent of plan"; their reported ratio is not checked.
  if (achievement && progress.achievement !== null && row.direction === "up") {
    const computed = progress.achievement;
    const other = otherAchievement(row, progress);
    const reported = reportedPercent(achievement, computed * 100);
    const ok =
      agrees(reported.percent, reported.decimals, computed * 100) ||
      (other !== null && agrees(reported.percent, reported.decimals, other * 100));
    if (!ok) {
      found = [
        {
          field: "achievement",
          cell: achievement.cell,
          reported: roundTo(reported.percent / 100, reported.decimals + 2),
          computed,
          decimals: reported.decimals,
          computedDecimals: achievementDecimals(reported.decimals),
        },
      ];
    }
  }
  const remaining = row.reportedRemaining;
  // The remaining amount against the whole plan is tried only when the share's disagrees.
  if (remaining && progress.remaining !== null && !remainingAgrees(remaining, progress.remaining)) {
    const other = otherRemaining(row, progress);
    if (other === null || !remainingAgrees(remaining, other)) {
      const mismatch: Mismatch = {
        field: "remaining",
        cell: remaining.cell,
        reported: remaining.value,
        computed: progress.remaining,
        decimals: remaining.decimals,
        computedDecimals: progress.remainingDecimals,
      };
      found = found === NO_MISMATCHES ? [mismatch] : [...found, mismatch];
    }
  }
  return found;
}

/** The mismatches of a row that has none, shared (reports are read-only). */
const NO_MISMATCHES = Object.freeze([]) as unknown as Mismatch[];

/**
 * A `trên 95% kế hoạch vốn` row may report against the share or the whole plan: the
 * achievement against the whole plan, or null for any other row.
 */
function otherAchievement(row: IndicatorRow, progress: Progress): number | null {
  if (row.planShare === undefined || row.planAmount === undefined || progress.actual === null)
    return null;
  return progress.actual / row.planAmount;
}

/** A reported remaining amount agrees with a computed one; nothing left reads as nothing. */
function remainingAgrees(reported: Figure, computed: number): boolean {
  return (
    (computed <= EPSILON && reported.value <= EPSILON) ||
    agrees(reported.value, reported.decimals, computed)
  );
}

/** What is left of the whole plan, for such a row; null for any other. */
function otherRemaining(row: IndicatorRow, progress: Progress): number | null {
  if (row.planAmount === undefined || progress.actual === null) return null;
  return roundTo(row.planAmount - progress.actual, progress.remainingDecimals);
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

/** What the totals check reads of a row. */
export type TotalsRow = Pick<IndicatorRow, "row" | "type" | "unit" | "kind" | "target" | "actual">;

type Field = "target" | "actual";

/**
 * The rows of one block (since the last heading or totals row) as the check sums them:
 * numbers in sheet order, not the rows, so a block of 100.000 communes keeps a few flat
 * arrays rather than a row object each.
 */
class Block {
  /** Rows of any kind: a totals row with any row above it sums the rows above. */
  rows = 0;
  readonly units: string[] = [];
  readonly values: Record<Field, number[]> = { target: [], actual: [] };
  readonly decimals: Record<Field, number[]> = { target: [], actual: [] };

  add(row: TotalsRow): void {
    this.rows++;
    if (row.type !== "indicator") return;
    this.units.push(row.unit);
    for (const field of FIELDS) {
      const figure = row[field];
      // NaN for a missing figure: the arrays stay arrays of numbers.
      this.values[field].push(figure ? figure.value : NaN);
      this.decimals[field].push(figure ? figure.decimals : 0);
    }
  }
}

const FIELDS: readonly Field[] = ["target", "actual"];

/**
 * Checks each totals row (`Tổng cộng`, `Toàn tỉnh`, `Cộng`) against the rows it sums:
 * the rows above it back to the previous heading or total, or, when it heads its
 * block, the rows below it to the next one. Rates and levels do not add, so only flows.
 * Fed the rows and headings in sheet order as they are read; `finish` gives the mismatches,
 * in the order of their totals rows.
 */
export class TotalsCheck {
  private readonly found: TotalMismatch[] = [];
  private block = new Block();
  /** A totals row that heads its block: it sums the rows below it, once they are read. */
  private heading: TotalsRow | null = null;

  row(row: TotalsRow): void {
    if (row.type !== "total") {
      this.block.add(row);
      return;
    }
    const above = this.block;
    this.close();
    if (above.rows > 0) this.check(row, above);
    else this.heading = row;
  }

  /** A section heading: no total sums across it. */
  section(): void {
    this.close();
  }

  finish(): TotalMismatch[] {
    this.close();
    return this.found;
  }

  /** Ends the block, checking the totals row that waited for it. */
  private close(): void {
    if (this.heading !== null) this.check(this.heading, this.block);
    this.heading = null;
    this.block = new Block();
  }

  private check(total: TotalsRow, block: Block): void {
    if (total.kind !== "cumulative" && total.kind !== "reduction") return;
    const parts: number[] = [];
    for (let i = 0; i < block.units.length; i++)
      if (block.units[i] === total.unit || block.units[i] === "") parts.push(i);
    if (parts.length < 2) return;
    for (const field of FIELDS) {
      const reported = total[field];
      const values = block.values[field];
      if (reported === null || parts.some((i) => Number.isNaN(values[i]))) continue;
      // Summed in sheet order, in a loop: `Math.max(...parts)` fails on a huge breakdown.
      let decimals = reported.decimals;
      let added = 0;
      for (const i of parts) {
        decimals = Math.max(decimals, block.decimals[field][i]);
        added += values[i];
      }
      const sum = roundTo(added, decimals);
      if (agrees(reported.value, reported.decimals, sum)) continue;
      this.found.push({
        row: total.row,
        cell: reported.cell,
        field,
        sum,
        reported: reported.value,
        decimals,
        reportedDecimals: reported.decimals,
      });
    }
  }
}

/** A mismatch as a row problem, for the notes, the CLI and the sheet. */
export function mismatchProblem(row: number, m: Mismatch): Problem {
  return m.field === "achievement"
    ? problem("mismatchAchievement", row, m.cell, {
        reported: m.reported,
        computed: m.computed,
        decimals: m.decimals,
      })
    : problem("mismatchRemaining", row, m.cell, {
        reported: m.reported,
        reportedDecimals: m.decimals,
        computed: m.computed,
        decimals: m.computedDecimals,
      });
}

/**
 * The mismatch a problem restates, or null for another problem: `mismatchProblem` undone,
 * so a report written with its problems alone says each mismatch once.
 */
export function mismatchOf(problem: Problem): Mismatch | null {
  if (problem.code === "mismatchAchievement") {
    const { reported, computed, decimals } = problem.args;
    const computedDecimals = achievementDecimals(decimals);
    return {
      field: "achievement",
      cell: problem.cell ?? "",
      reported,
      computed,
      decimals,
      computedDecimals,
    };
  }
  if (problem.code === "mismatchRemaining") {
    const { reported, reportedDecimals, computed, decimals } = problem.args;
    return {
      field: "remaining",
      cell: problem.cell ?? "",
      reported,
      computed,
      decimals: reportedDecimals,
      computedDecimals: decimals,
    };
  }
  return null;
}

/** A totals row that does not add up, as a problem of that row. */
export function totalProblem(m: TotalMismatch): Problem {
  return problem("totalMismatch", m.row, m.cell, {
    sum: m.sum,
    decimals: m.decimals,
    reported: m.reported,
    reportedDecimals: m.reportedDecimals,
  });
}
