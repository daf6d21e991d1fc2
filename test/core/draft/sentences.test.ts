/**
 * One sentence per row (docs/rules.md §5.1), in the seed's wording: target, actual with percent
 * of plan, what the rest of the year must add; numbers in Vietnamese style (docs/rules.md §4).
 */
import fc from "fast-check";
import type { ReportRow } from "../../../src/core/engine";
import {
  doneSentence,
  laggingSentence,
  rowValues,
  SentenceContext,
} from "../../../src/core/draft/sentences";
import { midSentence } from "../../../src/core/draft/settings";
import { DEFAULT_TEMPLATES } from "../../../src/core/draft/templates";
import type { Figure } from "../../../src/core/figures";
import { isNumber, readNumber } from "../../../src/core/numbers";

const H1: SentenceContext = {
  templates: DEFAULT_TEMPLATES,
  year: 2024,
  report: "6 tháng đầu năm",
  rest: "6 tháng cuối năm",
};

/** What the report keeps of a figure cell written as `text`: the figure, when it has a bound or a fraction. */
function writtenAs(text: string, cell: string): Figure | undefined {
  const parsed = readNumber(text);
  if (!isNumber(parsed) || (parsed.bound === undefined && parsed.fraction === undefined))
    return undefined;
  return { ...parsed, cell, text };
}

/** A report row as the engine gives it, its cells' figures read from their texts. */
function row(over: Partial<ReportRow>): ReportRow {
  const made: ReportRow = {
    row: 10,
    label: "1",
    name: "Chỉ tiêu",
    unit: "tỷ đồng",
    type: "indicator",
    parentRow: null,
    section: null,
    kind: "cumulative",
    direction: "up",
    target: null,
    actual: null,
    targetText: "",
    actualText: "",
    baseline: null,
    achievement: null,
    remaining: null,
    decimals: 0,
    gapClosure: null,
    expectedShare: 0.5,
    forecast: null,
    status: "off_track",
    likelyMissed: false,
    agency: "Sở A",
    partners: [],
    solutions: "",
    mismatches: [],
    problems: [],
    written: {},
    planShare: null,
    ...over,
  };
  if (over.written !== undefined) return made;
  return {
    ...made,
    written: {
      target: writtenAs(made.targetText, "F10"),
      actual: writtenAs(made.actualText, "G10"),
    },
  };
}

// docs/rules.md §3: total social investment, 34.000 / 14.096.
const investment = row({
  name: "Tổng vốn đầu tư toàn xã hội",
  target: 34000,
  actual: 14096,
  targetText: "34.000",
  actualText: "14.096",
  achievement: 14096 / 34000,
  remaining: 19904,
  status: "at_risk",
});

// docs/rules.md §3: health insurance, baseline 94,80, target 94,95, H1 83,50.
const insurance = row({
  name: "Tỷ lệ bao phủ bảo hiểm y tế so với dân số",
  unit: "%",
  kind: "level",
  target: 94.95,
  actual: 83.5,
  targetText: "94.95",
  actualText: "83.5",
  baseline: 94.8,
  achievement: 83.5 / 94.95,
  remaining: 11.45,
  decimals: 2,
});

describe("laggingSentence", () => {
  it("writes a cumulative row as the seed does (Tổng vốn đầu tư, 41,46%, +19.904)", () => {
    expect(laggingSentence(investment, [], H1)).toBe(
      "Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 19.904 tỷ đồng."
    );
  });

  it("writes a level row in percentage points, with the change since last year (BHYT)", () => {
    expect(laggingSentence(insurance, [], H1)).toBe(
      "Tỷ lệ bao phủ bảo hiểm y tế so với dân số năm 2024 là 94,95% (tăng 0,15% so với năm 2023): 6 tháng đầu năm đạt 83,50%; 6 tháng cuối năm phấn đấu tăng thêm 11,45%."
    );
  });

  it("says `bằng năm` when the target equals last year, and `giảm` when it is lower", () => {
    const same = row({ ...insurance, baseline: 94.95 });
    expect(laggingSentence(same, [], H1)).toContain("là 94,95% (bằng năm 2023):");
    const lower = row({ ...insurance, baseline: 95.1 });
    expect(laggingSentence(lower, [], H1)).toContain("là 94,95% (giảm 0,15% so với năm 2023):");
  });

  it("keeps the bound of a lower-is-better target and asks to pass it (`dưới 2%`), not to reach 2,00%", () => {
    const unemployment = row({
      name: "Tỷ lệ thất nghiệp khu vực thành thị",
      unit: "%",
      kind: "level",
      direction: "down",
      target: 2,
      actual: 2.5,
      targetText: "dưới 2%",
      actualText: "2,5%",
      remaining: 0.5,
      decimals: 1,
    });
    // The row's one precision may print the bound as "dưới 2,0%"; the seed writes "dưới 2%".
    expect(laggingSentence(unemployment, [], H1)).toMatch(
      /^Tỷ lệ thất nghiệp khu vực thành thị năm 2024 là dưới 2%: 6 tháng đầu năm đạt 2,50%; 6 tháng cuối năm phấn đấu giảm xuống dưới 2%\.$/
    );
  });

  it("asks to win back what a maintain row lost (85/85 → 83/85)", () => {
    const ntm = row({
      name: "Giữ vững số xã đạt chuẩn nông thôn mới",
      unit: "xã",
      kind: "maintain",
      target: 85,
      actual: 83,
      targetText: "85/85",
      actualText: "83/85",
      remaining: 2,
    });
    expect(laggingSentence(ntm, [], H1)).toBe(
      "Giữ vững số xã đạt chuẩn nông thôn mới năm 2024 là 85/85 xã: 6 tháng đầu năm đạt 83/85 xã; 6 tháng cuối năm phấn đấu khôi phục 2 xã."
    );
  });

  it("pads a fraction the way the seed writes it (08/08 tiêu chí)", () => {
    const criteria = row({
      name: "Tiêu chí tỉnh đạt chuẩn nông thôn mới",
      unit: "tiêu chí",
      kind: "level",
      target: 8,
      actual: 7,
      targetText: "8/8",
      actualText: "7/8",
      remaining: 1,
    });
    expect(laggingSentence(criteria, [], H1)).toMatch(
      /^Tiêu chí tỉnh đạt chuẩn nông thôn mới năm 2024 là 08\/08 tiêu chí: 6 tháng đầu năm đạt 07\/08 tiêu chí;/
    );
  });

  it("says to keep going when nothing remains", () => {
    const met = row({
      ...investment,
      actual: 35000,
      actualText: "35.000",
      achievement: 35000 / 34000,
      remaining: -1000,
    });
    expect(laggingSentence(met, [], H1)).toBe(
      "Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 35.000 tỷ đồng (đạt 102,94% kế hoạch); 6 tháng cuối năm tiếp tục duy trì, phấn đấu vượt chỉ tiêu."
    );
  });

  it("says there is no figure yet for a no-data row", () => {
    const poverty = row({
      name: "Tỷ lệ hộ nghèo giảm (theo chuẩn nghèo đa chiều)",
      unit: "%",
      kind: "reduction",
      target: 0.3,
      targetText: "0,30",
      decimals: 2,
      status: "no_data",
    });
    expect(laggingSentence(poverty, [], H1)).toBe(
      "Tỷ lệ hộ nghèo giảm (theo chuẩn nghèo đa chiều) năm 2024 là 0,30% (chưa có số liệu 6 tháng đầu năm)."
    );
  });

  // A target cell with no number leaves a mark to fill, never the cell's error text.
  it("never prints an Excel error or a blank marker as the target", () => {
    for (const marker of ["#N/A", "x", "-", "…"]) {
      const blank = row({ name: "Chỉ tiêu", targetText: marker, status: "no_data" });
      const sentence = laggingSentence(blank, [], H1);
      expect(sentence.startsWith("Chỉ tiêu năm 2024")).toBe(true);
      expect(sentence).not.toContain(` ${marker} `);
    }
  });

  it("folds sub-rows into each clause: target, actual and remaining (BHXH tự nguyện)", () => {
    const bhxh = row({
      row: 21,
      name: "Tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi",
      unit: "%",
      kind: "level",
      target: 27.77,
      actual: 16.63,
      targetText: "27.77",
      actualText: "16.63",
      baseline: 21.72,
      remaining: 11.14,
      decimals: 2,
    });
    const voluntary = row({
      row: 22,
      type: "sub",
      parentRow: 21,
      name: "BHXH tự nguyện",
      unit: "%",
      kind: "level",
      target: 5,
      actual: 3.03,
      targetText: "5",
      actualText: "3.03",
      baseline: 4,
      remaining: 1.97,
      decimals: 2,
    });
    expect(laggingSentence(bhxh, [voluntary], H1)).toBe(
      "Tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi năm 2024 là 27,77% (tăng 6,05% so với năm 2023), trong đó, BHXH tự nguyện 05% (tăng 01% so với năm 2023): 6 tháng đầu năm đạt 16,63%, trong đó BHXH tự nguyện đạt 3,03%; 6 tháng cuối năm phấn đấu tăng thêm 11,14%, trong đó, BHXH tự nguyện tăng thêm 1,97%."
    );
    // A sub-row with no figure yet or nothing left adds no empty clause.
    const silent = row({ ...voluntary, actual: null, actualText: "", remaining: 0 });
    expect(laggingSentence(bhxh, [silent], H1)).toBe(
      "Tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi năm 2024 là 27,77% (tăng 6,05% so với năm 2023), trong đó, BHXH tự nguyện 05% (tăng 01% so với năm 2023): 6 tháng đầu năm đạt 16,63%; 6 tháng cuối năm phấn đấu tăng thêm 11,14%."
    );
  });

  it("takes the period words and the year from the context", () => {
    const q3: SentenceContext = { ...H1, year: 2026, report: "9 tháng", rest: "3 tháng cuối năm" };
    expect(laggingSentence(investment, [], q3)).toBe(
      "Tổng vốn đầu tư toàn xã hội năm 2026 là 34.000 tỷ đồng: Thực hiện 9 tháng đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 3 tháng cuối năm tăng thêm 19.904 tỷ đồng."
    );
    expect(laggingSentence(insurance, [], q3)).toContain("(tăng 0,15% so với năm 2025)");
  });

  it("writes nothing about last year when the year is unknown, and never `null`", () => {
    const sentence = laggingSentence(insurance, [], { ...H1, year: null });
    expect(sentence).not.toContain("so với năm");
    expect(sentence).not.toMatch(/null|undefined|NaN/);
  });

  it("never writes undefined, null, NaN or Infinity, and always one line ending in a period", () => {
    const figure = fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null });
    const arbitraryRow = fc.record({
      kind: fc.constantFrom("cumulative", "level", "reduction", "maintain") as fc.Arbitrary<
        ReportRow["kind"]
      >,
      direction: fc.constantFrom("up", "down") as fc.Arbitrary<ReportRow["direction"]>,
      status: fc.constantFrom("at_risk", "off_track", "no_data") as fc.Arbitrary<
        ReportRow["status"]
      >,
      target: figure,
      actual: figure,
      baseline: figure,
      achievement: figure,
      remaining: figure,
      decimals: fc.integer({ min: 0, max: 3 }),
      unit: fc.constantFrom("tỷ đồng", "%", "", "giường"),
      targetText: fc.constantFrom("", "34.000", "dưới 2%", "85/85", "Giữ vững"),
      actualText: fc.constantFrom("", "14.096", "2,5%", "83/85"),
      year: fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: null }),
    });
    fc.assert(
      fc.property(arbitraryRow, fc.array(arbitraryRow, { maxLength: 2 }), (parent, subs) => {
        const context = { ...H1, year: parent.year };
        const main = row({ ...parent, name: "Chỉ tiêu X" });
        const children = subs.map((s, i) =>
          row({ ...s, row: 11 + i, type: "sub", parentRow: 10, name: `Phần ${i + 1}` })
        );
        const sentence = laggingSentence(main, children, context);
        expect(sentence).not.toMatch(/undefined|null|NaN|Infinity|\n|\t/);
        expect(sentence.startsWith("Chỉ tiêu X")).toBe(true);
        expect(sentence.endsWith(".")).toBe(true);
        expect(sentence).not.toMatch(/ {2}| [,;:.%]/);
      })
    );
  });
});

describe("doneSentence (section I)", () => {
  it("writes a cumulative row with its percent of plan (Thu nội địa 53,05%)", () => {
    const revenue = row({
      name: "Thu nội địa",
      target: 6220,
      actual: 3300,
      targetText: "6.220",
      actualText: "3.300",
      achievement: 3300 / 6220,
      remaining: 2920,
      status: "on_track",
    });
    expect(doneSentence(revenue, H1)).toBe("Thu nội địa 3.300 tỷ đồng, đạt 53,05% kế hoạch;");
  });

  it("writes a level row beside the year's target (GRDP 10,27%, target 8,50%)", () => {
    const grdp = row({
      name: "Tốc độ tăng trưởng GRDP",
      unit: "%",
      kind: "level",
      target: 8.5,
      actual: 10.27,
      targetText: "8.5",
      actualText: "10.27",
      decimals: 2,
      status: "achieved",
    });
    expect(doneSentence(grdp, H1)).toBe(
      "Tốc độ tăng trưởng GRDP đạt 10,27% (chỉ tiêu năm 2024 là 8,50%);"
    );
  });

  it("names a qualitative row as written", () => {
    const security = row({
      name: "Giữ vững ổn định chính trị, trật tự an toàn xã hội",
      unit: "",
      kind: "qualitative",
      targetText: "Giữ vững",
      actualText: "Giữ vững ổn định",
      status: "qualitative",
    });
    expect(doneSentence(security, H1)).toBe("Giữ vững ổn định chính trị, trật tự an toàn xã hội;");
  });
});

describe("rowValues", () => {
  it("formats every figure in Vietnamese style", () => {
    const disbursed = row({
      name: "Vốn đầu tư công (giải ngân)",
      target: 4874.53,
      actual: 2193.81,
      targetText: "4.874,53",
      actualText: "2.193,81",
      achievement: 2193.81 / 4874.53,
      remaining: 2680.72,
      decimals: 2,
      forecast: 4387.62,
    });
    expect(rowValues(disbursed, H1)).toMatchObject({
      "Chỉ tiêu": "Vốn đầu tư công (giải ngân)",
      "chỉ tiêu": "vốn đầu tư công (giải ngân)",
      "Kế hoạch": "4.874,53",
      "Thực hiện": "2.193,81",
      "Tỷ lệ đạt": "45,01%",
      "Còn lại": "2.680,72",
      Vượt: "",
      "Dự báo": "4.387,62",
      Năm: "2024",
      "Kỳ báo cáo": "6 tháng đầu năm",
      "Kỳ còn lại": "6 tháng cuối năm",
    });
  });

  it("gives the excess as `Vượt` and the absolute remainder", () => {
    const over = row({ target: 520, actual: 600, remaining: -80 });
    expect(rowValues(over, H1)).toMatchObject({ "Còn lại": "80", Vượt: "80" });
  });
});

describe("midSentence", () => {
  it.each([
    ["Tổng vốn đầu tư toàn xã hội", "tổng vốn đầu tư toàn xã hội"],
    ["BHXH tự nguyện", "BHXH tự nguyện"],
    ["CTMTQG giảm nghèo", "CTMTQG giảm nghèo"],
    ["Đô thị hóa", "đô thị hóa"],
    ["A", "A"],
  ])("%s → %s", (name, expected) => {
    expect(midSentence(name)).toBe(expected);
  });
});
