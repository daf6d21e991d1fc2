import { ReportRow } from "../engine";
import { formatNumber, formatPercent, isNumber, parseNumber } from "../numbers";
import { fill, TemplateId, Templates } from "./templates";
import { midSentence } from "./settings";

/** What every sentence of one draft shares: the year and the period words. */
export interface SentenceContext {
  templates: Templates;
  year: number | null;
  report: string;
  rest: string;
}

const BOUND_WORDS = { lt: "dưới", le: "không quá", gt: "trên", ge: "từ" } as const;

/** Shown where a draft needs a figure the workbook does not give, for the official to fill. */
export const MISSING = "[…]";

/** Digits a row's figures are printed with: its inputs', and at least two for a rate in % (DOMAIN §4). */
function digits(row: ReportRow): number {
  return row.unit.trim() === "%" ? Math.max(2, row.decimals) : row.decimals;
}

/** The placeholder values of one row, every number through the Vietnamese formatter. */
export function rowValues(row: ReportRow, context: SentenceContext): Record<string, string> {
  const amount = (value: number | null): string =>
    value === null ? "" : formatNumber(value, digits(row));
  const values: Record<string, string> = {
    "Chỉ tiêu": row.name,
    "chỉ tiêu": midSentence(row.name),
    "Đơn vị tính": row.unit,
    Năm: context.year === null ? YEAR_MISSING : String(context.year),
    "Kỳ báo cáo": context.report,
    "Kỳ còn lại": context.rest,
    "Kế hoạch": asWritten(row, row.targetText, row.target),
    "Thực hiện": asWritten(row, row.actualText, row.actual),
    "Tỷ lệ đạt": row.achievement === null ? "" : formatPercent(row.achievement),
    "Còn lại": row.remaining === null ? "" : amount(Math.abs(row.remaining)),
    Vượt: row.remaining !== null && row.remaining < 0 ? amount(-row.remaining) : "",
    "Năm trước": amount(row.baseline),
    "So với năm trước": sinceLastYear(row, context, amount),
    "Dự báo": amount(row.forecast),
  };
  return values;
}

export const YEAR_MISSING = "[năm]";

/**
 * A figure as the document should print it: `85/85` stays a fraction, `dưới 2%` keeps its
 * bound and its digits (the unit follows from the template), an empty or error cell
 * leaves a mark to fill, other figures as written, in Vietnamese style.
 */
function asWritten(row: ReportRow, text: string, value: number | null): string {
  const parsed = parseNumber(text);
  if (value === null) return MISSING;
  // A cell read through its number format (0.9495 shown as 94,95%) is not "as written".
  if (!isNumber(parsed) || Math.abs(parsed.value - value) > 1e-9)
    return formatNumber(value, digits(row));
  if (parsed.fraction) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(parsed.fraction.numerator)}/${pad(parsed.fraction.denominator)}`;
  }
  if (parsed.bound) return `${BOUND_WORDS[parsed.bound]} ${formatNumber(value, parsed.decimals)}`;
  return formatNumber(value, digits(row));
}

/** `(tăng 0,15% so với năm 2023)` for a level row with last year's figure. */
function sinceLastYear(
  row: ReportRow,
  context: SentenceContext,
  amount: (v: number | null) => string
): string {
  if (row.baseline === null || row.target === null || context.year === null) return "";
  // The change is printed in the target's own digits (`tăng 0,15%`).
  const change = row.target - row.baseline;
  if (Math.abs(change) < 1e-9) return ` (bằng năm ${context.year - 1})`;
  return ` (${change > 0 ? "tăng" : "giảm"} ${amount(Math.abs(change))} ${row.unit} so với năm ${context.year - 1})`;
}

function say(context: SentenceContext, id: TemplateId, row: ReportRow): string {
  return fill(id, context.templates[id], rowValues(row, context));
}

const isRate = (row: ReportRow): boolean => row.kind === "level" || row.kind === "maintain";

/** Section I: one bullet for a row achieved or on track (or a qualitative one). */
export function doneSentence(row: ReportRow, context: SentenceContext): string {
  if (row.status === "qualitative") return say(context, "row.done.qualitative", row);
  return say(context, isRate(row) ? "row.done.level" : "row.done.cumulative", row);
}

/**
 * Section II: the seed's three clauses, `target: actual; remaining.`, with each
 * `trong đó` row folded into the clause it belongs to.
 */
export function laggingSentence(
  row: ReportRow,
  subs: ReportRow[],
  context: SentenceContext
): string {
  if (row.status === "no_data") return say(context, "row.noData", row);
  const target = [
    say(context, "row.target", row),
    ...subs.map((s) => say(context, "row.sub.target", s)),
  ];
  const actualId: TemplateId = isRate(row) ? "row.actual.percent" : "row.actual";
  const actual = [
    say(context, actualId, row),
    ...subs.filter((s) => s.actual !== null).map((s) => say(context, "row.sub.actual", s)),
  ];
  const remaining = [
    say(context, remainingId(row), row),
    ...subs
      .filter((s) => s.remaining !== null && s.remaining > 0)
      .map((s) => say(context, "row.sub.remaining", s)),
  ];
  return `${target.join(", ")}: ${actual.join(", ")}; ${remaining.join(", ")}.`;
}

function remainingId(row: ReportRow): TemplateId {
  if (row.remaining === null || row.remaining <= 0) return "row.remaining.none";
  if (row.kind === "maintain") return "row.remaining.maintain";
  if (row.kind === "level")
    return row.direction === "down" ? "row.remaining.down" : "row.remaining.level";
  return "row.remaining.up";
}
