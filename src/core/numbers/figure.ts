/**
 * One figure's separators: how its `.` and `,` are laid out (`1.234.567`, `4.874,53`,
 * the ambiguous `6.220`) and the value they give in a number style.
 */
import type { NumberStyle } from "../types";
import { COMMA, DOT, isDigit } from "./chars";

type Mark = "." | ",";

/** How the separators of a figure (digits, `.` and `,` only) are laid out. */
export type Layout =
  | { kind: "integer" }
  | { kind: "grouped"; group: Mark } // `1.234.567`
  | { kind: "decimal"; mark: Mark; strong: boolean } // strong: both separators present
  | { kind: "ambiguous"; sep: Mark }; // `6.220`: one separator, then 3 digits

/** `trimEndMarks("1.234,")` // "1.234": only a figure that ends in a mark is copied. */
export function trimEndMarks(fig: string): string {
  const last = fig.charCodeAt(fig.length - 1);
  return last === 0x2e || last === 0x2c ? fig.replace(/[.,]+$/, "") : fig;
}

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

/**
 * The layout of a figure's separators, or null when they make no sense; the figure is
 * `text` from `from` to `to` (excluded).
 * @example layoutOf("6.220") // { kind: "ambiguous", sep: "." }: thousands or decimals
 */
export function layoutOf(text: string, from = 0, to = text.length): Layout | null {
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

/**
 * Signed value and written decimals of a figure, or null when its separators make no sense.
 * @example readFigure("", "6.220", "en") // { value: 6.22, decimals: 3 }; in "vi": 6220, 0
 */
export function readFigure(
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
