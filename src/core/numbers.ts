/**
 * Reading and writing the figures of indicator workbooks: JS numbers, and text in
 * Vietnamese (`4.874,53`), English (`4,874.53`) or mixed style, with percent signs,
 * bounds in words (`dưới 2%`), ranges (`8,5 - 9%`) and fractions (`85/85`).
 * Pure: no host, no Intl locale data.
 */
import type { CellValue, NotANumber, NumberStyle, ParsedNumber } from "./types";

type Bound = NonNullable<ParsedNumber["bound"]>;
type Mark = "." | ",";

/** How the separators of a figure (digits, `.` and `,` only) are laid out. */
type Layout =
  | { kind: "integer" }
  | { kind: "grouped"; group: Mark } // `1.234.567`
  | { kind: "decimal"; mark: Mark; strong: boolean } // strong: both separators present
  | { kind: "ambiguous"; sep: Mark }; // `6.220`: one separator, then 3 digits

const EMPTY: NotANumber = { reason: "empty" };
const PLACEHOLDERS = new Set(["-", "–", "—", "x", "X", "…", "...", "..", "_", "?"]);
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
]);
// Space groups (`34 000,5`) are tried first so they are not cut at the first space.
const BODY = String.raw`\d{1,3}(?: \d{3})+(?!\d)(?:[.,]\d+)?|\d[\d.,]*`;
// A sign counts only when it is not glued to a word (`COVID-19` is not negative).
const FIGURE = new RegExp(String.raw`(?:(?<![\p{L}\p{N}])([-+]))?(${BODY})`, "u");
const RANGE = new RegExp(String.raw`^\s*(?:[-–—~]|đến|den|tới)\s*([-+]?)(${BODY})(\s*%)?`, "iu");
const FRACTION = /^\s*\/\s*(\d+)/;
// Sticky: tested where the figure starts, without cutting the text there.
const DATE = /\d+\s*\/\s*\d+\s*\/\s*\d+|\d{1,2}-\d{1,2}-\d{2,4}(?!\d)/y;
// Checked in order against the folded words just before the figure: longer phrases first,
// so `không dưới` (ge) wins over `dưới` (lt) and `nhỏ hơn` (lt) over `hơn` (gt).
const WORD = String.raw`(?:^|[^a-z0-9])`;
const BOUND_RULES: [RegExp, Bound][] = [
  [new RegExp(`${WORD}(lon|cao) hon hoac bang$`), "ge"],
  [new RegExp(`${WORD}(nho|thap) hon hoac bang$`), "le"],
  [new RegExp(`${WORD}(khong duoi|toi thieu|it nhat)$`), "ge"],
  [new RegExp(`${WORD}(khong (vuot )?qua|toi da)$`), "le"],
  [new RegExp(`${WORD}((nho|it|thap|kem) hon|duoi)$`), "lt"],
  [new RegExp(`${WORD}(tren|hon)$`), "gt"],
  [/(>=|≥)$/, "ge"],
  [/(<=|≤)$/, "le"],
  [/<$/, "lt"],
  [/>$/, "gt"],
];

/** Lower-case, without diacritics, `đ` → `d`, single spaces: `Không Dưới` → `khong duoi`. */
function fold(text: string): string {
  if (text === "") return "";
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** `trimEndMarks("1.234,")` // "1.234": only a figure that ends in a mark is copied. */
function trimEndMarks(fig: string): string {
  const last = fig.charCodeAt(fig.length - 1);
  return last === 0x2e || last === 0x2c ? fig.replace(/[.,]+$/, "") : fig;
}

/** `1.234.567` with sep `.`: first group 1–3 digits, every other exactly 3. */
function validGroups(text: string, sep: Mark): boolean {
  const parts = text.split(sep);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

function layoutOf(fig: string): Layout | null {
  const lastDot = fig.lastIndexOf(".");
  const lastComma = fig.lastIndexOf(",");
  if (lastDot < 0 && lastComma < 0) return { kind: "integer" };
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the last one is the decimal mark and must occur once.
    const mark: Mark = lastDot > lastComma ? "." : ",";
    const at = fig.lastIndexOf(mark);
    if (fig.indexOf(mark) !== at || !validGroups(fig.slice(0, at), mark === "." ? "," : "."))
      return null;
    return { kind: "decimal", mark, strong: true };
  }
  const sep: Mark = lastDot >= 0 ? "." : ",";
  const parts = fig.split(sep);
  if (parts.length > 2) return validGroups(fig, sep) ? { kind: "grouped", group: sep } : null;
  const [whole, tail] = parts;
  // `0.500` or `1234.567` cannot be thousands groups, so the separator is decimal.
  if (tail.length !== 3 || whole === "0" || whole.length > 3)
    return { kind: "decimal", mark: sep, strong: false };
  return { kind: "ambiguous", sep };
}

/** Splits a figure into its integer and fraction digits, or null when the separators make no sense. */
function splitFigure(fig: string, style: NumberStyle): { whole: string; frac: string } | null {
  const spaced = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/.exec(fig);
  if (spaced) return { whole: spaced[1].replace(/ /g, ""), frac: spaced[2] ?? "" };
  const layout = layoutOf(fig);
  if (!layout) return null;
  let mark: Mark | null = null;
  if (layout.kind === "decimal") mark = layout.mark;
  if (layout.kind === "ambiguous" && layout.sep === (style === "en" ? "." : ",")) mark = layout.sep;
  const at = mark ? fig.lastIndexOf(mark) : fig.length;
  return { whole: fig.slice(0, at).replace(/[.,]/g, ""), frac: fig.slice(at + 1) };
}

/** Signed value and written decimals of a figure, or null. */
function readFigure(
  sign: string,
  fig: string,
  style: NumberStyle
): { value: number; decimals: number } | null {
  const parts = splitFigure(fig, style);
  if (!parts) return null;
  const abs = Number(`${parts.whole}.${parts.frac || "0"}`);
  if (!Number.isFinite(abs)) return null;
  return { value: sign === "-" && abs !== 0 ? -abs : abs, decimals: parts.frac.length };
}

function boundBefore(prefix: string): Bound | undefined {
  // Nothing before the figure, the common case: no rule matches an empty text.
  if (prefix === "") return undefined;
  const key = fold(prefix).replace(/[\s:]+$/, "");
  return BOUND_RULES.find(([re]) => re.test(key))?.[1];
}

/**
 * NFC of a text, skipped when every character is below U+0300: none of them decomposes
 * and none composes with another, so most figures (`4.874,53`) are returned as they are.
 */
function nfc(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x300) return text.normalize("NFC");
  }
  return text;
}

function parseText(raw: string, style: NumberStyle): ParsedNumber | NotANumber {
  const text = nfc(raw)
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .trim();
  if (text === "" || PLACEHOLDERS.has(text)) return EMPTY;
  // Every Excel error starts with `#`: other texts need no upper-cased copy.
  if (text.charCodeAt(0) === 0x23 && EXCEL_ERRORS.has(text.toUpperCase()))
    return { reason: "error", text };
  const work = text.includes("\u2212") ? text.replace(/\u2212/g, "-") : text;
  const m = FIGURE.exec(work);
  if (!m) return { reason: "text", text };
  const sign = m[1] ?? "";
  const fig = trimEndMarks(m[2]); // a trailing dot or comma ends the sentence
  const from = m.index + sign.length;
  DATE.lastIndex = from;
  if (DATE.test(work)) return { reason: "text", text };
  const prefix = work.slice(0, m.index);
  let rest = work.slice(from + fig.length);
  const prefixBound = boundBefore(prefix);

  const frac = FRACTION.exec(rest);
  if (frac && /^\d+$/.test(fig)) {
    const numerator = Number(fig);
    const result: ParsedNumber = {
      value: sign === "-" && numerator !== 0 ? -numerator : numerator,
      decimals: 0,
      percent: false,
    };
    result.fraction = { numerator, denominator: Number(frac[1]) };
    if (prefixBound) result.bound = prefixBound;
    return result;
  }

  const first = readFigure(sign, fig, style);
  if (!first) return { reason: "text", text };
  const result: ParsedNumber = {
    value: first.value,
    decimals: first.decimals,
    percent: /%\s*$/.test(prefix),
  };
  const pct = /^\s*%/.exec(rest);
  if (pct) {
    result.percent = true;
    rest = rest.slice(pct[0].length);
  }
  let bound = prefixBound;
  const range = RANGE.exec(rest);
  const upper = range ? readFigure(range[1], range[2].replace(/[.,]+$/, ""), style) : null;
  if (range && upper) {
    // A range is read as "at least its lower end".
    if (upper.value < result.value) Object.assign(result, upper);
    if (range[3]) result.percent = true;
    bound = bound ?? "ge";
    rest = rest.slice(range[0].length);
  }
  const after = fold(rest);
  if (/^tro ?len/.test(after)) bound = "ge";
  else if (/^tro ?xuong/.test(after)) bound = "le";
  if (bound) result.bound = bound;
  return result;
}

interface FormatInfo {
  percent: boolean;
  fixed: number | null;
  optional: number;
}

/** A sheet uses a handful of formats over thousands of cells: each is read once. */
const FORMATS = new Map<string, FormatInfo>();

function readFormat(format: string | null | undefined): FormatInfo {
  const key = format ?? "";
  let info = FORMATS.get(key);
  if (info === undefined) {
    info = parseFormat(key);
    // Bounded, so a workbook of odd formats cannot grow it without end.
    if (FORMATS.size > 1000) FORMATS.clear();
    FORMATS.set(key, info);
  }
  return info;
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

function parseJsNumber(
  raw: number,
  numberFormat: string | null | undefined
): ParsedNumber | NotANumber {
  if (!Number.isFinite(raw)) return { reason: "error", text: String(raw) };
  const format = readFormat(numberFormat);
  // ×100 leaves float noise (0.4146*100 = 41.459999…); 15 significant digits remove it.
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
 * Texts already read, per style. The same cell text is read by the engine, then again by
 * every sentence of a draft that quotes it; a copy is handed out so no caller can change
 * what the next one gets. Cleared when full.
 */
const PARSED: Record<NumberStyle, Map<string, ParsedNumber | NotANumber>> = {
  vi: new Map(),
  en: new Map(),
};
// Small on purpose: the repeats are a row's sentences, close together, not the whole sheet.
const PARSED_LIMIT = 4096;

function parseTextOnce(raw: string, style: NumberStyle): ParsedNumber | NotANumber {
  const cache = PARSED[style];
  let parsed = cache.get(raw);
  if (parsed === undefined) {
    parsed = parseText(raw, style);
    if (cache.size >= PARSED_LIMIT) cache.clear();
    cache.set(raw, parsed);
  }
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
 * `parseNumber` for the engine's single pass over a sheet: each cell is read once, so
 * remembering it would only cost (the drafts' later readings of the same texts do). The
 * result is always a new object, the caller's to complete.
 */
export function parseCell(
  raw: CellValue,
  options?: { style?: NumberStyle; numberFormat?: string | null }
): ParsedNumber | NotANumber {
  return parse(raw, options, parseText);
}

function parse(
  raw: CellValue,
  options: { style?: NumberStyle; numberFormat?: string | null } | undefined,
  text: (raw: string, style: NumberStyle) => ParsedNumber | NotANumber
): ParsedNumber | NotANumber {
  try {
    if (raw === null || raw === undefined) return EMPTY;
    if (typeof raw === "number") return parseJsNumber(raw, options?.numberFormat);
    if (typeof raw === "string") return text(raw, options?.style === "en" ? "en" : "vi");
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
export function isNumber(x: ParsedNumber | NotANumber): x is ParsedNumber {
  return "value" in x;
}

/**
 * Guesses the number style of a column or table from its text cells; "vi" unless English evidence outweighs.
 * @example detectStyle(["1,234,567", "34,000.5"]) // "en"
 */
export function detectStyle(raws: CellValue[]): NumberStyle {
  return styleEvidence(raws) ?? "vi";
}

/**
 * The style the text figures show, or null when none of them tells (only `6,220`-like
 * figures, or none): the caller then falls back to the table's style.
 */
export function styleEvidence(raws: CellValue[]): NumberStyle | null {
  return styleOfScore(styleScore(raws));
}

/** Strong and weak evidence for each style; scores add up across columns. */
export interface StyleScore {
  vi: number;
  en: number;
  weakVi: number;
  weakEn: number;
}

/** Counts the evidence of the text figures in some cells; `styleOfScore` weighs it. */
export function styleScore(raws: CellValue[]): StyleScore {
  // Strong: both separators, or repeated groups. Weak: a lone decimal mark (`39.33`), common in mixed tables.
  const score = { vi: 0, en: 0, weakVi: 0, weakEn: 0 };
  for (const raw of raws) {
    if (typeof raw !== "string") continue;
    for (const fig of raw.normalize("NFC").match(/\d+(?:[.,]\d+)+/g) ?? []) {
      const layout = layoutOf(fig);
      if (layout?.kind === "grouped") score[layout.group === "." ? "vi" : "en"]++;
      if (layout?.kind === "decimal" && layout.strong) score[layout.mark === "," ? "vi" : "en"]++;
      if (layout?.kind === "decimal" && !layout.strong)
        score[layout.mark === "," ? "weakVi" : "weakEn"]++;
    }
  }
  return score;
}

/** The style a score shows, or null when it shows none. */
export function styleOfScore(score: StyleScore): NumberStyle | null {
  if (score.vi !== score.en) return score.en > score.vi ? "en" : "vi";
  if (score.weakVi !== score.weakEn) return score.weakEn > score.weakVi ? "en" : "vi";
  return null;
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
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Number(value.toPrecision(12))));
  if (!m) return 0;
  return Math.max(0, (m[1] ?? "").length - Number(m[2] ?? 0));
}

/** Non-negative finite number as plain decimal digits, without exponent: 1e-7 → `0.0000001`. */
function toPlain(abs: number): string {
  // JavaScript writes an exponent only below 1e-6 and from 1e21 on.
  if (abs === 0 || (abs >= 1e-6 && abs < 1e21)) return String(abs);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(String(abs));
  if (!m) return String(abs);
  const digits = m[1] + (m[2] ?? "");
  const point = 1 + Number(m[3]);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Rounds half away from zero on the decimal digits a person would read (2.675 → 2.68). */
function roundDigits(
  value: number,
  decimals: number
): { negative: boolean; whole: string; frac: string } {
  const d = Number.isFinite(decimals) ? Math.min(Math.max(Math.floor(decimals), 0), 340) : 0;
  // 15 significant digits: 2.675 is stored as 2.67499999…, and computed values carry noise.
  const [intPart, fracPart = ""] = toPlain(Math.abs(Number(value.toPrecision(15)))).split(".");
  if (fracPart.length <= d) return padded(value, intPart, fracPart, d);
  // More digits than asked for: cut, and carry when the first one dropped is 5 or more.
  let digits = intPart + fracPart.slice(0, d);
  if (fracPart.charCodeAt(d) >= 53) digits = plusOne(digits);
  const whole = digits.slice(0, digits.length - d).replace(/^0+(?=\d)/, "") || "0";
  const frac = digits.slice(digits.length - d);
  return { negative: value < 0 && /[1-9]/.test(digits), whole, frac };
}

/** Adds one to a string of digits: `plusOne("1299")` // "1300", `plusOne("99")` // "100". */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  const zeros = "0".repeat(digits.length - 1 - i);
  if (i < 0) return `1${zeros}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + zeros;
}

/**
 * `roundDigits` when the number has no more digits than asked for: nothing to round.
 * A plain number's integer part has no leading zero and its fraction ends in a non-zero
 * digit: the integer part alone is the whole number.
 */
function padded(
  value: number,
  intPart: string,
  fracPart: string,
  d: number
): { negative: boolean; whole: string; frac: string } {
  return {
    negative: value < 0 && (fracPart !== "" || /[1-9]/.test(intPart)),
    whole: intPart,
    frac: fracPart.padEnd(d, "0"),
  };
}

/**
 * Vietnamese-style text, `.` for thousands and `,` for decimals, half away from zero.
 * @example formatNumber(4874.53, 2) // "4.874,53"
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  let known = FORMATTED.get(decimals);
  if (known === undefined) FORMATTED.set(decimals, (known = new Map()));
  let text = known.get(value);
  if (text === undefined) {
    text = vietnamese(value, decimals);
    // Bounded: cleared when full, so a sheet of distinct figures cannot grow it without end.
    if (known.size >= FORMATTED_LIMIT) known.clear();
    known.set(value, text);
  }
  return text;
}

/**
 * Figures already written, by decimals then value: a draft writes the same row's figures
 * once per sentence that quotes them. (-0 and 0 share a key and a text: "0".)
 */
const FORMATTED = new Map<number, Map<number, string>>();
// Small on purpose: the repeats are a row's sentences, close together, not the whole sheet.
const FORMATTED_LIMIT = 4096;

function vietnamese(value: number, decimals: number): string {
  const { negative, whole, frac } = roundDigits(value, decimals);
  const grouped = whole.length <= 3 ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

/**
 * A fraction as a Vietnamese percentage.
 * @example formatPercent(0.414588) // "41,46%"
 */
export function formatPercent(fraction: number, decimals = 2): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/**
 * The rounding of formatNumber, as a number.
 * @example roundTo(2.675, 2) // 2.68
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const { negative, whole, frac } = roundDigits(value, decimals);
  return Number(`${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`);
}
