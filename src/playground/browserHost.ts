import ExcelJS from "exceljs";
import { freeSheetName, HostError, StoredSettings, WorkbookHost } from "../core/host";
import { Table } from "../core/types";
import { WritePlan } from "../core/writePlan";
import { applyPlan, tableFromWorksheet } from "../xlsx/sheet";

/** What the grid shows: the sheet in view and the row the pane asked to select. */
export interface View {
  sheet: string;
  selectedRow: number | null;
  /** The cell the pane asked to select (`H14`), if it asked for one. */
  selectedCell?: string;
  version: number;
}

/**
 * A WorkbookHost over an .xlsx held in the page by exceljs: the same pane, core and
 * drafting as in Excel, and nothing leaves the browser.
 */
export class BrowserHost implements WorkbookHost {
  private settings: StoredSettings = {};
  private listeners = new Set<(view: View) => void>();
  view: View;

  constructor(readonly workbook: ExcelJS.Workbook) {
    const first = workbook.worksheets[0];
    if (!first) throw new HostError({ code: "noSheet", sheet: null });
    this.view = { sheet: first.name, selectedRow: null, version: 0 };
  }

  /** Reads an .xlsx from bytes; a file that is not one gives a HostError. */
  static async open(bytes: ArrayBuffer): Promise<BrowserHost> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes);
    } catch {
      throw new HostError({ code: "notXlsx" });
    }
    return new BrowserHost(workbook);
  }

  subscribe(listener: (view: View) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  show(sheet: string, selectedRow: number | null = null, selectedCell?: string): void {
    this.view = { sheet, selectedRow, selectedCell, version: this.view.version + 1 };
    this.listeners.forEach((listener) => listener(this.view));
  }

  worksheet(name?: string): ExcelJS.Worksheet {
    const sheet = this.workbook.getWorksheet(name ?? this.view.sheet);
    if (!sheet) throw new HostError({ code: "noSheet", sheet: name ?? this.view.sheet });
    return sheet;
  }

  async sheets() {
    return { names: this.workbook.worksheets.map((s) => s.name), active: this.view.sheet };
  }

  async readSheet(name?: string): Promise<Table> {
    return tableFromWorksheet(this.worksheet(name));
  }

  async writePlan(plan: WritePlan): Promise<void> {
    applyPlan(this.worksheet(plan.sheet), plan);
    this.show(plan.sheet, this.view.selectedRow);
  }

  async writeDraft(lines: string[], sheetName: string): Promise<string> {
    const name = freeSheetName(
      this.workbook.worksheets.map((s) => s.name),
      sheetName
    );
    const sheet = this.workbook.addWorksheet(name);
    sheet.getColumn(1).width = 120;
    lines.forEach((line, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = line; // exceljs stores strings as text, never as formulas
      cell.alignment = { wrapText: true };
    });
    this.show(name);
    return name;
  }

  async selectRow(sheet: string, row: number, cell?: string): Promise<void> {
    this.show(sheet, row, cell);
  }

  async loadSettings(): Promise<StoredSettings> {
    return this.settings;
  }

  async saveSettings(settings: StoredSettings): Promise<void> {
    this.settings = settings;
  }

  /** The workbook as .xlsx bytes, for the download button. */
  async save(): Promise<ArrayBuffer> {
    return (await this.workbook.xlsx.writeBuffer()) as ArrayBuffer;
  }
}
