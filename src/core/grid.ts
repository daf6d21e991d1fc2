import { CellValue, Merge, Table } from "./types";
import { cellText } from "./text";

/**
 * Sheet-coordinate access to a Table, with merged areas read as their top-left
 * cell (a merged header "Năm 2024" over three columns belongs to all three).
 */
export interface Grid {
  readonly table: Table;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** The raw value at a sheet cell, ignoring merges. */
  raw(row: number, col: number): CellValue;
  /** The number format at a sheet cell, if the host gave one. */
  format(row: number, col: number): string | null;
  /** The value shown at a sheet cell: a merged area shows its top-left value everywhere. */
  shown(row: number, col: number): CellValue;
  /** The merge covering a cell, if any. */
  mergeAt(row: number, col: number): Merge | undefined;
  text(row: number, col: number): string;
}

export function makeGrid(table: Table): Grid {
  const firstRow = table.origin.row;
  const firstCol = table.origin.col;
  const height = table.values.length;
  const width = table.values.reduce((max, line) => Math.max(max, line.length), 0);
  // Keyed by the cell's offset in the snapshot: a number, not a string built per lookup.
  const mergeIndex = new Map<number, Merge>();
  const keyOf = (row: number, col: number): number =>
    row < firstRow || col < firstCol || col >= firstCol + width
      ? -1
      : (row - firstRow) * width + (col - firstCol);
  for (const merge of table.merges) {
    // Only the part inside the snapshot matters; a merge of a whole title row can be wide.
    const bottom = Math.min(merge.bottom, firstRow + height - 1);
    const right = Math.min(merge.right, firstCol + width - 1);
    for (let r = Math.max(merge.top, firstRow); r <= bottom; r++) {
      for (let c = Math.max(merge.left, firstCol); c <= right; c++)
        mergeIndex.set(keyOf(r, c), merge);
    }
  }
  const raw = (row: number, col: number): CellValue => {
    const line = table.values[row - firstRow];
    const value = line ? line[col - firstCol] : undefined;
    return value === undefined ? null : value;
  };
  const grid: Grid = {
    table,
    firstRow,
    lastRow: firstRow + height - 1,
    firstCol,
    lastCol: firstCol + width - 1,
    raw,
    format: (row, col) => {
      const line = table.formats ? table.formats[row - firstRow] : undefined;
      const value = line ? line[col - firstCol] : undefined;
      return value === undefined ? null : value;
    },
    mergeAt: (row, col) => mergeIndex.get(keyOf(row, col)),
    shown: (row, col) => {
      const merge = mergeIndex.get(keyOf(row, col));
      return merge ? raw(merge.top, merge.left) : raw(row, col);
    },
    text: (row, col) => cellText(grid.shown(row, col)),
  };
  return grid;
}
