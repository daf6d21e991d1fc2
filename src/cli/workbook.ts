import { promises as fs } from "fs";
import path from "path";
import { ComputeOptions, TableError } from "../core/engine";
import { JobHost, runWorkbookJob, WorkbookReport } from "../core/job";
import { cli, vi } from "../core/messages/vi";
import { Table } from "../core/types";
import { WritePlan } from "../core/writePlan";
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
export class Workbook implements JobHost {
  /** The package's worksheets, in the workbook's order. */
  readonly sheetParts: SheetPart[];
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
    this.sheetParts = listSheets(this.parts);
    this.context = readContext(this.parts);
  }

  /** Opens a workbook; a missing or unreadable file is the user's error, said in Vietnamese. */
  static async open(file: string): Promise<Workbook> {
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch {
      throw new UsageError(vi.error.unreadableFile(file, cli.file.missing));
    }
    try {
      return new Workbook(file, readZip(data));
    } catch (error) {
      if (error instanceof ZipError || error instanceof PackageError)
        throw new UsageError(vi.error.unreadableFile(file, cli.file.notXlsx));
      throw error;
    }
  }

  table(sheet: SheetPart): Table {
    try {
      return readSheetTable(this.parts, sheet, this.context);
    } catch (error) {
      if (error instanceof PackageError)
        throw new UsageError(vi.error.unreadableFile(this.file, cli.file.brokenSheet(sheet.name)));
      throw error;
    }
  }

  /** The job's view of the workbook: its sheet names. */
  async sheets(): Promise<{ names: string[] }> {
    return { names: this.sheetParts.map((s) => s.name) };
  }

  /** The job's snapshot of a sheet, read straight from its XML. */
  async readSheet(name: string): Promise<Table> {
    return this.table(this.sheet(name));
  }

  /** Applies the sheets' result columns, to be written by `save`. */
  async writePlans(plans: readonly WritePlan[]): Promise<void> {
    for (const plan of plans) this.apply(this.sheet(plan.sheet), plan);
  }

  /**
   * Runs the workbook job: every sheet that holds an indicator table, or only `sheetName`;
   * the result columns are applied, to be written by `save`.
   */
  async compute(sheetName: string | undefined, options: ComputeOptions): Promise<WorkbookReport> {
    if (this.sheetParts.length === 0)
      throw new UsageError(vi.error.unreadableFile(this.file, cli.file.noSheets));
    if (sheetName !== undefined) this.sheet(sheetName);
    try {
      return await runWorkbookJob(this, {
        months: options.months,
        tolerance: options.tolerance,
        sheets: sheetName === undefined ? undefined : [sheetName],
      });
    } catch (error) {
      if (error instanceof TableError) throw new UsageError(error.message);
      throw error;
    }
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

  private sheet(name: string): SheetPart {
    const found = this.sheetParts.find((s) => s.name === name);
    if (found === undefined)
      throw new UsageError(
        vi.error.missingSheet(
          name,
          this.sheetParts.map((s) => s.name)
        )
      );
    return found;
  }

  private apply(sheet: SheetPart, plan: WritePlan): void {
    const { stylesPath } = this.context;
    const sheetXml = this.parts.text(sheet.path);
    const stylesXml = this.parts.text(stylesPath);
    if (sheetXml === undefined || stylesXml === undefined)
      throw new UsageError(vi.error.unreadableFile(this.file, cli.file.noStyles));
    const patched = applyPlanToXml(sheetXml, stylesXml, plan);
    this.changed.set(sheet.path, patched.sheet);
    this.changed.set(stylesPath, patched.styles);
  }
}
