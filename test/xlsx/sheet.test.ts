import ExcelJS from "exceljs";
import { computeSheet } from "../../src/core/engine";
import { applyPlan, parseRange, plainValue, tableFromWorksheet } from "../../src/xlsx/sheet";
import { STATUS_RULES } from "../../src/core/writePlan";
import type { Table } from "../../src/core/types";
import { addMainSheet, conditionalFormats, MAIN, MAIN_SHEET } from "../fixtures/workbooks";
import { smallPlan, smallSheet } from "./fixtures";

/** Writes a workbook to a buffer and reads it back, as a file would go. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return back;
}

/** The value of a sheet cell in a table (tables start at A1 here). */
const at = (table: Table, address: string): unknown => {
  const { top, left } = parseRange(address);
  return table.values[top - 1][left - 1];
};
const formatAt = (table: Table, address: string): unknown => {
  const { top, left } = parseRange(address);
  return table.formats?.[top - 1][left - 1];
};

/** A sheet with one of each kind of value exceljs can hold. */
function oddValues(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Giá trị");
  sheet.getCell("A1").value = { formula: "3000+300", result: 3300 };
  sheet.getCell("B1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  sheet.getCell("C1").value = { formula: "A1*2" } as ExcelJS.CellFormulaValue; // never calculated
  sheet.getCell("D1").value = { formula: 'TEXT(1,"0")', result: "1" };
  sheet.getCell("A2").value = {
    richText: [{ text: "Tổng vốn ", font: { bold: true } }, { text: "đầu tư" }],
  };
  sheet.getCell("B2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  sheet.getCell("C2").value = new Date(Date.UTC(2024, 5, 30));
  sheet.getCell("C2").numFmt = "dd/mm/yyyy";
  sheet.getCell("D2").value = { text: "Cổng thông tin", hyperlink: "https://example.vn" };
  sheet.getCell("A3").value = 0.4146;
  sheet.getCell("A3").numFmt = "0.00%";
  sheet.getCell("B3").value = 4874.53;
  sheet.getCell("B3").numFmt = "#,##0.00";
  sheet.getCell("C3").value = "=không phải công thức";
  sheet.getCell("D3").value = true;
  sheet.getCell("B5").value = "Năm 2024";
  sheet.mergeCells("B5:F6");
  return workbook;
}

describe("plainValue", () => {
  it.each<[ExcelJS.CellValue, unknown]>([
    [null, null],
    [45, 45],
    ["41,46%", "41,46%"],
    [false, false],
    [{ formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue, 2],
    [{ sharedFormula: "A1", result: 7 } as ExcelJS.CellSharedFormulaValue, 7],
    [{ formula: "A1" } as ExcelJS.CellFormulaValue, null],
    [{ formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue, "#N/A"],
    [
      {
        formula: "DATE(2024,1,5)",
        result: new Date(Date.UTC(2024, 0, 5)),
      } as ExcelJS.CellFormulaValue,
      "05/01/2024",
    ],
    [{ error: "#REF!" } as ExcelJS.CellErrorValue, "#REF!"],
    [{ richText: [{ text: "a" }, { text: "b" }] }, "ab"],
    [
      {
        text: { richText: [{ text: "liên " }, { text: "kết" }] },
        hyperlink: "https://x.vn",
      } as unknown as ExcelJS.CellValue,
      "liên kết",
    ],
    [new Date(Date.UTC(2024, 11, 31)), "31/12/2024"],
  ])("%p → %p", (value, expected) => {
    expect(plainValue(value)).toEqual(expected);
  });
});

describe("parseRange", () => {
  it("reads ranges, absolute references and single cells", () => {
    expect(parseRange("A5:B6")).toEqual({ top: 5, left: 1, bottom: 6, right: 2 });
    expect(parseRange("$I$4:$L$10")).toEqual({ top: 4, left: 9, bottom: 10, right: 12 });
    expect(parseRange("AB12")).toEqual({ top: 12, left: 28, bottom: 12, right: 28 });
    expect(parseRange("D9:B3")).toEqual({ top: 3, left: 2, bottom: 9, right: 4 });
  });
});

describe("tableFromWorksheet", () => {
  const check = (table: Table): void => {
    expect(table.sheet).toBe("Giá trị");
    expect(table.origin).toEqual({ row: 1, col: 1 });
    // formulas: their cached result, an error result as its text, none when never calculated
    expect(at(table, "A1")).toBe(3300);
    expect(at(table, "B1")).toBe("#DIV/0!");
    expect(at(table, "C1")).toBeNull();
    expect(at(table, "D1")).toBe("1");
    // rich text, errors, dates, links
    expect(at(table, "A2")).toBe("Tổng vốn đầu tư");
    expect(at(table, "B2")).toBe("#N/A");
    expect(at(table, "C2")).toBe("30/06/2024");
    expect(at(table, "D2")).toBe("Cổng thông tin");
    // plain values as they are, a text starting with = stays text
    expect(at(table, "A3")).toBe(0.4146);
    expect(at(table, "C3")).toBe("=không phải công thức");
    expect(at(table, "D3")).toBe(true);
    // number formats
    expect(formatAt(table, "A3")).toBe("0.00%");
    expect(formatAt(table, "B3")).toBe("#,##0.00");
    expect(formatAt(table, "C2")).toBe("dd/mm/yyyy");
    expect(formatAt(table, "D3")).toBeNull();
    // merges, and a rectangle that reaches to the merge's far corner
    expect(table.merges).toEqual([{ top: 5, left: 2, bottom: 6, right: 6 }]);
    expect(at(table, "B5")).toBe("Năm 2024");
    expect(table.values).toHaveLength(6);
    for (const line of table.values) expect(line).toHaveLength(6);
    for (const line of table.formats ?? []) expect(line).toHaveLength(6);
    expect(at(table, "A4")).toBeNull();
  };

  it("reads an in-memory sheet", () => {
    check(tableFromWorksheet(oddValues().worksheets[0]));
  });

  it("reads the same after a round trip through a file", async () => {
    check(tableFromWorksheet((await roundTrip(oddValues())).worksheets[0]));
  });

  it("reads the fixture's main sheet as the engine needs it", async () => {
    const workbook = new ExcelJS.Workbook();
    addMainSheet(workbook);
    const table = tableFromWorksheet(
      (await roundTrip(workbook)).getWorksheet(MAIN_SHEET) as ExcelJS.Worksheet
    );
    expect(table.values).toHaveLength(MAIN.lastRow);
    expect(table.values[0]).toHaveLength(MAIN.lastCol);
    expect(at(table, MAIN.dateCell)).toBe("30/06/2024");
    expect(at(table, MAIN.richTextCell)).toBe("Tổng vốn đầu tư toàn xã hội");
    expect(at(table, MAIN.formulaCell)).toBe(3300);
    expect(at(table, MAIN.errorCell)).toBe("#N/A");
    expect(at(table, MAIN.formulaLikeCell)).toBe(MAIN.formulaLikeText);
    expect(formatAt(table, "D8")).toBe("0.0");
    expect(table.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 8 }]);
  });

  // exceljs repeats a merge's value in every cell of it; Excel holds it in the first only.
  it("leaves merged-away cells blank, as Excel holds them", () => {
    const table = tableFromWorksheet(oddValues().worksheets[0]);
    expect(at(table, "B5")).toBe("Năm 2024");
    expect(at(table, "C5")).toBeNull();
    expect(at(table, "B6")).toBeNull();
    expect(at(table, "F6")).toBeNull();
  });

  // A heading merged across the table must read as a section, not as a qualitative row.
  it("reads a section heading merged across the table as a section", () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = addMainSheet(workbook);
    sheet.getCell("B4").value = null;
    sheet.getCell("A4").value = "I. CHỈ TIÊU KINH TẾ";
    sheet.mergeCells("A4:H4");
    const report = computeSheet(tableFromWorksheet(sheet));
    expect(report.sections.map((s) => s.row)).toEqual([4]);
    expect(report.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(report.summary.qualitative).toBe(1);
  });
});

describe("applyPlan", () => {
  it("writes headers, values and number formats", () => {
    const { sheet } = smallSheet();
    applyPlan(sheet, smallPlan());
    expect([4, 5, 6, 7].map((c) => sheet.getCell(2, c).value)).toEqual([
      "Chỉ tiêu · Tỷ lệ đạt KH (%)",
      "Chỉ tiêu · Còn phải thực hiện",
      "Chỉ tiêu · Trạng thái",
      "Chỉ tiêu · Dự báo cả năm",
    ]);
    expect(sheet.getCell("D2").font).toMatchObject({ bold: true });
    expect(sheet.getCell("D3").value).toBe(0.4146);
    expect(sheet.getCell("E5").value).toBe(-0.5);
    expect(sheet.getCell("F5").value).toBe("Đã đạt/vượt");
    expect(sheet.getCell("G3").value).toBe(28192);
    expect(sheet.getCell("D4").value).toBeNull();
    expect(["D3", "D4", "D5"].map((a) => sheet.getCell(a).numFmt)).toEqual([
      "0.00%",
      "0.00%",
      "0.00%",
    ]);
    expect(["E3", "E4", "E5"].map((a) => sheet.getCell(a).numFmt)).toEqual([
      "#,##0",
      "#,##0",
      "#,##0.0",
    ]);
    expect(sheet.getCell("F3").numFmt).toBeUndefined();
    // The cells the plan does not name are left alone.
    expect(sheet.getCell("B3").value).toBe(34000);
    expect(sheet.getCell("C2").value).toBe("Thực hiện");
  });

  it("adds exactly one conditional-format block keyed on the status column", () => {
    const { sheet } = smallSheet();
    applyPlan(sheet, smallPlan());
    const formats = conditionalFormats(sheet);
    expect(formats).toHaveLength(1);
    expect(formats[0].ref).toBe("D3:G5");
    expect(formats[0].rules.map((rule) => [rule.type, rule.priority, rule.formulae])).toEqual([
      ["expression", 1, ['$F3="Đã đạt/vượt"']],
      ["expression", 2, ['$F3="Đúng tiến độ"']],
      ["expression", 3, ['$F3="Có nguy cơ không đạt"']],
      ["expression", 4, ['$F3="Chậm tiến độ"']],
      ["expression", 5, ['$F3="Thiếu số liệu"']],
    ]);
    const first = formats[0].rules[0] as unknown as {
      style: { fill: { bgColor: { argb: string } } };
    };
    expect(first.style.fill.bgColor.argb).toBe("FFC6EFCE");
  });

  it("replaces its own block on a second run, even over a different range, and keeps the user's", () => {
    const { sheet } = smallSheet();
    sheet.addConditionalFormatting({
      ref: "B3:B5",
      rules: [{ type: "expression", priority: 1, formulae: ["$B3>30000"], style: {} }],
    });
    applyPlan(sheet, smallPlan("D3:G9")); // an earlier run over a longer table
    applyPlan(sheet, smallPlan());
    applyPlan(sheet, smallPlan());
    const formats = conditionalFormats(sheet);
    expect(formats.map((cf) => cf.ref)).toEqual(["B3:B5", "D3:G5"]);
    expect(formats[1].rules).toHaveLength(STATUS_RULES.length);
  });

  it("stores a text that starts with = as text, and the block survives a file round trip", async () => {
    const { workbook, sheet } = smallSheet();
    applyPlan(sheet, smallPlan());
    const back = (await roundTrip(workbook)).getWorksheet("S") as ExcelJS.Worksheet;
    expect(back.getCell("F4").type).toBe(ExcelJS.ValueType.String);
    expect(back.getCell("F4").value).toBe("=1+1");
    expect(back.getCell("D3").value).toBe(0.4146);
    expect(back.getCell("D3").numFmt).toBe("0.00%");
    const formats = conditionalFormats(back);
    expect(formats).toHaveLength(1);
    expect(formats[0].ref).toBe("D3:G5");
    expect(formats[0].rules[3].formulae).toEqual(['$F3="Chậm tiến độ"']);
    // Applied again to what was read back: still one block.
    applyPlan(back, smallPlan());
    expect(conditionalFormats(back)).toHaveLength(1);
  });
});
