import {
  findMismatches,
  Mismatch,
  mismatchProblem,
  TotalMismatch,
  totalProblem,
  TotalsCheck,
} from "./checks";
import { ColumnRole } from "./columns";
import { Figure } from "./figures";
import { Grid, makeGrid } from "./grid";
import { findHeader, HeaderMap, periodFromHeader } from "./headers";
import { Direction, IndicatorKind } from "./kinds";
import { vi } from "./messages/vi";
import { Problem, SheetWarning } from "./problems";
import { emptySummary, Summary } from "./statuses";
import { computeProgress, Progress, RowStatus } from "./progress";
import { eachIndicatorRow, IndicatorRow, Section } from "./rows";
import { columnLetter } from "./text";
import { Table } from "./types";

export interface ComputeOptions {
  /** Months of the reporting period (1–12); read from the headers when absent. */
  months?: number;
  /** The at-risk band below the expected share, in percentage points (default 10). */
  tolerance?: number;
  /** Columns the user corrected (1-based sheet columns); they win over what the headers say. */
  columns?: Partial<Record<ColumnRole, number>>;
}

/**
 * One indicator row of the report (the JSON contract of `chitieu compute --json`): plain
 * readonly data that every host and the drafts read, and none changes.
 */
export type ReportRow = Readonly<ReportRowFields>;

interface ReportRowFields {
  row: number;
  label: string;
  name: string;
  unit: string;
  type: IndicatorRow["type"];
  parentRow: number | null;
  section: string | null;
  kind: IndicatorKind;
  direction: Direction;
  target: number | null;
  actual: number | null;
  /** The target and actual cells as written (`dưới 2%`, `85/85`, `Giữ vững`), figures or not. */
  targetText: string;
  actualText: string;
  /**
   * The target and actual figures as read (value, decimals, bound, fraction, cell, text)
   * where a number alone does not say how they are written: `dưới 2%`, `85/85`. A plain
   * figure is `target` / `actual` in `decimals`, and is not kept twice: on 100.000 rows a
   * figure object a cell is tens of MB held to the end.
   */
  written: Written;
  /** `trên 95% kế hoạch vốn (X)`: the share (0.95) of the plan amount X the target is. */
  planShare: { readonly share: number; readonly amount: number } | null;
  baseline: number | null;
  achievement: number | null;
  remaining: number | null;
  /** Decimal places of the row's amounts (target, actual, remaining, forecast). */
  decimals: number;
  gapClosure: number | null;
  expectedShare: number;
  forecast: number | null;
  status: RowStatus;
  likelyMissed: boolean;
  agency: string;
  partners: readonly string[];
  solutions: string;
  mismatches: readonly Mismatch[];
  /** The reader's, the figure checks' and the arithmetic's problems, in that order. */
  problems: readonly Problem[];
}

/** A row's figures written as more than a number; `{}`, shared, for most rows. */
export interface Written {
  readonly target?: Figure;
  readonly actual?: Figure;
}

const PLAIN: Written = Object.freeze({});

/** Whether a figure says more than its number: a bound or a fraction. */
const shaped = (figure: Figure | null): figure is Figure =>
  figure !== null && (figure.bound !== undefined || figure.fraction !== undefined);

function written(target: Figure | null, actual: Figure | null): Written {
  if (!shaped(target) && !shaped(actual)) return PLAIN;
  const forms: { target?: Figure; actual?: Figure } = {};
  if (shaped(target)) forms.target = target;
  if (shaped(actual)) forms.actual = actual;
  return forms;
}

export interface Report {
  sheet: string;
  headerRows: number[];
  columns: Partial<Record<ColumnRole, string>>;
  year: number | null;
  period: { months: number; expectedShare: number; source: "header" | "option" | "default" };
  tolerance: number;
  title: string[];
  sections: Section[];
  rows: ReportRow[];
  totals: TotalMismatch[];
  summary: Summary;
  warnings: SheetWarning[];
}

/** A sheet that cannot be read as an indicator table; other failures are row problems. */
export class TableError extends Error {
  constructor(
    readonly code: "noHeader" | "noRoom",
    message: string
  ) {
    super(message);
    this.name = "TableError";
  }
}

/** A table's report, with what it was read through: a host writes the results with them. */
export interface Analysis {
  report: Report;
  grid: Grid;
  header: HeaderMap;
}

/** The whole job on one sheet: header, rows, arithmetic, checks. Also returns the parts the writers need. */
export function analyse(table: Table, options: ComputeOptions = {}): Analysis {
  const grid = makeGrid(table);
  const found = findHeader(grid);
  if (found === null) throw new TableError("noHeader", vi.error.noHeader(table.sheet));
  const header = withCorrections(found, options.columns);
  const warnings: SheetWarning[] = [];
  const period = resolvePeriod(header, options, warnings);
  const tolerance = (options.tolerance ?? 10) / 100;
  const summary = emptySummary();
  const reportRows: ReportRowFields[] = [];
  // Totals are checked as the rows are read, so no row is kept for them: the rest of a row
  // is let go once reported, while it is young, rather than copied by the collector.
  const totalsCheck = new TotalsCheck();
  // Each totals row's place in the report, its own problems and the arithmetic's: the
  // totals check's findings go between the two once the block below it is read.
  const totalRows = new Map<number, { index: number; read: Problem[]; computed: Problem[] }>();
  const arithmetic = { expectedShare: period.expectedShare, tolerance };
  // A row's arithmetic, its own checks and its report in one pass as it is read.
  const sections = eachIndicatorRow(
    grid,
    header,
    (row) => {
      const p = computeProgress(row, arithmetic);
      const mismatches = findMismatches(row, p);
      const read =
        mismatches.length === 0
          ? row.problems
          : row.problems.concat(mismatches.map((m) => mismatchProblem(row.row, m)));
      const reported = toReportRow(row, p, mismatches, read);
      if (row.type === "total")
        totalRows.set(row.row, { index: reportRows.length, read, computed: p.problems });
      reportRows.push(reported);
      totalsCheck.row(row);
      summary[reported.status]++;
      summary.mismatches += reported.mismatches.length;
    },
    () => totalsCheck.section()
  );
  const totals = totalsCheck.finish();
  for (const total of totals) {
    const place = totalRows.get(total.row);
    if (place === undefined) continue;
    place.read = place.read.concat(totalProblem(total));
    reportRows[place.index].problems = joinProblems(place.read, place.computed);
  }
  const columns = roleLetters(header);
  const report: Report = {
    sheet: table.sheet,
    headerRows: header.rows,
    columns,
    year: header.year,
    period,
    tolerance: options.tolerance ?? 10,
    title: header.title,
    sections,
    rows: reportRows,
    totals,
    summary,
    warnings,
  };
  return { report, grid, header };
}

/** `computeSheet(table)` // the report of docs/rules.md §2 for one sheet */
export function computeSheet(table: Table, options: ComputeOptions = {}): Report {
  return analyse(table, options).report;
}

/** The header's columns by role, as letters: `{ name: "B", target: "F" }`. */
export function roleLetters(header: HeaderMap): Partial<Record<ColumnRole, string>> {
  const letters: Partial<Record<ColumnRole, string>> = {};
  for (const [role, col] of Object.entries(header.columns) as [ColumnRole, number][])
    letters[role] = columnLetter(col);
  return letters;
}

/** The period assumed when neither the headers nor the user name one. */
const DEFAULT_MONTHS = 6;

/** Applies the user's column corrections; a column given a role loses any other role. */
export function withCorrections(
  header: HeaderMap,
  corrections: ComputeOptions["columns"]
): HeaderMap {
  if (!corrections) return header;
  const columns = { ...header.columns };
  for (const [role, col] of Object.entries(corrections) as [ColumnRole, number | undefined][]) {
    if (col === undefined) continue;
    for (const [other, c] of Object.entries(columns) as [ColumnRole, number][])
      if (c === col) delete columns[other];
    columns[role] = col;
  }
  return { ...header, columns };
}

function resolvePeriod(
  header: HeaderMap,
  options: ComputeOptions,
  warnings: SheetWarning[]
): Report["period"] {
  if (options.months !== undefined) {
    return { months: options.months, expectedShare: options.months / 12, source: "option" };
  }
  const months = periodFromHeader(header);
  if (months !== null) return { months, expectedShare: months / 12, source: "header" };
  warnings.push({ code: "noPeriod", months: DEFAULT_MONTHS });
  return { months: DEFAULT_MONTHS, expectedShare: DEFAULT_MONTHS / 12, source: "default" };
}

function toReportRow(
  row: IndicatorRow,
  progress: Progress,
  mismatches: Mismatch[],
  read: Problem[]
): ReportRowFields {
  return new ReportRowObject(row, progress, mismatches, joinProblems(read, progress.problems));
}

/**
 * A report row made by a constructor rather than a literal: V8 moves a literal's objects
 * into the old generation from birth once most of them live on (as report rows do), and
 * each of their fields is then written through the old-to-new write barrier. Its fields are
 * ReportRowFields', merged in rather than listed twice, and set in the constructor.
 */
interface ReportRowObject extends ReportRowFields {}
class ReportRowObject {
  constructor(row: IndicatorRow, progress: Progress, mismatches: Mismatch[], problems: Problem[]) {
    this.row = row.row;
    this.label = row.label;
    this.name = row.name;
    this.unit = row.unit;
    this.type = row.type;
    this.parentRow = row.parentRow;
    this.section = row.section;
    this.kind = row.kind;
    this.direction = row.direction;
    this.target = progress.target;
    this.actual = progress.actual;
    this.targetText = row.targetText;
    this.actualText = row.actualText;
    this.written = written(row.target, row.actual);
    this.planShare =
      row.planShare !== undefined && row.planAmount !== undefined
        ? { share: row.planShare, amount: row.planAmount }
        : null;
    this.baseline = progress.baseline;
    this.achievement = progress.achievement;
    this.remaining = progress.remaining;
    this.decimals = progress.remainingDecimals;
    this.gapClosure = progress.gapClosure;
    this.expectedShare = progress.expectedShare;
    this.forecast = progress.forecast;
    this.status = progress.status;
    this.likelyMissed = progress.likelyMissed;
    this.agency = row.agency;
    this.partners = row.partners;
    this.solutions = row.solutions;
    this.mismatches = mismatches;
    this.problems = problems;
  }
}

/**
 * The reader's problems then the arithmetic's. Most rows have none: they share one empty
 * list, since a list kept per row of 100.000 is a heap for the collector to copy. Where
 * only one side has some, its own list is the report's (the row is not kept after
 * `analyse`, so no copy is needed).
 */
function joinProblems(read: Problem[], computed: Problem[]): Problem[] {
  if (computed.length === 0) return read.length === 0 ? NO_PROBLEMS : read;
  return read.length === 0 ? computed : read.concat(computed);
}

/** The problems of a row that has none, shared by every such row (a report is read-only). */
const NO_PROBLEMS = Object.freeze([]) as unknown as Problem[];
