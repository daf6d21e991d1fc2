/**
 * The plain, serialisable data that flows through the engine:
 * sheet snapshot → Table → header mapping → indicator rows → progress → report.
 */

/** A cell as a host hands it over: Excel errors arrive as their text (`#N/A`). */
export type CellValue = string | number | boolean | null;

/** A merged area, 1-based and inclusive, in sheet coordinates. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A rectangular snapshot of a sheet's used range.
 * `values[r][c]` is the cell at sheet row `origin.row + r`, column `origin.col + c`.
 * `formats`, when the host has them, holds each cell's number format (`0.00%`).
 */
export interface Table {
  sheet: string;
  origin: { row: number; col: number };
  values: CellValue[][];
  formats?: (string | null)[][];
  merges: Merge[];
}

/** A number read from a cell, with what the reader learned on the way. */
export interface ParsedNumber {
  value: number;
  /** Digits after the decimal mark as written (in percent units for a percentage). */
  decimals: number;
  /** Written with a percent sign or a percent number format; `value` is then in percent (37.25). */
  percent: boolean;
  /** A bound in words or signs: `dưới 2%` → "lt", `trên 95%` → "gt", `≥ 95%` → "ge". */
  bound?: "lt" | "le" | "gt" | "ge";
  /** `85/85` → { numerator: 85, denominator: 85 }; `value` is the numerator. */
  fraction?: { numerator: number; denominator: number };
}

/** Why a cell holds no number. */
export type NotANumber =
  | { reason: "empty" } // blank, `-`, `x`, `…`
  | { reason: "error"; text: string } // `#N/A`, `#DIV/0!`
  | { reason: "text"; text: string }; // words with no figure

export type NumberStyle = "vi" | "en";
