/**
 * Goal 1: the pure engine and the drafts, from a Table to the report, the write plan and
 * both drafts as text, at 1.000, 10.000 and 100.000 indicator rows. Linear means the
 * 100.000-row time is at most 11 times the 10.000-row time.
 */
import { analyse } from "../../src/core/engine";
import { draft, renderText } from "../../src/core/draft";
import { Table } from "../../src/core/types";
import { planWrite } from "../../src/core/writePlan";
import { benchTable } from "./generate";
import { print, since, target } from "./report";

export const CORE_SIZES = [1000, 10000, 100000];

/** One full job on a table; returns the report's row count so nothing is optimised away. */
function job(table: Table): number {
  const { report, grid, header } = analyse(table);
  planWrite(grid, header, report);
  const text = renderText(draft(report)) + renderText(draft(report, { kind: "letter" }));
  return report.rows.length + (text.length > 0 ? 0 : 1);
}

/**
 * The fastest of a few runs: the machine is shared (tests, builds, browsers), and the
 * least disturbed run is the one that measures the code rather than its neighbours.
 */
function timeJob(table: Table, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    job(table);
    times.push(since(start));
  }
  return Math.min(...times);
}

export function benchCore(): void {
  // Warm the JIT on a small table so the first size is not charged for compilation.
  timeJob(benchTable(1000), 3);
  const times = new Map<number, number>();
  for (const size of CORE_SIZES) {
    const table = benchTable(size);
    const rows = job(table);
    if (rows !== size) throw new Error(`generator gave ${rows} indicator rows, not ${size}`);
    const ms = timeJob(table, size >= 100000 ? 3 : 7);
    times.set(size, ms);
    print(`core-compute-draft-ms-${size}`, ms);
  }
  const ratio = (times.get(100000) ?? 0) / (times.get(10000) ?? 1);
  print("core-compute-draft-ratio-100000-vs-10000", ratio);
  target("core-compute-draft-ratio-100000-vs-10000", ratio, 11);
}
