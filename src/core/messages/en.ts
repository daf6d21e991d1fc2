import { formatNumber, formatPercent } from "../format";
import { hostWords } from "./host";
import { skipWords } from "./skipped";
import { ProblemCatalog } from "../problems";

/**
 * What an English reader sees of the core's findings. Numbers keep the Vietnamese style
 * the workbook and the documents use (`12,50%`).
 */
export const en = {
  row: (row: number) => `row ${row}`,
  problems: {
    missingTarget: (cell) => `No target in cell ${cell}.`,
    missingActual: (cell) => `No actual figure in cell ${cell}.`,
    notANumber: (cell, { text }) => `Cell ${cell} is not a number: "${text}".`,
    excelError: (cell, { text }) => `Cell ${cell} holds the Excel error ${text}.`,
    negativeActual: (cell) =>
      `The actual in cell ${cell} is negative; a running total cannot fall below 0, check it.`,
    zeroTarget: (cell) => `The target in cell ${cell} is 0, so no achievement can be computed.`,
    noName: (_cell, _args, row) => `Row ${row} has figures but no indicator name.`,
    unknownKind: (cell, { text }) =>
      `Unknown indicator kind "${text}" in cell ${cell}; the kind was inferred from the name and unit.`,
    seasonalIgnored: (cell) =>
      `Last year's same-period figure in cell ${cell} does not fit last year's total; the calendar share of the period is used.`,
    missingPlanAmount: (cell) =>
      `The target in cell ${cell} is a share of the capital plan, but no plan amount is given.`,
    mismatchAchievement: (cell, { reported, computed, decimals }) =>
      `Cell ${cell} reports an achievement of ${formatPercent(reported, decimals)}; recomputed, it is ${formatPercent(computed, Math.max(2, decimals))}.`,
    mismatchRemaining: (cell, { reported, reportedDecimals, computed, decimals }) =>
      `Cell ${cell} reports ${formatNumber(reported, reportedDecimals)} still to do; recomputed, it is ${formatNumber(computed, decimals)}.`,
    totalMismatch: (cell, { sum, decimals, reported, reportedDecimals }) =>
      `The breakdown adds up to ${formatNumber(sum, decimals)}, but the totals row's cell ${cell} says ${formatNumber(reported, reportedDecimals)}.`,
  } satisfies ProblemCatalog,
  skipped: skipWords.en,
  host: hostWords.en,
};
