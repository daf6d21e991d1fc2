import { Report } from "../core/engine";
import { vi } from "../core/messages/vi";
import { formatNumber, formatPercent } from "../core/numbers";

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
    row.problems.map((p) => `  Dòng ${row.row} (${row.name}): ${p}`)
  );
  if (problems.length > 0) {
    lines.push("");
    lines.push("Cần kiểm tra:");
    lines.push(...problems);
  }
  for (const warning of report.warnings) lines.push(`Lưu ý: ${warning}`);
  return lines.join("\n");
}
