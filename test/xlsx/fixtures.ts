import ExcelJS from "exceljs";
import { ownHeader, STATUS_RULES, WritePlan } from "../../src/core/writePlan";

/*
 * The small sheet and plan both sheet writers are tested on: the exceljs host's
 * (sheet.test.ts) and the XML patch's (ooxmlPatch.test.ts), so the two are held to the
 * same cells.
 */

/** A plan for rows 3..5 of a small sheet, result columns D:G, status in F. */
export function smallPlan(range = "D3:G5"): WritePlan {
  const column = (
    key: WritePlan["columns"][number]["key"],
    col: number,
    values: (string | number | null)[]
  ) => ({
    key,
    col,
    letter: "DEFG"[col - 4],
    header: ownHeader(key),
    values,
  });
  return {
    sheet: "S",
    headerRow: 2,
    firstRow: 3,
    lastRow: 5,
    columns: [
      column("achievement", 4, [0.4146, null, 1.25]),
      column("remaining", 5, [19904, null, -0.5]),
      column("status", 6, ["Có nguy cơ không đạt", "=1+1", "Đã đạt/vượt"]),
      column("forecast", 7, [28192, null, 8]),
    ],
    numberFormats: [
      { col: 4, from: 3, to: 5, format: "0.00%" },
      { col: 5, from: 3, to: 4, format: "#,##0" },
      { col: 5, from: 5, to: 5, format: "#,##0.0" },
      { col: 7, from: 3, to: 5, format: "#,##0" },
    ],
    conditional: { range, statusColumn: "$F", firstRow: 3, rules: [...STATUS_RULES] },
  };
}

/** Sheet "S" of a new workbook: headers in row 2 (A:C), one indicator in row 3. */
export function smallSheet(): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("S");
  sheet.getCell("A2").value = "Chỉ tiêu";
  sheet.getCell("B2").value = "Kế hoạch";
  sheet.getCell("C2").value = "Thực hiện";
  sheet.getCell("A3").value = "Tổng vốn đầu tư";
  sheet.getCell("B3").value = 34000;
  sheet.getCell("C3").value = 14096;
  return { workbook, sheet };
}
