import type { ColumnRole } from "../../core/columns";
import type { ComputeOptions } from "../../core/engine";
import type { StoredSettings } from "../../core/host";
import { optionsFromSettings } from "../../core/job";

export { parseColumn as columnNumber } from "../../core/text";

/** The corrections saved for a sheet (letters) as the engine's `columns` option (numbers). */
export function savedCorrections(
  settings: StoredSettings,
  sheet: string | null
): NonNullable<ComputeOptions["columns"]> {
  return (sheet === null ? undefined : optionsFromSettings(settings).columns?.[sheet]) ?? {};
}

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
