import { BoundedCache } from "./boundedCache";
import { Grid } from "./grid";
import { CellValue } from "./types";
import { cellText, fold, isTidy } from "./text";

/**
 * How many distinct untidy texts, and long folds, a sheet's reader remembers: enough for
 * the agencies and solutions that repeat down a sheet, bounded for one whose every cell
 * differs.
 */
const REMEMBERED = 4096;

/** A fold this long is remembered: a name or a figure is folded faster than looked up. */
const LONG = 32;

/**
 * One sheet row's cell texts and their folds, each worked out once: the row reader asks
 * for a cell's text in several checks (figures, a repeated header, the kind) and for its
 * fold in several more, and a sheet has 100.000 rows. `moveTo` starts the next row.
 */
export class RowCells {
  private row = 0;
  private readonly texts: (string | undefined)[];
  private readonly folds: (string | undefined)[];
  /**
   * Texts that `cellText` changes (line breaks, odd spaces, decomposed marks) and folds of
   * long texts, by the text: the same solutions and agency lists repeat down a sheet, and
   * the repeated-header check reads them on every row.
   */
  private readonly tidied = new BoundedCache<string, string>(REMEMBERED);
  private readonly longFolds = new BoundedCache<string, string>(REMEMBERED);

  constructor(private readonly grid: Grid) {
    const width = Math.max(0, grid.lastCol - grid.firstCol + 1);
    this.texts = new Array<string | undefined>(width).fill(undefined);
    this.folds = new Array<string | undefined>(width).fill(undefined);
  }

  /** Forgets the last row's cells. */
  moveTo(row: number): void {
    this.row = row;
    this.texts.fill(undefined);
    this.folds.fill(undefined);
  }

  /** `cellText` of the row's cell in a sheet column; "" for no column. */
  text(col: number | undefined): string {
    if (col === undefined) return "";
    const i = col - this.grid.firstCol;
    // A column outside the snapshot (a user's correction) is read as it is, not remembered.
    if (i < 0 || i >= this.texts.length) return cellText(this.grid.raw(this.row, col));
    let text = this.texts[i];
    if (text === undefined) this.texts[i] = text = this.tidy(this.grid.raw(this.row, col));
    return text;
  }

  /** `cellText(raw)`, remembered for a text it changes. */
  private tidy(raw: CellValue): string {
    if (typeof raw !== "string") return cellText(raw);
    if (isTidy(raw)) return raw;
    return this.tidied.get(raw) ?? this.tidied.set(raw, cellText(raw));
  }

  /** `fold` of that text. */
  folded(col: number | undefined): string {
    if (col === undefined) return "";
    const i = col - this.grid.firstCol;
    if (i < 0 || i >= this.folds.length) return fold(this.text(col));
    let folded = this.folds[i];
    if (folded === undefined) {
      const text = this.text(col);
      this.folds[i] = folded =
        text.length < LONG
          ? fold(text)
          : (this.longFolds.get(text) ?? this.longFolds.set(text, fold(text)));
    }
    return folded;
  }
}
