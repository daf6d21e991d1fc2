import { columnNumber } from "./text";
import { analyse, ComputeOptions, Report } from "./engine";
import { StoredSettings, WorkbookHost } from "./host";
import { planWrite } from "./writePlan";
import { ColumnRole } from "./columns";

/** Engine options from what the workbook keeps: period, band and the user's column corrections. */
export function optionsFromSettings(settings: StoredSettings, sheet: string): ComputeOptions {
  const letters = settings.columns?.[sheet] ?? {};
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, letter] of Object.entries(letters) as [ColumnRole, string | undefined][]) {
    if (letter) columns[role] = columnNumber(letter);
  }
  return { months: settings.months, tolerance: settings.tolerance, columns };
}

/**
 * The one-click job, whoever hosts it: read the sheet, compute, write the result columns.
 * Three round trips in Excel for a sheet under 5 MB (read, check, write).
 */
export async function computeAndWrite(host: WorkbookHost, sheet?: string): Promise<Report> {
  const stored = await host.loadSettings();
  const table = await host.readSheet(sheet);
  const { report, grid, header } = analyse(table, optionsFromSettings(stored, table.sheet));
  await host.writePlan(planWrite(grid, header, report));
  return report;
}
