import { Grid } from "./grid";
import { cellText, fold } from "./text";

/**
 * One sheet row's cell texts and their folds, each worked out once: the row reader asks
 * for a cell's text in several checks (figures, a repeated header, the kind) and for its
 * fold in several more, and a sheet has 100.000 rows. `moveTo` starts the next row.
 */
export class RowCells {
  private row = 0;
  private readonly texts: (string | undefined)[];
  private readonly folds: (string | undefined)[];

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
    if (text === undefined) this.texts[i] = text = cellText(this.grid.raw(this.row, col));
    return text;
  }

  /** `fold` of that text. */
  folded(col: number | undefined): string {
    if (col === undefined) return "";
    const i = col - this.grid.firstCol;
    if (i < 0 || i >= this.folds.length) return fold(this.text(col));
    let folded = this.folds[i];
    if (folded === undefined) this.folds[i] = folded = fold(this.text(col));
    return folded;
  }
}
