import { promises as fs } from "fs";
import path from "path";
import { analyse, Analysis, ComputeOptions, TableError } from "../core/engine";
import { vi } from "../core/messages/vi";
import { Table } from "../core/types";
import { planWrite, WritePlan } from "../core/writePlan";
import { applyPlanToXml } from "../xlsx/ooxml/patch";
import {
  listSheets,
  PackageError,
  PackageParts,
  readContext,
  readSheetTable,
  SheetPart,
  WorkbookContext,
} from "../xlsx/ooxml/read";
import { UsageError } from "./options";
import { readZip, writeZip, ZipArchive, ZipError } from "./zip";

/**
 * An .xlsx file as the CLI uses it: sheets read straight from the package's XML, and the
 * result written back by replacing only the parts that change (the computed sheets and
 * the style sheet). Every other part (charts, pivot tables, images, macros, custom XML)
 * is copied byte for byte, which a model-based library cannot promise; and a sheet of
 * 100.000 rows is read and written in seconds, in memory near its own size.
 */
export class Workbook {
  readonly sheets: SheetPart[];
  private readonly context: WorkbookContext;
  private readonly parts: PackageParts;
  /** Parts changed so far, by path: each sheet's patched XML and the grown style sheet. */
  private readonly changed = new Map<string, string>();

  private constructor(
    readonly file: string,
    private readonly archive: ZipArchive
  ) {
    // A part is inflated once: the sheet is read for its table, then again to be patched.
    const texts = new Map<string, string | undefined>();
    this.parts = {
      text: (part) => {
        if (this.changed.has(part)) return this.changed.get(part);
        if (!texts.has(part)) texts.set(part, archive.text(part));
        return texts.get(part);
      },
    };
    this.sheets = listSheets(this.parts);
    this.context = readContext(this.parts);
  }

  /** Opens a workbook; a missing or unreadable file is the user's error, said in Vietnamese. */
  static async open(file: string): Promise<Workbook> {
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch {
      throw new UsageError(vi.error.unreadableFile(file, "không có tệp này."));
    }
    try {
      return new Workbook(file, readZip(data));
    } catch (error) {
      if (error instanceof ZipError || error instanceof PackageError)
        throw new UsageError(vi.error.unreadableFile(file, "không phải tệp Excel (.xlsx) hợp lệ."));
      throw error;
    }
  }

  table(sheet: SheetPart): Table {
    try {
      return readSheetTable(this.parts, sheet, this.context);
    } catch (error) {
      if (error instanceof PackageError)
        throw new UsageError(vi.error.unreadableFile(this.file, `trang "${sheet.name}" bị hỏng.`));
      throw error;
    }
  }

  /**
   * Computes one sheet: the named one, or else the first that holds an indicator table.
   * The result columns are applied to the workbook, to be written by `save`.
   */
  compute(
    sheetName: string | undefined,
    options: ComputeOptions
  ): Analysis & { plan: WritePlan; sheet: SheetPart } {
    if (this.sheets.length === 0) throw new UsageError(vi.error.noHeader("(trống)"));
    const candidates =
      sheetName === undefined ? this.sheets : this.sheets.filter((s) => s.name === sheetName);
    if (candidates.length === 0)
      throw new UsageError(
        vi.error.missingSheet(
          sheetName ?? "",
          this.sheets.map((s) => s.name)
        )
      );
    for (const sheet of candidates) {
      const computed = this.computeSheet(sheet, options);
      if (computed !== null) return computed;
    }
    throw new UsageError(vi.error.noHeader(candidates[0].name));
  }

  /** Every sheet that holds an indicator table, computed and applied (the demo's job). */
  computeAll(options: ComputeOptions): (Analysis & { plan: WritePlan; sheet: SheetPart })[] {
    const results = [];
    for (const sheet of this.sheets) {
      const computed = this.computeSheet(sheet, options);
      if (computed !== null) results.push(computed);
    }
    return results;
  }

  /** Writes the workbook with the applied results; through a temporary file, never half-written. */
  async save(out: string): Promise<void> {
    const replace = new Map<string, Buffer | string>(this.changed);
    const data = writeZip(this.archive, replace);
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    const temporary = `${out}.${process.pid}.tmp`;
    try {
      await fs.writeFile(temporary, data);
      await fs.rename(temporary, out);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  private computeSheet(
    sheet: SheetPart,
    options: ComputeOptions
  ): (Analysis & { plan: WritePlan; sheet: SheetPart }) | null {
    let analysis: Analysis;
    try {
      analysis = analyse(this.table(sheet), options);
    } catch (error) {
      if (error instanceof TableError) return null;
      throw error;
    }
    const plan = planWrite(analysis.grid, analysis.header, analysis.report);
    this.apply(sheet, plan);
    return { ...analysis, plan, sheet };
  }

  private apply(sheet: SheetPart, plan: WritePlan): void {
    const { stylesPath } = this.context;
    const sheetXml = this.parts.text(sheet.path);
    const stylesXml = this.parts.text(stylesPath);
    if (sheetXml === undefined || stylesXml === undefined)
      throw new UsageError(vi.error.unreadableFile(this.file, "thiếu phần định dạng (styles)."));
    const patched = applyPlanToXml(sheetXml, stylesXml, plan);
    this.changed.set(sheet.path, patched.sheet);
    this.changed.set(stylesPath, patched.styles);
  }
}
