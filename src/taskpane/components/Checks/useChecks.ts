import { useMemo } from "react";
import type { Mismatch, TotalMismatch } from "../../../core/checks";
import type { Report } from "../../../core/engine";
import { en } from "../../../core/messages/en";
import { vi } from "../../../core/messages/vi";
import { CHECK_CODES, renderProblem } from "../../../core/problems";
import type { PaneMessages } from "../../messages";

export interface MismatchItem extends Mismatch {
  row: number;
  name: string;
  unit: string;
  decimals: number;
}

export interface ProblemItem {
  row: number;
  name: string;
  texts: string[];
}

export interface Checks {
  mismatches: MismatchItem[];
  totals: (TotalMismatch & { name: string })[];
  problems: ProblemItem[];
}

const WORDING = { vi, en };

/**
 * What a reviewer should look at: figures that do not add up, then each row's notes,
 * worded in the pane's language from their codes.
 */
export function useChecks(report: Report, m: PaneMessages): Checks {
  const wording = WORDING[m.language];
  return useMemo(() => {
    const names = new Map(report.rows.map((row) => [row.row, row.name]));
    const mismatches: MismatchItem[] = [];
    const problems: ProblemItem[] = [];
    for (const row of report.rows) {
      for (const mismatch of row.mismatches)
        mismatches.push({
          ...mismatch,
          row: row.row,
          name: row.name,
          unit: row.unit,
          decimals: row.decimals,
        });
      if (row.problems.length === 0) continue;
      // Each mismatch is also a problem of its row; the tables above already show those.
      const texts = row.problems
        .filter((problem) => !CHECK_CODES.has(problem.code))
        .map((problem) => renderProblem(problem, wording));
      if (texts.length > 0) problems.push({ row: row.row, name: row.name, texts });
    }
    const totals = report.totals.map((total) => ({ ...total, name: names.get(total.row) ?? "" }));
    return { mismatches, totals, problems };
  }, [report, wording]);
}
