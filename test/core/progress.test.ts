/**
 * docs/rules.md §2, rule by rule: small tables through `computeSheet`, so each case reads like
 * the workbook an official would hand over.
 */
import { texts } from "../fixtures/problems";
import { computeSheet, ComputeOptions, Report, ReportRow } from "../../src/core/engine";
import { formatNumber, formatPercent } from "../../src/core/numbers";
import type { CellValue } from "../../src/core/types";
import { makeTable } from "../fixtures/tables";

/** A one-row header read as STT | Chỉ tiêu | ĐVT | target | actual (6 months). */
const HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng đầu năm"];
/** With last year's full-year result (baseline B, or F) and its same period (C). */
const HEADER_LAST_YEAR = [
  "STT",
  "Chỉ tiêu",
  "ĐVT",
  "TH năm trước",
  "Cùng kỳ năm trước",
  "Kế hoạch",
  "Thực hiện 6 tháng đầu năm",
];

function compute(
  rows: CellValue[][],
  options: ComputeOptions = {},
  header: CellValue[] = HEADER
): Report {
  const report = computeSheet(makeTable([header, ...rows]), options);
  // Guard: the data rows must not have been read as part of the header.
  expect(report.headerRows).toEqual([1]);
  return report;
}

/** The only row of a one-row table. */
function one(row: CellValue[], options: ComputeOptions = {}, header = HEADER): ReportRow {
  const report = compute([row], options, header);
  expect(report.rows).toHaveLength(1);
  return report.rows[0];
}

/** A cumulative row, `Tổng vốn đầu tư toàn xã hội` in tỷ đồng. */
const investment = (target: CellValue, actual: CellValue): CellValue[] => [
  1,
  "Tổng vốn đầu tư toàn xã hội",
  "tỷ đồng",
  target,
  actual,
];

/** A level row with a baseline: health-insurance coverage in %. */
const coverage = (baseline: CellValue, target: CellValue, actual: CellValue): CellValue[] => [
  1,
  "Tỷ lệ bao phủ bảo hiểm y tế",
  "%",
  baseline,
  null,
  target,
  actual,
];

describe("cumulative: achievement A/T, remaining T − A, status against p", () => {
  it("on track at 55% of plan after 6 months", () => {
    const row = one(investment(100, 55));
    expect(row.kind).toBe("cumulative");
    expect(row.achievement).toBeCloseTo(0.55, 12);
    expect(row.remaining).toBe(45);
    expect(row.expectedShare).toBe(0.5);
    expect(row.status).toBe("on_track");
  });

  it("on track exactly at p (50%)", () => {
    expect(one(investment(100, 50)).status).toBe("on_track");
  });

  it("at risk within the default 10-point band (45%, and 40% at its edge)", () => {
    expect(one(investment(100, 45)).status).toBe("at_risk");
    expect(one(investment(100, 40)).status).toBe("at_risk");
  });

  it("off track below the band (39,9%)", () => {
    expect(one(investment(100, "39,9")).status).toBe("off_track");
  });

  it("a custom tolerance of 5 points narrows the band", () => {
    const report = compute([investment(100, 45), investment(100, 44)], { tolerance: 5 });
    expect(report.tolerance).toBe(5);
    expect(report.rows.map((r) => r.status)).toEqual(["at_risk", "off_track"]);
  });

  it("a custom tolerance of 20 points widens it", () => {
    expect(one(investment(100, 35), { tolerance: 20 }).status).toBe("at_risk");
    expect(one(investment(100, 29), { tolerance: 20 }).status).toBe("off_track");
  });

  it("achieved when exceeded, with a negative remaining (exceeded by A − T)", () => {
    const row = one(investment(100, 120));
    expect(row.status).toBe("achieved");
    expect(row.achievement).toBeCloseTo(1.2, 12);
    expect(row.remaining).toBe(-20);
    expect(row.likelyMissed).toBe(false);
  });

  it("achieved when exactly met", () => {
    const row = one(investment("34.000", "34.000"));
    expect(row.status).toBe("achieved");
    expect(row.remaining).toBe(0);
  });

  it("keeps the precision of its inputs in the remaining amount", () => {
    const row = one(investment("4.874,53", "2.193,81"));
    expect(row.decimals).toBe(2);
    expect(formatNumber(row.remaining!, row.decimals)).toBe("2.680,72");
    expect(formatPercent(row.achievement!)).toBe("45,01%");
  });

  it("at full year a cumulative row short of target is off track, not at risk", () => {
    expect(one(investment(100, 95), { months: 12 }).status).toBe("off_track");
  });
});

describe("level, higher is better: gap closure (A − B)/(T − B) against p", () => {
  it("on track when gap closure ≥ p (90 → 92 of 94: 0,5)", () => {
    const row = one(coverage(90, 94, 92), {}, HEADER_LAST_YEAR);
    expect(row.kind).toBe("level");
    expect(row.direction).toBe("up");
    expect(row.baseline).toBe(90);
    expect(row.gapClosure).toBeCloseTo(0.5, 12);
    expect(row.achievement).toBeCloseTo(92 / 94, 12);
    expect(row.remaining).toBe(2); // percentage points
    expect(row.status).toBe("on_track");
  });

  it("at risk when gap closure is within the band below p (0,45)", () => {
    const row = one(coverage(90, 94, "91,8"), {}, HEADER_LAST_YEAR);
    expect(row.gapClosure).toBeCloseTo(0.45, 12);
    expect(row.status).toBe("at_risk");
  });

  it("off track when gap closure is below the band (0,25)", () => {
    const row = one(coverage(90, 94, 91), {}, HEADER_LAST_YEAR);
    expect(row.gapClosure).toBeCloseTo(0.25, 12);
    expect(row.status).toBe("off_track");
  });

  it("off track when it moved away from the target (negative gap closure), whatever the ratio", () => {
    // docs/rules.md §3: 94,80 → 83,50 against 94,95; 87,94% of the level is reached.
    const row = one(coverage("94,80", "94,95", "83,50"), {}, HEADER_LAST_YEAR);
    expect(row.gapClosure).toBeLessThan(0);
    expect(formatPercent(row.achievement!)).toBe("87,94%");
    expect(formatNumber(row.remaining!, row.decimals)).toBe("11,45");
    expect(row.status).toBe("off_track");
  });

  it("achieved once the target level is reached", () => {
    const row = one(coverage(90, 94, "94,5"), {}, HEADER_LAST_YEAR);
    expect(row.status).toBe("achieved");
    expect(row.remaining).toBeCloseTo(-0.5, 12);
  });

  it("forecasts B + (A − B)/p and flags a level that will not reach its target", () => {
    const behind = one(coverage(90, 94, 91), {}, HEADER_LAST_YEAR);
    expect(behind.forecast).toBe(92); // 90 + 1 / 0,5
    expect(behind.likelyMissed).toBe(true);
    const ahead = one(coverage(90, 94, 93), {}, HEADER_LAST_YEAR);
    expect(ahead.forecast).toBe(96);
    expect(ahead.likelyMissed).toBe(false);
  });

  it("without a baseline, a level short of its target is at risk", () => {
    const row = one([1, "Tỷ lệ che phủ rừng so với diện tích tự nhiên", "%", "4,15", "4,10"]);
    expect(row.kind).toBe("level");
    expect(row.baseline).toBeNull();
    expect(row.gapClosure).toBeNull();
    expect(formatNumber(row.remaining!, row.decimals)).toBe("0,05");
    expect(row.status).toBe("at_risk");
  });

  it("without a baseline, a level at its target is achieved", () => {
    const row = one([1, "Số giường bệnh/vạn dân", "giường", "29,39", "29,40"]);
    expect(row.kind).toBe("level");
    expect(row.status).toBe("achieved");
  });
});

describe("level, lower is better: achieved when A ≤ T (strictly below for `dưới`)", () => {
  const unemployment = (target: CellValue, actual: CellValue): CellValue[] => [
    1,
    "Tỷ lệ thất nghiệp khu vực thành thị",
    "%",
    target,
    actual,
  ];

  it("`dưới 2%` is met at 1,9", () => {
    const row = one(unemployment("dưới 2%", "1,9"));
    expect(row.kind).toBe("level");
    expect(row.direction).toBe("down");
    expect(row.target).toBe(2);
    expect(row.status).toBe("achieved");
  });

  it("`dưới 2%` is not met at 2: the bound is strict", () => {
    const row = one(unemployment("dưới 2%", "2"));
    expect(row.status).not.toBe("achieved");
    expect(row.status).toBe("at_risk"); // no baseline to place it on the year's path
  });

  it("`dưới 2%` at 2,5 leaves 0,5 point to cut (A − T)", () => {
    const row = one(unemployment("dưới 2%", "2,5"));
    expect(formatNumber(row.remaining!, row.decimals)).toBe("0,5");
    expect(row.status).toBe("at_risk");
  });

  it("`không quá 5` is met at 5 and not at 5,2", () => {
    const share = (actual: CellValue): ReportRow =>
      one([1, "Tỷ lệ lao động nông nghiệp trong tổng số lao động", "%", "không quá 5", actual]);
    const at = share(5);
    expect(at.direction).toBe("down");
    expect(at.status).toBe("achieved");
    expect(at.remaining).toBe(0);
    const above = share("5,2");
    expect(above.status).not.toBe("achieved");
    expect(above.remaining).toBeCloseTo(0.2, 12);
  });

  it("with a baseline, gap closure counts the way down (3 → 2,5 toward 2: 0,5, on track)", () => {
    const row = one([1, "Tỷ lệ thất nghiệp", "%", 3, null, "dưới 2%", "2,5"], {}, HEADER_LAST_YEAR);
    expect(row.direction).toBe("down");
    expect(row.gapClosure).toBeCloseTo(0.5, 12);
    expect(row.status).toBe("on_track");
  });

  it("with a baseline, a rate that rose is off track", () => {
    const row = one([1, "Tỷ lệ thất nghiệp", "%", 3, null, "dưới 2%", "3,2"], {}, HEADER_LAST_YEAR);
    expect(row.gapClosure).toBeLessThan(0);
    expect(row.status).toBe("off_track");
  });
});

describe("maintain: achieved while A ≥ T", () => {
  const communes = (actual: CellValue): CellValue[] => [
    1,
    "Giữ vững số xã đạt chuẩn nông thôn mới",
    "xã",
    "85/85",
    actual,
  ];

  it("`Giữ vững 85/85` is achieved at 85, remaining 0", () => {
    const row = one(communes("85/85"));
    expect(row.kind).toBe("maintain");
    expect(row.target).toBe(85);
    expect(row.status).toBe("achieved");
    expect(row.remaining).toBe(0);
  });

  it("is off track at 84, with 1 lost", () => {
    const row = one(communes("84/85"));
    expect(row.status).toBe("off_track");
    expect(row.remaining).toBe(1);
  });

  it("is read from the target cell too (`Giữ vững 85/85`)", () => {
    const row = one([1, "Số xã đạt chuẩn nông thôn mới", "xã", "Giữ vững 85/85", 84]);
    expect(row.kind).toBe("maintain");
    expect([row.target, row.status, row.remaining]).toEqual([85, "off_track", 1]);
  });
});

describe("reduction amount: cumulative on the amount reduced", () => {
  it("`Tỷ lệ hộ nghèo giảm 0,30%`: 0,18 reduced is 60%, on track, 0,12 to go", () => {
    const row = one([1, "Tỷ lệ hộ nghèo giảm (theo chuẩn nghèo đa chiều)", "%", "0,30", "0,18"]);
    expect(row.kind).toBe("reduction");
    expect(row.achievement).toBeCloseTo(0.6, 12);
    expect(formatNumber(row.remaining!, row.decimals)).toBe("0,12");
    expect(row.status).toBe("on_track");
    expect(row.forecast).toBeCloseTo(0.36, 12);
    expect(row.likelyMissed).toBe(false);
  });

  it("`giảm 0,30%` in the target cell: 0,10 reduced is off track and likely missed", () => {
    const row = one([1, "Tỷ lệ hộ nghèo", "%", "giảm 0,30%", "0,10%"]);
    expect(row.kind).toBe("reduction");
    expect(row.achievement).toBeCloseTo(1 / 3, 12);
    expect(formatNumber(row.remaining!, row.decimals)).toBe("0,20");
    expect(row.status).toBe("off_track");
    expect(row.likelyMissed).toBe(true);
  });
});

describe("percent-of-plan target: A / (share · plan)", () => {
  const disbursement = (target: CellValue, actual: CellValue): CellValue[] => [
    1,
    "Giải ngân vốn đầu tư công",
    "tỷ đồng",
    target,
    actual,
  ];
  const TARGET = "trên 95% kế hoạch vốn (1.000 tỷ đồng)";

  it("`trên 95% kế hoạch vốn (1.000 tỷ đồng)`: the target is 950, achievement A/950", () => {
    const row = one(disbursement(TARGET, 475));
    expect(row.kind).toBe("cumulative");
    expect(row.target).toBe(950);
    expect(row.achievement).toBeCloseTo(0.5, 12);
    expect(row.remaining).toBe(475); // 0,95 · plan − A
    expect(row.status).toBe("on_track");
  });

  it("achieved above 950, with a negative remaining", () => {
    const row = one(disbursement(TARGET, 1000));
    expect(row.status).toBe("achieved");
    expect(row.remaining).toBe(-50);
  });

  it("without the plan amount, no data and a problem naming the cell", () => {
    const row = one(disbursement("trên 95% kế hoạch vốn", 475));
    expect(row.status).toBe("no_data");
    expect(row.achievement).toBeNull();
    expect(texts(row.problems)).toHaveLength(1);
    expect(texts(row.problems)[0]).toMatch(/\bD2\b/);
  });

  // "giảm" in "giảm nghèo" names the programme, not a reduction: a disbursement is a flow.
  it("`Giữ vững ổn định chính trị` has no figures and no problems", () => {
    const row = one([
      1,
      "Giữ vững ổn định chính trị, trật tự an toàn xã hội",
      null,
      "Giữ vững",
      "Giữ vững ổn định",
    ]);
    expect(row.kind).toBe("qualitative");
    expect(row.status).toBe("qualitative");
    expect([row.achievement, row.remaining, row.forecast]).toEqual([null, null, null]);
    expect(texts(row.problems)).toEqual([]);
  });
});

describe("no data: a needed figure missing or not a number, named by its cell", () => {
  it("a blank actual", () => {
    const row = one(investment(100, null));
    expect(row.status).toBe("no_data");
    expect(row.achievement).toBeNull();
    expect(row.remaining).toBeNull();
    expect(texts(row.problems)).toEqual(["Thiếu số liệu thực hiện ở ô E2."]);
  });

  it("an actual of `#N/A`", () => {
    const row = one(investment(100, "#N/A"));
    expect(row.status).toBe("no_data");
    expect(row.problems.length).toBeGreaterThanOrEqual(1);
    expect(texts(row.problems)[0]).toMatch(/E2/);
    expect(texts(row.problems)[0]).toMatch(/#N\/A/);
  });

  it("an actual in words", () => {
    const row = one(investment(100, "đang tổng hợp"));
    expect(row.status).toBe("no_data");
    expect(texts(row.problems)).toHaveLength(1);
    expect(texts(row.problems)[0]).toMatch(/E2/);
  });

  // A cell holding words is not an empty cell: the reviewer is shown what it says.
  it("an actual in words is quoted in the problem, as a target in words is", () => {
    const row = one(investment(100, "đang tổng hợp"));
    expect(texts(row.problems).join(" ")).toMatch(/"đang tổng hợp"/);
  });

  it("a target in words is quoted", () => {
    const row = one(investment("chưa giao", 50));
    expect(row.status).toBe("no_data");
    expect(texts(row.problems)).toHaveLength(1);
    expect(texts(row.problems)[0]).toMatch(/D2/);
    expect(texts(row.problems)[0]).toMatch(/"chưa giao"/);
  });

  it("a target of 0 cannot give a ratio", () => {
    const row = one(investment(0, 50));
    expect(row.status).toBe("no_data");
    expect(texts(row.problems)[0]).toMatch(/D2/);
  });
});

describe("seasonality: p = C / F from last year's same period and full year", () => {
  /** A cumulative row with last year's full year F and same period C. */
  const seasonal = (F: CellValue, C: CellValue, T: CellValue, A: CellValue): CellValue[] => [
    1,
    "Vốn đầu tư công (giải ngân)",
    "tỷ đồng",
    F,
    C,
    T,
    A,
  ];

  it("45% disbursed against 32,5% last year: behind the calendar, on track for the season", () => {
    const row = one(seasonal(100, "32,5", "4.874,53", "2.193,81"), {}, HEADER_LAST_YEAR);
    expect(row.expectedShare).toBeCloseTo(0.325, 12);
    expect(row.status).toBe("on_track");
    expect(row.forecast).toBeCloseTo(2193.81 / 0.325, 2);
    expect(row.likelyMissed).toBe(false);
    // The same figures on the calendar share are at risk.
    const calendar = one(investment("4.874,53", "2.193,81"));
    expect(calendar.expectedShare).toBe(0.5);
    expect(calendar.status).toBe("at_risk");
  });

  it("35% against a 30% season is on track (off track by the calendar)", () => {
    const row = one(seasonal(1000, 300, 200, 70), {}, HEADER_LAST_YEAR);
    expect(row.expectedShare).toBeCloseTo(0.3, 12);
    expect(row.status).toBe("on_track");
    expect(one(investment(200, 70)).status).toBe("off_track");
  });

  it("a same period larger than the full year is ignored, with a problem on its cell", () => {
    const row = one(seasonal(100, 130, 200, 70), {}, HEADER_LAST_YEAR);
    expect(row.expectedShare).toBe(0.5);
    expect(row.status).toBe("off_track");
    expect(texts(row.problems)).toHaveLength(1);
    expect(texts(row.problems)[0]).toMatch(/E2/);
  });

  it("a level row in the same table takes the full-year column as its baseline, not p", () => {
    const report = compute(
      [seasonal(1000, 300, 200, 70), coverage(90, 94, 92)],
      {},
      HEADER_LAST_YEAR
    );
    const level = report.rows[1];
    expect(level.baseline).toBe(90);
    expect(level.expectedShare).toBe(0.5);
    expect(level.status).toBe("on_track");
  });
});

describe("reporting period", () => {
  it("`Ước TH 9 tháng` in the header gives 9 months, p = 0,75", () => {
    const header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Ước TH 9 tháng"];
    const report = compute([investment(100, 70), investment(100, 80)], {}, header);
    expect(report.period).toEqual({ months: 9, expectedShare: 0.75, source: "header" });
    expect(report.rows.map((r) => r.expectedShare)).toEqual([0.75, 0.75]);
    // 70% is within 10 points of 75%; 80% is ahead.
    expect(report.rows.map((r) => r.status)).toEqual(["at_risk", "on_track"]);
  });

  it("the months option overrides the header", () => {
    const report = compute([investment(100, 70)], { months: 9 });
    expect(report.period).toEqual({ months: 9, expectedShare: 0.75, source: "option" });
    expect(report.rows[0].status).toBe("at_risk");
  });

  it("without months in the header: 6 months by default, with a warning", () => {
    const header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"];
    const report = compute([investment(100, 55)], {}, header);
    expect(report.period).toEqual({ months: 6, expectedShare: 0.5, source: "default" });
    expect(report.warnings).toHaveLength(1);
  });
});

describe("forecast: A / p for cumulative rows, and `khả năng không đạt`", () => {
  it("45 of 100 at 6 months forecasts 90: likely missed", () => {
    const row = one(investment(100, 45));
    expect(row.forecast).toBe(90);
    expect(row.likelyMissed).toBe(true);
  });

  it("50 of 100 at 6 months forecasts exactly 100: not likely missed", () => {
    const row = one(investment(100, 50));
    expect(row.forecast).toBe(100);
    expect(row.likelyMissed).toBe(false);
  });

  it("at 9 months the forecast is A / 0,75", () => {
    const row = one(investment(100, 60), { months: 9 });
    expect(row.forecast).toBe(80);
    expect(row.likelyMissed).toBe(true);
  });

  it("an achieved row is never likely missed", () => {
    const row = one(investment(100, 101));
    expect(row.likelyMissed).toBe(false);
  });

  // 833 of 1.000 at 10 months forecasts 999,6, shown as 1.000: still short of the target.
  it("a row behind pace is likely missed even when the rounded forecast equals T", () => {
    const row = one(investment(1000, 833), { months: 10 });
    expect(row.status).toBe("at_risk");
    expect(row.likelyMissed).toBe(true);
  });
});

describe("bad data is never reassuring", () => {
  const sheet = (rows: (string | number | null)[][]) =>
    computeSheet(
      makeTable([
        ["BIỂU 6 THÁNG NĂM 2026"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng"],
        ...rows,
      ])
    );

  it("flags a flow's negative actual on its cell", () => {
    const [row] = sheet([[1, "Thu ngân sách nội địa", "tỷ đồng", 1000, -50]]).rows;
    expect(row.problems.map((p) => [p.code, p.cell])).toContainEqual(["negativeActual", "E4"]);
    expect(row.status).toBe("off_track");
  });

  it("reads 'chưa có' or 'n/a' in the figures as missing figures, not a qualitative target", () => {
    for (const words of ["chưa có", "n/a", "Đang cập nhật"]) {
      const [row] = sheet([[1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", words, words]]).rows;
      expect(row.status).toBe("no_data");
      expect(row.problems.map((p) => p.code)).toContain("notANumber");
    }
    // A qualitative target in words is still one.
    const [kept] = sheet([[1, "Giữ vững ổn định chính trị", "", "Giữ vững", "Đạt"]]).rows;
    expect(kept.status).toBe("qualitative");
  });
});
