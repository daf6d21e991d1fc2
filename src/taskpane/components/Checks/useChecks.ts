import { useMemo } from "react";
import type { Mismatch, TotalMismatch } from "../../../core/checks";
import type { Report } from "../../../core/engine";

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

/** What a reviewer should look at: figures that do not add up, then each row's notes. */
export function useChecks(report: Report): Checks {
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
      // The engine also words each mismatch as a problem naming its cell; the table above
      // already shows those, so only the other notes are listed here.
      const texts = row.problems.filter(
        (text) => !row.mismatches.some((mm) => text.includes(`ô ${mm.cell} `))
      );
      if (texts.length > 0) problems.push({ row: row.row, name: row.name, texts });
    }
    const totals = report.totals.map((total) => ({ ...total, name: names.get(total.row) ?? "" }));
    return { mismatches, totals, problems };
  }, [report]);
}
