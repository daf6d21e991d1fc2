import path from "path";
import ExcelJS from "exceljs";
import { tableFromWorksheet } from "../../src/xlsx/sheet";
import { HostError, StoredSettings, WorkbookHost, WriteReceipt } from "../../src/core/host";
import type { Table } from "../../src/core/types";
import type { WritePlan } from "../../src/core/writePlan";

export const SAMPLE = path.join(__dirname, "../../assets/samples/chi-tieu-2024.xlsx");
export const MAIN_SHEET = "Chỉ tiêu KT-XH 2024";
export const DISTRICT_SHEET = "DN theo địa phương";

/** The sample workbook's sheets as the core's Tables, read once per test file. */
export async function loadSampleTables(): Promise<Table[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  return workbook.worksheets.map(tableFromWorksheet);
}

/** Tables and settings are plain JSON: a copy keeps the pane from sharing the fake's objects. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A sheet of notes with no indicator table in it. */
export function notesTable(sheet = "Ghi chú"): Table {
  return {
    sheet,
    origin: { row: 1, col: 1 },
    values: [["Ghi chú của phòng Tổng hợp"], ["Số liệu sẽ cập nhật sau."]],
    merges: [],
  };
}

export interface FakeHostOptions {
  active?: string;
  settings?: StoredSettings;
  /** Thrown by writePlans, to play a protected sheet. */
  writePlanError?: Error;
  /** Awaited by every read once the pane has started computing: a slow workbook. */
  readGate?: Promise<void>;
  /** How the host says a write is taken back; "clear" unless told. */
  undo?: WriteReceipt["undo"];
}

/** A WorkbookHost over in-memory tables that records every call the pane makes. */
export class FakeHost implements WorkbookHost {
  readonly calls = {
    readSheet: [] as (string | undefined)[],
    /** Every plan written, in order, whichever call wrote it. */
    writePlan: [] as WritePlan[],
    /** The plans of each `writePlans` call. */
    writePlans: [] as (readonly WritePlan[])[],
    clearResults: 0,
    writeDraft: [] as { lines: string[]; sheetName: string }[],
    selectRow: [] as { sheet: string; row: number; cell?: string }[],
    saveSettings: [] as StoredSettings[],
  };
  private stored: StoredSettings;
  private written = false;

  constructor(
    private readonly tables: Table[],
    private readonly options: FakeHostOptions = {}
  ) {
    this.stored = options.settings ?? {};
  }

  async sheets() {
    const names = this.tables.map((t) => t.sheet);
    return { names, active: this.options.active ?? names[0] ?? null };
  }

  async readSheet(name?: string): Promise<Table> {
    this.calls.readSheet.push(name);
    // The first screen's own read goes through; the compute's wait (see readGate).
    if (this.options.readGate && this.calls.readSheet.length > 1) await this.options.readGate;
    const wanted = name ?? this.options.active ?? this.tables[0]?.sheet;
    const table = this.tables.find((t) => t.sheet === wanted);
    if (!table) throw new HostError({ code: "noSheet", sheet: wanted ?? null });
    return clone(table);
  }

  async writePlans(plans: readonly WritePlan[]): Promise<WriteReceipt> {
    this.calls.writePlans.push(plans);
    this.calls.writePlan.push(...plans);
    if (this.options.writePlanError) throw this.options.writePlanError;
    this.written = true;
    return { undo: this.options.undo ?? "clear" };
  }

  async clearResults(): Promise<boolean> {
    this.calls.clearResults++;
    const had = this.written;
    this.written = false;
    return had;
  }

  async writeDraft(lines: string[], sheetName: string): Promise<string> {
    this.calls.writeDraft.push({ lines, sheetName });
    return sheetName;
  }

  async selectRow(sheet: string, row: number, cell?: string): Promise<void> {
    this.calls.selectRow.push(cell === undefined ? { sheet, row } : { sheet, row, cell });
  }

  async loadSettings(): Promise<StoredSettings> {
    return clone(this.stored);
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    this.calls.saveSettings.push(settings);
    this.stored = clone(settings);
  }
}
