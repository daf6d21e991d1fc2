import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { excelHost, hostWhenReady } from "./officeHost";

// Created once, at load: Office.onReady is asked as early as possible, and the first render
// does not wait for it (the host's calls do).
const host = hostWhenReady(excelHost());

const container = document.getElementById("container");
// taskpane.html's ES5 check already wrote why this webview cannot run the pane.
if (container !== null && container.getAttribute("data-unsupported") !== "true") {
  const root = createRoot(container);
  // The first screen renders now, in this script's task, rather than in a later one queued
  // behind office.js's own start-up work, which it does not need.
  flushSync(() => root.render(<App host={host} />));
}
