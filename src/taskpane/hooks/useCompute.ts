import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { Report } from "../../core/engine";
import type { StoredSettings, WorkbookHost, WriteReceipt } from "../../core/host";
import type { JobHost, JobPhase, SheetComputer, WorkbookReport } from "../../core/job";
import type { EngineWorker } from "../worker/start";
import { CancelledError } from "../worker/protocol";
import type { WritePlan } from "../../core/writePlan";
import type { Failure } from "../lib/errors";
import { loadEngine } from "./useEngine";

/** A step of the job, or "Xoá kết quả" putting the columns back. */
export type ComputePhase = JobPhase | "clearing";

export interface ComputeResult {
  /** Every sheet computed, which the pane shows and the drafts are made from. */
  workbook: WorkbookReport;
  /** True only once the host confirmed the write: the pane never claims more. */
  written: boolean;
  /** How the write is taken back: Ctrl+Z in Excel, or "Xoá kết quả"; null before the write. */
  undo: WriteReceipt["undo"] | null;
  /** The write was taken back with "Xoá kết quả": the figures stay in the pane only. */
  cleared: boolean;
  /** The sheets and options it was computed with, to tell when it is out of date. */
  inputs: string;
}

/** The pane's choices: period and band; the settings hold each sheet's corrected columns. */
export interface PaneComputeOptions {
  months?: number;
  tolerance?: number;
  settings: StoredSettings;
}

export interface ComputeState {
  phase: ComputePhase | null;
  result: ComputeResult | null;
  failure: Failure | null;
  /** Computes these sheets: the whole workbook, or the one the user narrowed it to. */
  run(sheets: readonly string[], options: PaneComputeOptions): Promise<void>;
  /** "Xoá kết quả": puts back what the last compute's columns held. */
  clear(): Promise<void>;
  /** Stops a compute before its write: the workbook is left as it was. */
  cancel(): void;
  /** The last compute was cancelled by the user. */
  cancelled: boolean;
}

/**
 * The engine's worker where the webview has workers; null where it has none (or it would
 * not start), and the job then computes in the page.
 */
async function engineWorker(): Promise<EngineWorker | null> {
  if (typeof Worker === "undefined") return null;
  try {
    const { startEngineWorker } = await import(/* webpackChunkName: "later" */ "../worker/start");
    return startEngineWorker();
  } catch {
    return null;
  }
}

const isCancelled = (error: unknown): boolean => error instanceof CancelledError;

/** A compute's sheets and options as one comparable key. */
export function computeInputs(sheets: readonly string[], options: PaneComputeOptions): string {
  return JSON.stringify([
    sheets,
    options.months ?? null,
    options.tolerance ?? null,
    options.settings.columns ?? {},
  ]);
}

/** Lets the spinner paint before the synchronous engine takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const STAGE: Record<JobPhase, Failure["stage"]> = {
  reading: "read",
  computing: "compute",
  writing: "write",
};

/**
 * The workbook job on the chosen sheets (each read afresh, computed, written), each step
 * reported; a sheet's figures show as soon as it is computed, before its write.
 */
export function useCompute(host: WorkbookHost): ComputeState {
  const [phase, setPhase] = useState<ComputePhase | null>(null);
  const [result, setResult] = useState<ComputeResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [cancelled, setCancelled] = useState(false);
  /** The worker, started on the first compute and kept for the next; dropped on cancel. */
  const worker = useRef<Promise<EngineWorker | null> | null>(null);
  /** Set by "Huỷ": the job stops at its next step, before anything is written. */
  const stop = useRef(false);

  const run = useCallback(
    async (sheets: readonly string[], options: PaneComputeOptions) => {
      setFailure(null);
      setResult(null);
      setCancelled(false);
      stop.current = false;
      const check = () => {
        if (stop.current) throw new CancelledError();
      };
      const inputs = computeInputs(sheets, options);
      let stage: Failure["stage"] = "read";
      let current = sheets[0];
      const shown: Report[] = [];
      const plans: WritePlan[] = [];
      let receipt: WriteReceipt | null = null;
      // The host, noting where each sheet's results go and how they are taken back.
      const noting: JobHost = {
        sheets: () => host.sheets(),
        readSheet: async (name) => {
          check();
          return host.readSheet(name);
        },
        writePlans: async (written) => {
          check();
          receipt = await host.writePlans(written);
          plans.push(...written);
        },
      };
      const unwritten = (workbook: WorkbookReport): ComputeResult => ({
        workbook,
        written: false,
        undo: null,
        cleared: false,
        inputs,
      });
      try {
        setPhase("reading");
        worker.current ??= engineWorker();
        const [{ runWorkbookJob, workbookReport, savedCorrections, computeSheet }, engine] =
          await Promise.all([loadEngine(), worker.current]);
        const inWorker = engine?.compute;
        const compute: SheetComputer | undefined =
          inWorker &&
          (async (table, sheetOptions) => {
            check();
            try {
              return await inWorker(table, sheetOptions);
            } catch (error) {
              if (isCancelled(error)) throw error;
              // A worker that broke (its script did not load…): this sheet in the page, and
              // the next compute tries a new worker.
              worker.current = null;
              return computeSheet(table, sheetOptions);
            }
          });
        // Each sheet's corrected columns, read where the engine is: the first screen does
        // not load it for them.
        const columns = Object.fromEntries(
          sheets.map((name) => [name, savedCorrections(options.settings, name)])
        );
        const workbook = await runWorkbookJob(
          noting,
          {
            months: options.months,
            tolerance: options.tolerance,
            columns,
            // Named, so that the job does not list the sheets again (a round trip less).
            sheets,
          },
          {
            onPhase: async (next, sheet) => {
              stage = STAGE[next];
              current = sheet;
              setPhase(next);
              // Lets the pane paint its step first: the engine (or the write) takes the thread.
              if (next !== "reading") await nextFrame();
            },
            compute,
            // Shown before the write, so a failed write still leaves the figures to read.
            // A transition: React draws the answer in slices the page can answer between.
            onReport: (report) => {
              shown.push(report);
              startTransition(() => setResult(unwritten(workbookReport([...shown]))));
            },
          }
        );
        const undo = (receipt as WriteReceipt | null)?.undo ?? "clear";
        // Not a transition: it must land with the end of the busy state, or the pane would
        // say "not written" for a moment after a write that succeeded.
        setResult({ ...unwritten(workbook), written: true, undo });
        // Excel (or the grid) shows where the results went: the first result cell. Only a
        // convenience: the results are written whether or not the selection succeeds.
        const first = plans[0];
        if (first?.columns[0])
          await host
            .selectRow(first.sheet, first.firstRow, `${first.columns[0].letter}${first.firstRow}`)
            .catch(() => undefined);
      } catch (error) {
        if (isCancelled(error)) {
          // Nothing was written: the writes come after every sheet is computed.
          setResult(null);
          setCancelled(true);
        } else setFailure({ stage, error, sheet: current });
      } finally {
        setPhase(null);
      }
    },
    [host]
  );

  // A pane closed (or the playground opening another file) stops its worker.
  useEffect(
    () => () => {
      stop.current = true;
      void worker.current?.then((engine) => engine?.cancel());
    },
    []
  );

  const cancel = useCallback(() => {
    stop.current = true;
    const running = worker.current;
    worker.current = null;
    void running?.then((engine) => engine?.cancel());
  }, []);

  const clear = useCallback(async () => {
    setFailure(null);
    setPhase("clearing");
    try {
      if (await host.clearResults())
        setResult((was) => was && { ...was, written: false, undo: null, cleared: true });
    } catch (error) {
      setFailure({ stage: "clear", error });
    } finally {
      setPhase(null);
    }
  }, [host]);

  return { phase, result, failure, run, clear, cancel, cancelled };
}
