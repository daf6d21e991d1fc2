import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { analyse, ComputeOptions, Report, TableError } from "../core/engine";
import { vi } from "../core/messages/vi";
import { UsageError } from "./options";
import { planWrite } from "../core/writePlan";
import { applyPlan, tableFromWorksheet } from "../xlsx/sheet";

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await fs.access(file);
  } catch {
    throw new UsageError(vi.error.unreadableFile(file, "không có tệp này."));
  }
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new UsageError(vi.error.unreadableFile(file, "không phải tệp Excel (.xlsx) hợp lệ."));
  }
  return workbook;
}

/**
 * Computes one sheet of a workbook: the named one, or else the first sheet that holds
 * an indicator table. Returns the report and the sheet with the result columns applied.
 */
export function computeWorkbook(
  workbook: ExcelJS.Workbook,
  sheetName: string | undefined,
  options: ComputeOptions
): { report: Report; sheet: ExcelJS.Worksheet } {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new UsageError(vi.error.noHeader("(trống)"));
  const candidates = sheetName === undefined ? sheets : sheets.filter((s) => s.name === sheetName);
  if (candidates.length === 0)
    throw new UsageError(
      vi.error.missingSheet(
        sheetName ?? "",
        sheets.map((s) => s.name)
      )
    );
  for (const sheet of candidates) {
    try {
      const { report, grid, header } = analyse(tableFromWorksheet(sheet), options);
      applyPlan(sheet, planWrite(grid, header, report));
      return { report, sheet };
    } catch (error) {
      if (!(error instanceof TableError)) throw error;
    }
  }
  throw new UsageError(vi.error.noHeader(candidates[0].name));
}

export { applyPlan, parseRange, plainValue, tableFromWorksheet } from "../xlsx/sheet";
