/*
 * A row's problems as facts: a code, the row and cell it concerns, and the figures behind
 * it. Each host words them in its own language from a catalog (`messages/vi.ts`,
 * `messages/en.ts`), as HyperFormula words a `CellError` from its type; nothing words a
 * problem anywhere else, and nothing parses a worded one back.
 */

/** The figures each kind of problem carries, by code. */
export interface ProblemArgs {
  /** The target cell is empty. */
  missingTarget: Record<string, never>;
  /** The actual cell is empty, `-`, `x` or `…`. */
  missingActual: Record<string, never>;
  /** A figure cell holds words (`chưa có`). */
  notANumber: { text: string };
  /** A figure cell holds an Excel error (`#DIV/0!`). */
  excelError: { text: string };
  /** A flow's actual below 0 (`-5`): a typing error more often than a figure. */
  negativeActual: Record<string, never>;
  /** A target of 0: no achievement can be computed. */
  zeroTarget: Record<string, never>;
  /** Figures on a row with no indicator name. */
  noName: Record<string, never>;
  /** The kind column says something the engine does not know; the kind was inferred. */
  unknownKind: { text: string };
  /** Last year's same-period figure is no share of last year's total: the calendar share is used. */
  seasonalIgnored: Record<string, never>;
  /** `trên 95% kế hoạch vốn` with no plan amount to take the share of. */
  missingPlanAmount: Record<string, never>;
  /** The workbook's achievement (as a fraction, in its own decimals) is not the computed one. */
  mismatchAchievement: { reported: number; computed: number; decimals: number };
  /** The workbook's remaining amount is not the computed one. */
  mismatchRemaining: {
    reported: number;
    reportedDecimals: number;
    computed: number;
    decimals: number;
  };
  /** A totals row that is not the sum of its breakdown. */
  totalMismatch: { sum: number; decimals: number; reported: number; reportedDecimals: number };
}

export type ProblemCode = keyof ProblemArgs;

/**
 * One problem of one row. `cell` is the cell it concerns (`H14`), or null when the sheet
 * has no column for it (a missing actual on a sheet without an actual column).
 */
export type Problem = {
  [C in ProblemCode]: {
    readonly code: C;
    readonly row: number;
    readonly cell: string | null;
    readonly args: Readonly<ProblemArgs[C]>;
  };
}[ProblemCode];

/** The codes whose problem restates a figure check (`Mismatch`, `TotalMismatch`). */
export const CHECK_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "mismatchAchievement",
  "mismatchRemaining",
  "totalMismatch",
]);

const NO_ARGS: Record<string, never> = {};

/** `problem("missingActual", 12, "E12")` // { code: "missingActual", row: 12, cell: "E12", args: {} } */
export function problem<C extends ProblemCode>(
  code: C,
  row: number,
  cell: string | null,
  ...args: ProblemArgs[C] extends Record<string, never> ? [] : [ProblemArgs[C]]
): Problem {
  return { code, row, cell, args: args[0] ?? NO_ARGS } as Problem;
}

/** What a sheet as a whole lacks: the period could not be read, so six months were assumed. */
export interface SheetWarning {
  readonly code: "noPeriod";
  readonly months: number;
}

/** A language's words for each problem code: a function of the problem's place and figures. */
export type ProblemCatalog = {
  [C in ProblemCode]: (where: string, args: Readonly<ProblemArgs[C]>, row: number) => string;
};

/** A language's way to name a problem's place: the cell, or the row when it has none. */
export interface Wording {
  problems: ProblemCatalog;
  /** `dòng 12` / `row 12` */
  row: (row: number) => string;
}

/** A problem in a language: `renderProblem(p, vi)` // "Thiếu số liệu thực hiện ở ô E12." */
export function renderProblem(p: Problem, wording: Wording): string {
  const where = p.cell ?? wording.row(p.row);
  const say = wording.problems[p.code] as (
    where: string,
    args: Problem["args"],
    row: number
  ) => string;
  return say(where, p.args, p.row);
}
