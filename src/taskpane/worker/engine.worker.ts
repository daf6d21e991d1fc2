/**
 * The engine off the page's main thread: a sheet of 12.000 rows takes it a few hundred
 * milliseconds, during which the pane would not repaint or answer a click. The worker
 * runs the same `computeSheet` the job runs in the page, over a copy of the snapshot.
 */
import { ComputedSheet, computeSheet } from "../../core/job";
import type { Table } from "../../core/types";
import { ROWS_PER_MESSAGE, WorkerReply, WorkerRequest } from "./protocol";

/** The worker's global scope, typed by what is used (the DOM and WebWorker libs clash). */
const scope = self as unknown as {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(reply: WorkerReply): void;
};

/** The rows received so far of each sheet being sent. */
const received = new Map<
  number,
  { values: Table["values"]; formats: NonNullable<Table["formats"]> }
>();

scope.onmessage = ({ data }) => {
  const { id } = data;
  const rows = received.get(id) ?? { values: [], formats: [] };
  received.set(id, rows);
  if (data.kind === "rows") {
    // A loop, not a spread: a part can be more rows than a call takes arguments.
    for (const line of data.values) rows.values.push(line);
    if (data.formats) for (const line of data.formats) rows.formats.push(line);
    return;
  }
  received.delete(id);
  const table: Table = {
    ...data.table,
    values: rows.values,
    ...(data.hasFormats ? { formats: rows.formats } : {}),
  };
  let result: ComputedSheet;
  try {
    result = computeSheet(table, data.options);
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    scope.postMessage({ id, kind: "done", ok: false, error: { name, message } });
    return;
  }
  if (!result.ok) return scope.postMessage({ id, kind: "done", ok: true, result });
  const done = result.report.rows;
  for (let from = 0; from < done.length; from += ROWS_PER_MESSAGE)
    scope.postMessage({ id, kind: "rows", rows: done.slice(from, from + ROWS_PER_MESSAGE) });
  scope.postMessage({
    id,
    kind: "done",
    ok: true,
    result: { ...result, report: { ...result.report, rows: [] } },
  });
};
