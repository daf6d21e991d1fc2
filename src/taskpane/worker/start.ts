import type { ReportRow } from "../../core/engine";
import type { ComputedSheet, SheetComputer } from "../../core/job";
import { CancelledError, ROWS_PER_MESSAGE, WorkerReply, WorkerRequest } from "./protocol";

export interface EngineWorker {
  compute: SheetComputer;
  /** Stops the worker at once; the sheet it was computing fails with CancelledError. */
  cancel(): void;
}

/**
 * Starts the engine's worker. Imported only where `Worker` exists (a browser, Excel's
 * webview): webpack turns `new URL(…, import.meta.url)` into the worker's own chunk, which
 * tsc and jest, compiling to CommonJS, cannot read.
 */
export function startEngineWorker(): EngineWorker {
  // webpack knows a worker by this very shape: `new Worker(new URL(…, import.meta.url))`.
  const worker = new Worker(
    // @ts-expect-error -- import.meta is for webpack; tsc checks this project as CommonJS.
    new URL("./engine.worker.ts", import.meta.url),
    { name: "chitieu-engine" }
  );
  const pending = new Map<number, { resolve(value: never): void; reject(error: Error): void }>();
  let next = 0;
  let stopped = false;
  /** Why the worker died (its script did not load, it threw at top level), once it has. */
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  /** Rows of each report received so far, put back into it when its result comes. */
  const rows = new Map<number, ReportRow[]>();
  // Each message is a task of its own: the rows are copied in many short ones.
  worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
    if (data.kind === "rows") {
      const got = rows.get(data.id) ?? [];
      for (const row of data.rows) got.push(row);
      rows.set(data.id, got);
      return;
    }
    const waiting = pending.get(data.id);
    const got = rows.get(data.id) ?? [];
    rows.delete(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    if (!data.ok)
      return waiting.reject(
        Object.assign(new Error(data.error.message), { name: data.error.name })
      );
    const { result } = data;
    waiting.resolve(
      (result.ok ? { ...result, report: { ...result.report, rows: got } } : result) as never
    );
  };
  const post = (request: WorkerRequest) => worker.postMessage(request);
  // A worker that failed is done with: its computes fail now and later ones at once, and
  // the pane starts another (or computes in the page) next time.
  const fail = (error: Error) => {
    broken = error;
    worker.terminate();
    failAll(error);
  };
  worker.onerror = (event) => fail(new Error(event.message || "the engine's worker failed"));
  worker.onmessageerror = () =>
    fail(new Error("a message from the engine's worker was unreadable"));
  return {
    compute: async (table, options) => {
      if (broken) throw broken;
      const id = ++next;
      const answer = new Promise<ComputedSheet>((resolve, reject) =>
        pending.set(id, { resolve: resolve as (value: never) => void, reject })
      );
      // Cancelled while its rows are still going, it is not awaited: no unhandled rejection.
      answer.catch(() => undefined);
      // Copying a message to the worker takes the page's thread: a 12.000-row sheet in one
      // message would be one long task, so its rows go in parts with a pause between.
      const { values, formats, ...rest } = table;
      for (let from = 0; from < values.length; from += ROWS_PER_MESSAGE) {
        if (stopped || broken) break;
        const to = from + ROWS_PER_MESSAGE;
        post({
          id,
          kind: "rows",
          values: values.slice(from, to),
          formats: formats?.slice(from, to) ?? null,
        });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (broken) throw broken;
      if (stopped) throw new CancelledError();
      post({ id, kind: "compute", table: rest, hasFormats: formats !== undefined, options });
      return answer;
    },
    cancel: () => {
      stopped = true;
      worker.terminate();
      failAll(new CancelledError());
    },
  };
}
