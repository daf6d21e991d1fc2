import { ColumnRole, COLUMN_ROLES } from "../../core/columns";
import type { ComputeOptions } from "../../core/engine";
import type { StoredSettings } from "../../core/host";

/**
 * The 1-based number of a column letter; null for anything else.
 * @example columnNumber("AB") // 28
 */
export function columnNumber(letter: string): number | null {
  const text = letter.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return null;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The corrections saved for a sheet (letters) as the engine's `columns` option (numbers). */
export function savedCorrections(
  settings: StoredSettings,
  sheet: string | null
): NonNullable<ComputeOptions["columns"]> {
  const saved = sheet === null ? undefined : settings.columns?.[sheet];
  const columns: NonNullable<ComputeOptions["columns"]> = {};
  if (!saved) return columns;
  for (const role of COLUMN_ROLES) {
    const letter = saved[role];
    const col = letter === undefined ? null : columnNumber(letter);
    if (col !== null) columns[role] = col;
  }
  return columns;
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
