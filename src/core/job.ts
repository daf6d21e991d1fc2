import { ColumnRole } from "./columns";
import {
  analyse,
  Analysis,
  ComputeOptions,
  Report,
  roleLetters,
  TableError,
  withCorrections,
} from "./engine";
import { makeGrid } from "./grid";
import { findHeader, HeaderMap, periodFromHeader } from "./headers";
import { StoredSettings, WorkbookHost } from "./host";
import { vi } from "./messages/vi";
import { Summary } from "./statuses";
import { eachIndicatorRow } from "./rows";
import { parseColumn } from "./text";
import { Table } from "./types";
import { planWrite, WritePlan } from "./writePlan";

/*
 * The one job every host runs: for each sheet of a workbook, read a snapshot, find the
 * indicator table, analyse it, write the result columns; then one report for the whole
 * workbook. The ribbon, the pane, the CLI and the playground add only their I/O.
 */

/** Why a sheet was left out: nothing in it, words only (notes), or no indicator header. */
export type SkipReason = "empty" | "notes" | "noHeader";

export interface SkippedSheet {
  readonly sheet: string;
  readonly reason: SkipReason;
}

export type { Summary };

/**
 * A sheet that breaks one indicator of another sheet down by locality (the districts' new
 * enterprises under "Phát triển doanh nghiệp"): it names no lead agency, and its totals row
 * gives that indicator's own target and actual.
 */
export interface Breakdown {
  readonly sheet: string;
  readonly indicator: { readonly sheet: string; readonly row: number };
}

/** Every indicator sheet's report, and the sheets that hold none. */
export interface WorkbookReport {
  /** One report per indicator sheet, in the workbook's order. */
  readonly sheets: readonly Report[];
  readonly skipped: readonly SkippedSheet[];
  /** Sheets that detail an indicator of another sheet: the drafts assign that indicator, not their rows. */
  readonly breakdowns: readonly Breakdown[];
  /** The first sheet's period, every sheet's title lines, the first plan year any sheet names. */
  readonly period: Report["period"];
  readonly year: number | null;
  readonly title: readonly string[];
  readonly tolerance: number;
  /** Rows by status, and mismatches, over every sheet. */
  readonly summary: Summary;
}

export interface WorkbookOptions {
  months?: number;
  tolerance?: number;
  /** The user's column corrections, per sheet name. */
  columns?: Readonly<Record<string, ComputeOptions["columns"]>>;
  /** Only these sheets (in the workbook's order); every sheet when absent. */
  sheets?: readonly string[];
}

/** What the job needs of a host: the sheet names, a snapshot of one, and a place to write. */
export interface JobHost {
  sheets(): Promise<{ names: string[] }>;
  readSheet(name: string): Promise<Table>;
  /** Every sheet's plan at once, so that a host can make them one undoable action. */
  writePlans(plans: readonly WritePlan[]): Promise<unknown>;
}

export type JobPhase = "reading" | "computing" | "writing";

export interface JobHooks {
  /**
   * Told before each step; awaited, so a pane can paint its spinner first. `sheet` is the
   * sheet read or computed; for the one write at the end, every sheet written, joined.
   */
  onPhase?(phase: JobPhase, sheet: string): void | Promise<void>;
  /** A sheet's report, before its columns are written. */
  onReport?(report: Report): void;
  /** Where each sheet is computed; in the calling thread when absent. */
  compute?: SheetComputer;
}

/**
 * The job as the add-in runs it (ribbon, pane, playground): options from what the workbook
 * keeps, every sheet unless some are named.
 */
export async function computeWorkbook(
  host: JobHost & Pick<WorkbookHost, "loadSettings">,
  sheets?: readonly string[],
  hooks?: JobHooks
): Promise<WorkbookReport> {
  const settings = await host.loadSettings();
  return runWorkbookJob(host, optionsFromSettings(settings, sheets), hooks);
}

/** Engine options for one sheet of the workbook. */
export function sheetOptions(options: WorkbookOptions, sheet: string): ComputeOptions {
  return {
    months: options.months,
    tolerance: options.tolerance,
    columns: options.columns?.[sheet],
  };
}

/** Job options from what the workbook keeps: period, band and the user's column corrections. */
export function optionsFromSettings(
  settings: StoredSettings,
  sheets?: readonly string[]
): WorkbookOptions {
  const columns: Record<string, Partial<Record<ColumnRole, number>>> = {};
  for (const [sheet, letters] of Object.entries(settings.columns ?? {})) {
    const own: Partial<Record<ColumnRole, number>> = {};
    for (const [role, letter] of Object.entries(letters) as [ColumnRole, string | undefined][]) {
      const col = typeof letter === "string" ? parseColumn(letter) : null;
      if (col !== null) own[role] = col;
    }
    columns[sheet] = own;
  }
  return { months: settings.months, tolerance: settings.tolerance, columns, sheets };
}

/** The corrections kept for one sheet, as the engine's column numbers (`{}` for none). */
export function savedCorrections(
  settings: StoredSettings,
  sheet: string | null
): NonNullable<ComputeOptions["columns"]> {
  return (sheet === null ? undefined : optionsFromSettings(settings).columns?.[sheet]) ?? {};
}

/** What the job needs of a sheet computed: its report and write plan, or why it was skipped. */
export type ComputedSheet =
  { ok: true; report: Report; plan: WritePlan } | { ok: false; skipped: SkippedSheet };

/**
 * Computes one sheet's snapshot, wherever it runs: in the calling thread by default
 * (`computeSheet`), or in a worker, so that a pane stays responsive on a large sheet.
 */
export type SheetComputer = (table: Table, options: ComputeOptions) => Promise<ComputedSheet>;

/** The job's computer in the calling thread; what a worker runs too. */
export function computeSheet(table: Table, options: ComputeOptions): ComputedSheet {
  const outcome = computeSheetJob(table, options);
  return outcome.ok
    ? { ok: true, report: outcome.analysis.report, plan: outcome.plan }
    : { ok: false, skipped: outcome.skipped };
}

/** A sheet analysed, or why it holds no indicator table. */
export type SheetOutcome =
  { ok: true; analysis: Analysis; plan: WritePlan } | { ok: false; skipped: SkippedSheet };

/** The pure step of the job on one snapshot: analysis and write plan, or the reason to skip. */
export function computeSheetJob(table: Table, options: ComputeOptions): SheetOutcome {
  let analysis: Analysis;
  try {
    analysis = analyse(table, options);
  } catch (error) {
    if (error instanceof TableError)
      return { ok: false, skipped: { sheet: table.sheet, reason: skipReason(table) } };
    throw error;
  }
  return { ok: true, analysis, plan: planWrite(analysis.grid, analysis.header, analysis.report) };
}

/**
 * Reads and computes every indicator sheet (or those `options.sheets` names, in that
 * order), one sheet at a time so that only one snapshot is held, then writes every sheet's
 * results in one call: one action for the user to undo. Throws a TableError when no sheet
 * asked for holds an indicator table.
 */
export async function runWorkbookJob(
  host: JobHost,
  options: WorkbookOptions = {},
  hooks: JobHooks = {}
): Promise<WorkbookReport> {
  // Sheets named by the caller are not listed again: in Excel a list is one more round trip.
  const chosen = options.sheets ?? (await host.sheets()).names;
  const reports: Report[] = [];
  const plans: WritePlan[] = [];
  const skipped: SkippedSheet[] = [];
  for (const name of chosen) {
    await hooks.onPhase?.("reading", name);
    const table = await host.readSheet(name);
    await hooks.onPhase?.("computing", name);
    const outcome = hooks.compute
      ? await hooks.compute(table, sheetOptions(options, name))
      : computeSheet(table, sheetOptions(options, name));
    if (!outcome.ok) {
      skipped.push(outcome.skipped);
      continue;
    }
    const { report } = outcome;
    hooks.onReport?.(report);
    plans.push(outcome.plan);
    reports.push(report);
  }
  if (reports.length === 0) throw noTable(chosen, skipped);
  await hooks.onPhase?.("writing", plans.map((plan) => plan.sheet).join(", "));
  await host.writePlans(plans);
  return workbookReport(reports, skipped);
}

/** The error for a workbook none of whose sheets holds an indicator table. */
export function noTable(names: readonly string[], skipped: readonly SkippedSheet[]): TableError {
  const first = skipped.find((s) => s.reason === "noHeader") ?? skipped[0];
  return new TableError("noHeader", vi.error.noHeader(first?.sheet ?? names[0] ?? "(trống)"));
}

/** Sheet reports assembled into the workbook's. */
export function workbookReport(
  sheets: readonly Report[],
  skipped: readonly SkippedSheet[] = []
): WorkbookReport {
  const first = sheets[0];
  if (first === undefined) throw noTable([], skipped);
  const summary: Summary = { ...first.summary };
  for (const report of sheets.slice(1))
    for (const key of Object.keys(summary) as (keyof Summary)[])
      summary[key] += report.summary[key];
  return {
    sheets,
    skipped,
    breakdowns: findBreakdowns(sheets),
    period: first.period,
    year: sheets.find((s) => s.year !== null)?.year ?? null,
    // Every sheet's title lines, once each: the issuing body may head any of them.
    title: [...new Set(sheets.flatMap((s) => s.title))],
    tolerance: first.tolerance,
    summary,
  };
}

/** Each sheet without a lead agency whose totals row repeats an indicator of another sheet. */
export function findBreakdowns(sheets: readonly Report[]): Breakdown[] {
  const found: Breakdown[] = [];
  for (const sheet of sheets) {
    if (sheet.rows.some((row) => row.agency !== "")) continue;
    const total = sheet.rows.find(
      (row) => row.type === "total" && row.target !== null && row.actual !== null
    );
    if (total === undefined) continue;
    for (const other of sheets) {
      if (other === sheet) continue;
      const whole = other.rows.find(
        (row) =>
          row.type !== "total" &&
          same(row.target, total.target) &&
          same(row.actual, total.actual) &&
          (row.unit === "" || total.unit === "" || row.unit === total.unit)
      );
      if (whole === undefined) continue;
      found.push({ sheet: sheet.sheet, indicator: { sheet: other.sheet, row: whole.row } });
      break;
    }
  }
  return found;
}

const same = (a: number | null, b: number | null): boolean =>
  a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** What a sheet is without a full analysis: the pane's first screen. */
export type Detection =
  | {
      ok: true;
      sheet: string;
      header: HeaderMap;
      /** The header's columns by role, as letters. */
      columns: Partial<Record<ColumnRole, string>>;
      firstCol: number;
      lastCol: number;
      /** Months of the period the headers name, or null when they name none. */
      months: number | null;
      year: number | null;
      /** Indicator rows, parts and totals rows included. */
      indicators: number;
    }
  | { ok: false; sheet: string; reason: SkipReason };

/** Header, columns, period and how many indicators: the rows are read, nothing is computed. */
export function detectSheet(table: Table, columns?: ComputeOptions["columns"]): Detection {
  const grid = makeGrid(table);
  const found = findHeader(grid);
  if (found === null) return { ok: false, sheet: table.sheet, reason: skipReason(table) };
  const header = columns ? withCorrections(found, columns) : found;
  let indicators = 0;
  eachIndicatorRow(grid, header, () => indicators++);
  return {
    ok: true,
    sheet: table.sheet,
    header,
    columns: roleLetters(header),
    firstCol: grid.firstCol,
    lastCol: grid.lastCol,
    months: periodFromHeader(header),
    year: header.year,
    indicators,
  };
}

/** A sheet without a header: empty, words only (a notes or cover sheet), or a table of another kind. */
function skipReason(table: Table): SkipReason {
  let text = false;
  for (const line of table.values)
    for (const value of line) {
      if (typeof value === "number") return "noHeader";
      if (value !== null && value !== undefined && value !== "") text = true;
    }
  return text ? "notes" : "empty";
}
