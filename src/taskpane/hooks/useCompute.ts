import { useCallback, useState } from "react";
import type { ComputeOptions, Report } from "../../core/engine";
import type { WorkbookHost } from "../../core/host";
import type { Failure } from "../lib/errors";
import { loadEngine } from "./useEngine";

export type ComputePhase = "reading" | "computing" | "writing";

export interface ComputeResult {
  report: Report;
  /** True only once the host confirmed the write: the pane never claims more. */
  written: boolean;
}

export interface ComputeState {
  phase: ComputePhase | null;
  result: ComputeResult | null;
  failure: Failure | null;
  run(sheet: string, options: ComputeOptions): Promise<void>;
}

/** Lets the spinner paint before the synchronous engine takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Step 3: read the sheet afresh, compute, write the result columns; each step reported. */
export function useCompute(host: WorkbookHost): ComputeState {
  const [phase, setPhase] = useState<ComputePhase | null>(null);
  const [result, setResult] = useState<ComputeResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = useCallback(
    async (sheet: string, options: ComputeOptions) => {
      setFailure(null);
      setResult(null);
      let stage: Failure["stage"] = "read";
      try {
        setPhase("reading");
        const [table, { analyse, planWrite }] = await Promise.all([
          host.readSheet(sheet),
          loadEngine(),
        ]);
        stage = "compute";
        setPhase("computing");
        await nextFrame();
        const { report, grid, header } = analyse(table, options);
        setResult({ report, written: false });
        stage = "write";
        setPhase("writing");
        await host.writePlan(planWrite(grid, header, report));
        setResult({ report, written: true });
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
