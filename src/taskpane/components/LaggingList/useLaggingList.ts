import { useMemo } from "react";
import type { Report, ReportRow } from "../../../core/engine";
import { LAGGING, STATUS_ORDER } from "../../lib/status";

/** A lagging row as the list shows it: a `trong đó` row names the row it belongs to. */
export interface LaggingEntry {
  row: ReportRow;
  /** For a `trong đó` row: its parent's name. */
  parent: string | null;
}

/** The lagging rows of one lead agency ("" when the sheet names none). */
export interface LaggingGroup {
  agency: string;
  entries: LaggingEntry[];
}

/**
 * The rows section II of the plan would assign, grouped as the plan groups them: by lead
 * agency in order of first appearance; in a group the worst first. A totals row is its
 * table's sum, not an indicator, and is left out; a `trong đó` row follows its parent.
 */
export function laggingGroups(report: Report): LaggingGroup[] {
  const groups = new Map<string, { first: number; units: Unit[] }>();
  for (const unit of units(report.rows)) {
    const entries = unit.members.filter((entry) => LAGGING.has(entry.row.status));
    if (entries.length === 0) continue;
    const agency = unit.members[0].row.agency.trim();
    let group = groups.get(agency);
    if (group === undefined) groups.set(agency, (group = { first: unit.first, units: [] }));
    group.units.push({ ...unit, members: entries });
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([agency, group]) => ({
      agency,
      entries: group.units
        .sort((a, b) => worst(b) - worst(a) || a.first - b.first)
        .flatMap((unit) => unit.members),
    }));
}

export function useLaggingList(report: Report): LaggingGroup[] {
  return useMemo(() => laggingGroups(report), [report]);
}

interface Unit {
  first: number;
  members: LaggingEntry[];
}

/** Each indicator with the `trong đó` rows right under it; totals rows left out. */
function units(rows: readonly ReportRow[]): Unit[] {
  const out: Unit[] = [];
  let current: Unit | null = null;
  for (const row of rows) {
    if (row.type === "total") {
      current = null;
      continue;
    }
    const head = current?.members[0].row;
    if (row.type === "sub" && head !== undefined && row.parentRow === head.row) {
      current?.members.push({ row, parent: head.name });
      continue;
    }
    current = { first: row.row, members: [{ row, parent: null }] };
    out.push(current);
  }
  return out;
}

function worst(unit: Unit): number {
  return Math.max(...unit.members.map((entry) => rank(entry.row)));
}

function rank(row: ReportRow): number {
  // no_data is listed last: it asks for figures, not for effort.
  if (row.status === "no_data") return 0;
  return STATUS_ORDER.indexOf(row.status);
}
