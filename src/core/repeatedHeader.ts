/**
 * The header again after a page break: a long sheet printed over several pages often
 * repeats its header rows, and those rows are not indicators.
 */
import { ColumnRole, isFoldedHeaderOf, mayName } from "./columns";
import { Grid } from "./grid";
import { HeaderMap } from "./headers";
import { RowCells } from "./rowCells";
import { firstFolded, fold, foldedLength } from "./text";

/** A column's folded header texts, with their first letters and lengths to turn most cells away unfolded. */
export interface HeaderWords {
  words: Set<string>;
  firsts: Set<string>;
  lengths: Set<number>;
}

/** Each column's header words (index 0 is the first column), folded once per sheet. */
export function headerWords(grid: Grid, header: HeaderMap): HeaderWords[] {
  const columns: HeaderWords[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const texts = header.rows.map((h) => fold(grid.text(h, c))).filter((text) => text !== "");
    columns.push({
      words: new Set(texts),
      firsts: new Set(texts.map((text) => text.charAt(0))),
      lengths: new Set(texts.map((text) => text.length)),
    });
  }
  return columns;
}

/** True when a cell's text, folded, is one of its column's header words. */
function echoes(words: HeaderWords, cells: RowCells, col: number): boolean {
  if (words.words.size === 0) return false;
  const text = cells.text(col);
  const first = firstFolded(text);
  if (first === "" || (first !== null && !words.firsts.has(first))) return false;
  const length = first === null ? -1 : foldedLength(text);
  if (length >= 0 && !words.lengths.has(length)) return false;
  return words.words.has(cells.folded(col));
}

/**
 * The header again after a page break: three cells that read as their column's role, or
 * two that repeat the header block's own words (a lower row of `Kế hoạch | TH 6 tháng`).
 * Most rows are data: the count stops as soon as the answer is known, so their long
 * cells (solutions, partners) are seldom folded.
 */
export function isRepeatedHeader(
  grid: Grid,
  cells: RowCells,
  roleColumns: [ColumnRole, number][],
  headerWordsOf: HeaderWords[]
): boolean {
  let echoed = 0;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (echoes(headerWordsOf[c - grid.firstCol], cells, c) && ++echoed >= 2) return true;
  }
  // Cells that may name a role (any with a letter, `#` or `%`); only they can count.
  let left = 0;
  for (const [, col] of roleColumns) if (col !== undefined && mayName(cells.text(col))) left++;
  let roles = 0;
  for (const [role, col] of roleColumns) {
    if (roles + left < 3) return false;
    if (col === undefined || !mayName(cells.text(col))) continue;
    left--;
    if (isFoldedHeaderOf(cells.folded(col), role) && ++roles >= 3) return true;
  }
  return false;
}
