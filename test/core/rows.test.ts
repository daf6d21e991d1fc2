import { texts } from "../fixtures/problems";
import { computeSheet, ReportRow } from "../../src/core/engine";
import { makeGrid } from "../../src/core/grid";
import { findHeader } from "../../src/core/headers";
import { ColumnRole } from "../../src/core/columns";
import { cellOf, IndicatorRow, readRows, Section } from "../../src/core/rows";
import type { Table } from "../../src/core/types";
import {
  buildLayout,
  communeBreakdown,
  communeFigures,
  communeName,
  HeaderNode,
  Layout,
  range,
  Row,
} from "../fixtures/layouts";

function read(table: Table): { rows: IndicatorRow[]; sections: Section[] } {
  const grid = makeGrid(table);
  const header = findHeader(grid);
  if (header === null) throw new Error(`no header in ${table.sheet}`);
  return readRows(grid, header);
}

/** The indicator row at a sheet row, or a failure naming it. */
function at(rows: IndicatorRow[], sheetRow: number): IndicatorRow {
  const row = rows.find((r) => r.row === sheetRow);
  if (!row) throw new Error(`no indicator row at sheet row ${sheetRow}`);
  return row;
}

function reportRow(rows: ReportRow[], sheetRow: number): ReportRow {
  const row = rows.find((r) => r.row === sheetRow);
  if (!row) throw new Error(`no report row at sheet row ${sheetRow}`);
  return row;
}

const HEADER: HeaderNode[] = [
  "STT",
  "Chỉ tiêu",
  "ĐVT",
  "Kế hoạch năm 2026",
  "Ước TH 6 tháng",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
];

const UBND_XA = "Ủy ban nhân dân các xã, phường, đặc khu";

describe("readRows: sections, indicators, sub rows", () => {
  // prettier-ignore
  const body: Row[] = [
    ["I", "CHỈ TIÊU KINH TẾ"],                                                           // 0
    [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "34.000", "14.096", "Sở Tài chính", `Các sở, ban, ngành tỉnh; ${UBND_XA}`],
    [2, "Tỷ lệ tham gia bảo hiểm xã hội", "%", 27.77, 16.63, "Bảo hiểm xã hội tỉnh", "Sở Y tế\nSở Nội vụ"],
    [null, "Trong đó: BHXH tự nguyện", "%", 5, 3.03],                                   // 3
    [null, "- Trong đó: BHXH bắt buộc", "%", 22.77, 13.6],                               // 4
    [null, "+ Khu vực doanh nghiệp", "%", 10, 5, "Sở Nội vụ"],                           // 5
    ["II", "CHỈ TIÊU XÃ HỘI"],                                                           // 6
    [3, "Phát triển doanh nghiệp", "doanh nghiệp", 520, 232, "Sở Tài chính"],            // 7
    [null, "Trong đó:"],                                                                 // 8
    [null, "- Doanh nghiệp công nghệ số", "doanh nghiệp", 20, 8],                        // 9
    ["a)", "Doanh nghiệp tái gia nhập", "doanh nghiệp", 100, 40],                        // 10
    [],                                                                                  // 11
    [null, "CHỈ TIÊU MÔI TRƯỜNG"],                                                       // 12
    [4, "Tỷ lệ che phủ rừng", "%", 4.15, 4.1, "Sở Nông nghiệp và Môi trường"],           // 13
    ["A", "Quốc phòng, an ninh"],                                                        // 14
    [5, "Giữ vững ổn định chính trị, trật tự an toàn xã hội", null, "Giữ vững", "Giữ vững ổn định", "Công an tỉnh"],
    [6, "Bảo đảm quốc phòng, quân sự địa phương", null, null, null, "Bộ Chỉ huy quân sự tỉnh"], // 16
  ];
  let layout: Layout;
  let rows: IndicatorRow[];
  let sections: Section[];
  beforeAll(() => {
    layout = buildLayout({
      title: ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026"],
      header: HEADER,
      numbering: "auto",
      body,
    });
    ({ rows, sections } = read(layout.table));
  });
  const r = (i: number): number => layout.rowOf(i);

  it("lists the section headings with label and title", () => {
    expect(sections).toEqual([
      { row: r(0), label: "I", title: "CHỈ TIÊU KINH TẾ" },
      { row: r(6), label: "II", title: "CHỈ TIÊU XÃ HỘI" },
      { row: r(12), label: "", title: "CHỈ TIÊU MÔI TRƯỜNG" },
      { row: r(14), label: "A", title: "Quốc phòng, an ninh" },
    ]);
  });

  it("reads every other non-blank row as an indicator, sub or total, in sheet order", () => {
    expect(rows.map((row) => [row.row, row.type])).toEqual([
      [r(1), "indicator"],
      [r(2), "indicator"],
      [r(3), "sub"],
      [r(4), "sub"],
      [r(5), "sub"],
      [r(7), "indicator"],
      [r(9), "sub"],
      [r(10), "sub"],
      [r(13), "indicator"],
      [r(15), "indicator"],
      [r(16), "indicator"],
    ]);
  });

  it("attaches sub rows to their parent, through a bare `Trong đó:` line", () => {
    expect(at(rows, r(3)).parentRow).toBe(r(2));
    expect(at(rows, r(4)).parentRow).toBe(r(2));
    expect(at(rows, r(5)).parentRow).toBe(r(2));
    expect(at(rows, r(9)).parentRow).toBe(r(7));
    expect(at(rows, r(10)).parentRow).toBe(r(7));
    expect(at(rows, r(1)).parentRow).toBeNull();
    expect(at(rows, r(13)).parentRow).toBeNull();
  });

  it("cleans the sub marks off the names", () => {
    expect(at(rows, r(3)).name).toBe("BHXH tự nguyện");
    expect(at(rows, r(4)).name).toBe("BHXH bắt buộc");
    expect(at(rows, r(5)).name).toBe("Khu vực doanh nghiệp");
    expect(at(rows, r(9)).name).toBe("Doanh nghiệp công nghệ số");
    expect(at(rows, r(10)).label).toBe("a)");
  });

  it("lets sub rows inherit their parent's agency and partners unless they name their own", () => {
    expect(at(rows, r(3)).agency).toBe("Bảo hiểm xã hội tỉnh");
    expect(at(rows, r(3)).partners).toEqual(["Sở Y tế", "Sở Nội vụ"]);
    expect(at(rows, r(5)).agency).toBe("Sở Nội vụ");
    expect(at(rows, r(9)).agency).toBe("Sở Tài chính");
    expect(at(rows, r(13)).agency).toBe("Sở Nông nghiệp và Môi trường");
  });

  it("splits partners on `;` and line breaks, never on commas", () => {
    expect(at(rows, r(1)).partners).toEqual(["Các sở, ban, ngành tỉnh", UBND_XA]);
  });

  it("records the section each row sits in", () => {
    expect(at(rows, r(1)).section).toBe("I. CHỈ TIÊU KINH TẾ");
    expect(at(rows, r(7)).section).toBe("II. CHỈ TIÊU XÃ HỘI");
    expect(at(rows, r(13)).section).toBe("CHỈ TIÊU MÔI TRƯỜNG");
    expect(at(rows, r(15)).section).toBe("A. Quốc phòng, an ninh");
  });

  it("reads figures with their cell addresses", () => {
    const investment = at(rows, r(1));
    expect(investment.target).toMatchObject({ value: 34000, cell: `D${r(1)}`, text: "34.000" });
    expect(investment.actual).toMatchObject({ value: 14096, cell: `E${r(1)}` });
    expect(investment.unit).toBe("tỷ đồng");
    expect(cellOf(investment, "target")).toBe(`D${r(1)}`);
    expect(cellOf(investment, "actual")).toBe(`E${r(1)}`);
    expect(cellOf(investment, "agency")).toBe(`F${r(1)}`);
    // A role the sheet has no column for has no cell; a message then names the row.
    const absent = (["kind", "samePeriod", "solutions"] as ColumnRole[]).find(
      (role) => investment.columns[role] === undefined
    );
    expect(absent).toBeDefined();
    expect(cellOf(investment, absent as ColumnRole)).toBeNull();
  });

  it("reads qualitative rows, with or without words in the figure columns", () => {
    const stability = at(rows, r(15));
    expect(stability.kind).toBe("qualitative");
    expect(stability.targetText).toBe("Giữ vững");
    expect(stability.agency).toBe("Công an tỉnh");
    const defence = at(rows, r(16));
    expect(defence.kind).toBe("qualitative");
    expect(defence.agency).toBe("Bộ Chỉ huy quân sự tỉnh");
  });

  it("gives the report's statuses end to end", () => {
    const report = computeSheet(layout.table);
    expect(report.period).toEqual({ months: 6, expectedShare: 0.5, source: "header" });
    expect(report.year).toBe(2026);
    const investment = reportRow(report.rows, r(1));
    expect(investment.kind).toBe("cumulative");
    expect(investment.achievement).toBeCloseTo(0.414588, 6);
    expect(investment.remaining).toBe(19904);
    expect(investment.status).toBe("at_risk");
    const enterprises = reportRow(report.rows, r(7));
    expect(enterprises.achievement).toBeCloseTo(232 / 520, 10);
    expect(enterprises.remaining).toBe(288);
    expect(enterprises.status).toBe("at_risk");
    expect(reportRow(report.rows, r(15)).status).toBe("qualitative");
    expect(report.summary.qualitative).toBe(2);
  });
});

describe("readRows: `trong đó` only as a whole word", () => {
  it("keeps `Trong doanh nghiệp ...` an indicator with its whole name", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [
        ["I", "LAO ĐỘNG"],
        [1, "Trong doanh nghiệp nhà nước: số lao động", "người", 1200, 1150, "Sở Nội vụ"],
        [null, "TRONG ĐÓ: lao động nữ", "người", 500, 480],
      ],
    });
    const { rows } = read(layout.table);
    expect(rows.map((row) => [row.type, row.name, row.parentRow])).toEqual([
      ["indicator", "Trong doanh nghiệp nhà nước: số lao động", null],
      ["sub", "lao động nữ", 3],
    ]);
    expect(rows[1].agency).toBe("Sở Nội vụ");
  });
});

describe("readRows: headings merged across label and name", () => {
  it("counts a merged heading once", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [
        ["I. CHỈ TIÊU KINH TẾ"],
        [1, "Phát triển doanh nghiệp", "doanh nghiệp", 520, 232, "Sở Tài chính"],
      ],
      merges: ["A2:G2"],
    });
    const { rows, sections } = read(layout.table);
    expect(sections).toEqual([{ row: 2, label: "", title: "I. CHỈ TIÊU KINH TẾ" }]);
    expect(rows[0].section).toBe("I. CHỈ TIÊU KINH TẾ");
  });
});

describe("readRows: noise inside the table", () => {
  it("skips a header block repeated after a page break, its numbering row and empty rows", () => {
    const header: HeaderNode[] = [
      "STT",
      "Chỉ tiêu",
      "ĐVT",
      { text: "Năm 2026", children: ["Kế hoạch", "TH 6 tháng"] },
      "Cơ quan chủ trì",
    ];
    const layout = buildLayout({
      header,
      numbering: ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
      body: [
        [1, "Phát triển doanh nghiệp", "doanh nghiệp", 520, 232, "Sở Tài chính"],
        [null, null, null, null, null, null],
        ["STT", "Chỉ tiêu", "ĐVT", "Năm 2026", null, "Cơ quan chủ trì"],
        [null, null, null, "Kế hoạch", "TH 6 tháng", null],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [2, "Thu nội địa", "tỷ đồng", "6.220", "3.300", "Thuế tỉnh"],
      ],
      merges: ["D6:E6"],
    });
    const { rows, sections } = read(layout.table);
    expect(sections).toEqual([]);
    expect(rows.map((row) => [row.row, row.name, row.target?.value])).toEqual([
      [4, "Phát triển doanh nghiệp", 520],
      [9, "Thu nội địa", 6220],
    ]);
  });

  it("reads a numbered row with a lead agency but no figures as an indicator, not a heading", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [
        ["I", "CHỈ TIÊU XÃ HỘI"],
        [1, "Tỷ lệ thất nghiệp khu vực thành thị", null, null, null, "Sở Nội vụ"],
        [2, "Tỷ lệ hộ nghèo", "%", "1,5", "1,6", "Sở Nông nghiệp và Môi trường"],
      ],
    });
    const { rows, sections } = read(layout.table);
    expect(sections.map((s) => s.row)).toEqual([2]);
    expect(rows.map((row) => row.row)).toEqual([3, 4]);
    expect(rows[1].section).toBe("I. CHỈ TIÊU XÃ HỘI");
  });

  it("reads `1.1` rows under a numbered heading as indicators, since they have no parent", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [
        [1, "Lĩnh vực kinh tế"],
        ["1.1", "Thu nội địa", "tỷ đồng", "6.220", "3.300", "Thuế tỉnh"],
        ["1.2", "Phát triển doanh nghiệp", "doanh nghiệp", 520, 232, "Sở Tài chính"],
      ],
    });
    const { rows, sections } = read(layout.table);
    expect(sections).toEqual([{ row: 2, label: "1", title: "Lĩnh vực kinh tế" }]);
    expect(rows.map((row) => [row.type, row.parentRow])).toEqual([
      ["indicator", null],
      ["indicator", null],
    ]);
  });

  it("keeps line breaks between lead agencies as separators", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [[1, "Thu nội địa", "tỷ đồng", "6.220", "3.300", "Sở Tài chính\nThuế tỉnh", null]],
    });
    expect(read(layout.table).rows[0].agency).toBe("Sở Tài chính; Thuế tỉnh");
  });
});

describe("totals", () => {
  it("reads a totals row under 100 communes, wards and special zones, and checks the sum", () => {
    const { layout, target, actual } = communeBreakdown(100);
    const { rows } = read(layout.table);
    expect(rows).toHaveLength(101);
    expect(rows.slice(0, 100).every((row) => row.type === "indicator")).toBe(true);
    expect(rows[0].name).toBe(communeName(0));
    expect(rows.some((row) => row.name.startsWith("Phường "))).toBe(true);
    expect(rows.some((row) => row.name.startsWith("Đặc khu "))).toBe(true);
    expect(new Set(rows.map((row) => row.name)).size).toBe(101);
    const total = rows[100];
    expect(total).toMatchObject({ type: "total", name: "Tổng cộng", row: layout.rowOf(100) });
    expect(total.target?.value).toBe(target);
    expect(total.actual?.value).toBe(actual);
    expect(rows[57].target?.value).toBe(communeFigures(57).target);

    const report = computeSheet(layout.table);
    expect(report.totals).toMatchObject([]);
    expect(report.rows[100].achievement).toBeCloseTo(actual / target, 10);
    expect(texts(report.rows[100].problems)).toEqual([]);
  });

  it.each<[string]>([["Toàn tỉnh"], ["Cộng"], ["Tổng cộng toàn tỉnh"]])(
    "flags a %j row that is not the sum of the communes",
    (name) => {
      const { layout, target } = communeBreakdown(100, name);
      const totalRow = layout.table.values[layout.rowOf(100) - 1];
      totalRow[2] = target + 5;
      const report = computeSheet(layout.table);
      expect(report.rows[100].type).toBe("total");
      expect(report.totals).toMatchObject([
        {
          row: layout.rowOf(100),
          cell: `C${layout.rowOf(100)}`,
          field: "target",
          sum: target,
          reported: target + 5,
        },
      ]);
    }
  );

  it("does not take `Tổng vốn đầu tư`, `Tổng mức bán lẻ` or `Công nghiệp` rows for totals", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [
        [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "34.000", "14.096"],
        [2, "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tỷ đồng", "59.348", "30.750"],
        [3, "Công nghiệp", "tỷ đồng", "40.345", "20.465"],
      ],
    });
    expect(read(layout.table).rows.map((row) => row.type)).toEqual([
      "indicator",
      "indicator",
      "indicator",
    ]);
    expect(computeSheet(layout.table).totals).toMatchObject([]);
  });
});

describe("numbers in the table", () => {
  const header: HeaderNode[] = [
    "No.",
    "Indicator",
    "Unit",
    "Target",
    "Actual",
    "Achieved (%)",
    "Remaining",
  ];

  it("reads an English-style table, ambiguous `6,220` included, by its columns' other values", () => {
    const layout = buildLayout({
      header,
      body: [
        [1, "Total social investment", "billion VND", "34,000", "14,096", "41.46", "19,904"],
        [
          2,
          "Public investment disbursed",
          "billion VND",
          "4,874.53",
          "2,193.81",
          "45.01",
          "2,680.72",
        ],
        [3, "Domestic revenue", "billion VND", "6,220", "3,300", "53.05", "2,920"],
        [4, "New enterprises", "enterprises", "520", "232", "44.62", "288"],
      ],
    });
    const { rows } = read(layout.table);
    expect(rows.map((row) => row.target?.value)).toEqual([34000, 4874.53, 6220, 520]);
    expect(rows.map((row) => row.actual?.value)).toEqual([14096, 2193.81, 3300, 232]);
    expect(rows.map((row) => row.reportedAchievement?.value)).toEqual([41.46, 45.01, 53.05, 44.62]);
    expect(rows.map((row) => row.reportedRemaining?.value)).toEqual([19904, 2680.72, 2920, 288]);
    const report = computeSheet(layout.table);
    expect(report.rows[2].achievement).toBeCloseTo(3300 / 6220, 10);
    expect(report.rows[2].remaining).toBe(2920);
    expect(report.summary.mismatches).toBe(0);
  });

  // A column of only ambiguous figures (`1,200`, `6,220`) takes the table's style (English from `45.50`).
  it("reads a column of only ambiguous figures in the table's English style", () => {
    const layout = buildLayout({
      header: ["STT", "Commune", "Target", "Actual", "Achieved (%)"],
      body: [
        [1, "Xã An Bình", "1,200", "546", "45.50"],
        [2, "Phường Tân Phú", "6,220", "3,300", "53.05"],
      ],
    });
    expect(read(layout.table).rows.map((row) => row.target?.value)).toEqual([1200, 6220]);
  });

  it("reads Vietnamese style by default, and the plan's own errors show as mismatches", () => {
    const layout = buildLayout({
      header: HEADER.slice(0, 5).concat(["Tiến độ so Kế hoạch (%)", "Nhiệm vụ 6 tháng cuối năm"]),
      body: [
        [1, "Thu nội địa", "tỷ đồng", "6.220", "3.300", "53,03%", "2.640"],
        [2, "Vốn đầu tư công (giải ngân)", "tỷ đồng", "4.874,53", "2.193,81", 45, "2.680,72"],
      ],
    });
    const report = computeSheet(layout.table);
    expect(report.rows[0].target).toBe(6220);
    expect(report.rows[0].remaining).toBe(2920);
    expect(report.rows[0].mismatches.map((m) => [m.field, m.cell])).toEqual([
      ["achievement", "F2"],
      ["remaining", "G2"],
    ]);
    expect(report.rows[1].target).toBe(4874.53);
    expect(report.rows[1].remaining).toBe(2680.72);
    expect(report.rows[1].mismatches).toMatchObject([]);
  });

  it("reads bounds and fractions in the target column", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [
        [1, "Tỷ lệ thất nghiệp khu vực thành thị", "%", "dưới 2%", "1,9%"],
        [2, "Tỷ lệ giải ngân vốn đầu tư công", "%", "≥ 95%", "45%"],
        [3, "Giữ vững số xã đạt chuẩn nông thôn mới", "xã", "85/85", "85/85"],
      ],
    });
    const { rows } = read(layout.table);
    expect(rows[0].target).toMatchObject({ value: 2, percent: true, bound: "lt" });
    expect(rows[1].target).toMatchObject({ value: 95, percent: true, bound: "ge" });
    expect(rows[2].target).toMatchObject({
      value: 85,
      fraction: { numerator: 85, denominator: 85 },
    });
    const report = computeSheet(layout.table);
    expect(report.rows[0]).toMatchObject({ kind: "level", direction: "down", status: "achieved" });
    expect(report.rows[2]).toMatchObject({ kind: "maintain", status: "achieved" });
  });

  it("survives hostile cells: errors, placeholders, NBSP groups, formulas", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [
        [1, "Chỉ tiêu lỗi", "tỷ đồng", "6.220", "#N/A"],
        [2, "Chỉ tiêu gạch", "tỷ đồng", "6.220", "-"],
        [3, "Chỉ tiêu x", "tỷ đồng", "6.220", "x"],
        [4, "Chỉ tiêu ba chấm", "tỷ đồng", "6.220", "…"],
        [5, "Chỉ tiêu trống", "tỷ đồng", "6.220", null],
        [6, "Số lưu dạng chữ", "tỷ đồng", "34\u00a0000", "4\u00a0874,53"],
        [7, "Kết quả công thức", "tỷ đồng", 6220, 3300],
        [8, "Công thức chưa tính", "tỷ đồng", "=D9*2", "=E8/D8"],
        [9, "Lỗi chia", "%", "#DIV/0!", 12],
      ],
    });
    const report = computeSheet(layout.table);
    const rows = report.rows;
    expect(rows).toHaveLength(9);
    expect(rows[0].status).toBe("no_data");
    expect(texts(rows[0].problems)).toContain("Ô E2 chứa lỗi Excel #N/A.");
    for (const i of [1, 2, 3, 4]) {
      expect(rows[i].status).toBe("no_data");
      expect(rows[i].actual).toBeNull();
      // A placeholder is named with its cell, whichever wording progress chooses.
      expect(texts(rows[i].problems)).toHaveLength(1);
      expect(texts(rows[i].problems)[0]).toMatch(new RegExp(`ô E${rows[i].row}\\b`, "i"));
    }
    expect(rows[5]).toMatchObject({ target: 34000, actual: 4874.53 });
    expect(rows[6]).toMatchObject({ target: 6220, actual: 3300, remaining: 2920 });
    expect(rows[7]).toMatchObject({ target: null, actual: null, status: "no_data" });
    expect(texts(rows[7].problems)).toContain('Ô D9 không phải là số: "=D9*2".');
    expect(rows[8].status).toBe("no_data");
    expect(texts(rows[8].problems)).toContain("Ô D10 chứa lỗi Excel #DIV/0!.");
  });

  it("reads percent number formats on numeric cells", () => {
    const layout = buildLayout({
      header: HEADER,
      body: [[1, "Tỷ lệ bao phủ bảo hiểm y tế", "%", 0.9495, 0.835]],
      bodyFormats: { 0: { 3: "0.00%", 4: "0.00%" } },
    });
    const row = read(layout.table).rows[0];
    expect(row.target).toMatchObject({ value: 94.95, percent: true, decimals: 2 });
    expect(row.actual).toMatchObject({ value: 83.5, percent: true });
    expect(computeSheet(layout.table).rows[0].remaining).toBe(11.45);
  });
});

describe("totals written in the label column", () => {
  it.each<[string, string[]]>([
    ["unmerged", []],
    ["merged across STT and name", ["A103:B103"]],
  ])("reads `Tổng cộng` in the STT column as the totals row (%s)", (_, merges) => {
    const { layout, target, actual } = communeBreakdown(100);
    const totalRow = layout.rowOf(100);
    expect(totalRow).toBe(103);
    layout.table.values[totalRow - 1] = ["Tổng cộng", null, target, actual];
    layout.table.merges.push(...merges.map(range));
    const report = computeSheet(layout.table);
    const total = report.rows[100];
    expect(total).toMatchObject({ type: "total", name: "Tổng cộng", label: "", target, actual });
    expect(texts(total.problems)).toEqual([]);
    expect(report.totals).toMatchObject([]);
  });
});
