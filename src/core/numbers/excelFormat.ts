/**
 * Cells Excel holds as JS numbers: the decimals and percent scaling their number format
 * code shows (`0.00%`, `#.##0,00`), so `0.3725` under `0.00%` reads as 37,25%.
 */
import { BoundedCache } from "../boundedCache";
import type { NotANumber, ParsedNumber } from "../types";

/** What a format code says of the figure it shows. */
interface FormatInfo {
  /** Shown ×100 with a percent sign. */
  percent: boolean;
  /** Decimal places always shown (`0.00` → 2); null for a format with no digit placeholder. */
  fixed: number | null;
  /** Decimal places shown only when not zero (`0.0##` → 2). */
  optional: number;
}

/** A sheet uses a handful of formats over thousands of cells: each is read once. */
const FORMATS = new BoundedCache<string, FormatInfo>(1000);

function readFormat(format: string | null | undefined): FormatInfo {
  const key = format ?? "";
  return FORMATS.get(key) ?? FORMATS.set(key, parseFormat(key));
}

/** Fixed and optional decimal places and percent scaling of an Excel number format (`0.00%`). */
function parseFormat(format: string | null | undefined): FormatInfo {
  const section = (format ?? "").split(";")[0];
  // Quoted text, [colour]/[locale] tags and escaped characters are not placeholders.
  const code = section.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  const percent = code.includes("%");
  if (!/[0#?]/.test(code)) return { percent, fixed: null, optional: 0 };
  // A format written with the Vietnamese marks (`#.##0,00`) has its decimal mark last.
  const at =
    code.includes(".") && code.includes(",")
      ? Math.max(code.lastIndexOf("."), code.lastIndexOf(","))
      : code.indexOf(".");
  if (at < 0) return { percent, fixed: 0, optional: 0 };
  const tail = code.slice(at + 1);
  const fixed = (/^0*/.exec(tail) ?? [""])[0].length;
  const optional = (/^[#?]*/.exec(tail.slice(fixed)) ?? [""])[0].length;
  return { percent, fixed, optional };
}

/**
 * Reads a JS number as its format shows it: scaled by 100 under a percent format, with the
 * decimals the format allows. Not finite: an error, as Excel shows it.
 * @example parseJsNumber(0.3725, "0.00%") // { value: 37.25, decimals: 2, percent: true }
 */
export function parseJsNumber(
  raw: number,
  numberFormat: string | null | undefined
): ParsedNumber | NotANumber {
  if (!Number.isFinite(raw)) return { reason: "error", text: String(raw) };
  const format = readFormat(numberFormat);
  // ×100 leaves float noise (0.57*100 = 56.99999…); 15 significant digits remove it.
  const value = format.percent ? Number((raw * 100).toPrecision(15)) : raw;
  if (!Number.isFinite(value)) return { reason: "error", text: String(raw) };
  const shortest = decimalsOf(value);
  const decimals =
    format.fixed === null
      ? shortest
      : Math.min(Math.max(shortest, format.fixed), format.fixed + format.optional);
  return { value: value === 0 ? 0 : value, decimals, percent: format.percent };
}

/**
 * Digits after the point in the shortest representation of a number.
 * @example decimalsOf(53.03) // 2
 */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  // Rounding an integer to 12 digits leaves an integer: nothing after the point.
  if (Number.isInteger(value)) return 0;
  // 12 significant digits drop float noise such as 0.1 + 0.2 = 0.30000000000000004.
  const text = String(Number(value.toPrecision(12)));
  // `-12.345` or `1.5e-7`: the digits after the point, less the exponent.
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text.length : e;
  const point = text.indexOf(".");
  const digits = point < 0 || point > mantissa ? 0 : mantissa - point - 1;
  return Math.max(0, digits - (e < 0 ? 0 : Number(text.slice(e + 1))));
}
