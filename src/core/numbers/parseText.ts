/**
 * Reading a cell's text as a number: Vietnamese (`4.874,53`), English (`4,874.53`) or
 * mixed style, with percent signs, bounds in words (`dưới 2%`), ranges (`8,5 - 9%`) and
 * fractions (`85/85`). Placeholders (`-`, `x`) are empty, Excel errors are errors.
 */
import type { NotANumber, NumberStyle, ParsedNumber } from "../types";
import { boundAfter, boundBefore } from "./bounds";
import { COMMA, DOT, isDigit, nfc } from "./chars";
import { readFigure, trimEndMarks } from "./figure";

/** The one empty reading: callers may tell it by identity, so it is never copied. */
export const EMPTY: NotANumber = { reason: "empty" };
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

/**
 * Reads a cell's text as a number; a new object each time, except the shared `EMPTY`.
 * @example parseText("từ 95% trở lên", "vi") // { value: 95, decimals: 0, percent: true, bound: "ge" }
 */
export function parseText(raw: string, style: NumberStyle): ParsedNumber | NotANumber {
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
  bound = boundAfter(rest) ?? bound;
  if (bound) result.bound = bound;
  return result;
}
