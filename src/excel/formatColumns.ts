import { ColumnRole } from "../core/columns";
import { makeGrid } from "../core/grid";
import { findHeader } from "../core/headers";
import { FIGURE_ROLES } from "../core/figures";
import { Table } from "../core/types";

/**
 * The sheet columns whose number formats the engine needs: those the header of `table`
 * gives a figure role, and those the user gave one (`corrections`, which win over the
 * header), left to right. Null when `table` shows no header: then every format counts.
 * @example formatColumns(benchTable(10)) // [4, 5, 6, 7, 8, 9]: columns D to I
 */
export function formatColumns(
  table: Table,
  corrections: Partial<Record<ColumnRole, number>> = {}
): number[] | null {
  const header = findHeader(makeGrid(table));
  if (header === null) return null;
  const columns = new Set<number>();
  for (const role of FIGURE_ROLES) {
    const fromHeader = header.columns[role];
    const corrected = corrections[role];
    if (fromHeader !== undefined) columns.add(fromHeader);
    if (corrected !== undefined) columns.add(corrected);
  }
  return [...columns].sort((a, b) => a - b);
}
