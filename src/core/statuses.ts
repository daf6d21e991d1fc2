/*
 * The statuses of docs/rules.md §2 and the groups the drafts and the pane use, in one
 * place. No imports: the pane's first screen reads this list without loading the engine.
 */

/** Best first, as the plan's sections read. */
export const STATUSES = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "no_data",
  "qualitative",
] as const;

/** A row's status, from the arithmetic and never from colour. */
export type RowStatus = (typeof STATUSES)[number];

/** Rows the plan lists as done (section I). */
export const DONE: ReadonlySet<RowStatus> = new Set<RowStatus>([
  "achieved",
  "on_track",
  "qualitative",
]);

/** Rows the plan assigns (section II) and the pane lists as lagging. */
export const LAGGING: ReadonlySet<RowStatus> = new Set<RowStatus>([
  "at_risk",
  "off_track",
  "no_data",
]);

/** A sheet's or a workbook's rows by status, and its mismatches. */
export type Summary = Record<RowStatus, number> & { mismatches: number };

/** `emptySummary()` // every status at 0, mismatches at 0 */
export function emptySummary(): Summary {
  const summary = {} as Summary;
  for (const status of STATUSES) summary[status] = 0;
  summary.mismatches = 0;
  return summary;
}
