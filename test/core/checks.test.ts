/**
 * The workbook's own figures against the arithmetic (docs/rules.md §3): `agrees`, the forms a
 * reported achievement arrives in, reported remainings, and totals rows.
 */
import { texts } from "../fixtures/problems";
import { agrees } from "../../src/core/checks";
import { computeSheet, ReportRow } from "../../src/core/engine";
import type { CellValue } from "../../src/core/types";
import { makeTable } from "../fixtures/tables";

describe("agrees: within half a unit of the reported figure's last decimal", () => {
  it.each<[number, number, number, boolean]>([
    [45, 0, 45.0056, true], // public investment: `45` vs 45,0056
    [41.46, 2, 41.4588, true],
    [69.19, 2, 69.2009, false], // export revenue: `69,19` vs 69,2009
    [53.03, 2, 53.0547, false], // domestic revenue
    [2640, 0, 2920, false], // domestic revenue remaining
    [28597, 0, 28598, false], // retail remaining: off by one unit
    [2680.72, 2, 2680.72, true],
    [2681, 0, 2680.72, true],
    [2680, 0, 2680.72, false],
    [53, 0, 53.5, true], // exactly half a unit
    [53, 0, 53.51, false],
    [0.05, 2, 0.054, true],
  ])("reported %d (%d decimals) vs %d → %s", (reported, decimals, computed, expected) => {
    expect(agrees(reported, decimals, computed)).toBe(expected);
  });
});

const HEADER = [
  "STT",
  "Chỉ tiêu",
  "ĐVT",
  "Kế hoạch",
  "Thực hiện 6 tháng đầu năm",
  "Tiến độ so Kế hoạch (%)",
  "Nhiệm vụ 6 tháng cuối năm",
];

/** One row with the workbook's own achievement (F2) and remaining (G2). */
function checked(
  cells: { name?: string; unit?: string; target: CellValue; actual: CellValue },
  achievement: CellValue,
  remaining: CellValue,
  formats?: Record<string, string>
): ReportRow {
  const row = [
    1,
    cells.name ?? "Tổng vốn đầu tư toàn xã hội",
    cells.unit ?? "tỷ đồng",
    cells.target,
    cells.actual,
    achievement,
    remaining,
  ];
  const report = computeSheet(makeTable([HEADER, row], { formats }));
  expect(report.headerRows).toEqual([1]);
  expect(report.columns).toMatchObject({ reportedAchievement: "F", reportedRemaining: "G" });
  expect(report.rows).toHaveLength(1);
  return report.rows[0];
}

/** Tổng vốn đầu tư toàn xã hội: 34.000 / 14.096 → 41,4588%. */
const INVESTMENT = { target: "34.000", actual: "14.096" };

describe("reported achievement: the forms it arrives in", () => {
  it.each<[string, CellValue, Record<string, string> | undefined]>([
    ["`41,46%` as text", "41,46%", undefined],
    ["41.46 as a number", 41.46, undefined],
    ["`41.46` as English-style text", "41.46", undefined],
    ["0.4146 with a `0.00%` number format", 0.4146, { F2: "0.00%" }],
    ["a bare fraction 0.4146", 0.4146, undefined],
  ])("%s agrees with 41,46%%", (_form, value, formats) => {
    const row = checked(INVESTMENT, value, null, formats);
    expect(row.achievement).toBeCloseTo(0.414588, 6);
    expect(row.mismatches).toMatchObject([]);
    expect(texts(row.problems)).toEqual([]);
  });

  it.each<[string, CellValue, Record<string, string> | undefined, number]>([
    ["`41,50%` as text", "41,50%", undefined, 0.415],
    ["41.55 as a number", 41.55, undefined, 0.4155],
    ["0.4155 with a `0.00%` number format", 0.4155, { F2: "0.00%" }, 0.4155],
    ["a bare fraction 0.425", 0.425, undefined, 0.425],
  ])("%s is flagged", (_form, value, formats, reported) => {
    const row = checked(INVESTMENT, value, null, formats);
    expect(row.mismatches).toMatchObject([
      { field: "achievement", cell: "F2", reported, computed: expect.closeTo(14096 / 34000, 12) },
    ]);
    expect(texts(row.problems)).toHaveLength(1);
    expect(texts(row.problems)[0]).toMatch(/F2/);
    expect(texts(row.problems)[0]).toMatch(/41,46%/);
  });

  it("the problem quotes the reported and computed percentages (53,03% vs 53,05%)", () => {
    const row = checked({ name: "Thu nội địa", target: "6.220", actual: "3.300" }, "53,03%", null);
    expect(row.mismatches.map((m) => [m.field, m.reported])).toEqual([["achievement", 0.5303]]);
    expect(texts(row.problems)[0]).toMatch(/F2.*53,03%.*53,05%/);
  });

  it("a percent-of-plan row may report against the share or the whole plan", () => {
    const plan = {
      name: "Giải ngân vốn đầu tư công",
      target: "trên 95% kế hoạch vốn (1.000 tỷ đồng)",
      actual: 475,
    };
    expect(checked(plan, "50%", 475).mismatches).toMatchObject([]); // of 950
    expect(checked(plan, "47,50%", 525).mismatches).toMatchObject([]); // of the 1.000 plan
    expect(checked(plan, "60%", 400).mismatches.map((m) => m.field)).toEqual([
      "achievement",
      "remaining",
    ]);
  });

  it("a lower-is-better row's reported ratio is not checked", () => {
    const row = checked(
      { name: "Tỷ lệ thất nghiệp khu vực thành thị", unit: "%", target: "dưới 2%", actual: "1,9" },
      "95%",
      null
    );
    expect(row.direction).toBe("down");
    expect(row.mismatches).toMatchObject([]);
  });
});

describe("reported remaining", () => {
  it("keeps its own precision: 2.680,72, 2.680,7 and 2.681 agree; 2.680 does not", () => {
    const investment = {
      name: "Vốn đầu tư công (giải ngân)",
      target: "4.874,53",
      actual: "2.193,81",
    };
    for (const ok of ["2.680,72", "2.680,7", "2.681"])
      expect({ ok, mismatches: checked(investment, 45, ok).mismatches }).toEqual({
        ok,
        mismatches: [],
      });
    const off = checked(investment, 45, "2.680");
    expect(off.mismatches).toMatchObject([
      { field: "remaining", cell: "G2", reported: 2680, computed: 2680.72 },
    ]);
    expect(texts(off.problems)[0]).toMatch(/G2.*2\.680.*2\.680,72/);
  });

  it("an exceeded row reported as 0 agrees (computed −20)", () => {
    const row = checked({ target: 100, actual: 120 }, "120%", 0);
    expect(row.remaining).toBe(-20);
    expect(row.mismatches).toMatchObject([]);
  });

  it("an exceeded row reported as −20 agrees", () => {
    expect(checked({ target: 100, actual: 120 }, "120%", "-20").mismatches).toMatchObject([]);
  });

  it("an exceeded row reported as 20 still to do is flagged", () => {
    const row = checked({ target: 100, actual: 120 }, "120%", 20);
    expect(row.mismatches).toMatchObject([
      { field: "remaining", cell: "G2", reported: 20, computed: -20 },
    ]);
  });

  it("a row not yet met reported as 0 is flagged", () => {
    const row = checked({ target: 100, actual: 55 }, "55%", 0);
    expect(row.mismatches).toMatchObject([
      { field: "remaining", cell: "G2", reported: 0, computed: 45 },
    ]);
  });

  it("a placeholder (`-`) is not a figure and is not checked", () => {
    expect(checked({ target: 100, actual: 55 }, null, "-").mismatches).toMatchObject([]);
  });
});

describe("totals rows: the breakdown must add up", () => {
  const HEAD = ["STT", "Địa phương", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng đầu năm"];

  it("a total under its breakdown with a wrong target is flagged on the target cell", () => {
    const report = computeSheet(
      makeTable([
        HEAD,
        [1, "Xã A", "doanh nghiệp", 10, 4],
        [2, "Phường B", "doanh nghiệp", 20, 11],
        [3, "Xã C", "doanh nghiệp", 30, 15],
        [null, "Cộng", "doanh nghiệp", 61, 30],
      ])
    );
    expect(report.totals).toMatchObject([
      { row: 5, cell: "D5", field: "target", sum: 60, reported: 61 },
    ]);
    expect(report.rows[3].type).toBe("total");
    expect(texts(report.rows[3].problems).join(" ")).toMatch(/D5/);
  });

  it("a total heading its breakdown is checked against the rows below it", () => {
    const report = computeSheet(
      makeTable([
        HEAD,
        [null, "Toàn tỉnh", "doanh nghiệp", 60, 31],
        [1, "Xã A", "doanh nghiệp", 10, 4],
        [2, "Phường B", "doanh nghiệp", 20, 11],
        [3, "Xã C", "doanh nghiệp", 30, 15],
      ])
    );
    expect(report.totals).toMatchObject([
      { row: 2, cell: "E2", field: "actual", sum: 30, reported: 31 },
    ]);
  });

  it("amounts with decimals add at their precision (5,25 + 5,25 = 10,50)", () => {
    const report = computeSheet(
      makeTable([
        HEAD,
        [1, "Xã A", "tỷ đồng", "5,25", "2,10"],
        [2, "Xã B", "tỷ đồng", "5,25", "2,20"],
        [null, "Tổng cộng", "tỷ đồng", "10,50", "4,30"],
      ])
    );
    expect(report.totals).toMatchObject([]);
  });

  it("rates do not add: a total of percentages is not checked", () => {
    const report = computeSheet(
      makeTable([
        HEAD,
        [1, "Xã A", "%", 90, 85],
        [2, "Xã B", "%", 95, 91],
        [null, "Toàn tỉnh", "%", 93, 88],
      ])
    );
    expect(report.rows[2].kind).toBe("level");
    expect(report.totals).toMatchObject([]);
  });
});
