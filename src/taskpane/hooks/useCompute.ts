import { useCallback, useState } from "react";
import type { Report } from "../../core/engine";
import type { StoredSettings, WorkbookHost, WriteReceipt } from "../../core/host";
import type { JobHost, JobPhase, WorkbookReport } from "../../core/job";
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
}

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

  const run = useCallback(
    async (sheets: readonly string[], options: PaneComputeOptions) => {
      setFailure(null);
      setResult(null);
      const inputs = computeInputs(sheets, options);
      let stage: Failure["stage"] = "read";
      let current = sheets[0];
      const shown: Report[] = [];
      const plans: WritePlan[] = [];
      let receipt: WriteReceipt | null = null;
      // The host, noting where each sheet's results go and how they are taken back.
      const noting: JobHost = {
        sheets: () => host.sheets(),
        readSheet: (name) => host.readSheet(name),
        writePlans: async (written) => {
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
        const { runWorkbookJob, workbookReport, savedCorrections } = await loadEngine();
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
              if (next === "computing") await nextFrame();
            },
            // Shown before the write, so a failed write still leaves the figures to read.
            onReport: (report) => {
              shown.push(report);
              setResult(unwritten(workbookReport([...shown])));
            },
          }
        );
        const undo = (receipt as WriteReceipt | null)?.undo ?? "clear";
        setResult({ ...unwritten(workbook), written: true, undo });
        // Excel (or the grid) shows where the results went: the first result cell. Only a
        // convenience: the results are written whether or not the selection succeeds.
        const first = plans[0];
        if (first?.columns[0])
          await host
            .selectRow(first.sheet, first.firstRow, `${first.columns[0].letter}${first.firstRow}`)
            .catch(() => undefined);
      } catch (error) {
        setFailure({ stage, error, sheet: current });
      } finally {
        setPhase(null);
      }
    },
    [host]
  );

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

  return { phase, result, failure, run, clear };
}
