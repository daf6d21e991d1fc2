import ExcelJS from "exceljs";
import { freeSheetName, HostError, StoredSettings, WorkbookHost, WriteReceipt } from "../core/host";
import { Table } from "../core/types";
import { WritePlan } from "../core/writePlan";
import { applyPlanSteps, CELLS_PER_STEP, tableSteps } from "../xlsx/sheet";

/** What the grid shows: the sheet in view and the row the pane asked to select. */
export interface View {
  sheet: string;
  selectedRow: number | null;
  /** The cell the pane asked to select (`H14`), if it asked for one. */
  selectedCell?: string;
  version: number;
  /** Bumped when the workbook's content changes (a write, a clear, a new sheet), not by a selection. */
  edits: number;
}

/**
 * A WorkbookHost over an .xlsx held in the page by exceljs: the same pane, core and
 * drafting as in Excel, and nothing leaves the browser.
 */
export class BrowserHost implements WorkbookHost {
  private settings: StoredSettings = {};
  /** What the last compute's writes replaced, for "Xoá kết quả". */
  private lastWrite: Before[] | null = null;
  private listeners = new Set<(view: View) => void>();
  view: View;

  constructor(readonly workbook: ExcelJS.Workbook) {
    const first = workbook.worksheets[0];
    if (!first) throw new HostError({ code: "noSheet", sheet: null });
    this.view = { sheet: first.name, selectedRow: null, version: 0, edits: 0 };
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
    const { version, edits } = this.view;
    this.view = { sheet, selectedRow, selectedCell, version: version + 1, edits };
    this.listeners.forEach((listener) => listener(this.view));
  }

  /** Shows a sheet whose content just changed: the grid rebuilds its rows. */
  private changed(sheet: string, selectedRow: number | null = null): void {
    this.view = { ...this.view, edits: this.view.edits + 1 };
    this.show(sheet, selectedRow);
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
    return sliced(tableSteps(this.worksheet(name)));
  }

  async writePlans(plans: readonly WritePlan[]): Promise<WriteReceipt> {
    const befores: Before[] = [];
    for (const plan of plans)
      befores.push(await sliced(snapshot(this.worksheet(plan.sheet), plan)));
    try {
      for (const plan of plans) await sliced(applyPlanSteps(this.worksheet(plan.sheet), plan));
    } catch (error) {
      befores.reverse().forEach(restore);
      throw new HostError({ code: "writeFailed", detail: String(error) });
    }
    this.lastWrite = befores;
    this.changed(this.view.sheet, this.view.selectedRow);
    // The page keeps no undo history: "Xoá kết quả" is the way back.
    return { undo: "clear" };
  }

  async clearResults(): Promise<boolean> {
    const befores = this.lastWrite;
    if (befores === null) return false;
    // Put back by address only where the columns are still where the write put them.
    const moved = befores.find(
      ({ sheet, headers }) =>
        this.workbook.getWorksheet(sheet.name) !== sheet ||
        headers.some(({ row, col, text }) => sheet.getCell(row, col).value !== text)
    );
    if (moved) throw new HostError({ code: "resultsMoved", sheet: moved.sheet.name });
    [...befores].reverse().forEach(restore);
    this.lastWrite = null;
    this.changed(this.view.sheet, this.view.selectedRow);
    return true;
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
    this.changed(name);
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

/** A plan's cells as they were: every result cell from the header row down, widths and rules. */
interface Before {
  sheet: ExcelJS.Worksheet;
  /** Each cell's value and style; a cell the sheet did not hold has no style of its own. */
  cells: { cell: ExcelJS.Cell; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }[];
  widths: { col: number; width: number | undefined }[];
  rules: ExcelJS.ConditionalFormattingOptions[];
  /** The headers the write gives its columns: still there, the columns have not moved. */
  headers: { row: number; col: number; text: string }[];
}

/** Deep copy of a style: exceljs shares style objects between cells and changes them in place. */
const copyStyle = (style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> =>
  JSON.parse(JSON.stringify(style ?? {})) as Partial<ExcelJS.Style>;

/** What the plan's cells hold, taken in steps (`sliced`), the last step giving it. */
function* snapshot(sheet: ExcelJS.Worksheet, plan: WritePlan): Generator<void, Before> {
  const cells: Before["cells"] = [];
  for (const { col } of plan.columns)
    for (let row = plan.headerRow; row <= plan.lastRow; row++) {
      if (row % CELLS_PER_STEP === 0) yield;
      // A cell not there yet is put back blank and unstyled, which exceljs does not write:
      // the row's or column's style shows through it again.
      const line = sheet.getRow(row);
      const held = line.findCell(col) !== undefined;
      cells.push(
        held ? kept(line.getCell(col)) : { cell: line.getCell(col), value: null, style: {} }
      );
    }
  return {
    sheet,
    cells,
    widths: plan.columns.map(({ col }) => ({ col, width: sheet.getColumn(col).width })),
    rules: rulesOf(sheet),
    headers: plan.columns.map(({ col, header }) => ({ row: plan.headerRow, col, text: header })),
  };
}

/** The sheet's colour rules, through the one public call that visits them all (keeping each). */
function rulesOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  const rules: ExcelJS.ConditionalFormattingOptions[] = [];
  sheet.removeConditionalFormatting((rule: ExcelJS.ConditionalFormattingOptions) => {
    rules.push(rule);
    return true;
  });
  return rules;
}

function kept(cell: ExcelJS.Cell): Before["cells"][number] {
  return { cell, value: cell.value, style: copyStyle(cell.style) };
}

function restore(before: Before): void {
  for (const { cell, value, style } of before.cells) {
    cell.value = value;
    cell.style = copyStyle(style);
  }
  for (const { col, width } of before.widths) before.sheet.getColumn(col).width = width as number;
  before.sheet.removeConditionalFormatting(() => false);
  for (const rule of before.rules) before.sheet.addConditionalFormatting(rule);
}

/** A task's time on the main thread before it lets the browser paint and answer. */
const SLICE_MS = 16;

/**
 * Runs a generator's steps, handing the main thread back to the browser whenever a slice
 * has run SLICE_MS: a long write becomes many short tasks. Resolves to what it returns.
 */
async function sliced<T>(steps: Generator<void, T>): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      start = performance.now();
    }
  }
}
