import { Report } from "../core/engine";
import { WorkbookReport } from "../core/job";
import { cli, vi } from "../core/messages/vi";
import { formatNumber, formatPercent } from "../core/numbers";
import { renderProblem } from "../core/problems";

const cut = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/** A readable summary of a report for a terminal: one line per indicator, then what to check. */
export function renderSummary(report: Report): string {
  const lines: string[] = [];
  const say = cli.summary;
  lines.push(say.sheet(report.sheet, report.period.months, report.year, report.headerRows));
  lines.push("");
  lines.push(
    [
      cut(say.columns.row, 5),
      cut(say.columns.name, 44),
      cut(say.columns.unit, 12),
      say.columns.target.padStart(12),
      say.columns.actual.padStart(12),
      say.columns.achievement.padStart(9),
      say.columns.remaining.padStart(12),
      `  ${say.columns.status}`,
    ].join(" ")
  );
  for (const row of report.rows) {
    const amount = (value: number | null): string =>
      value === null ? "" : formatNumber(value, row.decimals);
    lines.push(
      [
        cut(String(row.row), 5),
        cut((row.type === "sub" ? "  - " : "") + row.name, 44),
        cut(row.unit, 12),
        amount(row.target).padStart(12),
        amount(row.actual).padStart(12),
        (row.achievement === null ? "" : formatPercent(row.achievement)).padStart(9),
        amount(row.remaining).padStart(12),
        `  ${vi.status[row.status]}${row.likelyMissed ? ` (${vi.likelyMissed})` : ""}${row.mismatches.length > 0 ? " ⚠" : ""}`,
      ].join(" ")
    );
  }
  lines.push("");
  lines.push(say.total(vi.counts(report.summary)));
  const problems = report.rows.flatMap((row) =>
    row.problems.map((p) => say.problem(row.row, row.name, renderProblem(p, vi)))
  );
  if (problems.length > 0) {
    lines.push("");
    lines.push(say.check);
    lines.push(...problems);
  }
  for (const warning of report.warnings)
    lines.push(cli.note(vi.warning[warning.code](warning.months)));
  return lines.join("\n");
}

/** Each indicator sheet's summary, the sheets left out and why, and the whole when there are several. */
export function renderWorkbookSummary(workbook: WorkbookReport): string {
  const blocks = workbook.sheets.map(renderSummary);
  const lines: string[] = [];
  for (const { sheet, reason } of workbook.skipped)
    lines.push(cli.summary.skipped(sheet, vi.skipped[reason]));
  if (workbook.sheets.length > 1)
    lines.push(cli.summary.workbook(workbook.sheets.length, vi.counts(workbook.summary)));
  if (lines.length > 0) blocks.push(lines.join("\n"));
  return blocks.join("\n\n");
}
