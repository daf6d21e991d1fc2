/// <reference types="office-js" />
import { savedCorrections } from "../core/job";
import { freeSheetName, HostError, StoredSettings, WorkbookHost } from "../core/host";
import { Table } from "../core/types";
import { WritePlan } from "../core/writePlan";
import { readTable } from "./read";
import { Before, movedSheets, readBefore, restore } from "./restore";
import { applyPlanInBatches } from "./write";

/** What the adapter passes to `Excel.run`: only the undo grouping. */
export interface RunOptions {
  mergeUndoGroup?: boolean;
}

/** `Excel.run`, injected so that tests can drive the adapter with an in-memory object model. */
export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: RunOptions
) => Promise<T>;

/**
 * Office.js's own `Excel.run`, with the options when there are any; a clear failure where
 * the page is not running inside Excel.
 */
export const officeRun: ExcelRun = (batch, options) =>
  typeof Excel === "undefined"
    ? Promise.reject(new HostError({ code: "noExcel" }))
    : options
      ? Excel.run(options, batch)
      : Excel.run(batch);

/**
 * The API set of `Excel.run({ mergeUndoGroup: true })`: ExcelApi 1.20 in `@types/office-js`
 * (the add-in's issue says 1.19; the later one is the safe test). Below it Excel ignores
 * the option and each sync is an undo step of its own, so the pane offers "Xoá kết quả".
 */
export const UNDO_GROUP_SET = { name: "ExcelApi", version: "1.20" } as const;

/** Office's per-document settings store (`Office.context.document.settings`). */
export type SettingsStore = Pick<Office.Settings, "get" | "set" | "saveAsync">;

export interface ExcelHostOptions {
  run: ExcelRun;
  settings?: SettingsStore;
  /** `Office.context.requirements.isSetSupported`, to say in plain words what an old Excel lacks. */
  isSetSupported?: (name: string, version: string) => boolean;
}

const SETTINGS_KEY = "chitieu";

/** The Office.js side of the add-in: everything that speaks to Excel goes through here. */
export function createExcelHost(options: ExcelHostOptions): WorkbookHost {
  const { run } = options;
  const requireSets = (): void => {
    const supported = options.isSetSupported;
    if (supported && !supported("ExcelApi", "1.13")) throw new HostError({ code: "unsupported" });
  };
  const sheetOf = (context: Excel.RequestContext, name?: string): Excel.Worksheet =>
    name
      ? context.workbook.worksheets.getItem(name)
      : context.workbook.worksheets.getActiveWorksheet();

  const stored = (): StoredSettings => {
    const raw = options.settings?.get(SETTINGS_KEY);
    if (typeof raw !== "string" || raw === "") return {};
    try {
      return JSON.parse(raw) as StoredSettings;
    } catch {
      return {};
    }
  };

  /** Set once Excel refused an undo group: later writes go ungrouped without asking again. */
  let groupsRefused = false;
  const undoGroups = (): boolean =>
    !groupsRefused &&
    (options.isSetSupported?.(UNDO_GROUP_SET.name, UNDO_GROUP_SET.version) ?? false);
  /**
   * Runs `batch` as one undo step where Excel can; if Excel refuses the group for an API it
   * cannot undo, `undo` (when the batch is not safe to run twice) puts back what the refused
   * run did and `batch` runs ungrouped. True when the run was grouped.
   */
  const runGrouped = async (
    batch: (context: Excel.RequestContext) => Promise<void>,
    undo?: (context: Excel.RequestContext) => Promise<void>
  ): Promise<boolean> => {
    if (!undoGroups()) {
      await run(batch);
      return false;
    }
    try {
      await run(batch, { mergeUndoGroup: true });
      return true;
    } catch (error) {
      if (!isUndoNotSupported(error)) throw error;
      groupsRefused = true;
      if (undo) await run(undo);
      await run(batch);
      return false;
    }
  };
  /** What the last compute's writes replaced, sheet by sheet, for "Xoá kết quả". */
  let lastWrite: Before[] | null = null;

  return {
    async sheets() {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const active = sheets.getActiveWorksheet();
        active.load("name");
        await context.sync();
        return { names: sheets.items.map((s) => s.name), active: active.name };
      });
    },

    async readSheet(name?: string): Promise<Table> {
      requireSets();
      return run(async (context) => {
        // The user's column corrections: their figure columns need formats as the header's do.
        const corrections = (sheet: string) => savedCorrections(stored(), sheet);
        const read = await readTable(context, sheetOf(context, name), corrections);
        return read.table;
      }).catch(rethrow("readFailed"));
    },

    async writePlans(plans: readonly WritePlan[]) {
      requireSets();
      // What every sheet's result columns hold now, read before anything is written: a
      // protected sheet is refused before any other is touched.
      const befores = await run(async (context) => {
        const kept: Before[] = [];
        for (const plan of plans) {
          const read = await readBefore(context, plan);
          if (read.protected) throw new HostError({ code: "protected", sheet: plan.sheet });
          kept.push(read.before);
        }
        return kept;
      }).catch(rethrow("readFailed"));
      const putBack = (context: Excel.RequestContext) => restoreAll(context, befores);
      let grouped: boolean;
      try {
        grouped = await runGrouped((context) => writeAll(context, plans), putBack);
      } catch (error) {
        // Office.js batches are not transactions: put back what the columns held.
        await run(putBack).catch(() => undefined);
        throw new HostError({ code: "writeFailed", detail: errorText(error) });
      }
      lastWrite = befores;
      return { undo: grouped ? ("excel" as const) : ("clear" as const) };
    },

    async clearResults(): Promise<boolean> {
      const befores = lastWrite;
      if (befores === null) return false;
      // Put back by address only where the columns are still where the write put them.
      const moved = await run((context) => movedSheets(context, befores)).catch(
        rethrow("readFailed")
      );
      if (moved.length > 0) throw new HostError({ code: "resultsMoved", sheet: moved[0] });
      const putBack = (context: Excel.RequestContext) => restoreAll(context, befores);
      // Grouped where Excel can, so that Ctrl+Z takes the clearing back too.
      // Putting back twice gives the same cells: nothing to undo before the ungrouped run.
      await runGrouped(putBack).catch(rethrow("writeFailed"));
      lastWrite = null;
      return true;
    },

    async writeDraft(lines: string[], sheetName: string): Promise<string> {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = freeSheetName(
          sheets.items.map((s) => s.name),
          sheetName
        );
        const sheet = sheets.add(name);
        if (lines.length > 0) {
          const range = sheet.getRange(`A1:A${lines.length}`);
          // Text format first: a paragraph starting with "=", "-" or "+" must stay text.
          range.numberFormat = [["@"]];
          range.values = lines.map((line) => [line]);
          range.format.wrapText = true;
          range.format.columnWidth = 700;
        }
        sheet.activate();
        await context.sync();
        return name;
      }).catch(rethrow("writeFailed"));
    },

    async selectRow(sheetName: string, row: number, cell?: string): Promise<void> {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(cell ?? `${row}:${row}`).select();
        await context.sync();
      });
    },

    async loadSettings(): Promise<StoredSettings> {
      return stored();
    },

    async saveSettings(settings: StoredSettings): Promise<void> {
      const store = options.settings;
      if (!store) return;
      store.set(SETTINGS_KEY, JSON.stringify(settings));
      await new Promise<void>((resolve, reject) =>
        store.saveAsync((result: Office.AsyncResult<void>) =>
          String(result.status) === "failed"
            ? reject(new HostError({ code: "settingsFailed" }))
            : resolve()
        )
      );
    },
  };
}

async function writeAll(context: Excel.RequestContext, plans: readonly WritePlan[]) {
  for (const plan of plans) await applyPlanInBatches(context, plan);
}

/** Puts back every sheet, the last written first. */
async function restoreAll(context: Excel.RequestContext, befores: readonly Before[]) {
  for (const before of [...befores].reverse()) await restore(context, before);
}

/** Office.js's refusal of an API inside an undo group. */
function isUndoNotSupported(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "UndoNotSupported";
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Any other failure of a batch, as the host failure of the step it broke. */
function rethrow(code: "readFailed" | "writeFailed") {
  return (error: unknown): never => {
    if (error instanceof HostError) throw error;
    throw new HostError({ code, detail: errorText(error) });
  };
}
