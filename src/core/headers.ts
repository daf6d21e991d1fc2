import { ColumnRole, isOwnHeader, monthsIn, roleOfHeader, yearsIn } from "./columns";
import { Grid } from "./grid";
import { fold } from "./text";

/** Where the table's header is and what each column means. */
export interface HeaderMap {
  /** Sheet rows of the header block, top to bottom (one to three rows). */
  rows: number[];
  /** First row below the header (and below a column-numbering row, if any). */
  dataStart: number;
  /** Sheet column of each role found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Each column's header text, the block's rows joined top to bottom. */
  texts: Record<number, string>;
  /** Columns this product wrote on an earlier run. */
  ownColumns: number[];
  /** Each text cell above the header, top to bottom: issuing body, form number, title. */
  title: string[];
  /** The plan year, from the target header, else the title or other headers. */
  year: number | null;
}

const SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 3;

/** Finds the header block and maps columns by meaning; null when there is none. */
export function findHeader(grid: Grid): HeaderMap | null {
  const anchor = bestHeaderRow(grid);
  if (anchor === null) return null;
  let top = anchor;
  let bottom = anchor;
  while (
    bottom - top + 1 < MAX_HEADER_ROWS &&
    top - 1 >= grid.firstRow &&
    belongsAbove(grid, top - 1, top)
  )
    top--;
  while (
    bottom - top + 1 < MAX_HEADER_ROWS &&
    bottom + 1 <= grid.lastRow &&
    belongsBelow(grid, bottom, bottom + 1)
  ) {
    bottom++;
  }
  const rows: number[] = [];
  for (let r = top; r <= bottom; r++) rows.push(r);
  let dataStart = bottom + 1;
  if (dataStart <= grid.lastRow && isNumberingRow(grid, dataStart)) dataStart++;

  const texts: Record<number, string> = {};
  const leaves: Record<number, string> = {};
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const parts: string[] = [];
    for (const r of rows) {
      const text = grid.text(r, c);
      if (text !== "" && parts[parts.length - 1] !== text) parts.push(text);
    }
    texts[c] = parts.join(" ");
    leaves[c] = parts.length > 0 ? parts[parts.length - 1] : "";
  }
  const title: string[] = [];
  // Cell by cell: "ỦY BAN NHÂN DÂN TỈNH …" and "Biểu 01" share a row but not a meaning.
  // The title block is what stands above the header, as far as a header is looked for: a
  // table deep in a sheet is not titled by the data above it.
  for (let r = Math.max(grid.firstRow, top - SCAN_ROWS); r < top; r++)
    title.push(...rowTexts(grid, r));
  const { columns, ownColumns, year } = mapColumns(grid, texts, leaves, title);
  if (columns.target === undefined && columns.actual === undefined) return null;
  if (columns.name === undefined) {
    const name = guessNameColumn(grid, dataStart, columns, ownColumns);
    if (name !== undefined) columns.name = name;
  }
  if (columns.name === undefined) return null;
  return { rows, dataStart, columns, texts, ownColumns, title, year };
}

/** The reporting period in months, from the actual column's header, then the others, then the title. */
export function periodFromHeader(header: HeaderMap): number | null {
  const actual = header.columns.actual;
  const candidates = [
    actual !== undefined ? header.texts[actual] : "",
    ...Object.entries(header.texts)
      .filter(([col]) => {
        const role = Object.entries(header.columns).find(([, c]) => c === Number(col))?.[0];
        return role !== "reportedRemaining" && role !== "samePeriod";
      })
      .map(([, text]) => text),
    ...header.title,
  ];
  for (const text of candidates) {
    const months = monthsIn(text);
    if (months !== null) return months;
  }
  return null;
}

function rowTexts(grid: Grid, row: number): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const merge = grid.mergeAt(row, c);
    const key = merge ? `${merge.top}:${merge.left}` : `${row}:${c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = grid.text(row, c);
    if (text !== "") texts.push(text);
  }
  return texts;
}

/** A title spans most of the sheet's width; a group header ("Năm 2024") spans a few columns. */
function isTitleCell(grid: Grid, row: number, col: number): boolean {
  const merge = grid.mergeAt(row, col);
  const width = grid.lastCol - grid.firstCol + 1;
  return merge !== undefined && merge.right - merge.left + 1 >= Math.max(4, 0.6 * width);
}

function headerScore(grid: Grid, row: number): number {
  const roles = new Set<ColumnRole>();
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const value = grid.shown(row, c);
    if (typeof value !== "string" || isTitleCell(grid, row, c)) continue;
    const role = roleOfHeader(value);
    if (role !== null) roles.add(role);
  }
  const essential = roles.has("target") || roles.has("actual") || roles.has("name") ? 1 : 0;
  return roles.size >= 2 ? roles.size + essential : 0;
}

/**
 * The header row: the best-scoring of the first SCAN_ROWS rows; where none of them is one
 * (a table below a long note, or under other data), the best of the rows further down that
 * name at least two roles in their own cells, so that a long sheet costs one look at each
 * text cell rather than a scan of every column of every row.
 */
function bestHeaderRow(grid: Grid): number | null {
  const near = Math.min(grid.lastRow, grid.firstRow + SCAN_ROWS - 1);
  const best = bestOf(grid, grid.firstRow, near, () => true);
  return best ?? bestOf(grid, near + 1, grid.lastRow, (r) => namesRoles(grid, r));
}

function bestOf(
  grid: Grid,
  from: number,
  to: number,
  worth: (row: number) => boolean
): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (let r = from; r <= to; r++) {
    if (!worth(r)) continue;
    const score = headerScore(grid, r);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** Do the row's own text cells name at least two column roles? */
function namesRoles(grid: Grid, row: number): boolean {
  const line = grid.table.values[row - grid.firstRow];
  if (line === undefined) return false;
  let first: ColumnRole | null = null;
  for (const value of line) {
    if (typeof value !== "string") continue;
    const role = roleOfHeader(value);
    if (role === null) continue;
    if (first !== null && role !== first) return true;
    first = role;
  }
  return false;
}

function hasFigures(grid: Grid, row: number): boolean {
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const value = grid.raw(row, c);
    if (typeof value === "number" && !(value >= 1900 && value <= 2100 && Number.isInteger(value)))
      return true;
  }
  return false;
}

function sharesVerticalMerge(grid: Grid, upper: number, lower: number): boolean {
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const merge = grid.mergeAt(upper, c);
    if (merge && merge.bottom >= lower && merge.top <= upper && !isTitleCell(grid, upper, c))
      return true;
  }
  return false;
}

function belongsAbove(grid: Grid, row: number, below: number): boolean {
  if (hasFigures(grid, row)) return false;
  if (sharesVerticalMerge(grid, row, below)) return true;
  let cells = 0;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (grid.text(row, c) !== "" && !isTitleCell(grid, row, c)) cells++;
  }
  // A group header row ("Năm 2023" | "Năm 2024") sits over a header row with more cells.
  return cells >= 2 && rowTexts(grid, row).some(isGroupText);
}

/**
 * A group header names a year (`Năm 2024`) or a role; a dated line of the document block
 * (`Vĩnh Long, ngày 5 tháng 7 năm 2026`) names a year too but belongs to the title.
 */
function isGroupText(text: string): boolean {
  if (roleOfHeader(text) !== null) return true;
  return yearsIn(text).length > 0 && !/\bngay \d|\d{1,2}\/\d{1,2}\/\d{4}/.test(fold(text));
}

function belongsBelow(grid: Grid, above: number, row: number): boolean {
  if (hasFigures(grid, row)) return false;
  if (sharesVerticalMerge(grid, above, row)) return true;
  const roles = rowTexts(grid, row).filter((text) => roleOfHeader(text) !== null);
  return roles.length >= 2;
}

const NUMBERING = /^[\s()[\]0-9A-Za-z=+\-*/x:.,%]{1,20}$/;
const WORD = /[A-Za-z]{3,}/;

/** `(1) (2) (3)` or `A B 1 2 3=2/1` under the header: column numbers, not data. */
export function isNumberingRow(grid: Grid, row: number): boolean {
  let cells = 0;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const value = grid.raw(row, c);
    if (value === null || value === "") continue;
    const text = String(value).trim();
    // Formulas such as `(5)=(4)/(3)*100` or `3=2/1*100%` are numbering too.
    if (!NUMBERING.test(text) || WORD.test(text)) return false;
    cells++;
  }
  return cells >= 3;
}

function mapColumns(
  grid: Grid,
  texts: Record<number, string>,
  leaves: Record<number, string>,
  title: string[]
): { columns: Partial<Record<ColumnRole, number>>; ownColumns: number[]; year: number | null } {
  const roles: Record<number, ColumnRole | null> = {};
  const ownColumns: number[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (isOwnHeader(leaves[c])) {
      ownColumns.push(c);
      roles[c] = null;
      continue;
    }
    roles[c] = roleOfHeader(leaves[c]) ?? roleOfHeader(texts[c]);
  }
  const year = planYear(grid, roles, texts, title);
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    roles[c] = adjustForYear(roles[c], texts[c], year);
  }
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const role = roles[c];
    if (role !== null && columns[role] === undefined) columns[role] = c;
  }
  return { columns, ownColumns, year };
}

function planYear(
  grid: Grid,
  roles: Record<number, ColumnRole | null>,
  texts: Record<number, string>,
  title: string[]
): number | null {
  // The latest year of any target header: a sheet may carry last year's plan beside this year's.
  const targetYears: number[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (roles[c] === "target") targetYears.push(...yearsIn(texts[c]));
  }
  if (targetYears.length > 0) return Math.max(...targetYears);
  const all = [...title, ...Object.values(texts)].flatMap(yearsIn);
  return all.length > 0 ? Math.max(...all) : null;
}

/**
 * Last year's columns read like this year's: `Thực hiện năm 2023` is the baseline and
 * `TH 6 tháng 2023` the same period, when the plan is for 2024.
 */
function adjustForYear(
  role: ColumnRole | null,
  text: string,
  year: number | null
): ColumnRole | null {
  if (role !== "actual" && role !== "target") return role;
  const folded = fold(text);
  const years = yearsIn(text);
  const earlier = year !== null && years.length > 0 && Math.max(...years) < year;
  if (!earlier) return role;
  if (role === "target") return null; // last year's plan: not an input of this year's arithmetic
  return monthsIn(folded) !== null && monthsIn(folded) !== 12 ? "samePeriod" : "lastYear";
}

/** Without a name header, the column left of the figures with the most words in it. */
function guessNameColumn(
  grid: Grid,
  dataStart: number,
  columns: Partial<Record<ColumnRole, number>>,
  ownColumns: number[]
): number | undefined {
  const taken = new Set<number>([...Object.values(columns), ...ownColumns]);
  const limit = Math.min(columns.target ?? grid.lastCol, columns.actual ?? grid.lastCol);
  let best: number | undefined;
  let bestCount = 0;
  for (let c = grid.firstCol; c < limit; c++) {
    if (taken.has(c)) continue;
    let count = 0;
    for (let r = dataStart; r <= Math.min(grid.lastRow, dataStart + 200); r++) {
      if (/\p{L}{3,}/u.test(grid.text(r, c))) count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}
