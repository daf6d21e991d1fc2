import { Report } from "../core/engine";
import { SkipReason, WorkbookReport } from "../core/job";
import { vi } from "../core/messages/vi";
import { formatNumber, formatPercent } from "../core/numbers";
import { renderProblem } from "../core/problems";

const cut = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/** A readable summary of a report for a terminal: one line per indicator, then what to check. */
export function renderSummary(report: Report): string {
  const lines: string[] = [];
  const period = `${report.period.months} tháng`;
  lines.push(
    `Trang "${report.sheet}" · kỳ báo cáo ${period}${report.year ? ` năm ${report.year}` : ""} · dòng tiêu đề ${report.headerRows.join(", ")}`
  );
  lines.push("");
  lines.push(
    [
      cut("Dòng", 5),
      cut("Chỉ tiêu", 44),
      cut("ĐVT", 12),
      "Kế hoạch".padStart(12),
      "Thực hiện".padStart(12),
      "Đạt".padStart(9),
      "Còn lại".padStart(12),
      "  Trạng thái",
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
  const s = report.summary;
  lines.push("");
  lines.push(
    `Tổng hợp: ${s.achieved} đã đạt/vượt · ${s.on_track} đúng tiến độ · ${s.at_risk} có nguy cơ không đạt · ${s.off_track} chậm tiến độ · ${s.no_data} thiếu số liệu · ${s.qualitative} định tính · ${s.mismatches} số liệu ghi sai`
  );
  const problems = report.rows.flatMap((row) =>
    row.problems.map((p) => `  Dòng ${row.row} (${row.name}): ${renderProblem(p, vi)}`)
  );
  if (problems.length > 0) {
    lines.push("");
    lines.push("Cần kiểm tra:");
    lines.push(...problems);
  }
  for (const warning of report.warnings)
    lines.push(`Lưu ý: ${vi.warning[warning.code](warning.months)}`);
  return lines.join("\n");
}

const SKIPPED: Record<SkipReason, string> = {
  empty: "trang trống",
  notes: "chỉ có chữ, không có bảng số liệu",
  noHeader: "không có dòng tiêu đề của bảng chỉ tiêu",
};

/** Each indicator sheet's summary, the sheets left out and why, and the whole when there are several. */
export function renderWorkbookSummary(workbook: WorkbookReport): string {
  const blocks = workbook.sheets.map(renderSummary);
  const lines: string[] = [];
  for (const { sheet, reason } of workbook.skipped)
    lines.push(`Bỏ qua trang "${sheet}": ${SKIPPED[reason]}.`);
  if (workbook.sheets.length > 1) {
    const s = workbook.summary;
    lines.push(
      `Toàn bộ ${workbook.sheets.length} trang: ${s.achieved} đã đạt/vượt · ${s.on_track} đúng tiến độ · ${s.at_risk} có nguy cơ không đạt · ${s.off_track} chậm tiến độ · ${s.no_data} thiếu số liệu · ${s.qualitative} định tính · ${s.mismatches} số liệu ghi sai`
    );
  }
  if (lines.length > 0) blocks.push(lines.join("\n"));
  return blocks.join("\n\n");
}
