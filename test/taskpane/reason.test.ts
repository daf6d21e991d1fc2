/**
 * Each status says why, in plain words from the report's facts (PANE.md "After computing"),
 * on the sample's own rows (docs/rules.md §3).
 */
import { draft } from "../../src/core/draft";
import { computeSheet, Report, ReportRow } from "../../src/core/engine";
import { workbookReport } from "../../src/core/job";
import { laggingGroups } from "../../src/taskpane/components/LaggingList/useLaggingList";
import { statusReason } from "../../src/taskpane/lib/reason";
import { STATUS_ORDER } from "../../src/taskpane/lib/status";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { loadSampleTables, MAIN_SHEET } from "./fakeHost";

let report: Report;

beforeAll(async () => {
  const table = (await loadSampleTables()).find((t) => t.sheet === MAIN_SHEET);
  if (!table) throw new Error("no main sheet");
  report = computeSheet(table);
});

const row = (name: string): ReportRow => {
  const found = report.rows.find((r) => r.name.startsWith(name));
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe("statusReason", () => {
  it("measures a flow against the calendar share and the band, and says when the year is lost", () => {
    expect(statusReason(row("Tổng vốn đầu tư toàn xã hội"), report, vi)).toBe(
      "đạt 41,46%, thấp hơn mức 50% của 6 tháng trong ngưỡng 10 điểm; theo đà này cả năm ước 28.192, không đạt 34.000"
    );
    expect(statusReason(row("Giải ngân vốn CTMTQG giảm nghèo"), report, vi)).toMatch(
      /^đạt 28,31%, thấp hơn mức 50% của 6 tháng quá 10 điểm/
    );
    expect(statusReason(row("Thu nội địa"), report, vi)).toBe(
      "đạt 53,05%, không thấp hơn mức 50% của 6 tháng"
    );
  });

  it("places a level on its path from last year's figure", () => {
    expect(statusReason(row("Tỷ lệ bao phủ bảo hiểm y tế"), report, vi)).toMatch(
      /^từ 94,80 đầu năm nay là 83,50, xa dần chỉ tiêu 94,95/
    );
    expect(statusReason(row("Số bác sĩ/vạn dân"), report, vi)).toMatch(
      /^vẫn 9,60 như đầu năm, chưa tiến gần chỉ tiêu 10,00/
    );
    expect(statusReason(row("Tỷ lệ che phủ rừng"), report, vi)).toBe(
      "đang ở 4,10, chưa đạt chỉ tiêu 4,15; không có số năm trước để so tiến độ"
    );
  });

  it("speaks English in the English pane", () => {
    expect(statusReason(row("Tổng vốn đầu tư toàn xã hội"), report, en)).toBe(
      "at 41,46%, below the 50% due after 6 months by less than 10 points; at this pace the year ends near 28.192, short of 34.000"
    );
  });
});

describe("laggingGroups", () => {
  it("groups the lagging rows by lead agency as the plan does, in the order the sheet first names them", () => {
    const groups = laggingGroups(report);
    expect(groups.map((g) => g.agency).slice(0, 3)).toEqual([
      "Cục Thống kê tỉnh",
      "Sở Kế hoạch và Đầu tư",
      "Bảo hiểm xã hội tỉnh và Ủy ban nhân dân các huyện, thị xã, thành phố",
    ]);
    // The plan's section II names the same groups, in the same order.
    const plan = draft(workbookReport([report]));
    const parts = plan.parts.flatMap((part) => (part.agency ? [part.agency] : []));
    expect(groups.map((g) => g.agency)).toEqual(parts);
    const rows = groups.flatMap((g) => g.entries.map((e) => e.row));
    expect(rows.some((r) => r.type === "total")).toBe(false);
  });

  it("lists a group's worst indicator first, no data last, and ties in sheet order", () => {
    const rank = (r: ReportRow): number =>
      r.status === "no_data" ? 0 : STATUS_ORDER.indexOf(r.status);
    const groups = laggingGroups(report);
    let compared = 0;
    for (const { entries } of groups) {
      // Each indicator with its `trong đó` rows is one unit, ranked by its worst member.
      const units: { row: number; worst: number }[] = [];
      for (const { row, parent } of entries) {
        const head = parent === null ? row.row : row.parentRow;
        const last = units[units.length - 1];
        if (last?.row === head) last.worst = Math.max(last.worst, rank(row));
        else units.push({ row: head ?? row.row, worst: rank(row) });
      }
      for (let i = 1; i < units.length; i++) {
        const [a, b] = [units[i - 1], units[i]];
        expect(a.worst > b.worst || (a.worst === b.worst && a.row < b.row)).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("keeps a `trong đó` row right after its parent, named as its part", () => {
    const entries = laggingGroups(report).flatMap((g) => g.entries);
    const at = entries.findIndex((e) => e.row.name === "BHXH tự nguyện");
    expect(entries[at].parent).toMatch(/^Tỷ lệ tham gia bảo hiểm xã hội/);
    expect(entries[at - 1].row.name).toMatch(/^Tỷ lệ tham gia bảo hiểm xã hội/);
  });
});
