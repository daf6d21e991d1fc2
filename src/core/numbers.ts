/**
 * Reading the figures of indicator workbooks: JS numbers, and text in
 * Vietnamese (`4.874,53`), English (`4,874.53`) or mixed style, with percent signs,
 * bounds in words (`dưới 2%`), ranges (`8,5 - 9%`) and fractions (`85/85`).
 * Pure: no host, no Intl locale data.
 *
 * The entry points for a cell live here; each rule lives in `numbers/`: a figure's
 * separators (`figure`), a text around it (`parseText`, `bounds`), a number format code
 * (`excelFormat`) and a column's style (`style`).
 */
import { BoundedCache } from "./boundedCache";
import { parseJsNumber } from "./numbers/excelFormat";
import { EMPTY, parseText } from "./numbers/parseText";
import type { CellValue, NotANumber, NumberStyle, ParsedNumber } from "./types";

/** Adds one cell's evidence to a style score. */
export { addStyleScore } from "./numbers/style";

/**
 * Texts already read, per style. The same cell text is read by the engine, then again by
 * every sentence of a draft that quotes it; a copy is handed out so no caller can change
 * what the next one gets. Cleared when full.
 */
// Small on purpose: the repeats are a row's sentences, close together, not the whole sheet.
const PARSED: Record<NumberStyle, BoundedCache<string, ParsedNumber | NotANumber>> = {
  vi: new BoundedCache(4096),
  en: new BoundedCache(4096),
};

/** The remembered reading of a text, shared: the caller must not change it. */
function parseTextShared(raw: string, style: NumberStyle): ParsedNumber | NotANumber {
  const cache = PARSED[style];
  return cache.get(raw) ?? cache.set(raw, parseText(raw, style));
}

function parseTextOnce(raw: string, style: NumberStyle): ParsedNumber | NotANumber {
  const parsed = parseTextShared(raw, style);
  if (parsed === EMPTY) return EMPTY;
  if ("fraction" in parsed && parsed.fraction)
    return { ...parsed, fraction: { ...parsed.fraction } };
  return { ...parsed };
}

/**
 * Reads a cell as a number; never throws.
 * @example parseNumber("4.874,53") // { value: 4874.53, decimals: 2, percent: false }
 */
export function parseNumber(
  raw: CellValue,
  options?: { style?: NumberStyle; numberFormat?: string | null }
): ParsedNumber | NotANumber {
  return parse(raw, options, parseTextOnce);
}

/**
 * `parseNumber` for a caller that only reads the result (a draft quoting a cell): the
 * reading is shared with the next caller of the same text, so it is not copied.
 */
export function readNumber(
  raw: CellValue,
  options?: { style?: NumberStyle; numberFormat?: string | null }
): Readonly<ParsedNumber> | NotANumber {
  return parse(raw, options, parseTextShared);
}

/**
 * `parseNumber` for the engine's single pass over a sheet: each cell is read once, so
 * remembering it would only cost (the drafts' later readings of the same texts do). The
 * result is always a new object, the caller's to complete.
 */
export function parseCell(
  raw: CellValue,
  style?: NumberStyle,
  numberFormat?: string | null
): ParsedNumber | NotANumber {
  return parseWith(raw, style, numberFormat, parseText);
}

function parse(
  raw: CellValue,
  options: { style?: NumberStyle; numberFormat?: string | null } | undefined,
  text: (raw: string, style: NumberStyle) => ParsedNumber | NotANumber
): ParsedNumber | NotANumber {
  return parseWith(raw, options?.style, options?.numberFormat, text);
}

function parseWith(
  raw: CellValue,
  style: NumberStyle | undefined,
  numberFormat: string | null | undefined,
  text: (raw: string, style: NumberStyle) => ParsedNumber | NotANumber
): ParsedNumber | NotANumber {
  try {
    if (raw === null || raw === undefined) return EMPTY;
    if (typeof raw === "number") return parseJsNumber(raw, numberFormat);
    if (typeof raw === "string") return text(raw, style === "en" ? "en" : "vi");
    return { reason: "text", text: String(raw) };
  } catch {
    // Only reachable with inputs outside CellValue (e.g. objects from untyped callers).
    return { reason: "text", text: "" };
  }
}

/**
 * True when the parse produced a number.
 * @example isNumber(parseNumber("45")) // true
 */
export function isNumber(x: Readonly<ParsedNumber> | NotANumber): x is Readonly<ParsedNumber> {
  return "value" in x;
}

export { decimalsOf } from "./numbers/excelFormat";
export {
  detectStyle,
  emptyStyleScore,
  styleEvidence,
  styleOfScore,
  styleScore,
  type StyleScore,
} from "./numbers/style";
// Writing figures (docs/rules.md §4) lives in format.ts; these names are read from here too.
export { formatNumber, formatPercent, roundTo } from "./format";
