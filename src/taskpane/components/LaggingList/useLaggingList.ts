import { useMemo } from "react";
import type { Report, ReportRow } from "../../../core/engine";
import { groupsByLead, joinAgencies } from "../../../core/draft/plan";
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
 * agency (the plan's own grouping) in order of first appearance; in a group the worst
 * first. A totals row is its table's sum, not an indicator, and is left out; a `trong đó`
 * row follows its parent.
 */
export function laggingGroups(report: Report): LaggingGroup[] {
  const lagging: LaggingUnit[] = [];
  for (const unit of units(report.rows)) {
    const members = unit.members.filter((entry) => LAGGING.has(entry.row.status));
    // The rank is worked out once per unit, not in each of the sort's comparisons.
    if (members.length > 0) lagging.push({ head: unit.head, members, worst: worst(members) });
  }
  return groupsByLead(lagging, (unit) => unit.head).map(({ leads, items }) => ({
    agency: joinAgencies(leads),
    entries: items
      .sort((a, b) => b.worst - a.worst || a.head.row - b.head.row)
      .flatMap((unit) => unit.members),
  }));
}

export function useLaggingList(report: Report): LaggingGroup[] {
  return useMemo(() => laggingGroups(report), [report]);
}

interface Unit {
  /** The indicator row: its lead agency is the unit's, lagging or not. */
  head: ReportRow;
  members: LaggingEntry[];
}

/** A unit with lagging members, and the rank of its worst one. */
interface LaggingUnit extends Unit {
  worst: number;
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
    if (row.type === "sub" && current !== null && row.parentRow === current.head.row) {
      current.members.push({ row, parent: current.head.name });
      continue;
    }
    current = { head: row, members: [{ row, parent: null }] };
    out.push(current);
  }
  return out;
}

function worst(members: readonly LaggingEntry[]): number {
  let worst = -Infinity;
  for (const { row } of members) worst = Math.max(worst, rank(row));
  return worst;
}

function rank(row: ReportRow): number {
  // no_data is listed last: it asks for figures, not for effort.
  if (row.status === "no_data") return 0;
  return STATUS_ORDER.indexOf(row.status);
}
