/// <reference types="office-js" />
import { computeWorkbook, WorkbookReport } from "../core/job";
import { createExcelHost, officeRun } from "./host";

/** The host for the running Excel: Office.js's own run, settings and requirement check. */
export function officeHost() {
  return createExcelHost({
    run: officeRun,
    settings: Office.context.document.settings,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}

/** The ribbon's **Tính tiến độ**: computes every indicator sheet without opening the pane. */
export async function computeEverySheet(): Promise<WorkbookReport> {
  return computeWorkbook(officeHost());
}
