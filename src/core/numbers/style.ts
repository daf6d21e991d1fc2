/**
 * Which number style a column or table is written in, from the evidence of its text
 * figures: `1.234.567` and `4.874,53` are Vietnamese, `1,234,567` and `34,000.5` English.
 */
import type { CellValue, NumberStyle } from "../types";
import { isDigit, isMark, nfc } from "./chars";
import { type Layout, layoutOf } from "./figure";

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
