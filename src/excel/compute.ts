/// <reference types="office-js" />
import { computeAndWrite } from "../core/flow";
import { createExcelHost } from "./host";

/** The host for the running Excel: Office.js's own run, settings and requirement check. */
export function officeHost() {
  return createExcelHost({
    run: (batch) => Excel.run(batch),
    settings: Office.context.document.settings,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}

/** The ribbon's **Tính tiến độ**: computes the active sheet without opening the pane. */
export async function computeActiveSheet(): Promise<void> {
  await computeAndWrite(officeHost());
}
