import { WritePlan, WriteValue } from "../../core/writePlan";
import { columnLetter, columnNumber } from "../../core/text";
import { parseRange } from "../sheet";
import { escapeRegExp, StyleBook } from "./styles";
import { attr, dropAttr, escapeXml, setAttr, unescapeXml } from "./xml";

/*
 * A write plan applied to a worksheet's XML text, the rest of the text kept as it was:
 * the result cells go into their rows, the header cells into the header row, widths into
 * `<cols>`, the status colours into one `<conditionalFormatting>`. Nothing else of the
 * sheet is read into memory as objects, so a 100.000-row sheet costs a scan, not a model,
 * and whatever the sheet holds that this code does not know (drawings, validations,
 * extensions) is carried over byte for byte.
 */

export interface PatchedParts {
  sheet: string;
  styles: string;
}

/** One result cell to write: its value and number format; `header` for the header row's. */
interface NewCell {
  col: number;
  value: WriteValue;
  format: string | undefined;
  header: boolean;
}

/** The elements that may follow `<conditionalFormatting>` in a worksheet, in schema order. */
const AFTER_CONDITIONAL = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export function applyPlanToXml(sheetXml: string, stylesXml: string, plan: WritePlan): PatchedParts {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet\b/.exec(sheetXml);
  if (!root) throw new Error("worksheet part has no worksheet element");
  const p = root[1] ?? "";
  const styles = new StyleBook(stylesXml);
  const data = new SheetText(sheetXml, p).element("sheetData");
  if (!data) throw new Error("worksheet part has no sheetData");
  // The few elements around the rows are edited in the sheet's head and tail, small texts;
  // the rows become a list of slices and new cells, joined once with them at the end.
  const head = new SheetText(sheetXml.slice(0, data.start), p);
  const tail = new SheetText(sheetXml.slice(data.end), p);
  const rows = writeCells(sheetXml, data, styles, plan, p);
  writeDimension(head, plan);
  writeWidths(head, plan);
  writeConditional(tail, styles, plan);
  return { sheet: [head.text, ...rows, tail.text].join(""), styles: styles.toXml() };
}

/** The sheet's text with the prefix its elements use (`x:` in some generators' files). */
class SheetText {
  constructor(
    public text: string,
    readonly prefix: string
  ) {}

  /**
   * Where the start tag `<name` is from `from`, not matching longer names (`<col` in
   * `<cols`), or -1. A plain search: a pattern run over tens of megabytes costs seconds.
   */
  find(name: string, from = 0, to = this.text.length): number {
    const open = `<${this.prefix}${name}`;
    for (let at = this.text.indexOf(open, from); at >= 0 && at < to;) {
      const next = this.text.charCodeAt(at + open.length);
      // Space, tab, newline, carriage return, `/` or `>` end the name.
      if (next === 32 || next === 9 || next === 10 || next === 13 || next === 47 || next === 62)
        return at;
      at = this.text.indexOf(open, at + 1);
    }
    return -1;
  }

  /** Index of the first of `names` present from `from`, or -1. */
  firstOf(names: string[], from = 0): number {
    let best = -1;
    for (const name of names) {
      const found = this.find(name, from, best < 0 ? this.text.length : best);
      if (found >= 0 && (best < 0 || found < best)) best = found;
    }
    return best;
  }

  /** The element `name` (start to end tag, or a self-closed tag) within `from`…`to`, or null. */
  element(
    name: string,
    from = 0,
    to = this.text.length
  ): { start: number; end: number; tag: string } | null {
    const start = this.find(name, from, to);
    if (start < 0) return null;
    const tagEnd = this.text.indexOf(">", start) + 1;
    const tag = this.text.slice(start, tagEnd);
    if (tag.endsWith("/>")) return { start, end: tagEnd, tag };
    const close = `</${this.prefix}${name}>`;
    const end = this.text.indexOf(close, tagEnd);
    if (end < 0) throw new Error(`worksheet part: <${name}> is not closed`);
    return { start, end: end + close.length, tag };
  }

  splice(start: number, end: number, insert: string): void {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
  }
}

/**
 * The result cells of each sheet row, made as the rows are met. The number formats are
 * looked up by row per column once (the plan holds a few ranges).
 */
function cellSource(plan: WritePlan): (row: number) => NewCell[] | null {
  const formats = new Map<number, (string | undefined)[]>();
  for (const column of plan.columns) formats.set(column.col, new Array(column.values.length));
  for (const { range, format } of plan.numberFormats) {
    const { top, left, bottom, right } = parseRange(range);
    for (let c = left; c <= right; c++) {
      const byRow = formats.get(c);
      // The plan formats its own columns only; anything else would be a new kind of plan.
      if (!byRow) throw new Error(`write plan formats ${range}, outside its columns`);
      for (let r = Math.max(top, plan.firstRow); r <= bottom; r++)
        byRow[r - plan.firstRow] = format;
    }
  }
  const columns = [...plan.columns].sort((a, b) => a.col - b.col);
  return (row) => {
    if (row === plan.headerRow)
      return columns.map((c) => ({ col: c.col, value: c.header, format: undefined, header: true }));
    if (row < plan.firstRow || row > plan.lastRow) return null;
    const i = row - plan.firstRow;
    return columns.map((c) => ({
      col: c.col,
      value: c.values[i],
      format: formats.get(c.col)?.[i],
      header: false,
    }));
  };
}

/** Rows that need a cell of their own even where the sheet has no `<row>` yet. */
function rowsWithValues(plan: WritePlan): number[] {
  const rows = new Set<number>([plan.headerRow]);
  for (const column of plan.columns)
    column.values.forEach((value, i) => value !== null && rows.add(plan.firstRow + i));
  return [...rows].sort((a, b) => a - b);
}

/** The `<sheetData>` element with the result cells, as texts to be joined. */
function writeCells(
  text: string,
  data: { start: number; end: number; tag: string },
  styles: StyleBook,
  plan: WritePlan,
  p: string
): string[] {
  const cellsOf = cellSource(plan);
  const needed = rowsWithValues(plan);
  const ours = new Set(plan.columns.map((c) => c.col));
  const firstOurs = Math.min(...ours);
  const out: string[] = [];
  let copied = data.start;
  let next = 0;
  const insertMissing = (before: number, at: number): void => {
    while (next < needed.length && needed[next] < before) {
      const row = needed[next++];
      const cells = patchRow("", ours, cellsOf(row) ?? [], undefined, row, styles, p);
      out.push(text.slice(copied, at), `<${p}row r="${row}">${cells}</${p}row>`);
      copied = at;
    }
  };
  if (data.tag.endsWith("/>")) {
    out.push(text.slice(copied, data.end - 2), ">");
    copied = data.end;
    insertMissing(Infinity, data.end);
    out.push(`</${p}sheetData>`);
  } else {
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const close = data.end - `</${p}sheetData>`.length;
    let at = text.indexOf(rowOpen, data.start + data.tag.length);
    let previous = 0;
    while (at >= 0 && at < close) {
      const tagEnd = text.indexOf(">", at) + 1;
      const tag = text.slice(at, tagEnd);
      const selfClosed = tag.endsWith("/>");
      const end = selfClosed ? tagEnd : text.indexOf(rowClose, tagEnd) + rowClose.length;
      const row = Number(attr(tag, "r")) || previous + 1;
      previous = row;
      insertMissing(row, at);
      if (next < needed.length && needed[next] === row) next++;
      const cells = cellsOf(row);
      if (cells !== null) {
        const inner = selfClosed ? "" : text.slice(tagEnd, end - rowClose.length);
        const rowStyle = attr(tag, "customFormat") === "1" ? attr(tag, "s") : undefined;
        const body = patchRow(inner, ours, cells, rowStyle, row, styles, p, firstOurs);
        let head = dropAttr(tag, "spans");
        if (selfClosed) head = head.slice(0, -2) + ">";
        out.push(text.slice(copied, at), head, body, rowClose);
        copied = end;
      }
      at = text.indexOf(rowOpen, end);
    }
    insertMissing(Infinity, close);
  }
  out.push(text.slice(copied, data.end));
  return out;
}

/**
 * A row's cells with the result cells put in: cells of other columns kept as they are,
 * in column order; a result cell that was there (an earlier run's) replaced, its style
 * kept as the base of the new number format.
 */
function patchRow(
  inner: string,
  ours: Set<number>,
  cells: NewCell[],
  rowStyle: string | undefined,
  row: number,
  styles: StyleBook,
  p: string,
  firstOurs = Infinity
): string {
  // Most rows end left of the result columns: their cells stay as one slice.
  const last = lastCellColumn(inner, p);
  if (last !== null && last < firstOurs) {
    const tail = tailAfterCells(inner, p);
    const fresh = newCells(cells, new Map(), rowStyle, row, styles, p).join("");
    return inner.slice(0, tail) + fresh + inner.slice(tail);
  }
  const kept: { col: number; xml: string }[] = [];
  const existing = new Map<number, string | undefined>();
  const pattern = new RegExp(`<${escapeRegExp(p)}c(?=[\\s/>])`, "g");
  const close = `</${p}c>`;
  let col = 0;
  let tail = 0;
  for (let found = pattern.exec(inner); found; found = pattern.exec(inner)) {
    const tagEnd = inner.indexOf(">", found.index) + 1;
    const tag = inner.slice(found.index, tagEnd);
    const end = tag.endsWith("/>") ? tagEnd : inner.indexOf(close, tagEnd) + close.length;
    const ref = attr(tag, "r");
    col = ref ? columnNumber(ref.replace(/\d+$/, "")) : col + 1;
    if (ours.has(col)) existing.set(col, attr(tag, "s"));
    // A cell with no address takes its place from the previous one: given one, it keeps it.
    else
      kept.push({
        col,
        xml: ref ? inner.slice(found.index, end) : withRef(inner.slice(found.index, end), row, col),
      });
    pattern.lastIndex = end;
    tail = end;
  }
  const fresh = newCells(cells, existing, rowStyle, row, styles, p);
  const merged: string[] = [];
  let k = 0;
  cells.forEach((cell, i) => {
    while (k < kept.length && kept[k].col < cell.col) merged.push(kept[k++].xml);
    merged.push(fresh[i]);
  });
  while (k < kept.length) merged.push(kept[k++].xml);
  return merged.join("") + inner.slice(tail);
}

function withRef(cell: string, row: number, col: number): string {
  const tagEnd = cell.indexOf(">") + 1;
  return setAttr(cell.slice(0, tagEnd), "r", `${columnLetter(col)}${row}`) + cell.slice(tagEnd);
}

/** The column of a row's last cell, or null when it has no address (or no cell). */
function lastCellColumn(inner: string, p: string): number | null {
  const at = inner.lastIndexOf(`<${p}c `);
  if (at < 0) return inner.includes(`<${p}c`) ? null : 0;
  const tag = inner.slice(at, inner.indexOf(">", at) + 1);
  const ref = attr(tag, "r");
  return ref ? columnNumber(ref.replace(/\d+$/, "")) : null;
}

/** Where a row's cells end: a row may close with `<extLst>` after them. */
function tailAfterCells(inner: string, p: string): number {
  const ext = inner.lastIndexOf(`<${p}extLst`);
  return ext >= 0 ? ext : inner.length;
}

/**
 * The result cells as XML, one text per cell. A null value writes no cell unless one was
 * there (`existing`: column → its style): it is then emptied, its format kept.
 */
function newCells(
  cells: NewCell[],
  existing: Map<number, string | undefined>,
  rowStyle: string | undefined,
  row: number,
  styles: StyleBook,
  p: string
): string[] {
  return cells.map((cell) => {
    const had = existing.has(cell.col);
    if (cell.value === null && !had) return "";
    const base = had ? existing.get(cell.col) : rowStyle;
    let style: number | undefined;
    if (cell.header) style = styles.header();
    else if (cell.format !== undefined)
      style = styles.withNumberFormat(base === undefined ? undefined : Number(base), cell.format);
    else if (base !== undefined) style = Number(base);
    const s = style === undefined || style === 0 ? "" : ` s="${style}"`;
    return cellXml(p, `${columnLetter(cell.col)}${row}`, s, cell.value);
  });
}

function cellXml(p: string, ref: string, s: string, value: WriteValue): string {
  if (value === null || (typeof value === "number" && !Number.isFinite(value)))
    return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  // Inline text: stored as text whatever it starts with, and no shared-string table to grow.
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  const t = `<${p}t${space}>${escapeXml(value)}</${p}t>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is>${t}</${p}is></${p}c>`;
}

/** The sheet's used range, widened to the result columns. */
function writeDimension(sheet: SheetText, plan: WritePlan): void {
  const found = sheet.element("dimension");
  if (!found) return;
  const ref = attr(found.tag, "ref");
  const right = Math.max(...plan.columns.map((c) => c.col));
  let range = { top: 1, left: 1, bottom: plan.lastRow, right };
  if (ref) {
    const old = parseRange(ref);
    range = {
      top: Math.min(old.top, plan.headerRow),
      left: Math.min(old.left, ...plan.columns.map((c) => c.col)),
      bottom: Math.max(old.bottom, plan.lastRow),
      right: Math.max(old.right, right),
    };
  }
  const value = `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}`;
  sheet.splice(found.start, found.end, setAttr(found.tag, "ref", value));
}

/** Status texts are wider than figures: the widths the exceljs writer gives too. */
const WIDTH = { status: 22, other: 16 };

/**
 * The result columns' widths in `<cols>`: a `<col>` range that covers one of them is cut
 * around it, keeping its other attributes on both sides.
 */
function writeWidths(sheet: SheetText, plan: WritePlan): void {
  const p = sheet.prefix;
  const found = sheet.element("cols");
  const ranges: { min: number; max: number; tag: string }[] = [];
  if (found && !found.tag.endsWith("/>")) {
    const inner = sheet.text.slice(
      found.start + found.tag.length,
      found.end - `</${p}cols>`.length
    );
    for (const match of inner.matchAll(new RegExp(`<${escapeRegExp(p)}col\\b[^>]*?/?>`, "g"))) {
      const tag = match[0].endsWith("/>") ? match[0] : match[0].slice(0, -1) + "/>";
      ranges.push({ min: Number(attr(tag, "min")), max: Number(attr(tag, "max")), tag });
    }
  }
  for (const column of plan.columns) {
    const width = String(column.key === "status" ? WIDTH.status : WIDTH.other);
    const covering = ranges.findIndex((r) => r.min <= column.col && column.col <= r.max);
    let tag = `<${p}col min="${column.col}" max="${column.col}"/>`;
    if (covering >= 0) {
      const range = ranges[covering];
      const pieces: typeof ranges = [];
      if (range.min < column.col)
        pieces.push({
          ...range,
          max: column.col - 1,
          tag: setAttr(range.tag, "max", String(column.col - 1)),
        });
      if (range.max > column.col)
        pieces.push({
          ...range,
          min: column.col + 1,
          tag: setAttr(range.tag, "min", String(column.col + 1)),
        });
      ranges.splice(covering, 1, ...pieces);
      tag = setAttr(setAttr(range.tag, "min", String(column.col)), "max", String(column.col));
    }
    tag = setAttr(setAttr(tag, "width", width), "customWidth", "1");
    ranges.push({ min: column.col, max: column.col, tag });
  }
  ranges.sort((a, b) => a.min - b.min);
  const xml = `<${p}cols>${ranges.map((r) => r.tag).join("")}</${p}cols>`;
  if (found) sheet.splice(found.start, found.end, xml);
  else {
    // `<cols>` comes right before `<sheetData>`, which is where the head ends.
    sheet.splice(sheet.text.length, sheet.text.length, xml);
  }
}

/**
 * The status colours: the rules of an earlier run (on the same range, or testing for a
 * status text) are removed, and one block of rules on the result range is added where
 * the schema places conditional formats.
 */
function writeConditional(sheet: SheetText, styles: StyleBook, plan: WritePlan): void {
  const p = sheet.prefix;
  const ours = new Set(plan.conditional.rules.map((rule) => rule.text));
  let priority = 0;
  for (let found = sheet.element("conditionalFormatting"); found;) {
    const block = sheet.text.slice(found.start, found.end);
    const formulas = [...block.matchAll(new RegExp(`<${escapeRegExp(p)}formula>([^<]*)<`, "g"))];
    const isOurs =
      attr(found.tag, "sqref") === plan.conditional.range ||
      formulas.some((f) => ours.has(/="(.*)"$/.exec(unescapeXml(f[1]))?.[1] ?? ""));
    if (isOurs) {
      sheet.splice(found.start, found.end, "");
      found = sheet.element("conditionalFormatting", found.start);
    } else {
      for (const m of block.matchAll(/\spriority="(\d+)"/g))
        priority = Math.max(priority, Number(m[1]));
      found = sheet.element("conditionalFormatting", found.end);
    }
  }
  const { statusColumn, firstRow, range } = plan.conditional;
  const rules = plan.conditional.rules.map((rule, i) => {
    const dxf = styles.colours(rule.font, rule.fill);
    const formula = escapeXml(`${statusColumn}${firstRow}="${rule.text}"`);
    return (
      `<${p}cfRule type="expression" dxfId="${dxf}" priority="${priority + i + 1}">` +
      `<${p}formula>${formula}</${p}formula></${p}cfRule>`
    );
  });
  const block = `<${p}conditionalFormatting sqref="${range}">${rules.join("")}</${p}conditionalFormatting>`;
  let at = sheet.firstOf(AFTER_CONDITIONAL);
  if (at < 0) at = sheet.text.lastIndexOf(`</${p}worksheet>`);
  sheet.splice(at, at, block);
}
