import { ColumnRole, isHeaderOf } from "./columns";
import { Grid } from "./grid";
import { HeaderMap, isNumberingRow } from "./headers";
import { inferKind, kindFromCell, KindInfo } from "./kinds";
import { vi } from "./messages/vi";
import { isNumber, parseCell, styleOfScore, styleScore, StyleScore } from "./numbers";
import { address, cellText, firstFolded, fold, multilineText } from "./text";
import { CellValue, NumberStyle, ParsedNumber } from "./types";

/** A figure read from a cell, with the address a reviewer needs to find it. */
export interface Figure extends ParsedNumber {
  cell: string;
  text: string;
}

export type RowType = "indicator" | "sub" | "total";

/** One row of the table that carries an indicator (not a section heading). */
export interface IndicatorRow extends KindInfo {
  row: number;
  type: RowType;
  label: string;
  name: string;
  unit: string;
  /** The nearest section heading above (`I. CHỈ TIÊU KINH TẾ`), if any. */
  section: string | null;
  /** The sheet row of the indicator a `trong đó` / `-` / `+` row belongs to. */
  parentRow: number | null;
  target: Figure | null;
  actual: Figure | null;
  lastYear: Figure | null;
  samePeriod: Figure | null;
  reportedAchievement: Figure | null;
  reportedRemaining: Figure | null;
  targetText: string;
  actualText: string;
  agency: string;
  partners: string[];
  solutions: string;
  /** Addresses of the row's cells by role, blank or not, for messages. */
  cells: Partial<Record<ColumnRole, string>>;
  problems: string[];
}

export interface Section {
  row: number;
  label: string;
  title: string;
}

const FIGURE_ROLES = [
  "target",
  "actual",
  "lastYear",
  "samePeriod",
  "reportedAchievement",
  "reportedRemaining",
] as const satisfies readonly ColumnRole[];
type FigureRole = (typeof FIGURE_ROLES)[number];

/** Reads every row under the header into indicator rows and section headings. */
export function readRows(
  grid: Grid,
  header: HeaderMap
): { rows: IndicatorRow[]; sections: Section[] } {
  const styles = columnStyles(grid, header);
  const words = headerWords(grid, header);
  const roleColumns = Object.entries(header.columns) as [ColumnRole, number][];
  const rows: IndicatorRow[] = [];
  const sections: Section[] = [];
  let section: string | null = null;
  let parent: IndicatorRow | null = null;
  for (let r = header.dataStart; r <= grid.lastRow; r++) {
    const { label, name } = labelAndName(grid, header, r);
    const hasFigureText =
      roleText(grid, header, r, "target") !== "" || roleText(grid, header, r, "actual") !== "";
    if (name === "" && label === "" && !hasFigureText) continue;
    if (isRepeatedHeader(grid, roleColumns, words, r) || isNumberingRow(grid, r)) continue;
    const sub = isSubRow(label, name);
    const bare = !hasFigureText && roleText(grid, header, r, "unit") === "";
    // A bare `Trong đó:` announces the parent's parts; it is neither a row nor a heading.
    if (bare && sub && cleanName(name) === "") continue;
    // Headings assign no work: a row naming a lead agency is an indicator, even without figures.
    if (bare && !sub && roleText(grid, header, r, "agency") === "") {
      section = [label, name].filter((part) => part !== "").join(". ");
      sections.push({ row: r, label, title: name || label });
      parent = null;
      continue;
    }
    // A part needs a whole: `1.1` or `- ...` straight under a heading is an indicator.
    const type: RowType = isTotalName(name) ? "total" : sub && parent ? "sub" : "indicator";
    const row = readIndicator(grid, header, styles, r, { label, name, type, section, parent });
    rows.push(row);
    // A row shaped like a part (`1.1` under a heading) heads no parts: `1.2` is its sibling.
    if (!sub) parent = row;
  }
  return { rows, sections };
}

interface RowContext {
  label: string;
  name: string;
  type: RowType;
  section: string | null;
  parent: IndicatorRow | null;
}

/** A figure cell as read: the figure when it holds one, and its text either way. */
interface FigureCell {
  figure: Figure | null;
  text: string;
}

/** What reading one row's figures needs. */
interface FigureRead {
  grid: Grid;
  header: HeaderMap;
  styles: Partial<Record<ColumnRole, NumberStyle>>;
  r: number;
  cells: Partial<Record<ColumnRole, string>>;
  problems: string[];
}

function readFigure(
  { grid, header, styles, r, cells, problems }: FigureRead,
  role: FigureRole
): FigureCell {
  const col = header.columns[role];
  if (col === undefined) return { figure: null, text: "" };
  const raw: CellValue = grid.raw(r, col);
  // The row's own address string: a sheet of 100.000 rows keeps one copy, not two.
  const cell = cells[role] ?? address(r, col);
  const text = cellText(raw);
  // A formula that reached us as its text (`=E8/D8`) has no value yet; its cell names are no figures.
  const parsed = isFormulaText(raw)
    ? { reason: "text" as const, text }
    : parseCell(raw, { style: styles[role], numberFormat: grid.format(r, col) });
  if (isNumber(parsed)) return { figure: asFigure(parsed, cell, text), text };
  if (parsed.reason === "error") problems.push(vi.problem.excelError(cell, parsed.text));
  return { figure: null, text };
}

/** A fresh parse (parseCell's result is the caller's) completed with its cell, not copied. */
function asFigure(parsed: ParsedNumber, cell: string, text: string): Figure {
  const figure = parsed as Figure;
  figure.cell = cell;
  figure.text = text;
  return figure;
}

/** The text of the row's cell in a role's column; "" when the sheet has no such column. */
function roleText(grid: Grid, header: HeaderMap, r: number, role: ColumnRole): string {
  const col = header.columns[role];
  return col === undefined ? "" : cellText(grid.raw(r, col));
}

/** The same with its line breaks kept: they separate agencies and a solution's paragraphs. */
function roleLines(grid: Grid, header: HeaderMap, r: number, role: ColumnRole): string {
  const col = header.columns[role];
  return col === undefined ? "" : multilineText(grid.raw(r, col));
}

/** Addresses of the row's cells by role, in the header's order. */
function cellsOf(header: HeaderMap, r: number): Partial<Record<ColumnRole, string>> {
  const cells: Partial<Record<ColumnRole, string>> = {};
  for (const role of Object.keys(header.columns) as ColumnRole[])
    cells[role] = address(r, header.columns[role] as number);
  return cells;
}

function readIndicator(
  grid: Grid,
  header: HeaderMap,
  styles: Partial<Record<ColumnRole, NumberStyle>>,
  r: number,
  context: RowContext
): IndicatorRow {
  const problems: string[] = [];
  const cells = cellsOf(header, r);
  // In FIGURE_ROLES order, which is the order their problems are listed in.
  const read = { grid, header, styles, r, cells, problems };
  const target = readFigure(read, "target");
  const actual = readFigure(read, "actual");
  const lastYear = readFigure(read, "lastYear");
  const samePeriod = readFigure(read, "samePeriod");
  const reportedAchievement = readFigure(read, "reportedAchievement");
  const reportedRemaining = readFigure(read, "reportedRemaining");
  const unit = roleText(grid, header, r, "unit");
  const inferred = inferKind({
    name: context.name,
    unit,
    targetText: target.text,
    target: target.figure,
    actual: actual.figure,
  });
  const kindText = roleText(grid, header, r, "kind");
  const kind = explicitKind(header, r, kindText, inferred, problems) ?? inferred;
  const parent = context.type === "sub" ? context.parent : null;
  // Line breaks separate lead agencies as `;` does; cellText would glue the names together.
  const ownAgency = splitAgencies(roleLines(grid, header, r, "agency")).join("; ");
  const agency = ownAgency || (parent ? parent.agency : "");
  const partnersText = roleLines(grid, header, r, "partners");
  if (context.name === "") problems.push(vi.problem.noName(r));
  return {
    row: r,
    type: context.type,
    label: context.label,
    name: cleanName(context.name),
    unit,
    section: context.section,
    parentRow: parent ? parent.row : null,
    ...kind,
    target: target.figure,
    actual: actual.figure,
    lastYear: lastYear.figure,
    samePeriod: samePeriod.figure,
    reportedAchievement: reportedAchievement.figure,
    reportedRemaining: reportedRemaining.figure,
    targetText: target.text,
    actualText: actual.text,
    agency,
    partners: partnersText !== "" ? splitAgencies(partnersText) : parent ? parent.partners : [],
    solutions: roleLines(grid, header, r, "solutions"),
    cells,
    problems,
  };
}

function explicitKind(
  header: HeaderMap,
  r: number,
  text: string,
  inferred: KindInfo,
  problems: string[]
): KindInfo | null {
  if (text === "") return null;
  const kind = kindFromCell(text, inferred);
  const col = header.columns.kind;
  if (kind === null && col !== undefined)
    problems.push(vi.problem.unknownKind(address(r, col), text));
  return kind;
}

/** Each figure column's number style, from its own unambiguous values (DOMAIN §1). */
function columnStyles(grid: Grid, header: HeaderMap): Partial<Record<ColumnRole, NumberStyle>> {
  const roles = FIGURE_ROLES.filter((role) => header.columns[role] !== undefined);
  const columns = roles.map(() => [] as CellValue[]);
  // One pass down the sheet for all figure columns: a row is read once, not once a column.
  const cols = roles.map((role) => header.columns[role] as number);
  for (let r = header.dataStart; r <= grid.lastRow; r++) {
    for (let i = 0; i < cols.length; i++) columns[i].push(grid.raw(r, cols[i]));
  }
  const scores = columns.map(styleScore);
  // The table's evidence is the sum of its columns': each cell is scored once.
  const table: StyleScore = { vi: 0, en: 0, weakVi: 0, weakEn: 0 };
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

/** `Tổng cộng` written in the STT column with the name cell empty: words are a name, not a label. */
function labelAndName(grid: Grid, header: HeaderMap, r: number): { label: string; name: string } {
  const label = rowLabel(grid, header, r);
  const name = rowName(grid, header, r);
  if (name === "" && /\p{L}{3,}/u.test(label)) return { label: "", name: label };
  return { label, name };
}

/** The row's label; a heading merged across the label and name columns is its name, not its label. */
function rowLabel(grid: Grid, header: HeaderMap, r: number): string {
  const col = header.columns.label;
  const nameCol = header.columns.name;
  if (col === undefined) return "";
  const merge = grid.mergeAt(r, col);
  if (merge && nameCol !== undefined && merge === grid.mergeAt(r, nameCol)) return "";
  return cellText(grid.raw(r, col));
}

/** The row's name; a heading merged across the label and name columns counts once. */
function rowName(grid: Grid, header: HeaderMap, r: number): string {
  const col = header.columns.name;
  if (col === undefined) return "";
  const own = cellText(grid.raw(r, col));
  if (own !== "") return own;
  const merge = grid.mergeAt(r, col);
  return merge && merge.top === r ? grid.text(r, col) : "";
}

/** A column's folded header texts, and their first letters to turn most cells away unfolded. */
interface HeaderWords {
  words: Set<string>;
  firsts: Set<string>;
}

/** Each column's header words (index 0 is the first column), folded once per sheet. */
function headerWords(grid: Grid, header: HeaderMap): HeaderWords[] {
  const columns: HeaderWords[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const texts = header.rows.map((h) => fold(grid.text(h, c))).filter((text) => text !== "");
    columns.push({ words: new Set(texts), firsts: new Set(texts.map((text) => text.charAt(0))) });
  }
  return columns;
}

/** True when a cell's text, folded, is one of its column's header words. */
function echoes(words: HeaderWords, text: string): boolean {
  if (words.words.size === 0) return false;
  const first = firstFolded(text);
  if (first === "" || (first !== null && !words.firsts.has(first))) return false;
  return words.words.has(fold(text));
}

/**
 * The header again after a page break: three cells that read as their column's role, or
 * two that repeat the header block's own words (a lower row of `Kế hoạch | TH 6 tháng`).
 */
function isRepeatedHeader(
  grid: Grid,
  roleColumns: [ColumnRole, number][],
  headerWordsOf: HeaderWords[],
  r: number
): boolean {
  let roles = 0;
  for (const [role, col] of roleColumns) {
    if (col !== undefined && isHeaderOf(cellText(grid.raw(r, col)), role)) roles++;
  }
  let echoed = 0;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (echoes(headerWordsOf[c - grid.firstCol], cellText(grid.raw(r, c)))) echoed++;
  }
  return roles >= 3 || echoed >= 2;
}

// `trong đó` as a whole word: `Trong doanh nghiệp ...` is a name, not a mark.
const SUB_MARK = /^\s*([-+•*–—]|trong (đó|do)(?!\p{L})\s*:?)\s*/iu;
/** Marks may be stacked: `- Trong đó: BHXH tự nguyện`. */
const SUB_MARKS = /^(\s*([-+•*–—:]|trong (đó|do)(?!\p{L})))+\s*/iu;

function isSubRow(label: string, name: string): boolean {
  return (
    SUB_MARK.test(name) ||
    /^[-+•*–]$/.test(label.trim()) ||
    /^\d+\.\d+/.test(label.trim()) ||
    /^[a-z][).]?$/.test(label.trim())
  );
}

/** `cleanName("- Trong đó: BHXH tự nguyện")` // "BHXH tự nguyện" */
function cleanName(name: string): string {
  return name.replace(SUB_MARKS, "").trim();
}

/** `Tổng cộng toàn tỉnh`, `Cộng`, `Toàn tỉnh`; not `Tổng vốn đầu tư` nor `Công nghiệp`. */
export function isTotalName(name: string): boolean {
  // `Tổng cộng (toàn tỉnh)` reads as `Tổng cộng toàn tỉnh`.
  const folded = fold(/[():.]/.test(name) ? name.replace(/[():.]+/g, " ") : name);
  if (folded === "") return false;
  // A city under central rule totals `Toàn thành phố`.
  return /^(tong cong|tong so|tong|cong|total|grand total)? ?(toan tinh|ca tinh|toan thanh pho|ca thanh pho|toan quoc|chung|all)?$/.test(
    folded
  );
}

/**
 * Agencies in a cell, split on `;` and line breaks only: commas belong inside names
 * such as `Ủy ban nhân dân các huyện, thị xã, thành phố`.
 */
export function splitAgencies(text: string): string[] {
  // Most cells name one agency: no list to split.
  if (!/[;\n\r]/.test(text)) {
    const only = text.replace(/^[-+•\s]+/, "").trim();
    return only === "" ? [] : [only];
  }
  return text
    .split(/[;\n\r]+/)
    .map((part) => part.replace(/^[-+•\s]+/, "").trim())
    .filter((part) => part !== "");
}
