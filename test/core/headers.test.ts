import {
  ColumnRole,
  isOwnHeader,
  monthsIn,
  OWN_HEADER_PREFIX,
  roleOfHeader,
} from "../../src/core/columns";
import { computeSheet, TableError } from "../../src/core/engine";
import { makeGrid } from "../../src/core/grid";
import { findHeader, HeaderMap, periodFromHeader } from "../../src/core/headers";
import { columnLetter } from "../../src/core/text";
import type { Table } from "../../src/core/types";
import { buildLayout, HeaderNode, Layout, rawTable, Row } from "../fixtures/layouts";

/** Finds the header and insists there is one. */
function header(table: Table): HeaderMap {
  const found = findHeader(makeGrid(table));
  if (found === null) throw new Error(`no header found in ${table.sheet}`);
  return found;
}

/** The mapped columns as letters, for readable expectations. */
function letters(map: HeaderMap): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const [role, col] of Object.entries(map.columns) as [ColumnRole, number][])
    out[role] = columnLetter(col);
  return out;
}

const BODY: Row[] = [
  [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "34.000", "14.096", "Sở Tài chính"],
  [2, "Tỷ lệ bao phủ bảo hiểm y tế", "%", 94.95, 83.5, "Bảo hiểm xã hội tỉnh"],
];

describe("roleOfHeader: the names docs/rules.md §1 lists", () => {
  it.each<[string, ColumnRole | null]>([
    ["STT", "label"],
    ["TT", "label"],
    ["Chỉ tiêu", "name"],
    ["Tên chỉ tiêu", "name"],
    ["Nội dung", "name"],
    ["Chỉ tiêu chủ yếu", "name"],
    ["Xã, phường", "name"],
    ["Địa phương", "name"],
    ["Đơn vị", "name"],
    ["Kế hoạch", "target"],
    ["KH", "target"],
    ["KH năm 2026", "target"],
    ["Chỉ tiêu NQ", "target"],
    ["Chỉ tiêu Nghị quyết", "target"],
    ["Chỉ tiêu Nghị quyết HĐND tỉnh năm 2026", "target"],
    ["Số giao", "target"],
    ["Ke hoach", "target"],
    ["KẾ HOẠCH NĂM 2026", "target"],
    ["Kế hoạch\nnăm 2026", "target"],
    ["Thực hiện", "actual"],
    ["TH 6 tháng", "actual"],
    ["Thực hiện 6 tháng đầu năm", "actual"],
    ["Ước TH 9 tháng", "actual"],
    ["Ước thực hiện", "actual"],
    ["Thuc hien 6 thang", "actual"],
    ["THỰC HIỆN\n6 THÁNG", "actual"],
    ["Đơn vị tính", "unit"],
    ["ĐVT", "unit"],
    ["Don vi tinh", "unit"],
    ["ĐƠN VỊ\nTÍNH", "unit"],
    ["Cơ quan chủ trì", "agency"],
    ["Đơn vị chủ trì", "agency"],
    ["Đơn vị phụ trách", "agency"],
    ["Sở, ngành phụ trách", "agency"],
    ["Cơ quan phối hợp", "partners"],
    ["Đơn vị phối hợp", "partners"],
    ["Cùng kỳ", "samePeriod"],
    ["Cùng kỳ năm trước", "samePeriod"],
    ["TH cùng kỳ", "samePeriod"],
    ["TH năm trước", "lastYear"],
    ["Thực hiện năm trước", "lastYear"],
    ["Tiến độ so Kế hoạch (%)", "reportedAchievement"],
    ["Đạt (%)", "reportedAchievement"],
    ["So KH (%)", "reportedAchievement"],
    ["Tỷ lệ đạt", "reportedAchievement"],
    ["Nhiệm vụ 6 tháng cuối năm", "reportedRemaining"],
    ["Còn lại", "reportedRemaining"],
    ["Còn phải thực hiện", "reportedRemaining"],
    ["Nhiệm vụ, giải pháp", "solutions"],
    ["Loại chỉ tiêu", "kind"],
    ["Loai chi tieu", "kind"],
    ["Indicator", "name"],
    ["Unit", "unit"],
    ["Target", "target"],
    ["Actual", "actual"],
    ["Lead agency", "agency"],
    ["Remaining", "reportedRemaining"],
    ["% of plan", "reportedAchievement"],
    ["Same period last year", "samePeriod"],
    ["Kind", "kind"],
    // A growth ratio against last year is not a figure of last year.
    ["So cùng kỳ (%)", null],
    ["Tăng/giảm so cùng kỳ", null],
    ["So với cùng kỳ", null],
    ["Ghi chú", null],
    ["", null],
  ])("%j → %s", (text, role) => {
    expect(roleOfHeader(text)).toBe(role);
  });

  it("knows the product's own columns by their prefix, whatever the case or diacritics", () => {
    expect(isOwnHeader(`${OWN_HEADER_PREFIX}Tỷ lệ đạt KH (%)`)).toBe(true);
    expect(isOwnHeader("CHỈ TIÊU · Còn phải thực hiện")).toBe(true);
    expect(isOwnHeader("Chi tieu · Trang thai")).toBe(true);
    expect(isOwnHeader("Chỉ tiêu")).toBe(false);
    expect(isOwnHeader("Chỉ tiêu NQ")).toBe(false);
  });
});

describe("monthsIn: the period a header speaks of", () => {
  it.each<[string, number | null]>([
    ["TH 6 tháng", 6],
    ["Thực hiện 6 tháng đầu năm", 6],
    ["Ước TH 9 thang", 9],
    ["Quý I", 3],
    ["Quý I/2026", 3],
    ["QUÝ III", 9],
    ["Ước TH 10 tháng", 10],
    ["11 tháng năm 2026", 11],
    ["Ước thực hiện cả năm", 12],
    ["Thực hiện", null],
    ["KH năm 2026", null],
  ])("%j → %s", (text, months) => {
    expect(monthsIn(text)).toBe(months);
  });
});

describe("findHeader: one header row", () => {
  it("maps a header in row 1 and starts the data under it", () => {
    const layout = buildLayout({
      header: ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Cơ quan chủ trì"],
      body: BODY,
    });
    const map = header(layout.table);
    expect(map.rows).toEqual([1]);
    expect(map.dataStart).toBe(2);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      agency: "F",
    });
    expect(map.title).toEqual([]);
    expect(map.year).toBeNull();
  });

  it("keeps sheet coordinates when the used range starts at C4", () => {
    const layout = buildLayout({
      origin: { row: 4, col: 3 },
      header: ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "TH 6 tháng", "Đơn vị chủ trì"],
      body: BODY,
    });
    const map = header(layout.table);
    expect(map.rows).toEqual([4]);
    expect(map.dataStart).toBe(5);
    expect(letters(map)).toEqual({
      label: "C",
      name: "D",
      unit: "E",
      target: "F",
      actual: "G",
      agency: "H",
    });
    expect(map.year).toBe(2026);
  });

  it("reads headers without diacritics, in upper case and with line breaks", () => {
    const layout = buildLayout({
      header: [
        "SO TT",
        "TEN CHI TIEU",
        "Don vi\ntinh",
        "KE HOACH\nNAM 2026",
        "Thuc hien\n6 thang",
        "Don vi\nphu trach",
        "Co quan\nphoi hop",
      ],
      body: BODY,
    });
    const map = header(layout.table);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      agency: "F",
      partners: "G",
    });
    expect(map.year).toBe(2026);
    expect(periodFromHeader(map)).toBe(6);
  });

  it("reads English headers", () => {
    const layout = buildLayout({
      header: ["No.", "Indicator", "Unit", "Target", "Actual", "Lead agency", "Remaining"],
      body: BODY,
    });
    expect(letters(header(layout.table))).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      agency: "F",
      reportedRemaining: "G",
    });
  });

  it("maps every column a full 2026 workbook carries", () => {
    const layout = buildLayout({
      header: [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Loại chỉ tiêu",
        "Thực hiện năm 2025",
        "Cùng kỳ năm trước",
        "Chỉ tiêu Nghị quyết năm 2026",
        "Ước thực hiện 6 tháng",
        "So cùng kỳ (%)",
        "Tiến độ so Kế hoạch (%)",
        "Còn lại",
        "Sở, ngành phụ trách",
        "Cơ quan phối hợp",
        "Nhiệm vụ, giải pháp",
        "Ghi chú",
      ],
      body: BODY,
    });
    const map = header(layout.table);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      kind: "D",
      lastYear: "E",
      samePeriod: "F",
      target: "G",
      actual: "H",
      reportedAchievement: "J",
      reportedRemaining: "K",
      agency: "L",
      partners: "M",
      solutions: "N",
    });
    expect(map.year).toBe(2026);
    expect(map.texts[9]).toBe("So cùng kỳ (%)");
  });

  it("finds a name column with no header by its words", () => {
    const layout = buildLayout({
      header: ["STT", "", "ĐVT", "Kế hoạch", "Thực hiện"],
      body: [
        [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "34.000", "14.096"],
        [2, "Phát triển doanh nghiệp", "doanh nghiệp", 520, 232],
      ],
    });
    expect(letters(header(layout.table))).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
    });
  });
});

describe("findHeader: title block, group headers, numbering", () => {
  const TITLE = [
    "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG",
    "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2026",
  ];
  const TWO_ROWS: HeaderNode[] = [
    "STT",
    "Chỉ tiêu",
    "ĐVT",
    { text: "Năm 2025", children: ["Thực hiện", "Cùng kỳ"] },
    { text: "Năm 2026", children: ["Kế hoạch", "TH 6 tháng", "So KH (%)"] },
    "Cơ quan chủ trì",
  ];
  const body: Row[] = [
    [
      1,
      "Tổng vốn đầu tư toàn xã hội",
      "tỷ đồng",
      "30.000",
      "12.500",
      "34.000",
      "14.096",
      "41,46",
      "Sở Tài chính",
    ],
  ];

  it("joins a two-row header with merged groups and reads last year's columns as such", () => {
    const layout = buildLayout({ title: TITLE, header: TWO_ROWS, body });
    const map = header(layout.table);
    expect(map.rows).toEqual([3, 4]);
    expect(map.dataStart).toBe(5);
    expect(map.title).toEqual(TITLE);
    expect(map.year).toBe(2026);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      lastYear: "D",
      samePeriod: "E",
      target: "F",
      actual: "G",
      reportedAchievement: "H",
      agency: "I",
    });
    expect(map.texts[6]).toBe("Năm 2026 Kế hoạch");
    expect(map.texts[1]).toBe("STT");
    expect(periodFromHeader(map)).toBe(6);
  });

  it("skips a column-numbering row `(1) (2) (3)` under the header", () => {
    const layout = buildLayout({ title: TITLE, header: TWO_ROWS, numbering: "auto", body });
    const map = header(layout.table);
    expect(map.rows).toEqual([3, 4]);
    expect(map.dataStart).toBe(6);
    expect(layout.dataStart).toBe(6);
  });

  it("skips a numbering row `A B C 1 2 3 4=3/2 5=2-3 D`", () => {
    const layout = buildLayout({
      header: TWO_ROWS,
      numbering: ["A", "B", "C", "1", "2", "3", "4", "5=4/3", "D"],
      body,
    });
    const map = header(layout.table);
    expect(map.dataStart).toBe(4);
    expect(map.columns.target).toBe(6);
  });

  it("does not take the first indicator row for a numbering row", () => {
    const layout = buildLayout({ header: TWO_ROWS, body });
    expect(header(layout.table).dataStart).toBe(3);
  });

  it("reads a three-row header: year over plan and actual, actual over period and ratio", () => {
    const layout = buildLayout({
      title: ["Biểu 01", "CHỈ TIÊU CHỦ YẾU NĂM 2026"],
      gap: 1,
      header: [
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        {
          text: "Năm 2026",
          children: [
            "Kế hoạch",
            { text: "Thực hiện", children: ["9 tháng", "Đạt (%)"] },
            "Còn lại",
          ],
        },
        "Đơn vị phụ trách",
      ],
      numbering: ["A", "B", "C", "1", "2", "3=2/1", "4=1-2", "D"],
      body: [[1, "Thu nội địa", "tỷ đồng", "6.220", "4.100", "65,92", "2.120", "Thuế tỉnh"]],
    });
    const map = header(layout.table);
    expect(map.rows).toEqual([4, 5, 6]);
    expect(map.dataStart).toBe(8);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      reportedAchievement: "F",
      reportedRemaining: "G",
      agency: "H",
    });
    expect(map.texts[5]).toBe("Năm 2026 Thực hiện 9 tháng");
    expect(map.title).toEqual(["Biểu 01", "CHỈ TIÊU CHỦ YẾU NĂM 2026"]);
    expect(periodFromHeader(map)).toBe(9);
  });

  it("keeps a province line, a corner `Biểu 01` and a wide title out of the header", () => {
    // A1:C1 province, F1 "Biểu 01", A2:F2 title, then the header in row 4.
    const table = rawTable(
      [
        ["UBND TỈNH AN GIANG", null, null, null, null, "Biểu 01"],
        ["TÌNH HÌNH THỰC HIỆN CHỈ TIÊU 9 THÁNG NĂM 2026", null, null, null, null, null],
        [null, null, null, null, null, null],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đơn vị chủ trì"],
        [1, "Phát triển doanh nghiệp", "doanh nghiệp", 520, 400, "Sở Tài chính"],
      ],
      ["A1:C1", "A2:F2"]
    );
    const map = header(table);
    expect(map.rows).toEqual([4]);
    expect(map.dataStart).toBe(5);
    expect(map.title).toEqual([
      "UBND TỈNH AN GIANG",
      "Biểu 01",
      "TÌNH HÌNH THỰC HIỆN CHỈ TIÊU 9 THÁNG NĂM 2026",
    ]);
    expect(map.year).toBe(2026);
    // The headers say no period; the title does.
    expect(periodFromHeader(map)).toBe(9);
  });

  it("reads the header of the bundled sample's layout (groups over leaves, numbering row)", () => {
    const layout = buildLayout({
      title: [
        "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH",
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU PHÁT TRIỂN KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024",
      ],
      header: [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        { text: "Năm 2023", children: ["Thực hiện cả năm", "Cùng kỳ 6 tháng"] },
        {
          text: "Năm 2024",
          children: [
            "Kế hoạch",
            "Thực hiện 6 tháng đầu năm",
            "Tiến độ so Kế hoạch (%)",
            "Nhiệm vụ 6 tháng cuối năm",
          ],
        },
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Nhiệm vụ, giải pháp",
      ],
      numbering: ["A", "B", "C", "1", "2", "3", "4", "5=4/3", "6=3-4", "D", "E", "F"],
      body: [[1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", null, null, "34.000", "14.096"]],
    });
    const map = header(layout.table);
    expect(map.rows).toEqual([3, 4]);
    expect(map.dataStart).toBe(6);
    expect(map.year).toBe(2024);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      lastYear: "D",
      samePeriod: "E",
      target: "F",
      actual: "G",
      reportedAchievement: "H",
      reportedRemaining: "I",
      agency: "J",
      partners: "K",
      solutions: "L",
    });
  });
});

describe("findHeader: years and last year's columns", () => {
  function mapOf(headers: string[]): HeaderMap {
    return header(buildLayout({ header: ["STT", "Chỉ tiêu", ...headers], body: BODY }).table);
  }

  it("takes the plan year from the target header and last year's result as lastYear", () => {
    const map = mapOf(["Thực hiện năm 2025", "KH năm 2026", "Ước TH 6 tháng"]);
    expect(map.year).toBe(2026);
    expect(letters(map)).toMatchObject({ lastYear: "C", target: "D", actual: "E" });
  });

  it("reads `TH 6 tháng 2025` as the same period when the plan is for 2026", () => {
    const map = mapOf(["TH 6 tháng 2025", "Kế hoạch 2026", "TH 6 tháng 2026"]);
    expect(letters(map)).toMatchObject({ samePeriod: "C", target: "D", actual: "E" });
    expect(periodFromHeader(map)).toBe(6);
  });

  it("drops last year's plan rather than taking it for the target", () => {
    const map = mapOf(["KH năm 2025", "KH năm 2026", "Thực hiện"]);
    expect(map.columns.target).toBe(4);
    expect(map.year).toBe(2026);
  });

  it("does not take `So cùng kỳ (%)` for the same-period figure", () => {
    const map = mapOf(["Kế hoạch", "TH 6 tháng", "So cùng kỳ (%)", "Cùng kỳ năm trước"]);
    expect(map.columns.samePeriod).toBe(6);
    expect(map.columns.reportedAchievement).toBeUndefined();
  });
});

describe("periodFromHeader", () => {
  function periodOf(headers: string[], title: string[] = []): number | null {
    const layout = buildLayout({
      title,
      header: ["STT", "Chỉ tiêu", "ĐVT", ...headers],
      body: BODY,
    });
    return periodFromHeader(header(layout.table));
  }

  it.each<[string[], number]>([
    [["Kế hoạch", "TH 6 tháng"], 6],
    [["Kế hoạch", "Thuc hien 9 thang"], 9],
    [["Kế hoạch", "Ước TH 9 tháng"], 9],
    [["Kế hoạch", "Thực hiện Quý I"], 3],
    [["Kế hoạch", "Ước TH 10 tháng"], 10],
    [["Kế hoạch", "Ước thực hiện 11 tháng"], 11],
  ])("%j → %d months", (headers, months) => {
    expect(periodOf(headers)).toBe(months);
  });

  it("prefers the actual column over a remaining column's `6 tháng cuối năm`", () => {
    expect(periodOf(["Kế hoạch", "Nhiệm vụ 3 tháng cuối năm", "Ước TH 9 tháng"])).toBe(9);
  });

  it("does not take a same-period column's months for the period", () => {
    expect(
      periodOf(["Cùng kỳ 6 tháng", "Kế hoạch", "Thực hiện"], ["BÁO CÁO 9 THÁNG NĂM 2026"])
    ).toBe(9);
  });

  it("falls back to the title, then to nothing", () => {
    expect(periodOf(["Kế hoạch", "Thực hiện"], ["BÁO CÁO ƯỚC THỰC HIỆN QUÝ I NĂM 2026"])).toBe(3);
    expect(periodOf(["Kế hoạch", "Thực hiện"])).toBeNull();
  });
});

describe("own columns from an earlier run", () => {
  it("ignores `Chỉ tiêu · …` columns as inputs and lists them", () => {
    const layout = buildLayout({
      header: [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Kế hoạch",
        "TH 6 tháng",
        `${OWN_HEADER_PREFIX}Tỷ lệ đạt KH (%)`,
        `${OWN_HEADER_PREFIX}Còn phải thực hiện`,
        `${OWN_HEADER_PREFIX}Trạng thái`,
        "Cơ quan chủ trì",
      ],
      body: [
        [
          1,
          "Phát triển doanh nghiệp",
          "doanh nghiệp",
          520,
          232,
          0.4462,
          288,
          "Chậm tiến độ",
          "Sở Tài chính",
        ],
      ],
    });
    const map = header(layout.table);
    expect(map.ownColumns).toEqual([6, 7, 8]);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      agency: "I",
    });
    const report = computeSheet(layout.table);
    expect(report.columns.reportedAchievement).toBeUndefined();
    expect(report.columns.reportedRemaining).toBeUndefined();
    expect(report.rows[0].mismatches).toEqual([]);
    expect(report.rows[0].achievement).toBeCloseTo(232 / 520, 10);
  });

  it("finds own columns under a group header too", () => {
    const layout = buildLayout({
      header: [
        "STT",
        "Chỉ tiêu",
        { text: "Năm 2026", children: ["Kế hoạch", "Thực hiện 6 tháng"] },
        {
          text: "Tiến độ",
          children: [
            `${OWN_HEADER_PREFIX}Tỷ lệ đạt KH (%)`,
            `${OWN_HEADER_PREFIX}Còn phải thực hiện`,
          ],
        },
      ],
      body: [[1, "Phát triển doanh nghiệp", 520, 232, 0.4462, 288]],
    });
    const map = header(layout.table);
    expect(map.ownColumns).toEqual([5, 6]);
    expect(map.columns.reportedAchievement).toBeUndefined();
    expect(map.columns.reportedRemaining).toBeUndefined();
  });
});

describe("no header", () => {
  const prose: Layout = buildLayout({
    header: ["Ghi chú về số liệu"],
    body: [["Số liệu đang được tổng hợp."], ["Đề nghị các sở gửi báo cáo trước ngày 25/6."]],
  });

  it("findHeader returns null on a sheet of prose", () => {
    expect(findHeader(makeGrid(prose.table))).toBeNull();
  });

  it("findHeader returns null when only names and units are labelled", () => {
    const table = rawTable([
      ["STT", "Chỉ tiêu", "ĐVT", "Ghi chú"],
      [1, "Dân số", "người", ""],
    ]);
    expect(findHeader(makeGrid(table))).toBeNull();
  });

  it("computeSheet throws a TableError in Vietnamese naming the sheet", () => {
    const table = { ...prose.table, sheet: "Ghi chú" };
    expect(() => computeSheet(table)).toThrow(TableError);
    try {
      computeSheet(table);
    } catch (error) {
      expect(error).toBeInstanceOf(TableError);
      expect((error as TableError).code).toBe("noHeader");
      expect((error as TableError).message).toContain("Không tìm thấy dòng tiêu đề");
      expect((error as TableError).message).toContain('"Ghi chú"');
    }
  });

  it("computeSheet throws on an empty sheet", () => {
    expect(() => computeSheet(rawTable([]))).toThrow(TableError);
  });
});

describe("findHeader: harder layouts", () => {
  it("reads a compact table whose year group spans most of its width", () => {
    const layout = buildLayout({
      title: ["BÁO CÁO 6 THÁNG ĐẦU NĂM 2026"],
      header: [
        "STT",
        "Chỉ tiêu",
        { text: "Năm 2026", children: ["KH", "TH", "Đạt (%)", "Còn lại"] },
      ],
      body: [[1, "Phát triển doanh nghiệp", 520, 232, "44,62", 288]],
    });
    const map = header(layout.table);
    expect(map.rows).toEqual([2, 3]);
    expect(map.dataStart).toBe(4);
    expect(map.title).toEqual(["BÁO CÁO 6 THÁNG ĐẦU NĂM 2026"]);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      target: "C",
      actual: "D",
      reportedAchievement: "E",
      reportedRemaining: "F",
    });
    expect(map.year).toBe(2026);
  });

  it("reads a two-row header whose first columns are written in the lower row only", () => {
    const table = rawTable(
      [
        [null, null, null, "Năm 2025", null, "Năm 2026", null, null],
        [
          "STT",
          "Chỉ tiêu",
          "ĐVT",
          "Thực hiện",
          "Cùng kỳ",
          "Kế hoạch",
          "TH 6 tháng",
          "Đơn vị phụ trách",
        ],
        [1, "Thu nội địa", "tỷ đồng", "6.000", "2.900", "6.220", "3.300", "Thuế tỉnh"],
      ],
      ["D1:E1", "F1:G1"]
    );
    const map = header(table);
    expect(map.rows).toEqual([1, 2]);
    expect(map.dataStart).toBe(3);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      lastYear: "D",
      samePeriod: "E",
      target: "F",
      actual: "G",
      agency: "H",
    });
  });

  it("reads ratio headers under `So sánh (%)`: TH/KH is the reported achievement, TH/CK nothing", () => {
    const layout = buildLayout({
      header: [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Kế hoạch năm 2026",
        "Ước TH 9 tháng",
        { text: "So sánh (%)", children: ["TH/CK", "TH/KH"] },
      ],
      body: [[1, "Thu nội địa", "tỷ đồng", "6.220", "4.700", "105,2", "75,56"]],
    });
    const map = header(layout.table);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      reportedAchievement: "G",
    });
  });

  it("takes `Chỉ tiêu năm 2026` beside `Nội dung` for the target", () => {
    const layout = buildLayout({
      header: ["TT", "Nội dung", "Đơn vị tính", "Chỉ tiêu năm 2026", "Ước thực hiện 6 tháng"],
      body: [[1, "Thu nội địa", "tỷ đồng", "6.220", "3.300"]],
    });
    const map = header(layout.table);
    expect(letters(map)).toEqual({ label: "A", name: "B", unit: "C", target: "D", actual: "E" });
    expect(map.year).toBe(2026);
  });

  it.each<[string]>([["Phân loại"], ["Tính chất chỉ tiêu"], ["Cách tính"], ["Loại"]])(
    "maps a kind column headed %j",
    (text) => {
      const layout = buildLayout({
        header: ["STT", "Chỉ tiêu", "ĐVT", text, "Kế hoạch", "Thực hiện"],
        body: [[1, "Thu nội địa", "tỷ đồng", "Cộng dồn", "6.220", "3.300"]],
      });
      expect(letters(header(layout.table))).toEqual({
        label: "A",
        name: "B",
        unit: "C",
        kind: "D",
        target: "E",
        actual: "F",
      });
    }
  );

  it.each<[Row]>([
    [["A", "B", "C", "(1)", "(2)", "(3)=(2)/(1)*100"]],
    [["A", "B", "C", "1", "2", "3=2/1*100%"]],
    [["", "", "", 1, 2, 3]],
    [["1", "2", "3", "4", "5", "6 = 5 - 4"]],
  ])("skips the numbering row %j", (numbering) => {
    const layout = buildLayout({
      header: ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Còn lại"],
      numbering,
      body: [[1, "Thu nội địa", "tỷ đồng", "6.220", "3.300", "2.920"]],
    });
    const map = header(layout.table);
    expect(map.dataStart).toBe(3);
    expect(computeSheet(layout.table).rows.map((row) => row.name)).toEqual(["Thu nội địa"]);
  });

  it("keeps a document block with a dated line directly above the header in the title", () => {
    const table = rawTable([
      ["UBND TỈNH VĨNH LONG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", null],
      ["Số: 125/BC-STC", null, null, "Vĩnh Long, ngày 5 tháng 7 năm 2026", null],
      ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"],
      [1, "Thu nội địa", "tỷ đồng", "6.220", "3.300"],
    ]);
    const map = header(table);
    expect(map.rows).toEqual([3]);
    expect(map.texts[4]).toBe("Kế hoạch");
    expect(map.title).toEqual([
      "UBND TỈNH VĨNH LONG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 125/BC-STC",
      "Vĩnh Long, ngày 5 tháng 7 năm 2026",
    ]);
    expect(map.year).toBe(2026);
  });

  it("does not read the date of a title (`ngày 5 tháng 7`) as a 5-month period", () => {
    expect(monthsIn("Kèm theo Báo cáo số 125/BC-STC ngày 5 tháng 7 năm 2026")).toBeNull();
    expect(monthsIn("TH 6 tháng 2025")).toBe(6);
    const layout = buildLayout({
      title: ["(Kèm theo Báo cáo số 125/BC-STC ngày 5 tháng 7 năm 2026)"],
      header: ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"],
      body: [[1, "Thu nội địa", "6.220", "3.300"]],
    });
    expect(periodFromHeader(header(layout.table))).toBeNull();
  });
});

describe("period and ratio abbreviations", () => {
  it.each<[string, number]>([
    ["TH 6T", 6],
    ["Ước TH 9T/2026", 9],
    ["06 tháng đầu năm", 6],
    ["Lũy kế đến tháng 10", 10],
    ["Ước thực hiện đến hết tháng 11/2026", 11],
  ])("%j → %d months", (text, months) => {
    expect(monthsIn(text)).toBe(months);
  });

  it.each<[string]>([["So CK (%)"], ["So với CK"], ["Tăng so CK"]])(
    "%j is a growth ratio, not a figure",
    (text) => {
      expect(roleOfHeader(text)).toBeNull();
    }
  );

  it("maps `So CK (%)` before `So KH (%)` to nothing and the plan ratio to the reported achievement", () => {
    const layout = buildLayout({
      header: [
        "STT",
        "Chỉ tiêu",
        "Kế hoạch",
        { text: "Thực hiện", children: ["6T/2026", "So CK (%)", "So KH (%)"] },
      ],
      body: [[1, "Thu nội địa", "6.220", "3.300", "112,5", "53,05"]],
    });
    const map = header(layout.table);
    expect(letters(map)).toEqual({
      label: "A",
      name: "B",
      target: "C",
      actual: "D",
      reportedAchievement: "F",
    });
    expect(periodFromHeader(map)).toBe(6);
  });
});

describe("findHeader: a table deep in a sheet", () => {
  /** `notes` rows of prose (or figures), then the header and BODY. */
  function deep(notes: number, note: (i: number) => Row): Table {
    const rows: Row[] = [];
    for (let i = 0; i < notes; i++) rows.push(note(i));
    rows.push([
      "STT",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Kế hoạch năm 2024",
      "Thực hiện 6 tháng",
      "Cơ quan chủ trì",
    ]);
    return rawTable([...rows, ...BODY]);
  }

  it("finds a header below the first 40 rows, the title block being the 40 rows above it", () => {
    const table = deep(60, (i) => [`Ghi chú ${i + 1}: số liệu tổng hợp 9 tháng`]);
    const found = header(table);
    expect(found.rows).toEqual([61]);
    expect(found.dataStart).toBe(62);
    expect(letters(found)).toMatchObject({ name: "B", target: "D", actual: "E" });
    expect(found.title).toHaveLength(40);
    expect(found.title[0]).toBe("Ghi chú 21: số liệu tổng hợp 9 tháng");
  });

  it("finds it under 100.000 rows of figures", () => {
    const table = deep(100_000, (i) => [i, i * 2]);
    expect(header(table).rows).toEqual([100_001]);
  });

  it("still takes the best of the first 40 rows over a better one further down", () => {
    const table = deep(0, () => []);
    table.values.push(...Array.from({ length: 50 }, () => []), [
      "Chỉ tiêu",
      "Kế hoạch",
      "Thực hiện",
      "Đơn vị tính",
    ]);
    expect(header(table).rows).toEqual([1]);
  });
});
