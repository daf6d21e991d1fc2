import { ReportRow } from "../engine";
import { Figure } from "../figures";
import { formatNumber, formatPercent } from "../numbers";
import { fillWith, ROW_FIELDS, TemplateId, Templates } from "./templates";
import { midSentence } from "./settings";
import { fold } from "../text";

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

/** Digits a row's figures are printed with: its inputs', and at least two for a rate in % (docs/rules.md §4). */
function digits(row: ReportRow): number {
  return isPercentUnit(row) ? Math.max(2, row.decimals) : row.decimals;
}

const isPercentUnit = (row: ReportRow): boolean => row.unit.trim() === "%";

/**
 * An amount of a row as the seeds print it: in the row's digits, but a whole rate in %
 * reads as one, in two digits below 10 (`100%`, `05%`, not `5,00%`).
 */
function amountText(row: ReportRow, value: number): string {
  if (isPercentUnit(row) && Number.isInteger(value))
    return value > 0 && value < 10 ? `0${value}` : formatNumber(value, 0);
  return formatNumber(value, digits(row));
}

/** An achievement: `12,34%`, or `100%` when it is whole to the hundredth. */
function achievementText(fraction: number): string {
  const whole = Math.round(fraction * 100);
  return Math.abs(fraction * 100 - whole) < 0.005 ? `${whole}%` : formatPercent(fraction);
}

/**
 * A row's unit as a reader needs it whole: a count per population named in the indicator
 * (`Số bác sĩ/vạn dân`, unit `bác sĩ`) is `bác sĩ/vạn dân`, never `bác sĩ` alone.
 * @example unitText({ name: "Số giường bệnh/vạn dân (không tính trạm y tế xã)", unit: "giường" }) // "giường/vạn dân"
 */
export function unitText(row: Pick<ReportRow, "name" | "unit">): string {
  const unit = row.unit.trim();
  const slash = row.name.indexOf("/");
  if (unit === "" || unit.includes("/") || slash < 0) return unit;
  if (!fold(row.name.slice(0, slash)).includes(fold(unit))) return unit;
  const per = row.name
    .slice(slash + 1)
    .split(/[(,;:]/)[0]
    .trim();
  // `/vạn dân`, `/1.000 dân`, `/km²`: a short denominator, not the rest of a sentence.
  return per !== "" && per.split(/\s+/).length <= 3 ? `${unit}/${per}` : unit;
}

/** The placeholder values of one row, every number through the Vietnamese formatter. */
export function rowValues(row: ReportRow, context: SentenceContext): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of ROW_FIELDS) values[field] = rowValue(row, context, field);
  return values;
}

/**
 * One placeholder's value for a row ("" for a name no row template has): a sentence
 * computes only the values its template uses.
 */
function rowValue(row: ReportRow, context: SentenceContext, field: string): string {
  switch (field) {
    case "Chỉ tiêu":
      return row.name;
    case "chỉ tiêu":
      return midSentence(row.name);
    case "Đơn vị tính":
      return unitText(row);
    case "Năm":
      return context.year === null ? YEAR_MISSING : String(context.year);
    case "Kỳ báo cáo":
      return context.report;
    case "Kỳ còn lại":
      return context.rest;
    case "Kế hoạch":
      return row.planShare === null
        ? asWritten(row, row.written.target, row.target)
        : shareOfPlan(row);
    case "Kế hoạch vốn":
      return row.planShare === null ? "" : formatNumber(row.planShare.amount, row.decimals);
    case "Tỷ lệ kế hoạch vốn":
      return row.planShare === null || row.actual === null || row.planShare.amount === 0
        ? ""
        : formatPercent(row.actual / row.planShare.amount);
    case "Thực hiện":
      return asWritten(row, row.written.actual, row.actual);
    case "Tỷ lệ đạt":
      return row.achievement === null ? "" : achievementText(row.achievement);
    case "Còn lại":
      return row.remaining === null ? "" : amount(row, Math.abs(row.remaining));
    case "Vượt":
      return row.remaining !== null && row.remaining < 0 ? amount(row, -row.remaining) : "";
    case "Năm trước":
      return amount(row, row.baseline);
    case "So với năm trước":
      return sinceLastYear(row, context);
    case "Dự báo":
      return amount(row, row.forecast);
    default:
      return "";
  }
}

/** An amount in the row's digits; "" for none. */
function amount(row: ReportRow, value: number | null): string {
  return value === null ? "" : amountText(row, value);
}

/** `trên 95%`: a target set as a share of a plan amount, in its own words. */
function shareOfPlan(row: ReportRow): string {
  const share = formatPercent(row.planShare?.share ?? 0, 0);
  const bound = row.written.target?.bound;
  return bound === undefined ? share : `${BOUND_WORDS[bound]} ${share}`;
}

export const YEAR_MISSING = "[năm]";

/**
 * A figure as the document should print it, from how its cell was written: `85/85` stays
 * a fraction, `dưới 2%` keeps its bound and its digits (the unit follows from the
 * template), an empty or error cell leaves a mark to fill, other figures in the row's
 * digits, in Vietnamese style. `value` is the figure measured against, which for a share
 * of a plan amount is not the cell's own.
 */
function asWritten(row: ReportRow, read: Figure | undefined, value: number | null): string {
  if (value === null) return MISSING;
  if (read === undefined || Math.abs(read.value - value) > 1e-9) return amountText(row, value);
  if (read.fraction) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(read.fraction.numerator)}/${pad(read.fraction.denominator)}`;
  }
  if (read.bound) return `${BOUND_WORDS[read.bound]} ${formatNumber(value, read.decimals)}`;
  return amountText(row, value);
}

/** `(tăng 0,15% so với năm 2023)` for a level row with last year's figure. */
function sinceLastYear(row: ReportRow, context: SentenceContext): string {
  if (row.baseline === null || row.target === null || context.year === null) return "";
  // The change is printed in the target's own digits (`tăng 0,15%`).
  const change = row.target - row.baseline;
  if (Math.abs(change) < 1e-9) return ` (bằng năm ${context.year - 1})`;
  return ` (${change > 0 ? "tăng" : "giảm"} ${amount(row, Math.abs(change))} ${unitText(row)} so với năm ${context.year - 1})`;
}

function say(context: SentenceContext, id: TemplateId, row: ReportRow): string {
  return sayWith(context, id, fieldsOf(row, context));
}

/**
 * A row's placeholder values as a lookup, made once for all the sentences of the row. Its
 * unit is worked out once: each of the row's three clauses prints it.
 */
function fieldsOf(row: ReportRow, context: SentenceContext): (field: string) => string {
  let unit: string | undefined;
  return (field) => (field === UNIT ? (unit ??= unitText(row)) : rowValue(row, context, field));
}

const UNIT = "Đơn vị tính";

function sayWith(context: SentenceContext, id: TemplateId, fields: (field: string) => string) {
  return fillWith(id, context.templates[id], fields);
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
  subs: readonly ReportRow[],
  context: SentenceContext
): string {
  if (row.status === "no_data") return say(context, "row.noData", row);
  const own = fieldsOf(row, context);
  const parts = subs.length === 0 ? NO_FIELDS : subs.map((sub) => fieldsOf(sub, context));
  const share = row.planShare !== null;
  let target = sayWith(context, share ? "row.target.share" : "row.target", own);
  for (const part of parts) target += `, ${sayWith(context, "row.sub.target", part)}`;
  let actual = sayWith(
    context,
    share ? "row.actual.share" : isRate(row) ? "row.actual.percent" : "row.actual",
    own
  );
  subs.forEach((sub, i) => {
    if (sub.actual !== null) actual += `, ${sayWith(context, "row.sub.actual", parts[i])}`;
  });
  let remaining = sayWith(context, remainingId(row), own);
  subs.forEach((sub, i) => {
    if (sub.remaining !== null && sub.remaining > 0)
      remaining += `, ${sayWith(context, "row.sub.remaining", parts[i])}`;
  });
  // Joined, not concatenated: one flat string now, while its clauses are young garbage,
  // rather than a chain of pieces kept with the draft and copied into one when printed.
  return [target, ": ", actual, "; ", remaining, "."].join("");
}

const NO_FIELDS: ((field: string) => string)[] = [];

function remainingId(row: ReportRow): TemplateId {
  if (row.remaining === null || row.remaining <= 0) return "row.remaining.none";
  if (row.planShare !== null) return "row.remaining.share";
  // `dưới 2%`, `trên 90%`: what is left is to pass the bound, not to reach its figure.
  const bound = row.written.target?.bound;
  if (bound === "lt" || bound === "le") return "row.remaining.below";
  if (bound === "gt" || bound === "ge") return "row.remaining.above";
  if (row.kind === "maintain") return "row.remaining.maintain";
  if (row.kind === "level")
    return row.direction === "down" ? "row.remaining.down" : "row.remaining.level";
  return "row.remaining.up";
}
