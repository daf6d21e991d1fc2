/// <reference types="office-js" />
import { savedCorrections } from "../core/job";
import { freeSheetName, HostError, StoredSettings, WorkbookHost } from "../core/host";
import { CellValue, Table } from "../core/types";
import { WritePlan } from "../core/writePlan";
import { readBlock, readTable } from "./read";
import { applyPlanInBatches, rollback } from "./write";

/** `Excel.run`, injected so that tests can drive the adapter with an in-memory object model. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

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

  const lastRead = new Map<string, { table: Table; protected: boolean }>();

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
        // Kept so that writing needs no second read: the protection flag, and what the
        // result columns held, to put back if a write fails.
        lastRead.set(read.table.sheet, read);
        return read.table;
      }).catch(rethrow("readFailed"));
    },

    async writePlan(plan: WritePlan): Promise<void> {
      requireSets();
      const read = lastRead.get(plan.sheet);
      const state = read ?? (await readState(run, plan));
      if (state.protected) throw new HostError({ code: "protected", sheet: plan.sheet });
      const before = plan.columns.map((c) =>
        columnBefore(state.table, c.col, plan.headerRow, plan.lastRow)
      );
      try {
        await run((context) => applyPlanInBatches(context, plan));
      } catch (error) {
        // Office.js batches are not transactions: put back what the columns held.
        await run((context) => rollback(context, plan, before)).catch(() => undefined);
        throw new HostError({ code: "writeFailed", detail: errorText(error) });
      }
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

/** Without an earlier read of the sheet: its protection and the columns' contents, in chunks. */
async function readState(
  run: ExcelRun,
  plan: WritePlan
): Promise<{ table: Table; protected: boolean }> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(plan.sheet);
    const left = Math.min(...plan.columns.map((c) => c.col));
    const right = Math.max(...plan.columns.map((c) => c.col));
    const area = {
      rowIndex: plan.headerRow - 1,
      columnIndex: left - 1,
      rowCount: plan.lastRow - plan.headerRow + 1,
      columnCount: right - left + 1,
    };
    const read = await readBlock(context, sheet, area);
    const table: Table = {
      sheet: plan.sheet,
      origin: { row: plan.headerRow, col: left },
      values: read.values,
      merges: [],
    };
    return { table, protected: read.protected };
  }).catch(rethrow("readFailed"));
}

/** A column of a snapshot from the header row down, blanks as "" (what Excel gives back). */
function columnBefore(table: Table, col: number, top: number, bottom: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line = table.values[r - table.origin.row];
    const value = line ? line[col - table.origin.col] : undefined;
    out.push([value === undefined || value === null ? "" : value]);
  }
  return out;
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
