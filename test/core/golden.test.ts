/**
 * The bundled sample workbook against docs/rules.md §3: every worked figure of Plan 65/KH-UBND
 * (2024), the document's own errors, and the district table of new enterprises.
 */
import { texts } from "../fixtures/problems";
import path from "path";
import ExcelJS from "exceljs";
import { tableFromWorksheet } from "../../src/xlsx/sheet";
import { computeSheet, Report, ReportRow } from "../../src/core/engine";
import { formatNumber, formatPercent } from "../../src/core/numbers";
import type { RowStatus } from "../../src/core/progress";
import type { Merge, Table } from "../../src/core/types";
import { buildSample2024, SAMPLE_SHEETS } from "../fixtures/sample2024";
import { makeTable } from "../fixtures/tables";

const SAMPLE_FILE = path.resolve(__dirname, "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");

let workbook: ExcelJS.Workbook;
let main: Report;
let districts: Report;

beforeAll(async () => {
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_FILE);
  main = computeSheet(tableFromWorksheet(sheetOf(workbook, SAMPLE_SHEETS.main)));
  districts = computeSheet(tableFromWorksheet(sheetOf(workbook, SAMPLE_SHEETS.districts)));
});

function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`sheet "${name}" missing from the workbook`);
  return sheet;
}

/** The one row whose name starts with `prefix`; fails loudly on none or several. */
function rowNamed(report: Report, prefix: string): ReportRow {
  const found = report.rows.filter((row) => row.name.startsWith(prefix));
  if (found.length !== 1)
    throw new Error(
      `expected one row named "${prefix}…" in ${report.sheet}, found ${found.length}`
    );
  return found[0];
}

const pct = (row: ReportRow): string | null =>
  row.achievement === null ? null : formatPercent(row.achievement, 2);
const rest = (row: ReportRow): string | null =>
  row.remaining === null ? null : formatNumber(row.remaining, row.decimals);

describe("the sample as read", () => {
  it("reads the main sheet's header, period and year", () => {
    expect(main.headerRows).toEqual([5, 6]);
    expect(main.period).toEqual({ months: 6, expectedShare: 0.5, source: "header" });
    expect(main.year).toBe(2024);
    expect(main.columns).toMatchObject({
      name: "B",
      unit: "C",
      lastYear: "D",
      samePeriod: "E",
      target: "F",
      actual: "G",
      reportedAchievement: "H",
      reportedRemaining: "I",
    });
    expect(main.warnings).toEqual([]);
  });

  it("the committed file holds the same cells and merges as buildSample2024()", () => {
    const built = buildSample2024();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(built.worksheets.map((s) => s.name));
    for (const name of [SAMPLE_SHEETS.main, SAMPLE_SHEETS.districts]) {
      const fromFile = tableFromWorksheet(sheetOf(workbook, name));
      const fromBuilder = tableFromWorksheet(sheetOf(built, name));
      expect({ sheet: name, values: fromFile.values }).toEqual({
        sheet: name,
        values: fromBuilder.values,
      });
      expect(sortedMerges(fromFile)).toEqual(sortedMerges(fromBuilder));
      expect(fromFile.formats).toEqual(fromBuilder.formats);
    }
  });
});

function sortedMerges(table: Table): Merge[] {
  return [...table.merges].sort((a, b) => a.top - b.top || a.left - b.left);
}

interface SeedFigure {
  /** The test's name: the §3 indicator and the computed column. */
  title: string;
  /** The sample's row name starts with this. */
  name: string;
  target: number;
  actual: number;
  achievement: string;
  remaining: string;
  status: RowStatus;
}

// docs/rules.md §3, "computed" column; statuses from §2 at 6 months (p = 0,5, band 10 points).
// prettier-ignore
const SEED: SeedFigure[] = [
  { title: "Tổng vốn đầu tư toàn xã hội: 41,46%; 19.904", name: "Tổng vốn đầu tư toàn xã hội",
    target: 34000, actual: 14096, achievement: "41,46%", remaining: "19.904", status: "at_risk" },
  { title: "Phát triển doanh nghiệp: 44,62%; 288", name: "Phát triển doanh nghiệp",
    target: 520, actual: 232, achievement: "44,62%", remaining: "288", status: "at_risk" },
  { title: "Vốn đầu tư công (giải ngân): 45,01%; 2.680,72", name: "Vốn đầu tư công (giải ngân)",
    target: 4874.53, actual: 2193.81, achievement: "45,01%", remaining: "2.680,72", status: "at_risk" },
  { title: "Thu nội địa: 53,05%; 2.920", name: "Thu nội địa",
    target: 6220, actual: 3300, achievement: "53,05%", remaining: "2.920", status: "on_track" },
  { title: "Thu xuất nhập khẩu: 69,20%; 397", name: "Thu từ hoạt động xuất nhập khẩu",
    target: 1289, actual: 892, achievement: "69,20%", remaining: "397", status: "on_track" },
  { title: "Giá trị sản xuất công nghiệp: 50,72%; 19.880", name: "Giá trị sản xuất công nghiệp",
    target: 40345, actual: 20465, achievement: "50,72%", remaining: "19.880", status: "on_track" },
  { title: "Tổng mức bán lẻ: 51,81%; 28.598", name: "Tổng mức bán lẻ",
    target: 59348, actual: 30750, achievement: "51,81%", remaining: "28.598", status: "on_track" },
  { title: "Giải ngân CTMTQG giảm nghèo: 28,31%; 72.427", name: "Giải ngân vốn CTMTQG giảm nghèo",
    target: 101021, actual: 28594, achievement: "28,31%", remaining: "72.427", status: "off_track" },
  { title: "Giải ngân CTMTQG dân tộc thiểu số: 29,76%; 140.450", name: "Giải ngân vốn CTMTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc",
    target: 199970, actual: 59520, achievement: "29,76%", remaining: "140.450", status: "off_track" },
  // Moved away from its 94,80 baseline: off track although 87,94% of the level is reached.
  { title: "Tỷ lệ bao phủ BHYT: 11,45 points", name: "Tỷ lệ bao phủ bảo hiểm y tế",
    target: 94.95, actual: 83.5, achievement: "87,94%", remaining: "11,45", status: "off_track" },
  // Baseline 21,72: also below it at mid-year.
  { title: "Tỷ lệ tham gia BHXH: 11,14 points", name: "Tỷ lệ tham gia bảo hiểm xã hội",
    target: 27.77, actual: 16.63, achievement: "59,88%", remaining: "11,14", status: "off_track" },
  // Levels with no baseline in the workbook, short of target: at risk.
  { title: "Tỷ lệ che phủ rừng: 0,05 points", name: "Tỷ lệ che phủ rừng",
    target: 4.15, actual: 4.1, achievement: "98,80%", remaining: "0,05", status: "at_risk" },
  { title: "Giường bệnh/vạn dân: 0,99", name: "Số giường bệnh/vạn dân",
    target: 29.39, actual: 28.4, achievement: "96,63%", remaining: "0,99", status: "at_risk" },
  { title: "Chất thải nguy hại được xử lý: 13,12 points", name: "Tỷ lệ chất thải nguy hại",
    target: 99.4, actual: 86.28, achievement: "86,80%", remaining: "13,12", status: "at_risk" },
];

describe("docs/rules.md §3 worked figures (sheet Chỉ tiêu KT-XH 2024)", () => {
  it.each(SEED.map((s) => [s.title, s] as const))("%s", (_title, seed) => {
    const row = rowNamed(main, seed.name);
    expect(row.target).toBeCloseTo(seed.target, 6);
    expect(row.actual).toBeCloseTo(seed.actual, 6);
    expect({ achievement: pct(row), remaining: rest(row), status: row.status }).toEqual({
      achievement: seed.achievement,
      remaining: seed.remaining,
      status: seed.status,
    });
  });

  it("Tỷ lệ bao phủ BHYT: off track by gap closure, from 94,80 to 83,50 against 94,95", () => {
    const row = rowNamed(main, "Tỷ lệ bao phủ bảo hiểm y tế");
    expect(row.kind).toBe("level");
    expect(row.baseline).toBeCloseTo(94.8, 6);
    // (83,50 − 94,80) / (94,95 − 94,80) = −75,33
    expect(row.gapClosure).toBeCloseTo(-75.333, 2);
    expect(row.achievement).toBeCloseTo(0.879, 3);
    expect(row.status).toBe("off_track");
  });

  it("cumulative rows behind the calendar are likely missed at the current pace", () => {
    const row = rowNamed(main, "Tổng vốn đầu tư toàn xã hội");
    expect(row.forecast).toBe(28192); // 14.096 / 0,5
    expect(row.likelyMissed).toBe(true);
    expect(rowNamed(main, "Thu nội địa").likelyMissed).toBe(false);
  });

  // "giảm" in "giảm nghèo" names the programme, not a reduction: a disbursement is a flow.
  it("Giải ngân CTMTQG giảm nghèo is a cumulative flow, not a reduction", () => {
    expect(rowNamed(main, "Giải ngân vốn CTMTQG giảm nghèo").kind).toBe("cumulative");
  });
});

describe("the document's own errors (docs/rules.md §3)", () => {
  it("flags exactly the five mismatches of the plan, and nothing else", () => {
    const flagged = main.rows
      .flatMap((row) => row.mismatches.map((m) => ({ name: row.name, ...m })))
      .sort((a, b) => a.cell.localeCompare(b.cell));
    expect(flagged).toMatchObject([
      {
        name: "Thu nội địa",
        field: "achievement",
        cell: "H14",
        reported: 0.5303,
        computed: expect.closeTo(3300 / 6220, 12),
      },
      {
        name: "Thu từ hoạt động xuất nhập khẩu",
        field: "achievement",
        cell: "H15",
        reported: 0.6919,
        computed: expect.closeTo(892 / 1289, 12),
      },
      {
        name: "Giải ngân vốn CTMTQG giảm nghèo bền vững",
        field: "achievement",
        cell: "H27",
        reported: 0.2733,
        computed: expect.closeTo(28594 / 101021, 12),
      },
      { name: "Thu nội địa", field: "remaining", cell: "I14", reported: 2640, computed: 2920 },
      {
        name: "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
        field: "remaining",
        cell: "I17",
        reported: 28597,
        computed: 28598,
      },
    ]);
    expect(main.summary.mismatches).toBe(5);
  });

  it("Thu nội địa: 53,03% vs 53,05% and 2.640 vs 2.920, each named by cell", () => {
    const problems = texts(rowNamed(main, "Thu nội địa").problems);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toEqual(expect.stringContaining("H14"));
    expect(problems[0]).toEqual(expect.stringContaining("53,03%"));
    expect(problems[0]).toEqual(expect.stringContaining("53,05%"));
    expect(problems[1]).toEqual(expect.stringContaining("I14"));
    expect(problems[1]).toEqual(expect.stringContaining("2.640"));
    expect(problems[1]).toEqual(expect.stringContaining("2.920"));
  });

  it("Thu xuất nhập khẩu: 69,19% vs 69,20% (69,2009) disagrees at two decimals", () => {
    const row = rowNamed(main, "Thu từ hoạt động xuất nhập khẩu");
    expect(row.mismatches.map((m) => m.field)).toEqual(["achievement"]);
    expect(texts(row.problems).join(" ")).toMatch(/H15.*69,19%.*69,20%/);
  });

  it("Giải ngân CTMTQG giảm nghèo: 27,33% vs 28,31%", () => {
    const row = rowNamed(main, "Giải ngân vốn CTMTQG giảm nghèo");
    expect(row.mismatches.map((m) => m.field)).toEqual(["achievement"]);
    expect(texts(row.problems).join(" ")).toMatch(/H27.*27,33%.*28,31%/);
  });

  it("Tổng mức bán lẻ: 28.597 vs 28.598", () => {
    const row = rowNamed(main, "Tổng mức bán lẻ");
    expect(row.mismatches.map((m) => m.field)).toEqual(["remaining"]);
    expect(texts(row.problems).join(" ")).toMatch(/I17.*28\.597.*28\.598/);
  });

  it("Vốn đầu tư công: the plan's `45` agrees with 45,0056%", () => {
    const row = rowNamed(main, "Vốn đầu tư công (giải ngân)");
    expect(row.achievement! * 100).toBeCloseTo(45.0056, 4);
    expect(row.mismatches).toMatchObject([]);
    expect(texts(row.problems)).toEqual([]);
  });
});

// The plan's district table: target, actual, achievement, remaining.
// prettier-ignore
const DISTRICTS: [string, number, number, string, string][] = [
  ["Thành phố Trà Vinh", 150, 59, "39,33%", "91"],
  ["Huyện Càng Long", 45, 18, "40,00%", "27"],
  ["Huyện Châu Thành", 75, 36, "48,00%", "39"],
  ["Huyện Cầu Kè", 45, 24, "53,33%", "21"],
  ["Huyện Tiểu Cần", 45, 18, "40,00%", "27"],
  ["Huyện Cầu Ngang", 40, 19, "47,50%", "21"],
  ["Huyện Trà Cú", 35, 12, "34,29%", "23"],
  ["Huyện Duyên Hải", 30, 14, "46,67%", "16"],
  ["Thị Xã Duyên Hải", 55, 32, "58,18%", "23"],
];

describe("district table of new enterprises (sheet DN theo địa phương)", () => {
  it.each(DISTRICTS)("%s: %d / %d → %s; %s", (name, target, actual, achievement, remaining) => {
    const row = rowNamed(districts, name);
    expect(row.type).toBe("indicator");
    expect([row.target, row.actual, pct(row), rest(row)]).toEqual([
      target,
      actual,
      achievement,
      remaining,
    ]);
    // The sheet's own figures ("39.33" English style beside "44,62") agree.
    expect(row.mismatches).toMatchObject([]);
  });

  it("Tổng cộng toàn tỉnh: 520 / 232 → 44,62%; 288", () => {
    const total = rowNamed(districts, "Tổng cộng toàn tỉnh");
    expect(total.type).toBe("total");
    expect([total.target, total.actual, pct(total), rest(total)]).toEqual([
      520,
      232,
      "44,62%",
      "288",
    ]);
    expect(total.mismatches).toMatchObject([]);
  });

  it("the districts add up to the total, and no totals mismatch is reported", () => {
    const parts = districts.rows.filter((row) => row.type === "indicator");
    expect(parts).toHaveLength(9);
    const sum = (pick: (row: ReportRow) => number | null): number =>
      parts.reduce((acc, row) => acc + (pick(row) ?? NaN), 0);
    expect([sum((r) => r.target), sum((r) => r.actual), sum((r) => r.remaining)]).toEqual([
      520, 232, 288,
    ]);
    expect(districts.totals).toMatchObject([]);
    expect(districts.summary.mismatches).toBe(0);
  });

  it("a total row that says 233 for actual is flagged on its cell", () => {
    const table = makeTable([
      ["STT", "Địa phương", "Kế hoạch", "Thực hiện 6 tháng đầu năm"],
      ...DISTRICTS.map(([name, target, actual], i) => [i + 1, name, target, actual]),
      [null, "Tổng cộng toàn tỉnh", 520, 233],
    ]);
    const report = computeSheet(table);
    expect(report.totals).toMatchObject([
      { row: 11, cell: "D11", field: "actual", sum: 232, reported: 233 },
    ]);
    const total = rowNamed(report, "Tổng cộng toàn tỉnh");
    expect(texts(total.problems)).toHaveLength(1);
    expect(texts(total.problems)[0]).toMatch(/D11/);
    expect(texts(total.problems)[0]).toMatch(/232/);
    expect(texts(total.problems)[0]).toMatch(/233/);
  });
});
