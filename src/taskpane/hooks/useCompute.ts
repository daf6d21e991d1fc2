import { useCallback, useState } from "react";
import type { ComputeOptions, Report } from "../../core/engine";
import type { WorkbookHost } from "../../core/host";
import type { JobPhase, WorkbookReport } from "../../core/job";
import type { Failure } from "../lib/errors";
import { loadEngine } from "./useEngine";

export type ComputePhase = JobPhase;

export interface ComputeResult {
  /** What the drafts are made from: every sheet computed. */
  workbook: WorkbookReport;
  /** The chosen sheet's report, which the pane shows. */
  report: Report;
  /** True only once the host confirmed the write: the pane never claims more. */
  written: boolean;
  /** The sheet and options it was computed with, to tell when it is out of date. */
  inputs: string;
}

export interface ComputeState {
  phase: ComputePhase | null;
  result: ComputeResult | null;
  failure: Failure | null;
  run(sheet: string, options: ComputeOptions): Promise<void>;
}

/** A compute's sheet and options as one comparable key. */
export function computeInputs(sheet: string | null, options: ComputeOptions): string {
  return JSON.stringify([
    sheet,
    options.months ?? null,
    options.tolerance ?? null,
    options.columns ?? {},
  ]);
}

/** Lets the spinner paint before the synchronous engine takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const STAGE: Record<JobPhase, Failure["stage"]> = {
  reading: "read",
  computing: "compute",
  writing: "write",
};

/** Step 3: the workbook job on the chosen sheet (read afresh, compute, write), each step reported. */
export function useCompute(host: WorkbookHost): ComputeState {
  const [phase, setPhase] = useState<ComputePhase | null>(null);
  const [result, setResult] = useState<ComputeResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = useCallback(
    async (sheet: string, options: ComputeOptions) => {
      setFailure(null);
      setResult(null);
      const inputs = computeInputs(sheet, options);
      let stage: Failure["stage"] = "read";
      try {
        setPhase("reading");
        const { runWorkbookJob, workbookReport } = await loadEngine();
        const workbook = await runWorkbookJob(
          host,
          {
            months: options.months,
            tolerance: options.tolerance,
            columns: { [sheet]: options.columns },
            sheets: [sheet],
          },
          {
            onPhase: async (next) => {
              stage = STAGE[next];
              setPhase(next);
              if (next === "computing") await nextFrame();
            },
            // Shown before the write, so a failed write still leaves the figures to read.
            onReport: (report) =>
              setResult({ workbook: workbookReport([report]), report, written: false, inputs }),
          }
        );
        setResult({ workbook, report: workbook.sheets[0], written: true, inputs });
      } catch (error) {
        setFailure({ stage, error, sheet });
      } finally {
        setPhase(null);
      }
    },
    [host]
  );

  return { phase, result, failure, run };
}
