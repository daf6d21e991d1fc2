/// <reference types="office-js" />
import type { WorkbookHost } from "../core/host";

/**
 * The Excel host, once Office is ready. The pane renders before that (Office.onReady waits
 * for the host's own scripts, which the first screen does not need); nothing touches
 * `Office.context` or `Excel`, and the adapter is not even loaded, until Office says so.
 */
export async function excelHost(): Promise<WorkbookHost> {
  if (typeof Office !== "undefined") await Office.onReady();
  // The chunk the pane loads after its first render (see components/lazy.tsx).
  const { createExcelHost, officeRun } = await import(
    /* webpackChunkName: "later" */ "../excel/host"
  );
  const office = typeof Office === "undefined" ? undefined : Office;
  return createExcelHost({
    run: officeRun,
    settings: office?.context?.document?.settings,
    // Where Office cannot say, the adapter does not guess that Excel is too old.
    isSetSupported: office?.context?.requirements
      ? (name, version) => office.context.requirements.isSetSupported(name, version)
      : undefined,
  });
}

/** A host whose every call waits for `ready`, then goes to the host it resolved to. */
export function hostWhenReady(ready: Promise<WorkbookHost>): WorkbookHost {
  // A failure reaches each call's caller; it is not also an unhandled rejection.
  ready.catch(() => undefined);
  return {
    sheets: () => ready.then((host) => host.sheets()),
    readSheet: (name) => ready.then((host) => host.readSheet(name)),
    writePlans: (plans) => ready.then((host) => host.writePlans(plans)),
    clearResults: () => ready.then((host) => host.clearResults()),
    writeDraft: (lines, sheetName) => ready.then((host) => host.writeDraft(lines, sheetName)),
    selectRow: (sheet, row, cell) => ready.then((host) => host.selectRow(sheet, row, cell)),
    loadSettings: () => ready.then((host) => host.loadSettings()),
    saveSettings: (settings) => ready.then((host) => host.saveSettings(settings)),
  };
}
