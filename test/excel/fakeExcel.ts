/**
 * An in-memory Excel object model that keeps Office.js's rules where the adapter meets
 * them: a property must be loaded and synced before it is read, nothing queued is real
 * until `context.sync()`, and a request or response over Excel on the web's 5 MB limit
 * is refused with Excel's error code. It counts round trips and payload bytes (UTF-8 JSON).
 *
 * It keeps an undo stack as Excel does: each sync that writes is one undo step, unless the
 * run asked for `mergeUndoGroup` and the workbook's Excel has the API set for it (ExcelApi
 * 1.20, `UNDO_GROUP_SET`): then the whole run is one step. `undo()` is Ctrl+Z.
 */
import { ExcelRun, RunOptions, UNDO_GROUP_SET } from "../../src/excel/host";
import { Table } from "../../src/core/types";
import { columnLetter, columnNumber } from "../../src/core/text";

export const WEB_LIMIT = 5 * 1024 * 1024;

/** Bytes of a payload on the wire: JSON in UTF-8, where a Vietnamese letter takes 2 or 3. */
export const wireBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** An error as Office.js raises it (`RichApi.Error`): the adapter looks at its `code`. */
const officeError = (code: string, message: string): Error =>
  Object.assign(new Error(`${code}: ${message}`), { code });

type Value = string | number | boolean;
interface Cell {
  value: Value;
  format: string;
  bold?: boolean;
  wrap?: boolean;
}

/** Excel's default column width, in points. */
export const DEFAULT_WIDTH = 48;
export interface FakeRule {
  range: string;
  formula: string;
  fill: string;
  font: string;
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  merges: string[] = [];
  rules: FakeRule[] = [];
  /** Column widths set by the user or the add-in; the others are DEFAULT_WIDTH. */
  widths = new Map<number, number>();
  protected = false;
  constructor(public name: string) {}

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(`${row}:${col}`);
  }
  set(row: number, col: number, value: Value | null, format?: string): void {
    const old = this.cells.get(`${row}:${col}`);
    this.put(row, col, { ...old, value: value ?? "", format: format ?? old?.format ?? "General" });
  }
  /** Stores a cell; a blank one with no format of its own is no cell at all, as in Excel. */
  put(row: number, col: number, cell: Cell): void {
    const key = `${row}:${col}`;
    // Off is no property: a cell made bold and back is the cell it was.
    if (cell.bold === false) delete cell.bold;
    if (cell.wrap === false) delete cell.wrap;
    const plain = cell.format === "General" && !cell.bold && !cell.wrap;
    if (cell.value === "" && plain) this.cells.delete(key);
    else this.cells.set(key, cell);
  }
  /** Everything about the sheet as plain data: equal states are equal JSON. */
  state(): string {
    const sorted = <T>(entries: [T, unknown][]) =>
      entries.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    return JSON.stringify({
      name: this.name,
      cells: sorted([...this.cells]),
      rules: this.rules,
      widths: sorted([...this.widths]),
      merges: this.merges,
      protected: this.protected,
    });
  }
  static fromState(state: string): FakeSheet {
    const data = JSON.parse(state) as {
      name: string;
      cells: [string, Cell][];
      rules: FakeRule[];
      widths: [number, number][];
      merges: string[];
      protected: boolean;
    };
    const sheet = new FakeSheet(data.name);
    sheet.cells = new Map(data.cells);
    sheet.rules = data.rules;
    sheet.widths = new Map(data.widths);
    sheet.merges = data.merges;
    sheet.protected = data.protected;
    return sheet;
  }
  /** The used range with values only, 1-based inclusive, or null when the sheet is empty. */
  used(): { top: number; left: number; bottom: number; right: number } | null {
    let box: { top: number; left: number; bottom: number; right: number } | null = null;
    for (const [key, cell] of this.cells) {
      if (cell.value === "") continue;
      const [r, c] = key.split(":").map(Number);
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, c),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return box;
  }
  static fromTable(table: Table): FakeSheet {
    const sheet = new FakeSheet(table.sheet);
    table.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const format = table.formats?.[r]?.[c] ?? "General";
        if (value !== null) sheet.set(table.origin.row + r, table.origin.col + c, value, format);
      })
    );
    sheet.merges = table.merges.map(
      (m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`
    );
    return sheet;
  }
}

export interface Stats {
  roundTrips: number;
  /** Bytes each round trip sent; a refused request counts its own size. */
  requestBytes: number[];
  /** Bytes each round trip got back; a refused response counts as its error. */
  responseBytes: number[];
  /** Sizes of the requests and responses Excel refused for being over the limit. */
  refused: number[];
}

type Rect = { top: number; left: number; bottom: number; right: number };

function parseAddress(address: string): Rect {
  const bare = address.includes("!") ? address.split("!")[1] : address;
  const [a, b = a] = bare.replace(/\$/g, "").split(":");
  const part = (ref: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(ref);
    if (!m) throw new Error(`InvalidArgument: ${address}`);
    return { col: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const p = part(a);
  const q = part(b);
  return {
    top: p.row || 1,
    left: p.col || 1,
    bottom: q.row || 1_048_576,
    right: q.col || 16_384,
  };
}

const rectAddress = (sheet: string, r: Rect) =>
  `'${sheet}'!${columnLetter(r.left)}${r.top}:${columnLetter(r.right)}${r.bottom}`;

/**
 * Where two workbook states differ, cell by cell, the first few: a failing test names
 * them instead of printing two whole workbooks.
 */
export function stateDiff(actual: string, expected: string, most = 6): string[] {
  const a = JSON.parse(actual) as string[];
  const b = JSON.parse(expected) as string[];
  const out: string[] = [];
  if (a.length !== b.length) return [`${a.length} sheets, expected ${b.length}`];
  a.forEach((state, i) => {
    if (state === b[i]) return;
    const x = FakeSheet.fromState(state);
    const y = FakeSheet.fromState(b[i]);
    for (const key of new Set([...x.cells.keys(), ...y.cells.keys()])) {
      const p = JSON.stringify(x.cells.get(key));
      const q = JSON.stringify(y.cells.get(key));
      if (p !== q) out.push(`${x.name}!${key}: ${p} ≠ ${q}`);
    }
    for (const part of ["rules", "widths", "merges", "protected"] as const) {
      const p = JSON.stringify(part === "widths" ? [...x.widths] : x[part]);
      const q = JSON.stringify(part === "widths" ? [...y.widths] : y[part]);
      if (p !== q) out.push(`${x.name} ${part}: ${p} ≠ ${q}`);
    }
  });
  return out.slice(0, most);
}

/** The workbook and its request context: the adapter's `run` is `fake.run`. */
export class FakeExcel {
  sheets: FakeSheet[];
  active: string;
  stats: Stats = { roundTrips: 0, requestBytes: [], responseBytes: [], refused: [] };
  /** Makes the next sync that writes fail halfway, as a lost connection would. */
  failNextWrite = false;
  selected: { sheet: string; address: string } | null = null;
  /** The highest ExcelApi version this Excel has. */
  apiVersion = "1.13";
  /** Refuses every merged run's writes with UndoNotSupported, as Excel does for an API it cannot group. */
  refuseUndoGroup = false;
  /** Keeps the undo stack; off by default, since it copies the workbook at each step. */
  keepsUndo = false;
  /** The workbook before each undo step, the last one last. */
  undoStack: string[] = [];

  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets;
    this.active = sheets[0]?.name ?? "";
  }

  /** `Office.context.requirements.isSetSupported`, for this Excel's `apiVersion`. */
  isSetSupported = (name: string, version = "1.1"): boolean => {
    const [major, minor] = version.split(".").map(Number);
    const [hasMajor, hasMinor] = this.apiVersion.split(".").map(Number);
    return name === "ExcelApi" && (major < hasMajor || (major === hasMajor && minor <= hasMinor));
  };

  /** Every sheet as plain data: the state a test compares before and after. */
  state(): string {
    return JSON.stringify(this.sheets.map((sheet) => sheet.state()));
  }

  /** Ctrl+Z: the workbook goes back to where it was before the last undo step. */
  undo(): boolean {
    const state = this.undoStack.pop();
    if (state === undefined) return false;
    this.sheets = (JSON.parse(state) as string[]).map(FakeSheet.fromState);
    return true;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`ItemNotFound: ${name}`);
    return found;
  }

  run: ExcelRun = async (batch, options?: RunOptions) => {
    // An Excel without the API set ignores the option, as the real one does.
    const merged =
      options?.mergeUndoGroup === true &&
      this.isSetSupported(UNDO_GROUP_SET.name, UNDO_GROUP_SET.version);
    const context = new FakeContext(this, merged);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending()) await context.sync(); // Excel.run flushes what is left
    return result;
  };
}

type Op = { bytes: number; write: boolean; apply: () => void };
/** Bytes of a request or response besides what it carries. */
const ENVELOPE = 200;

class FakeContext {
  private ops: Op[] = [];
  private loads: { bytes: () => number; resolve: () => void }[] = [];
  /** The run's writes so far went into one undo step (a merged run only). */
  private grouped = false;
  workbook: { worksheets: FakeWorksheets };
  constructor(
    readonly excel: FakeExcel,
    private readonly merged = false
  ) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }
  pending(): boolean {
    return this.ops.length > 0 || this.loads.length > 0;
  }
  queue(op: Op): void {
    this.ops.push(op);
  }
  queueLoad(bytes: () => number, resolve: () => void): void {
    this.loads.push({ bytes, resolve });
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    const loads = this.loads;
    this.ops = [];
    this.loads = [];
    const request = ops.reduce((sum, op) => sum + op.bytes, 0) + ENVELOPE;
    const stats = this.excel.stats;
    stats.roundTrips++;
    stats.requestBytes.push(request);
    if (request > WEB_LIMIT) {
      stats.responseBytes.push(ENVELOPE);
      stats.refused.push(request);
      throw officeError("RequestPayloadSizeLimitExceeded", "the request is over 5 MB");
    }
    const writes = ops.filter((op) => op.write);
    if (this.merged && this.excel.refuseUndoGroup && writes.length > 0) {
      stats.responseBytes.push(ENVELOPE);
      throw officeError("UndoNotSupported", "an API in the group does not support undo");
    }
    if (this.excel.keepsUndo && writes.length > 0 && !(this.merged && this.grouped)) {
      this.excel.undoStack.push(this.excel.state());
      this.grouped = true;
    }
    const fail = this.excel.failNextWrite && writes.length > 0;
    if (fail) this.excel.failNextWrite = false;
    try {
      ops.forEach((op, i) => {
        if (fail && op.write && i >= Math.floor(ops.length / 2))
          throw officeError("GeneralException", "connection lost");
        op.apply();
      });
    } catch (error) {
      stats.responseBytes.push(ENVELOPE);
      throw error;
    }
    const response = loads.reduce((sum, load) => sum + load.bytes(), 0) + ENVELOPE;
    if (response > WEB_LIMIT) {
      // Nothing comes back but the error: the loads stay unloaded, as in Office.js.
      stats.responseBytes.push(ENVELOPE);
      stats.refused.push(response);
      throw officeError("ResponsePayloadSizeLimitExceeded", "the response is over 5 MB");
    }
    stats.responseBytes.push(response);
    loads.forEach((load) => load.resolve());
  }
}

/** A property bag that throws when read before it was loaded and synced, as Office.js does. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected synced = false;
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${name}`);
    return this.loaded.get(name) as T;
  }
}

class FakeWorksheets extends Loadable {
  constructor(private context: FakeContext) {
    super();
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  load(props: string): void {
    if (!props.includes("items")) return;
    this.context.queueLoad(
      () => wireBytes(this.context.excel.sheets.map((s) => s.name)),
      () =>
        this.loaded.set(
          "items",
          this.context.excel.sheets.map((s) => new FakeWorksheet(this.context, s.name, true))
        )
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.active);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name);
  }
  /** A sheet that may be gone: its `isNullObject` says, once synced. */
  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.context, name);
    this.context.queueLoad(
      () => 20,
      () => sheet.markNull(!this.context.excel.sheets.some((s) => s.name === name))
    );
    return sheet;
  }
  add(name: string): FakeWorksheet {
    const excel = this.context.excel;
    this.context.queue({
      bytes: wireBytes(name) + 40,
      write: true,
      apply: () => excel.sheets.push(new FakeSheet(name)),
    });
    return new FakeWorksheet(this.context, name);
  }
}

class FakeWorksheet extends Loadable {
  private resolveName: () => string;
  protection: { protected: boolean };
  constructor(
    private context: FakeContext,
    name: string | (() => string),
    nameLoaded = false
  ) {
    super();
    this.resolveName = typeof name === "string" ? () => name : name;
    if (nameLoaded) this.loaded.set("name", this.resolveName());
    const self = this;
    this.protection = {
      get protected(): boolean {
        return self.read("protection/protected");
      },
    };
  }
  get name(): string {
    return this.read("name");
  }
  private missing: boolean | null = null;
  markNull(missing: boolean): void {
    this.missing = missing;
  }
  get isNullObject(): boolean {
    if (this.missing === null) throw new Error("PropertyNotLoaded: isNullObject");
    return this.missing;
  }
  sheet(): FakeSheet {
    return this.context.excel.sheet(this.resolveName());
  }
  load(props: string): void {
    this.context.queueLoad(
      () => 40,
      () => {
        if (props.includes("name")) this.loaded.set("name", this.resolveName());
        if (props.includes("protection"))
          this.loaded.set("protection/protected", this.sheet().protected);
      }
    );
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, this, () => this.sheet().used());
  }
  getRange(address: string): FakeRange {
    const rect = parseAddress(address);
    return new FakeRange(this.context, this, () => rect);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const rect = { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols };
    return new FakeRange(this.context, this, () => rect);
  }
  activate(): void {
    this.context.queue({
      bytes: 40,
      write: false,
      apply: () => (this.context.excel.active = this.resolveName()),
    });
  }
}

class FakeRange extends Loadable {
  format: { font: { bold?: boolean }; wrapText?: boolean; columnWidth?: number };
  conditionalFormats: { clearAll: () => void; add: (type: string) => FakeConditionalFormat };
  constructor(
    private context: FakeContext,
    private worksheet: FakeWorksheet,
    private rect: () => Rect | null
  ) {
    super();
    // Each setter queues a write over the range's cells (or columns), each getter reads
    // what `load("format/…")` brought back.
    const eachCell = (change: (cell: Cell) => Cell) => () => {
      const r = this.rect();
      const sheet = this.worksheet.sheet();
      if (!r) throw new Error("InvalidReference");
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const cell = sheet.get(row, col) ?? { value: "", format: "General" };
          sheet.put(row, col, change({ ...cell }));
        }
    };
    const property = (target: object, name: string, loaded: string, set: (v: never) => void) =>
      Object.defineProperty(target, name, {
        get: () => this.read(loaded),
        set: (value: never) => {
          this.context.queue({ bytes: 60, write: true, apply: () => set(value) });
        },
      });
    const font = {};
    property(font, "bold", "format/font/bold", (bold: boolean) =>
      eachCell((cell) => ({ ...cell, bold }))()
    );
    this.format = {} as FakeRange["format"];
    Object.defineProperty(this.format, "font", { value: font });
    property(this.format, "wrapText", "format/wrapText", (wrap: boolean) =>
      eachCell((cell) => ({ ...cell, wrap }))()
    );
    property(this.format, "columnWidth", "format/columnWidth", (width: number) => {
      const r = this.rect();
      if (!r) throw new Error("InvalidReference");
      const sheet = this.worksheet.sheet();
      for (let col = r.left; col <= r.right; col++)
        if (width === DEFAULT_WIDTH) sheet.widths.delete(col);
        else sheet.widths.set(col, width);
    });
    this.conditionalFormats = {
      clearAll: () =>
        this.context.queue({
          bytes: 60,
          write: true,
          apply: () => {
            const address = this.address();
            const sheet = this.worksheet.sheet();
            sheet.rules = sheet.rules.filter((rule) => rule.range !== address);
          },
        }),
      add: () => new FakeConditionalFormat(this.context, this.worksheet, () => this.address()),
    };
  }
  private address(): string {
    const r = this.rect();
    return r ? `${columnLetter(r.left)}${r.top}:${columnLetter(r.right)}${r.bottom}` : "";
  }
  get isNullObject(): boolean {
    if (!this.synced) throw new Error("PropertyNotLoaded: isNullObject");
    return this.rect() === null;
  }
  get values(): Value[][] {
    return this.read("values");
  }
  set values(rows: Value[][]) {
    const rect = this.rect();
    this.context.queue({
      bytes: wireBytes(rows),
      write: true,
      apply: () => {
        if (!rect) throw new Error("InvalidReference");
        const sheet = this.worksheet.sheet();
        if (sheet.protected) throw new Error("AccessDenied: the sheet is protected");
        const height = rect.bottom - rect.top + 1;
        const width = rect.right - rect.left + 1;
        if (rows.length !== height || rows.some((row) => row.length !== width)) {
          throw new Error(`InvalidArgument: ${rows.length} rows for a range of ${height}`);
        }
        rows.forEach((row, r) => row.forEach((v, c) => sheet.set(rect.top + r, rect.left + c, v)));
      },
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(rows: string[][]) {
    const rect = this.rect();
    this.context.queue({
      bytes: wireBytes(rows),
      write: true,
      apply: () => {
        if (!rect) throw new Error("InvalidReference");
        const sheet = this.worksheet.sheet();
        // A 1×1 array applies to the whole range, as Office.js allows.
        const broadcast = rows.length === 1 && rows[0].length === 1;
        for (let r = rect.top; r <= rect.bottom; r++) {
          for (let c = rect.left; c <= rect.right; c++) {
            const format = broadcast ? rows[0][0] : rows[r - rect.top][c - rect.left];
            const cell = sheet.get(r, c) ?? { value: "" };
            sheet.put(r, c, { ...cell, format });
          }
        }
      },
    });
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get addressText(): string {
    return this.read("address");
  }
  load(props: string): void {
    const names = props.split(",").map((p) => p.trim());
    let cached: Record<string, unknown> | null = null;
    const snapshot = (): Record<string, unknown> => {
      if (cached) return cached;
      const r = this.rect();
      if (!r) return (cached = {});
      const sheet = this.worksheet.sheet();
      const values: Value[][] = [];
      const formats: string[][] = [];
      if (names.includes("values") || names.includes("numberFormat")) {
        for (let row = r.top; row <= r.bottom; row++) {
          values.push([]);
          formats.push([]);
          for (let col = r.left; col <= r.right; col++) {
            const cell = sheet.get(row, col);
            values[values.length - 1].push(cell ? cell.value : "");
            formats[formats.length - 1].push(cell ? cell.format : "General");
          }
        }
      }
      const corner = sheet.get(r.top, r.left);
      return (cached = {
        values,
        numberFormat: formats,
        // A property of a range is its first cell's (the add-in reads single cells).
        "format/font/bold": corner?.bold ?? false,
        "format/wrapText": corner?.wrap ?? false,
        "format/columnWidth": sheet.widths.get(r.left) ?? DEFAULT_WIDTH,
        rowIndex: r.top - 1,
        columnIndex: r.left - 1,
        rowCount: r.bottom - r.top + 1,
        columnCount: r.right - r.left + 1,
        address: rectAddress(sheet.name, r),
      });
    };
    this.context.queueLoad(
      () => wireBytes(names.map((n) => snapshot()[n] ?? null)),
      () => {
        this.synced = true;
        for (const n of names) this.loaded.set(n, snapshot()[n]);
      }
    );
  }
  getIntersectionOrNullObject(address: string): FakeRange {
    const other = parseAddress(address);
    return new FakeRange(this.context, this.worksheet, () => {
      const r = this.rect();
      if (!r) return null;
      const box = {
        top: Math.max(r.top, other.top),
        left: Math.max(r.left, other.left),
        bottom: Math.min(r.bottom, other.bottom),
        right: Math.min(r.right, other.right),
      };
      return box.top <= box.bottom && box.left <= box.right ? box : null;
    });
  }
  getMergedAreasOrNullObject(): {
    load: (p: string) => void;
    isNullObject: boolean;
    address: string;
  } {
    const result: { isNullObject: boolean; address: string; load: (props: string) => void } = {
      isNullObject: true,
      address: "",
      load: () => undefined,
    };
    result.load = () =>
      this.context.queueLoad(
        () => 100,
        () => {
          const r = this.rect();
          const sheet = this.worksheet.sheet();
          const inside = sheet.merges.filter((m) => {
            const q = parseAddress(m);
            return (
              r !== null &&
              q.top >= r.top &&
              q.bottom <= r.bottom &&
              q.left >= r.left &&
              q.right <= r.right
            );
          });
          result.isNullObject = inside.length === 0;
          result.address = inside.map((m) => `'${sheet.name}'!${m}`).join(", ");
        }
      );
    return result;
  }
  select(): void {
    this.context.queue({
      bytes: 40,
      write: false,
      apply: () =>
        (this.context.excel.selected = {
          sheet: this.worksheet.sheet().name,
          address: this.address(),
        }),
    });
  }
}

class FakeConditionalFormat {
  custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  };
  constructor(context: FakeContext, worksheet: FakeWorksheet, address: () => string) {
    const rule: FakeRule = { range: "", formula: "", fill: "", font: "" };
    context.queue({
      bytes: 200,
      write: true,
      apply: () => {
        rule.range = address();
        worksheet.sheet().rules.push(rule);
      },
    });
    this.custom = { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } };
    Object.defineProperty(this.custom.rule, "formula", {
      set: (v: string) => {
        rule.formula = v;
      },
    });
    Object.defineProperty(this.custom.format.fill, "color", {
      set: (v: string) => {
        rule.fill = v;
      },
    });
    Object.defineProperty(this.custom.format.font, "color", {
      set: (v: string) => {
        rule.font = v;
      },
    });
  }
}
