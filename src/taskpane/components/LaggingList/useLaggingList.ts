import { useMemo } from "react";
import type { Report, ReportRow } from "../../../core/engine";
import { LAGGING, STATUS_ORDER } from "../../lib/status";

/** Rows section II of the plan would assign: worst first, then in sheet order. */
export function useLaggingList(report: Report): ReportRow[] {
  return useMemo(
    () =>
      report.rows
        .filter((row) => LAGGING.has(row.status))
        .sort((a, b) => rank(b) - rank(a) || a.row - b.row),
    [report]
  );
}

function rank(row: ReportRow): number {
  // no_data is listed last: it asks for figures, not for effort.
  if (row.status === "no_data") return 0;
  return STATUS_ORDER.indexOf(row.status);
}
