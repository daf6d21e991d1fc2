/// <reference types="office-js" />
import { HostError, StoredSettings, WorkbookHost } from "../core/host";
import { CellValue, Table } from "../core/types";
import { WritePlan } from "../core/writePlan";
import { parseMerges, readRowsInChunks } from "./read";
import { applyPlanInBatches, rollback } from "./write";
import { excelMessages as m } from "./messages";

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
/** Merges matter for the header block and headings near it; Excel refuses more than 512 at once. */
const MERGE_ROWS = 60;

/** The Office.js side of the add-in: everything that speaks to Excel goes through here. */
export function createExcelHost(options: ExcelHostOptions): WorkbookHost {
  const { run } = options;
  const requireSets = (): void => {
    const supported = options.isSetSupported;
    if (supported && !supported("ExcelApi", "1.13"))
      throw new HostError("unsupported", m.unsupported);
  };
  const sheetOf = (context: Excel.RequestContext, name?: string): Excel.Worksheet =>
    name
      ? context.workbook.worksheets.getItem(name)
      : context.workbook.worksheets.getActiveWorksheet();

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
        const sheet = sheetOf(context, name);
        sheet.load("name,protection/protected");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        const merged = used
          .getIntersectionOrNullObject(`1:${MERGE_ROWS}`)
          .getMergedAreasOrNullObject();
        merged.load("address");
        // The first block of rows comes back with the size, so a small sheet is read in one trip.
        const first = used.getIntersectionOrNullObject(`1:${FIRST_BLOCK}`);
        first.load("values,numberFormat,rowIndex,rowCount");
        await context.sync();
        const empty: Table = {
          sheet: sheet.name,
          origin: { row: 1, col: 1 },
          values: [],
          formats: [],
          merges: [],
        };
        const rows = used.isNullObject ? null : await readRowsInChunks(context, sheet, used, first);
        const table: Table = rows
          ? {
              sheet: sheet.name,
              origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 },
              values: rows.values as CellValue[][],
              formats: rows.formats,
              merges: merged.isNullObject ? [] : parseMerges(merged.address),
            }
          : empty;
        // Kept so that writing needs no second read: the protection flag, and what the
        // result columns held, to put back if a write fails.
        lastRead.set(table.sheet, { table, protected: sheet.protection.protected });
        return table;
      }).catch(rethrow(m.readFailed));
    },

    async writePlan(plan: WritePlan): Promise<void> {
      requireSets();
      const read = lastRead.get(plan.sheet);
      const state = read ?? (await readState(run, plan));
      if (state.protected) throw new HostError("protected", m.protectedSheet(plan.sheet));
      const before = plan.columns.map((c) =>
        columnBefore(state.table, c.col, plan.headerRow, plan.lastRow)
      );
      try {
        await run((context) => applyPlanInBatches(context, plan));
      } catch (error) {
        // Office.js batches are not transactions: put back what the columns held.
        await run((context) => rollback(context, plan, before)).catch(() => undefined);
        throw new HostError("writeFailed", m.writeFailed(errorText(error)));
      }
    },

    async writeDraft(lines: string[], sheetName: string): Promise<string> {
      return run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = freeName(
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
      }).catch(rethrow(m.writeFailed("")));
    },

    async selectRow(sheetName: string, row: number): Promise<void> {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(`${row}:${row}`).select();
        await context.sync();
      });
    },

    async loadSettings(): Promise<StoredSettings> {
      const raw = options.settings?.get(SETTINGS_KEY);
      if (typeof raw !== "string" || raw === "") return {};
      try {
        return JSON.parse(raw) as StoredSettings;
      } catch {
        return {};
      }
    },

    async saveSettings(settings: StoredSettings): Promise<void> {
      const store = options.settings;
      if (!store) return;
      store.set(SETTINGS_KEY, JSON.stringify(settings));
      await new Promise<void>((resolve, reject) =>
        store.saveAsync((result: Office.AsyncResult<void>) =>
          String(result.status) === "failed"
            ? reject(new HostError("writeFailed", m.settingsFailed))
            : resolve()
        )
      );
    },
  };
}

export const FIRST_BLOCK = 2000;

/** Without an earlier read of the sheet: one trip for its protection and the columns' contents. */
async function readState(
  run: ExcelRun,
  plan: WritePlan
): Promise<{ table: Table; protected: boolean }> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(plan.sheet);
    sheet.load("protection/protected");
    const left = Math.min(...plan.columns.map((c) => c.col));
    const right = Math.max(...plan.columns.map((c) => c.col));
    const range = sheet.getRangeByIndexes(
      plan.headerRow - 1,
      left - 1,
      plan.lastRow - plan.headerRow + 1,
      right - left + 1
    );
    range.load("values");
    await context.sync();
    const table: Table = {
      sheet: plan.sheet,
      origin: { row: plan.headerRow, col: left },
      values: range.values,
      merges: [],
    };
    return { table, protected: sheet.protection.protected };
  }).catch(rethrow(m.readFailed));
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

function freeName(existing: string[], wanted: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++)
    if (!taken.has(`${wanted} (${i})`.toLowerCase())) return `${wanted} (${i})`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function rethrow(message: string) {
  return (error: unknown): never => {
    if (error instanceof HostError) throw error;
    throw new HostError("readFailed", `${message} ${errorText(error)}`.trim());
  };
}
