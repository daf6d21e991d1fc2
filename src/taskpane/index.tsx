/// <reference types="office-js" />
import { createRoot } from "react-dom/client";
import { HostError, WorkbookHost } from "../core/host";
import { createExcelHost, ExcelRun } from "../excel/host";
import { App } from "./App";
import { vi } from "./messages/vi";

const run: ExcelRun = (batch) =>
  typeof Excel === "undefined"
    ? Promise.reject(new HostError("unsupported", vi.errors.noExcel))
    : Excel.run(batch);

/** The Excel host, guarded so that a page opened outside Excel fails in words, not in a blank pane. */
function excelHost(): WorkbookHost {
  const office = typeof Office === "undefined" ? undefined : Office;
  return createExcelHost({
    run,
    settings: office?.context?.document?.settings,
    // Where Office cannot say, the adapter does not guess that Excel is too old.
    isSetSupported: office?.context?.requirements
      ? (name, version) => office.context.requirements.isSetSupported(name, version)
      : undefined,
  });
}

function start(): void {
  const container = document.getElementById("container");
  // taskpane.html's ES5 check already wrote why this webview cannot run the pane.
  if (container === null || container.getAttribute("data-unsupported") === "true") return;
  createRoot(container).render(<App host={excelHost()} />);
}

if (typeof Office !== "undefined") {
  Office.onReady(() => start());
} else {
  start();
}
