/**
 * Reading the figures of indicator workbooks: JS numbers, and text in
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

const DOT = 0x2e;
const COMMA = 0x2c;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * `1.234.567` with sep `.`: first group 1–3 digits, every other exactly 3. Reads
 * `text` from `from` to `to` (excluded), so a figure is checked without cutting it out.
 */
function validGroups(text: string, from: number, to: number, sep: number): boolean {
  let start = from;
  let first = true;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : sep;
    if (code !== sep) {
      if (!isDigit(code)) return false;
      continue;
    }
    const length = i - start;
    if (first ? length < 1 || length > 3 : length !== 3) return false;
    first = false;
    start = i + 1;
  }
  return true;
}

// The layouts, made once: a sheet has a figure in most of its cells.
const INTEGER: Layout = { kind: "integer" };
const GROUPED: Record<Mark, Layout> = {
  ".": { kind: "grouped", group: "." },
  ",": { kind: "grouped", group: "," },
};
const STRONG: Record<Mark, Layout> = {
  ".": { kind: "decimal", mark: ".", strong: true },
  ",": { kind: "decimal", mark: ",", strong: true },
};
const WEAK: Record<Mark, Layout> = {
  ".": { kind: "decimal", mark: ".", strong: false },
  ",": { kind: "decimal", mark: ",", strong: false },
};
const AMBIGUOUS: Record<Mark, Layout> = {
  ".": { kind: "ambiguous", sep: "." },
  ",": { kind: "ambiguous", sep: "," },
};

/** The layout of a figure's separators; the figure is `text` from `from` to `to` (excluded). */
function layoutOf(text: string, from = 0, to = text.length): Layout | null {
  let firstDot = -1;
  let lastDot = -1;
  let firstComma = -1;
  let lastComma = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (firstDot < 0) firstDot = i;
      lastDot = i;
    } else if (code === COMMA) {
      if (firstComma < 0) firstComma = i;
      lastComma = i;
    }
  }
  if (lastDot < 0 && lastComma < 0) return INTEGER;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the last one is the decimal mark and must occur once.
    const mark: Mark = lastDot > lastComma ? "." : ",";
    const at = mark === "." ? lastDot : lastComma;
    const once = (mark === "." ? firstDot : firstComma) === at;
    if (!once || !validGroups(text, from, at, mark === "." ? COMMA : DOT)) return null;
    return STRONG[mark];
  }
  const sep: Mark = lastDot >= 0 ? "." : ",";
  const first = sep === "." ? firstDot : firstComma;
  const last = sep === "." ? lastDot : lastComma;
  if (first !== last)
    return validGroups(text, from, to, sep === "." ? DOT : COMMA) ? GROUPED[sep] : null;
  const whole = last - from;
  // `0.500` or `1234.567` cannot be thousands groups, so the separator is decimal.
  if (to - last - 1 !== 3 || (whole === 1 && text.charCodeAt(from) === 0x30) || whole > 3)
    return WEAK[sep];
  return AMBIGUOUS[sep];
}

const SPACED = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/;

/** Signed value and written decimals of a figure, or null when its separators make no sense. */
function readFigure(
  sign: string,
  fig: string,
  style: NumberStyle
): { value: number; decimals: number } | null {
  let whole: string;
  let frac: string;
  const spaced = fig.includes(" ") ? SPACED.exec(fig) : null;
  if (spaced) {
    whole = spaced[1].replace(/ /g, "");
    frac = spaced[2] ?? "";
  } else {
    const layout = layoutOf(fig);
    if (!layout) return null;
    let mark: Mark | null = null;
    if (layout.kind === "decimal") mark = layout.mark;
    if (layout.kind === "ambiguous" && layout.sep === (style === "en" ? "." : ","))
      mark = layout.sep;
    const at = mark ? fig.lastIndexOf(mark) : fig.length;
    const head = at === fig.length ? fig : fig.slice(0, at);
    whole = head.includes(".") || head.includes(",") ? head.replace(/[.,]/g, "") : head;
    frac = fig.slice(at + 1);
  }
  // `${whole}.0` and `${whole}` are the same decimal, so the same double.
  const abs = Number(frac === "" ? whole : `${whole}.${frac}`);
  if (!Number.isFinite(abs)) return null;
  return { value: sign === "-" && abs !== 0 ? -abs : abs, decimals: frac.length };
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

/** The text with NFC, odd spaces made plain and no space at either end. */
function cleanText(raw: string): string {
  const last = raw.length - 1;
  // Below U+0300, only U+00A0 needs work inside, and only spaces and controls at the ends.
  let plain = last >= 0 && raw.charCodeAt(0) > 0x20 && raw.charCodeAt(last) > 0x20;
  for (let i = 0; plain && i <= last; i++) {
    const code = raw.charCodeAt(i);
    plain = code < 0x300 && code !== 0xa0;
  }
  return plain
    ? raw
    : nfc(raw)
        .replace(/[\u00a0\u202f\u2009]/g, " ")
        .trim();
}

/**
 * A figure alone, as most cells hold it (`4.874,53`, `-12`, `12,5%`), read without the
 * search for bounds, ranges and dates; undefined for any other text. Gives what the full
 * reading gives: a sign at the start, digits and marks, a percent sign at the end.
 */
function plainFigure(text: string, style: NumberStyle): ParsedNumber | NotANumber | undefined {
  const signed = text.charCodeAt(0) === 0x2d;
  const start = signed ? 1 : 0;
  const percent = text.charCodeAt(text.length - 1) === 0x25;
  const end = percent ? text.length - 1 : text.length;
  // Digits at both ends: a figure ending in a mark ends a sentence, for the full reading.
  if (end <= start || !isDigit(text.charCodeAt(start)) || !isDigit(text.charCodeAt(end - 1)))
    return undefined;
  for (let i = start + 1; i < end - 1; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code) && code !== DOT && code !== COMMA) return undefined;
  }
  const figure = readFigure(
    signed ? "-" : "",
    start === 0 && !percent ? text : text.slice(start, end),
    style
  );
  if (!figure) return { reason: "text", text };
  return { value: figure.value, decimals: figure.decimals, percent };
}

function parseText(raw: string, style: NumberStyle): ParsedNumber | NotANumber {
  const text = cleanText(raw);
  if (text === "" || PLACEHOLDERS.has(text)) return EMPTY;
  // Every Excel error starts with `#`: other texts need no upper-cased copy.
  if (text.charCodeAt(0) === 0x23 && EXCEL_ERRORS.has(text.toUpperCase()))
    return { reason: "error", text };
  const plain = plainFigure(text, style);
  if (plain !== undefined) return plain;
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

/** The remembered reading of a text, shared: the caller must not change it. */
function parseTextShared(raw: string, style: NumberStyle): ParsedNumber | NotANumber {
  const cache = PARSED[style];
  let parsed = cache.get(raw);
  if (parsed === undefined) {
    parsed = parseText(raw, style);
    if (cache.size >= PARSED_LIMIT) cache.clear();
    cache.set(raw, parsed);
  }
  return parsed;
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
  const score = emptyStyleScore();
  for (const raw of raws) addStyleScore(score, raw);
  return score;
}

/** A score with no evidence yet. */
export function emptyStyleScore(): StyleScore {
  return { vi: 0, en: 0, weakVi: 0, weakEn: 0 };
}

/** Adds one cell's evidence to a score: a column is scored cell by cell, with no list of its cells. */
export function addStyleScore(score: StyleScore, raw: CellValue): void {
  if (typeof raw !== "string") return;
  const text = nfc(raw);
  // Each figure with a separator (`\d+(?:[.,]\d+)+`), found in place rather than cut out.
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    let end = i;
    // A mark counts only with a digit after it; then the digits run on.
    while (i + 1 < text.length && isMark(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) {
      i += 2;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      end = i;
    }
    if (end > start && hasMarkIn(text, start, end)) scoreLayout(score, layoutOf(text, start, end));
  }
}

const isMark = (code: number): boolean => code === DOT || code === COMMA;

function hasMarkIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isMark(text.charCodeAt(i))) return true;
  return false;
}

/** Strong: both separators, or repeated groups. Weak: a lone decimal mark (`39.33`), common in mixed tables. */
function scoreLayout(score: StyleScore, layout: Layout | null): void {
  if (layout?.kind === "grouped") score[layout.group === "." ? "vi" : "en"]++;
  if (layout?.kind === "decimal" && layout.strong) score[layout.mark === "," ? "vi" : "en"]++;
  if (layout?.kind === "decimal" && !layout.strong)
    score[layout.mark === "," ? "weakVi" : "weakEn"]++;
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
  const text = String(Number(value.toPrecision(12)));
  // `-12.345` or `1.5e-7`: the digits after the point, less the exponent.
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text.length : e;
  const point = text.indexOf(".");
  const digits = point < 0 || point > mantissa ? 0 : mantissa - point - 1;
  return Math.max(0, digits - (e < 0 ? 0 : Number(text.slice(e + 1))));
}

// Writing figures (DOMAIN §4) lives in format.ts; these names are read from here too.
export { formatNumber, formatPercent, roundTo } from "./format";
