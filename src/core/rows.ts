import { joinedAgencies, splitAgencies } from "./agencies";
import { ColumnRole } from "./columns";
import { columnStyles, Figure, FigureSource, readFigure } from "./figures";
import { Grid } from "./grid";
import { HeaderMap, isNumberingRow } from "./headers";
import { inferFoldedKind, kindFromCell, KindInfo } from "./kinds";
import { Problem, problem } from "./problems";
import { headerWords, isRepeatedHeader } from "./repeatedHeader";
import { RowCells } from "./rowCells";
import { cleanName, isSubRow, isTotalFolded } from "./rowNames";
import { address, fold, multilineText } from "./text";

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
  partners: readonly string[];
  solutions: string;
  /**
   * The sheet's columns by role, shared by every row of the sheet: `cellOf` names a cell
   * for a message when one is needed, rather than every row keeping every address.
   */
  columns: Readonly<Partial<Record<ColumnRole, number>>>;
  /** What the reader found wrong with the row's cells. */
  problems: Problem[];
}

export interface Section {
  row: number;
  label: string;
  title: string;
}

/** What the rows under a heading name as their section: `I. CHỈ TIÊU KINH TẾ`, or its title alone. */
export function sectionName(section: Section): string {
  return section.label !== "" && section.title !== section.label
    ? `${section.label}. ${section.title}`
    : section.title;
}

/** Reads every row under the header into indicator rows and section headings. */
export function readRows(
  grid: Grid,
  header: HeaderMap
): { rows: IndicatorRow[]; sections: Section[] } {
  const rows: IndicatorRow[] = [];
  const sections = eachIndicatorRow(grid, header, (row) => rows.push(row));
  return { rows, sections };
}

/**
 * `readRows` one row at a time: each indicator row is handed to `visit` as soon as it is
 * read, so a caller that keeps only what it needs of a row lets the rest go while it is
 * young (on a sheet of 100.000 rows, cheap garbage rather than a heap to copy). Returns
 * the section headings, each also handed to `onSection` where it falls between the rows.
 */
export function eachIndicatorRow(
  grid: Grid,
  header: HeaderMap,
  visit: (row: IndicatorRow) => void,
  onSection?: (section: Section) => void
): Section[] {
  const words = headerWords(grid, header);
  const roleColumns = Object.entries(header.columns) as [ColumnRole, number][];
  const cells = new RowCells(grid);
  const sheet: Sheet = {
    grid,
    header,
    styles: columnStyles(grid, header),
    cells,
    roleColumns,
    agencies: new Map(),
    partners: new Map(),
    solutions: new Map(),
  };
  const { columns } = header;
  const sections: Section[] = [];
  let section: string | null = null;
  let parent: IndicatorRow | null = null;
  for (let r = header.dataStart; r <= grid.lastRow; r++) {
    cells.moveTo(r);
    let label = rowLabel(grid, header, cells, r);
    let name = rowName(grid, header, cells, r);
    // `Tổng cộng` written in the STT column with the name cell empty: words are a name, not a label.
    if (name === "" && LETTERS.test(label)) {
      name = label;
      label = "";
    }
    const hasFigureText = cells.text(columns.target) !== "" || cells.text(columns.actual) !== "";
    if (name === "" && label === "" && !hasFigureText) continue;
    if (isRepeatedHeader(grid, cells, roleColumns, words) || isNumberingRow(grid, r)) continue;
    const sub = isSubRow(label, name);
    const bare = !hasFigureText && cells.text(columns.unit) === "";
    // A bare `Trong đó:` announces the parent's parts; it is neither a row nor a heading.
    if (bare && sub && cleanName(name) === "") continue;
    // Headings assign no work: a row naming a lead agency is an indicator, even without figures.
    if (bare && !sub && cells.text(columns.agency) === "") {
      const heading: Section = { row: r, label, title: name || label };
      section = sectionName(heading);
      sections.push(heading);
      onSection?.(heading);
      parent = null;
      continue;
    }
    // The name is usually its own cell, already folded by the checks above.
    const folded = name === cells.text(columns.name) ? cells.folded(columns.name) : fold(name);
    // A part needs a whole: `1.1` or `- ...` straight under a heading is an indicator.
    const type: RowType = isTotalFolded(name, folded)
      ? "total"
      : sub && parent
        ? "sub"
        : "indicator";
    const row = readIndicator(sheet, r, { label, name, folded, type, section, parent });
    visit(row);
    // A row shaped like a part (`1.1` under a heading) heads no parts: `1.2` is its sibling.
    if (!sub) parent = row;
  }
  return sections;
}

const LETTERS = /\p{L}{3,}/u;

/** What reading any row of a sheet needs, made once per sheet. */
interface Sheet extends FigureSource {
  /** The header's roles and their columns, in the header's order. */
  roleColumns: [ColumnRole, number][];
  /**
   * Each lead-agency, partners and solutions cell read so far, by its raw text, and what
   * it gives: a sheet names a few dozen agencies over thousands of rows, and the same
   * `Alt+Enter` paragraphs repeat down it. Each text is tidied and split once, one look-up
   * a cell, and the rows naming the same partners share one (read-only) list; null for a
   * partners cell with nothing in it.
   */
  agencies: Map<string, string>;
  partners: Map<string, readonly string[] | null>;
  solutions: Map<string, string>;
}

const NO_PARTNERS: readonly string[] = Object.freeze([]);

interface RowContext {
  label: string;
  name: string;
  /** `fold(name)` */
  folded: string;
  type: RowType;
  section: string | null;
  parent: IndicatorRow | null;
}

/**
 * What a role's cell gives, from its text with the line breaks kept (they separate agencies
 * and a solution's paragraphs; cellText would glue them), worked out once per distinct text.
 */
function fromLines<T>(
  sheet: Sheet,
  known: Map<string, T>,
  r: number,
  role: ColumnRole,
  make: (lines: string) => T
): T {
  const col = sheet.header.columns[role];
  const raw = col === undefined ? null : sheet.grid.raw(r, col);
  // An empty cell is the empty text; a number or a flag is rare enough to read each time.
  const key = raw === null ? "" : typeof raw === "string" ? raw : undefined;
  if (key === undefined) return make(multilineText(raw));
  let value = known.get(key);
  if (value === undefined) known.set(key, (value = make(multilineText(key))));
  return value;
}

const partnersList = (text: string): readonly string[] | null =>
  text === "" ? null : splitAgencies(text);
const asIs = (text: string): string => text;

/** The address of a row's cell in a role (`D12`), or null when the sheet has no such column. */
export function cellOf(
  row: Pick<IndicatorRow, "row" | "columns">,
  role: ColumnRole
): string | null {
  const col = row.columns[role];
  return col === undefined ? null : address(row.row, col);
}

function readIndicator(sheet: Sheet, r: number, context: RowContext): IndicatorRow {
  const { header, cells } = sheet;
  const { columns } = header;
  const problems: Problem[] = [];
  // In FIGURE_ROLES order, which is the order their problems are listed in.
  const target = readFigure(sheet, r, "target", problems);
  const actual = readFigure(sheet, r, "actual", problems);
  const lastYear = readFigure(sheet, r, "lastYear", problems);
  const samePeriod = readFigure(sheet, r, "samePeriod", problems);
  const reportedAchievement = readFigure(sheet, r, "reportedAchievement", problems);
  const reportedRemaining = readFigure(sheet, r, "reportedRemaining", problems);
  const unit = cells.text(columns.unit);
  const targetText = cells.text(columns.target);
  const inferred = inferFoldedKind(
    { name: context.name, unit, targetText, target, actual },
    {
      name: context.folded,
      unit: cells.folded(columns.unit),
      targetText: cells.folded(columns.target),
    }
  );
  const kindText = cells.text(columns.kind);
  const kind = explicitKind(header, r, kindText, inferred, problems) ?? inferred;
  const parent = context.type === "sub" ? context.parent : null;
  const ownAgency = fromLines(sheet, sheet.agencies, r, "agency", joinedAgencies);
  const ownPartners = fromLines(sheet, sheet.partners, r, "partners", partnersList);
  if (context.name === "")
    problems.push(
      problem("noName", r, columns.name === undefined ? null : address(r, columns.name))
    );
  return {
    row: r,
    type: context.type,
    label: context.label,
    name: cleanName(context.name),
    unit,
    section: context.section,
    parentRow: parent ? parent.row : null,
    // Every row has the same fields, present or not: rows of one shape are read faster.
    kind: kind.kind,
    direction: kind.direction,
    planShare: kind.planShare,
    planAmount: kind.planAmount,
    planDecimals: kind.planDecimals,
    target,
    actual,
    lastYear,
    samePeriod,
    reportedAchievement,
    reportedRemaining,
    targetText,
    actualText: cells.text(columns.actual),
    agency: ownAgency || (parent ? parent.agency : ""),
    partners: ownPartners ?? (parent ? parent.partners : NO_PARTNERS),
    solutions: fromLines(sheet, sheet.solutions, r, "solutions", asIs),
    columns,
    problems,
  };
}

function explicitKind(
  header: HeaderMap,
  r: number,
  text: string,
  inferred: KindInfo,
  problems: Problem[]
): KindInfo | null {
  if (text === "") return null;
  const kind = kindFromCell(text, inferred);
  const col = header.columns.kind;
  if (kind === null && col !== undefined)
    problems.push(problem("unknownKind", r, address(r, col), { text }));
  return kind;
}

/** The row's label; a heading merged across the label and name columns is its name, not its label. */
function rowLabel(grid: Grid, header: HeaderMap, cells: RowCells, r: number): string {
  const col = header.columns.label;
  const nameCol = header.columns.name;
  if (col === undefined) return "";
  const merge = grid.mergeAt(r, col);
  if (merge && nameCol !== undefined && merge === grid.mergeAt(r, nameCol)) return "";
  return cells.text(col);
}

/** The row's name; a heading merged across the label and name columns counts once. */
function rowName(grid: Grid, header: HeaderMap, cells: RowCells, r: number): string {
  const col = header.columns.name;
  if (col === undefined) return "";
  const own = cells.text(col);
  if (own !== "") return own;
  const merge = grid.mergeAt(r, col);
  return merge && merge.top === r ? grid.text(r, col) : "";
}
