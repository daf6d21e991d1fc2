import type { ComputeOptions, ReportRow } from "../../core/engine";
import type { ComputedSheet } from "../../core/job";
import type { Table } from "../../core/types";

/**
 * A sheet to compute, numbered so that its answer finds its caller. Its rows go first, in
 * parts (`rows`), each a short task to copy; then the rest of the table and the options
 * (`compute`), which start the work.
 */
export type WorkerRequest =
  | {
      id: number;
      kind: "rows";
      values: Table["values"];
      formats: NonNullable<Table["formats"]> | null;
    }
  | {
      id: number;
      kind: "compute";
      table: Omit<Table, "values" | "formats">;
      hasFormats: boolean;
      options: ComputeOptions;
    };

/**
 * The sheet computed, or what was thrown (an Error's name and message: Errors do not clone).
 * A report's rows come first, in parts (`rows`): copying 12.000 of them into the page in
 * one message would be one long task there. The result then comes without them.
 */
export type WorkerReply =
  | { id: number; kind: "rows"; rows: ReportRow[] }
  | { id: number; kind: "done"; ok: true; result: ComputedSheet }
  | { id: number; kind: "done"; ok: false; error: { name: string; message: string } };

/** Rows copied between the page and the worker in one message: a few milliseconds of either thread. */
export const ROWS_PER_MESSAGE = 1000;

/** Thrown to the job when the user cancels a compute: nothing has been written yet. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}
