import type { ColumnRole } from "../../core/columns";
import type { StoredSettings } from "../../core/host";

export { savedCorrections } from "../../core/job";
export { parseColumn as columnNumber } from "../../core/text";

/** Settings with one more correction for a sheet. */
export function withCorrection(
  settings: StoredSettings,
  sheet: string,
  role: ColumnRole,
  letter: string
): NonNullable<StoredSettings["columns"]> {
  const all = settings.columns ?? {};
  return { ...all, [sheet]: { ...(all[sheet] ?? {}), [role]: letter } };
}
