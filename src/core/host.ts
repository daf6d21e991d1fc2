import { ColumnRole } from "./columns";
import { Table } from "./types";
import { hostWords } from "./messages/host";
import { WritePlan } from "./writePlan";

/**
 * What the task pane needs from a workbook, whoever holds it: Excel (its JavaScript API),
 * or an .xlsx opened in a browser. The pane and the core never know which.
 */
export interface WorkbookHost {
  /** Names of the worksheets, and the active one. */
  sheets(): Promise<{ names: string[]; active: string | null }>;
  /** A snapshot of a sheet's used range (the active sheet when no name is given). */
  readSheet(name?: string): Promise<Table>;
  /**
   * Applies one compute's write plans (values, number formats, status colour rules) as one
   * action: where the host can, a single undo step (Ctrl+Z takes the whole compute back).
   * A failed write puts back what it had changed.
   */
  writePlans(plans: readonly WritePlan[]): Promise<WriteReceipt>;
  /**
   * Puts back what the last `writePlans` replaced, values and formats, and removes its
   * colour rules: "Xoá kết quả". False when there is nothing to put back.
   */
  clearResults(): Promise<boolean>;
  /** Writes a draft to its own sheet, one paragraph per row; returns the sheet's name. */
  writeDraft(lines: string[], sheetName: string): Promise<string>;
  /** Selects a row, or one cell of it (`H14`), and brings it into view. */
  selectRow(sheet: string, row: number, cell?: string): Promise<void>;
  /** Settings kept in the workbook, so they travel with the file. */
  loadSettings(): Promise<StoredSettings>;
  saveSettings(settings: StoredSettings): Promise<void>;
}

/**
 * How the user takes a compute back: Excel's own undo (the writes are one undo group), or
 * only the pane's "Xoá kết quả" (`clearResults`), which every host offers.
 */
export interface WriteReceipt {
  undo: "excel" | "clear";
}

/** What the add-in keeps in a workbook (document settings or a custom XML part). */
export interface StoredSettings {
  /** Column letters the user corrected, per sheet. */
  columns?: Record<string, Partial<Record<ColumnRole, string>>>;
  months?: number;
  tolerance?: number;
  /** Templates as saved by `saveTemplates` (only what differs from the defaults). */
  templates?: string;
  /** Draft settings the user typed: issuing body, deadline, signer... */
  draft?: Record<string, string>;
}

/** What went wrong on the host's side, as a fact a catalog words (`messages/vi.ts` `host`). */
export type HostFailure =
  /** Excel older than the API set the add-in needs. */
  | { code: "unsupported" }
  /** The pane is open outside Excel. */
  | { code: "noExcel" }
  | { code: "protected"; sheet: string }
  /** `detail`: the host's own reason, untranslated; "" when it gave none. */
  | { code: "writeFailed"; detail: string }
  | { code: "settingsFailed" }
  /** `sheet`: the one asked for; null when the workbook has no sheet at all. */
  | { code: "noSheet"; sheet: string | null }
  | { code: "readFailed"; detail: string }
  /** The bytes are not an .xlsx package, or a broken one. */
  | { code: "notXlsx" }
  /**
   * "Xoá kết quả" found a result column's header changed since the compute (a column
   * inserted or deleted, the header edited): putting cells back by address would hit the
   * user's data, so nothing was written.
   */
  | { code: "resultsMoved"; sheet: string };

export type HostCode = HostFailure["code"];

/** One wording per failure, typed so that a catalog misses none. */
export type HostCatalog = {
  [C in HostCode]: (failure: Extract<HostFailure, { code: C }>) => string;
};

/** A failure in a language: `renderHostFailure({ code: "notXlsx" }, en)`. */
export function renderHostFailure(failure: HostFailure, catalog: HostCatalog): string {
  const say = catalog[failure.code] as (failure: HostFailure) => string;
  return say(failure);
}

/**
 * A failure the user can act on (`protected sheet`, `old Excel`). Its message is the
 * Vietnamese wording, for logs and the CLI; a pane words `failure` in its own language.
 */
export class HostError extends Error {
  constructor(readonly failure: HostFailure) {
    super(renderHostFailure(failure, hostWords.vi));
    this.name = "HostError";
  }

  get code(): HostCode {
    return this.failure.code;
  }
}

/**
 * A name for a new sheet that no sheet has yet, in any letter case, as Excel compares them:
 * `freeSheetName(["Dự thảo"], "Dự thảo")` // "Dự thảo (2)"
 */
export function freeSheetName(existing: readonly string[], wanted: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++)
    if (!taken.has(`${wanted} (${i})`.toLowerCase())) return `${wanted} (${i})`;
}
