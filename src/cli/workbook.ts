import { promises as fs } from "fs";
import path from "path";
import { ComputeOptions, TableError } from "../core/engine";
import { JobHost, runWorkbookJob, WorkbookReport } from "../core/job";
import { cli, vi } from "../core/messages/vi";
import { Table } from "../core/types";
import { WritePlan } from "../core/writePlan";
import { patchingSheet } from "../xlsx/ooxml/patch";
import { newStylesParts } from "../xlsx/ooxml/stylesPart";
import {
  listSheets,
  PackageParts,
  readContext,
  SheetPart,
  WorkbookContext,
} from "../xlsx/ooxml/package";
import { PackageError, readSheetTable } from "../xlsx/ooxml/read";
import { UsageError } from "./options";
import {
  Deflated,
  inflatedText,
  PieceDeflater,
  readZip,
  writeZip,
  ZipArchive,
  ZipError,
} from "./zip";

/** Parts up to this size are kept once inflated, whether or not they are read again. */
const KEPT_PART_BYTES = 1 << 20;

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
  /**
   * Parts changed so far, by path: each sheet's patched XML, deflated as it was written
   * (a 100.000-row sheet is never held as text twice), and the grown style sheet.
   */
  private readonly changed = new Map<string, string | Deflated>();
  /** Entry names by their lower case: a reference may spell a part in another case than the zip. */
  private readonly names = new Map<string, string>();
  /** Parts inflated and kept, by entry name: until they are changed, or the results are written. */
  private readonly inflated = new Map<string, string | undefined>();

  private constructor(
    readonly file: string,
    private readonly archive: ZipArchive
  ) {
    for (const { name } of archive.entries) {
      const key = name.toLowerCase();
      if (!this.names.has(key)) this.names.set(key, name);
    }
    // A part is inflated once and kept when it will be read again: a sheet is read for its
    // table, then again to be patched (inflating it twice would cost a second copy at the
    // peak, and the time), a small part (the style sheet) is read, then grown. A large
    // part read once (the shared strings) is let go.
    const sheetPaths = new Set<string>();
    this.parts = {
      text: (path) => {
        const part = this.entryName(path);
        const changed = this.changed.get(part);
        if (changed !== undefined)
          return typeof changed === "string" ? changed : inflatedText(changed);
        if (this.inflated.has(part)) return this.inflated.get(part);
        const text = archive.text(part);
        const small = (archive.size(part) ?? 0) <= KEPT_PART_BYTES;
        if (small || sheetPaths.has(part)) this.inflated.set(part, text);
        return text;
      },
    };
    this.sheetParts = listSheets(this.parts);
    for (const sheet of this.sheetParts) sheetPaths.add(this.entryName(sheet.path));
    this.context = readContext(this.parts);
  }

  /**
   * Opens a workbook. Whatever is wrong with the file (missing, not a zip, cut short, a
   * part that is not XML) is the user's to fix: one Vietnamese line naming the file.
   */
  static async open(file: string): Promise<Workbook> {
    let data: Buffer;
    try {
      data = await fs.readFile(file);
    } catch {
      throw new UsageError(vi.error.unreadableFile(file, cli.file.missing));
    }
    // A password-protected workbook, and an old .xls, is an OLE compound file, not a zip.
    if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
      throw new UsageError(vi.error.unreadableFile(file, cli.file.compoundFile));
    return Workbook.reading(file, () => new Workbook(file, readZip(data)));
  }

  /** Runs `read`, turning what a broken package throws into the user's error. */
  private static reading<T>(file: string, read: () => T, sheet?: string): T {
    try {
      return read();
    } catch (error) {
      throw Workbook.usersError(file, error, sheet);
    }
  }

  /** `reading` for work that waits on the way. */
  private static async readingAsync<T>(
    file: string,
    read: () => Promise<T>,
    sheet?: string
  ): Promise<T> {
    try {
      return await read();
    } catch (error) {
      throw Workbook.usersError(file, error, sheet);
    }
  }

  /** What a broken package threw, as the user's error; any other error as it is. */
  private static usersError(file: string, error: unknown, sheet?: string): unknown {
    const reason = Workbook.problem(error, sheet);
    return reason === undefined ? error : new UsageError(vi.error.unreadableFile(file, reason));
  }

  /** What is wrong, in the user's words; undefined for an error that is not the file's. */
  private static problem(error: unknown, sheet?: string): string | undefined {
    if (error instanceof ZipError) return cli.file.notZip;
    if (!(error instanceof PackageError)) return undefined;
    if (error.problem === "tooLarge") return cli.file.tooLarge(sheet ?? error.part);
    if (error.problem === "missing") return cli.file.missingPart(error.part);
    if (error.problem === "notWorkbook") return cli.file.notWorkbook(error.part);
    if (error.problem === "unexpected") return cli.file.unexpectedPart(error.part);
    return cli.file.brokenPart(error.part, sheet);
  }

  /** The zip entry a part path names, whatever its letter case; the path itself when absent. */
  private entryName(path: string): string {
    return this.archive.has(path) ? path : (this.names.get(path.toLowerCase()) ?? path);
  }

  table(sheet: SheetPart): Table {
    const read = (): Table => readSheetTable(this.parts, sheet, this.context);
    return Workbook.reading(this.file, read, sheet.name);
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
    for (const plan of plans) await this.apply(this.sheet(plan.sheet), plan);
    // Sheets read and left unchanged (no indicator table) are not read again either.
    for (const sheet of this.sheetParts) this.inflated.delete(this.entryName(sheet.path));
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
    const replace = new Map<string, string | Deflated>();
    const add = new Map<string, string | Deflated>();
    for (const [name, content] of this.changed)
      (this.archive.has(name) ? replace : add).set(name, content);
    const data = writeZip(this.archive, replace, add);
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

  private apply(sheet: SheetPart, plan: WritePlan): Promise<void> {
    return Workbook.readingAsync(
      this.file,
      async () => {
        const sheetPath = this.entryName(sheet.path);
        const stylesPath = this.entryName(this.context.stylesPath);
        // A workbook without a style sheet (Excel opens one) is given one, and its references.
        if (this.parts.text(stylesPath) === undefined)
          for (const [path, text] of newStylesParts(this.parts, this.context))
            this.changed.set(this.entryName(path), text);
        const sheetXml = this.parts.text(sheetPath);
        const stylesXml = this.parts.text(stylesPath);
        if (sheetXml === undefined || stylesXml === undefined) throw new Error("parts vanished");
        const names = { sheet: sheetPath, styles: stylesPath };
        const deflater = new PieceDeflater();
        const add = (piece: string): void => deflater.add(piece);
        const patching = patchingSheet(sheetXml, stylesXml, plan, add, names);
        let step = patching.next();
        while (!step.done) {
          // The deflater works on other threads: the rows wait when it is behind.
          if (deflater.behind) await deflater.caughtUp();
          step = patching.next();
        }
        this.changed.set(sheetPath, await deflater.finish());
        this.changed.set(stylesPath, step.value);
        this.inflated.delete(sheetPath);
      },
      sheet.name
    );
  }
}
