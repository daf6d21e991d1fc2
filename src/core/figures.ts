import { ColumnRole } from "./columns";
import { Grid } from "./grid";
import { HeaderMap } from "./headers";
import { addStyleScore, emptyStyleScore, isNumber, parseCell, styleOfScore } from "./numbers";
import { Problem, problem } from "./problems";
import { RowCells } from "./rowCells";
import { address } from "./text";
import { CellValue, NumberStyle, ParsedNumber } from "./types";

/*
 * The figure cells of a row: which roles hold figures, the number style of each figure
 * column, and a cell read as a figure with its address.
 */

/** A figure read from a cell, with the address a reviewer needs to find it. */
export interface Figure extends ParsedNumber {
  cell: string;
  text: string;
}

/** The roles whose cells are read as figures: the only cells whose number format counts. */
export const FIGURE_ROLES = [
  "target",
  "actual",
  "lastYear",
  "samePeriod",
  "reportedAchievement",
  "reportedRemaining",
] as const satisfies readonly ColumnRole[];
export type FigureRole = (typeof FIGURE_ROLES)[number];

/** What reading a figure needs of the sheet, made once per sheet. */
export interface FigureSource {
  grid: Grid;
  header: HeaderMap;
  styles: Partial<Record<ColumnRole, NumberStyle>>;
  cells: RowCells;
}

/** The figure in a role's cell, or null (its text is the cell's text either way). */
export function readFigure(
  { grid, header, styles, cells }: FigureSource,
  r: number,
  role: FigureRole,
  problems: Problem[]
): Figure | null {
  const col = header.columns[role];
  if (col === undefined) return null;
  const raw: CellValue = grid.raw(r, col);
  // A formula that reached us as its text (`=E8/D8`) has no value yet; its cell names are no figures.
  if (isFormulaText(raw)) return null;
  const parsed = parseCell(raw, styles[role], grid.format(r, col));
  if (isNumber(parsed)) return asFigure(parsed, address(r, col), cells.text(col));
  if (parsed.reason === "error")
    problems.push(problem("excelError", r, address(r, col), { text: parsed.text }));
  return null;
}

/**
 * A parse with its cell, made in one piece: fields added to the parse's own object would
 * take a second block of memory, kept for every figure of the sheet.
 */
function asFigure(parsed: ParsedNumber, cell: string, text: string): Figure {
  const figure: Figure = {
    value: parsed.value,
    decimals: parsed.decimals,
    percent: parsed.percent,
    cell,
    text,
  };
  if (parsed.bound !== undefined) figure.bound = parsed.bound;
  if (parsed.fraction !== undefined) figure.fraction = parsed.fraction;
  return figure;
}

/** Each figure column's number style, from its own unambiguous values (docs/rules.md §1). */
export function columnStyles(
  grid: Grid,
  header: HeaderMap
): Partial<Record<ColumnRole, NumberStyle>> {
  const roles = FIGURE_ROLES.filter((role) => header.columns[role] !== undefined);
  const cols = roles.map((role) => header.columns[role] as number);
  const scores = roles.map(emptyStyleScore);
  // One pass down the sheet for all figure columns: a row is read once, not once a column.
  for (let r = header.dataStart; r <= grid.lastRow; r++) {
    for (let i = 0; i < cols.length; i++) addStyleScore(scores[i], grid.raw(r, cols[i]));
  }
  // The table's evidence is the sum of its columns': each cell is scored once.
  const table = emptyStyleScore();
  for (const score of scores) {
    table.vi += score.vi;
    table.en += score.en;
    table.weakVi += score.weakVi;
    table.weakEn += score.weakEn;
  }
  // A column whose figures are all ambiguous (`6,220`) takes the style of the whole table.
  const fallback = styleOfScore(table) ?? "vi";
  const styles: Partial<Record<ColumnRole, NumberStyle>> = {};
  roles.forEach((role, i) => (styles[role] = styleOfScore(scores[i]) ?? fallback));
  return styles;
}

function isFormulaText(raw: CellValue): boolean {
  return typeof raw === "string" && raw.trimStart().startsWith("=");
}
