import { mismatchOf } from "./checks";
import { Report, ReportRow } from "./engine";
import { WorkbookReport } from "./job";
import { Problem } from "./problems";
import { Section, sectionName } from "./rows";

/*
 * The JSON report of `chitieu compute --json` (and `chitieu demo`), compact and written as
 * it is made: each fact once. Rows are arrays in the order `ROW_FIELDS` names once at the
 * top, one row a line; a figure's text is written only where it is not its value's plain
 * digits; a row names its section by the heading's row, its problems without the row they
 * are on, and its expected share only where it is not the period's; a mismatch is stated
 * once, as its problem. `readReportJson` gives back the report exactly (README, "The JSON
 * report").
 */

export const REPORT_FORMAT = "chitieu-report/2";

/** A row's fields in the order a row array holds them. */
export const ROW_FIELDS = [
  "row",
  "label",
  "name",
  "unit",
  "type",
  "parentRow",
  "section",
  "kind",
  "direction",
  "target",
  "actual",
  "targetText",
  "actualText",
  "written",
  "planShare",
  "baseline",
  "achievement",
  "remaining",
  "decimals",
  "gapClosure",
  "expectedShare",
  "forecast",
  "status",
  "likelyMissed",
  "agency",
  "partners",
  "solutions",
  "problems",
] as const;

type RowField = (typeof ROW_FIELDS)[number];

/** A sheet's fields other than its rows, in the order they are written. */
const SHEET_FIELDS = [
  "sheet",
  "headerRows",
  "columns",
  "year",
  "period",
  "tolerance",
  "title",
  "sections",
  "totals",
  "summary",
  "warnings",
] as const satisfies readonly (keyof Report)[];

const WORKBOOK_FIELDS = [
  "skipped",
  "breakdowns",
  "period",
  "year",
  "title",
  "tolerance",
  "summary",
] as const satisfies readonly (keyof WorkbookReport)[];

/** Where the text goes, piece by piece: a row's line at most, never the report whole. */
type Out = (piece: string) => void;

/** A figure's text as the report keeps it: null when it is only its value's plain digits. */
const plainText = (value: number | null): string => (value === null ? "" : String(value));

function encodeText(text: string, value: number | null): string | null {
  return text === plainText(value) ? null : text;
}

/** A problem of the row it is on: `[code, cell]`, `[code, cell, args]` when it has figures. */
function encodeProblem(problem: Problem, row: number): unknown {
  if (problem.row !== row) return problem;
  return Object.keys(problem.args).length === 0
    ? [problem.code, problem.cell]
    : [problem.code, problem.cell, problem.args];
}

/** The heading a row is under, and the name its rows give as their section. */
interface Heading {
  row: number;
  name: string;
}

/**
 * A row as its array, in `ROW_FIELDS`' order (the round-trip tests hold the two together).
 * Written out field by field: a loop over the names reads each field by key, which on
 * 100.000 rows took as long as all the rest of the report's writing.
 */
function encodeRow(row: ReportRow, heading: Heading | null, sheet: Report): unknown[] {
  return [
    row.row,
    row.label,
    row.name,
    row.unit,
    row.type,
    row.parentRow,
    // The heading's row when the row's section is that heading's; the text otherwise.
    row.section !== null && heading !== null && heading.name === row.section
      ? heading.row
      : row.section,
    row.kind,
    row.direction,
    row.target,
    row.actual,
    encodeText(row.targetText, row.target),
    encodeText(row.actualText, row.actual),
    row.written,
    row.planShare,
    row.baseline,
    row.achievement,
    row.remaining,
    row.decimals,
    row.gapClosure,
    row.expectedShare === sheet.period.expectedShare ? null : row.expectedShare,
    row.forecast,
    row.status,
    row.likelyMissed,
    row.agency,
    row.partners,
    row.solutions,
    row.problems.map((problem) => encodeProblem(problem, row.row)),
  ] satisfies { [I in keyof typeof ROW_FIELDS]: unknown };
}

/** A sheet's fields, then its rows one a line; `{` and the closing `]}` are the caller's. */
function encodeSheetBody(sheet: Report, out: Out, indent: string): void {
  for (const field of SHEET_FIELDS)
    out(`${indent}${JSON.stringify(field)}: ${JSON.stringify(sheet[field])},\n`);
  out(`${indent}"rows": [`);
  const lineStart = `\n${indent}  `;
  const nextLineStart = `,${lineStart}`;
  let s = -1;
  let heading: Heading | null = null;
  sheet.rows.forEach((row, i) => {
    // The last heading above the row.
    while (s + 1 < sheet.sections.length && sheet.sections[s + 1].row < row.row) {
      const section = sheet.sections[++s];
      heading = { row: section.row, name: sectionName(section) };
    }
    out(i === 0 ? lineStart : nextLineStart);
    out(JSON.stringify(encodeRow(row, heading, sheet)));
  });
  out(sheet.rows.length === 0 ? "]" : `\n${indent}]`);
}

/**
 * Writes a workbook report as JSON, handing it to `out` as it is made, a piece at a time
 * (a row's line at most): the caller batches them, no report-sized string is ever made.
 */
export function writeReportJson(report: WorkbookReport, out: Out): void {
  out(`{\n  "format": ${JSON.stringify(REPORT_FORMAT)},\n`);
  out(`  "rowFields": ${JSON.stringify(ROW_FIELDS)},\n  "sheets": [`);
  report.sheets.forEach((sheet, i) => {
    out(i === 0 ? "\n    {\n" : ",\n    {\n");
    encodeSheetBody(sheet, out, "      ");
    out("\n    }");
  });
  out(report.sheets.length === 0 ? "],\n" : "\n  ],\n");
  WORKBOOK_FIELDS.forEach((field, i) => {
    const end = i === WORKBOOK_FIELDS.length - 1 ? "\n" : ",\n";
    out(`  ${JSON.stringify(field)}: ${JSON.stringify(report[field])}${end}`);
  });
  out("}\n");
}

/** One sheet's report on its own (a file per sheet, as `chitieu demo` writes them). */
export function writeSheetJson(sheet: Report, out: Out): void {
  out(`{\n  "format": ${JSON.stringify(REPORT_FORMAT)},\n`);
  out(`  "rowFields": ${JSON.stringify(ROW_FIELDS)},\n`);
  encodeSheetBody(sheet, out, "  ");
  out("\n}\n");
}

/** A report written as a whole string: for small reports and tests. */
export function reportJson(report: WorkbookReport): string {
  const chunks: string[] = [];
  writeReportJson(report, (chunk) => chunks.push(chunk));
  return chunks.join("");
}

export function sheetJson(sheet: Report): string {
  const chunks: string[] = [];
  writeSheetJson(sheet, (chunk) => chunks.push(chunk));
  return chunks.join("");
}

/** The JSON of a report is not one this version writes. */
export class ReportFormatError extends Error {
  override name = "ReportFormatError";
}

type Encoded = Record<string, unknown>;

function checkFormat(json: Encoded): readonly RowField[] {
  if (json.format !== REPORT_FORMAT)
    throw new ReportFormatError(`not a ${REPORT_FORMAT} report: format ${String(json.format)}`);
  const fields = json.rowFields;
  if (!Array.isArray(fields) || fields.some((f) => !(ROW_FIELDS as readonly unknown[]).includes(f)))
    throw new ReportFormatError("rowFields names a field this version does not know");
  return fields as RowField[];
}

function decodeProblem(encoded: unknown, row: number): Problem {
  if (!Array.isArray(encoded)) return encoded as Problem;
  const [code, cell, args] = encoded as [Problem["code"], string | null, Problem["args"]?];
  return { code, row, cell, args: args ?? {} } as Problem;
}

function decodeRow(
  values: unknown[],
  fields: readonly RowField[],
  sheet: Encoded,
  headings: ReadonlyMap<number, Section>
): ReportRow {
  const row: Record<string, unknown> = {};
  fields.forEach((field, i) => (row[field] = values[i]));
  const at = row.row as number;
  const heading = typeof row.section === "number" ? headings.get(row.section) : undefined;
  if (heading !== undefined) row.section = sectionName(heading);
  for (const [text, value] of [
    ["targetText", "target"],
    ["actualText", "actual"],
  ] as const)
    row[text] ??= plainText(row[value] as number | null);
  row.expectedShare ??= (sheet.period as Report["period"]).expectedShare;
  const problems = (row.problems as unknown[]).map((p) => decodeProblem(p, at));
  row.problems = problems;
  row.mismatches = problems.map(mismatchOf).filter((m) => m !== null);
  // In the report's own field order, so a decoded row reads as the engine made it.
  const ordered: Record<string, unknown> = {};
  for (const field of REPORT_ROW_ORDER) ordered[field] = row[field];
  return ordered as unknown as ReportRow;
}

/** ReportRow's fields as the engine lists them: `mismatches` before `problems`. */
const REPORT_ROW_ORDER = [...ROW_FIELDS.slice(0, -1), "mismatches", "problems"];

function decodeSheet(sheet: Encoded, fields: readonly RowField[]): Report {
  const decoded: Record<string, unknown> = {};
  for (const field of SHEET_FIELDS) decoded[field] = sheet[field];
  const headings = new Map((sheet.sections as Section[]).map((s) => [s.row, s]));
  decoded.rows = (sheet.rows as unknown[][]).map((values) =>
    decodeRow(values, fields, sheet, headings)
  );
  return decoded as unknown as Report;
}

/** The workbook report a `writeReportJson` text holds. */
export function readReportJson(text: string): WorkbookReport {
  const json = JSON.parse(text) as Encoded;
  const fields = checkFormat(json);
  const report: Record<string, unknown> = {
    sheets: (json.sheets as Encoded[]).map((sheet) => decodeSheet(sheet, fields)),
  };
  for (const field of WORKBOOK_FIELDS) report[field] = json[field];
  return report as unknown as WorkbookReport;
}

/** The sheet report a `writeSheetJson` text holds. */
export function readSheetJson(text: string): Report {
  const json = JSON.parse(text) as Encoded;
  return decodeSheet(json, checkFormat(json));
}
