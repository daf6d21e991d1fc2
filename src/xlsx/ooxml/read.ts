/*
 * Reads a worksheet of an .xlsx package straight from its XML into the core's Table,
 * answering what `tableFromWorksheet` answers over exceljs (src/xlsx/sheet.ts) for a fraction
 * of the cost: exceljs builds an object per cell, seconds and a gigabyte on a 100.000-row
 * sheet. The sheet around its rows goes through the XML parser (skeleton.ts); the rows,
 * tens of megabytes, are scanned as text with indexOf, rows built as they are met, and held
 * by the cells they have, not by the extent between them. What every sheet shares (shared
 * strings, number formats, the list of sheets) is package.ts's. No Node, no zip: the host
 * hands the parts' texts over (PackageParts), so a browser can use this too.
 */
import { columnNumber } from "../../core/text";
import { CellValue, Merge, Table } from "../../core/types";
import {
  content,
  isDateFormat,
  itemText,
  PackageParts,
  SheetPart,
  WorkbookContext,
} from "./package";
import { SheetSkeleton } from "./skeleton";
import { childrenNamed, PackageError } from "./tree";
import { unescapeXml } from "./xml";

export { PackageError } from "./tree";

/** A date serial as plainValue writes a date: `dateText(45473, false) // "30/06/2024"`. */
function dateText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/** A cell's value from its type (`t`) and `<v>` text, as exceljs and plainValue make it. */
function cellValue(t: string, raw: string, date: boolean, context: WorkbookContext): CellValue {
  if (t === "s") return context.strings[parseInt(raw, 10)] ?? null;
  if (t === "str" || t === "e") return content(raw);
  if (t === "b") return parseInt(raw, 10) !== 0;
  const iso = t === "d" ? /^(\d{4})-(\d\d)-(\d\d)/.exec(raw) : null;
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  const n = parseFloat(raw);
  return date ? dateText(n, context.date1904) : n;
}

/** A cell style's number format; exceljs reads style 0 as no style, whatever its format. */
const formatOf = (context: WorkbookContext, s: number): string | null =>
  s > 0 ? (context.formats[s] ?? null) : null;

/** What the cell scan gives: rows as met (with gaps), the used size, rows' own formats. */
interface Cells {
  values: CellValue[][];
  formats: (string | null)[][];
  height: number;
  width: number;
  rowFormats: Map<number, string>;
}

/**
 * The most cells a sheet may hold: ten million values and their formats are about a
 * gigabyte in a JavaScript engine, what an office laptop can give. Past it the sheet is
 * refused with a clear line rather than the process running out of memory.
 */
export const MAX_CELLS = 10_000_000;

const ATTRIBUTE = /([\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A start tag's attributes by local name (`r:id` → `id`), decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) out[m[2]] = unescapeXml(m[3] ?? m[4]);
  return out;
}

/**
 * The cells of `<sheetData>` from `start` to `end`, with one indexOf per tag; a cell's
 * attributes are read in place when in the order Excel, exceljs and LibreOffice write them
 * (r, s, t), else by the general reader. In the rows a merge covers (`merged`), the formats
 * of styled empty cells and of rows are kept too, for exceljs's rule on the cells a merge
 * hides: elsewhere they would be thrown away again.
 */
function scan(
  xml: string,
  start: number,
  end: number,
  p: string,
  context: WorkbookContext,
  merged: (row: number) => boolean,
  part: string
): Cells {
  const out: Cells = { values: [], formats: [], height: 0, width: 0, rowFormats: new Map() };
  const styleFormat = (s: number): string | null => formatOf(context, s);
  const isDate = context.formats.map((f, s) => s > 0 && isDateFormat(f));
  const [cClose, vOpen, vClose, fOpen] = [`</${p}c>`, `<${p}v`, `</${p}v>`, `<${p}f`];
  const vTag = `${vOpen}>`;
  let [row, col, k, count] = [0, 0, 0, 0]; // k: the read position inside a start tag
  let styled = false; // the row is one a merge covers
  // The values and formats of the row last written to, found once per row, not per cell.
  let [line, lineFormats, lineRow]: [CellValue[], (string | null)[], number] = [[], [], 0];
  const has = (text: string): boolean => xml.startsWith(text, k) && (k += text.length) > 0;
  const number = (base: 10 | 26): number => {
    let n = 0;
    const [low, high] = base === 10 ? [48, 57] : [65, 90];
    for (let ch = xml.charCodeAt(k); ch >= low && ch <= high; ch = xml.charCodeAt(++k))
      n = n * base + ch - low + (base === 10 ? 0 : 1);
    return n;
  };
  for (let lt = xml.indexOf("<", start); lt >= 0 && lt < end; lt = xml.indexOf("<", k)) {
    const name = lt + 1 + p.length;
    const gt = xml.indexOf(">", name);
    if (gt < 0 || gt > end) break;
    k = lt + 1;
    if (p && !xml.startsWith(p, lt + 1)) continue;
    if (xml.startsWith("row", name) && !/[\w.-]/.test(xml[name + 3])) {
      k = name + 3;
      row = has(' r="') ? number(10) : parseInt(attributes(xml.slice(k, gt)).r, 10) || row + 1;
      col = 0;
      styled = merged(row);
      const s = styled ? /^[^>]*?\ss="(\d+)"/.exec(xml.slice(k, gt)) : null;
      const format = s ? styleFormat(parseInt(s[1], 10)) : null;
      if (format !== null) out.rowFormats.set(row, format);
      continue;
    }
    const next = xml.charCodeAt(name + 1);
    if (xml.charCodeAt(name) !== 99 || !(next <= 32 || next === 47 || next === 62)) continue;
    const empty = xml.charCodeAt(gt - 1) === 47; // `<c …/>`
    let [c, s, t, ok] = [0, 0, "", true];
    k = name + 1;
    if (has(' r="')) [c, ok] = [number(26), number(10) > 0 && has('"')];
    if (ok && has(' s="')) [s, ok] = [number(10), has('"')];
    if (ok && has(' t="')) [t, k] = [xml.slice(k, xml.indexOf('"', k)), xml.indexOf('"', k) + 1];
    while (xml.charCodeAt(k) <= 32) k++;
    if (!ok || k < (empty ? gt - 1 : gt)) {
      const a = attributes(xml.slice(name + 1, gt));
      const ref = /^\$?([A-Za-z]+)/.exec(a.r ?? "");
      [c, s, t] = [ref ? columnNumber(ref[1]) : 0, parseInt(a.s, 10) || 0, a.t ?? ""];
    }
    col = c > 0 ? c : col + 1;
    let value: CellValue | undefined;
    k = gt + 1;
    // Most cells are `<v>…</v></c>` (Excel, exceljs and LibreOffice write them so): read in
    // place, with no copy of the cell's inside; anything else takes the general path below.
    const from = gt + 1 + vTag.length;
    const to =
      empty || t === "inlineStr" || !xml.startsWith(vTag, gt + 1) ? -1 : xml.indexOf(vClose, from);
    if (to >= 0 && to < end && xml.startsWith(cClose, to + vClose.length)) {
      k = to + vClose.length + cClose.length;
      if (to > from)
        value =
          t === "s"
            ? sharedString(xml, from, to, context)
            : cellValue(t, xml.slice(from, to), isDate[s], context);
    } else if (!empty) {
      const close = xml.indexOf(cClose, gt);
      if (close < 0 || close > end)
        throw new PackageError(part, "malformed", "a <c> is not closed");
      const inner = xml.slice(gt + 1, close);
      k = close + cClose.length;
      const raw = valueText(inner, vOpen, vClose);
      // The formula, when there is one, comes before the value. One never calculated is a
      // cell all the same (exceljs counts it), holding nothing; with t="s" it is a number.
      const formula = inner.includes(fOpen) && !inner.startsWith(vOpen);
      if (t === "inlineStr") value = itemText(inner) || undefined;
      else if (raw) value = cellValue(formula && t === "s" ? "n" : t, raw, isDate[s], context);
      else value = formula ? null : undefined;
    }
    if (row < 1) continue;
    if (value === undefined) {
      // A styled empty cell keeps its format for exceljs's rule on merges, and no more.
      if (styled && s > 0) (out.formats[row - 1] ??= [])[col - 1] = styleFormat(s);
      continue;
    }
    if (++count > MAX_CELLS)
      throw new PackageError(part, "tooLarge", `more than ${MAX_CELLS} cells`);
    if (lineRow !== row) {
      [line, lineFormats, lineRow] = [
        (out.values[row - 1] ??= []),
        (out.formats[row - 1] ??= []),
        row,
      ];
    }
    line[col - 1] = value;
    lineFormats[col - 1] = styleFormat(s);
    out.height = Math.max(out.height, row);
    out.width = Math.max(out.width, col);
  }
  return out;
}

/**
 * The shared string whose index is written from `from` to `to`: `cellValue`'s for t="s",
 * without cutting the digits out first.
 */
function sharedString(xml: string, from: number, to: number, context: WorkbookContext): CellValue {
  let index = 0;
  for (let i = from; i < to; i++) {
    const digit = xml.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return cellValue("s", xml.slice(from, to), false, context);
    index = index * 10 + digit;
  }
  return context.strings[index] ?? null;
}

/** The text of a cell's `<v>` (`<v>`, `<v xml:space="preserve">`), raw; undefined when it has none. */
function valueText(inner: string, vOpen: string, vClose: string): string | undefined {
  for (let at = inner.indexOf(vOpen); at >= 0; at = inner.indexOf(vOpen, at + 1)) {
    const next = inner.charCodeAt(at + vOpen.length);
    if (next === 62) return inner.slice(at + vOpen.length + 1, inner.indexOf(vClose, at));
    if (next <= 32) {
      const gt = inner.indexOf(">", at);
      return inner[gt - 1] === "/" ? "" : inner.slice(gt + 1, inner.indexOf(vClose, gt));
    }
  }
  return undefined;
}

/** `$B$5:C6` → { top: 5, left: 2, bottom: 6, right: 3 }; null when not a range. */
function rangeOf(ref: string): Merge | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const [top, bottom] = [Number(m[2]), Number(m[4] ?? m[2])];
  return { top, left: columnNumber(m[1]), bottom, right: columnNumber(m[3] ?? m[1]) };
}

/** The merge test of a sheet without merges, shared. */
const NO_MERGE = (): boolean => false;

/**
 * Whether a merge covers a sheet row. A sheet's merges are a few (a header's groups), so the
 * test is a binary search over the rows they span, joined where they touch; a sheet with
 * none asks nothing. (A search over no span, asked row by row, put 8 MiB on the far-cell
 * bench's peak.)
 */
function rowsMerged(merges: readonly Merge[]): (row: number) => boolean {
  if (merges.length === 0) return NO_MERGE;
  const spans = merges.map(({ top, bottom }) => [top, bottom]).sort((a, b) => a[0] - b[0]);
  const tops: number[] = [];
  const bottoms: number[] = [];
  for (const [top, bottom] of spans) {
    const last = bottoms.length - 1;
    if (last >= 0 && top <= bottoms[last] + 1) bottoms[last] = Math.max(bottoms[last], bottom);
    else {
      tops.push(top);
      bottoms.push(bottom);
    }
  }
  return (row) => {
    // The last span starting at or above the row.
    let [low, high] = [0, tops.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (tops[middle] <= row) low = middle + 1;
      else high = middle - 1;
    }
    return high >= 0 && row <= bottoms[high];
  };
}

/**
 * The sheet as `tableFromWorksheet` gives it: values and number formats from A1, the cells
 * a merge hides emptied, the merges as listed. Rows or cells without an `r` follow the
 * previous one, as Excel allows. Each row is as long as its last cell, not as the sheet is
 * wide, and a cell left out is a hole, so that a cell far out costs one cell, not the
 * rectangle up to it; an empty row is an empty array. A cell without a value has no
 * format (exceljs skips it too).
 */
export function readSheetTable(
  parts: PackageParts,
  sheet: SheetPart,
  context: WorkbookContext
): Table {
  const part = sheet.path;
  const xml = parts.text(part);
  if (xml === undefined) throw new PackageError(part, "missing", `missing, sheet "${sheet.name}"`);
  const skeleton = new SheetSkeleton(xml, part);
  const { data } = skeleton;
  const p = skeleton.data.prefix ? `${skeleton.data.prefix}:` : "";
  const mergeCells = skeleton.element("mergeCells");
  const merges: Merge[] = [];
  for (const m of mergeCells ? childrenNamed(mergeCells, "mergeCell") : []) {
    const merge = rangeOf(m.attributes.ref ?? "");
    if (merge) merges.push(merge);
  }
  const inner = data.selfClosing ? data.tagEnd : data.end - `</${data.name}>`.length;
  const merged = rowsMerged(merges);
  const cells = scan(xml, data.tagEnd, inner, p, context, merged, part);
  const { values, formats, rowFormats } = cells;
  let height = cells.height;
  // exceljs empties every cell of a merge but the first; one the sheet omits takes the
  // number format of its row, else of its column.
  const colFormats: (string | null)[] = [];
  const cols = merges.length ? skeleton.element("cols") : undefined;
  for (const { attributes: a } of cols ? childrenNamed(cols, "col") : [])
    for (let c = parseInt(a.min, 10); c <= parseInt(a.max, 10); c++)
      colFormats[c] = formatOf(context, parseInt(a.style, 10));
  for (const { top, left, bottom, right } of merges) {
    if ((bottom - top + 1) * (right - left + 1) > MAX_CELLS)
      throw new PackageError(part, "tooLarge", `a merge over more than ${MAX_CELLS} cells`);
    for (let r = top; r <= bottom; r++) {
      const [line, lineFormats] = [(values[r - 1] ??= []), (formats[r - 1] ??= [])];
      for (let c = r === top ? left + 1 : left; c <= right; c++) {
        line[c - 1] = null;
        if (lineFormats[c - 1] === undefined)
          lineFormats[c - 1] = rowFormats.get(r) ?? colFormats[c] ?? null;
      }
    }
    height = Math.max(height, bottom);
  }
  values.length = formats.length = height;
  // A row left out is an empty one; inside a row, cells left out stay holes, which the
  // core reads as empty (makeGrid), so a row with a cell far out costs that cell alone.
  for (let r = 0; r < height; r++) {
    const [line, lineFormats] = [(values[r] ??= []), (formats[r] ??= [])];
    lineFormats.length = line.length;
    // Styled empty cells were kept for the merges' rule above, and no more.
    if (merged(r + 1))
      for (const c in lineFormats) if (line[Number(c)] === undefined) delete lineFormats[Number(c)];
  }
  return { sheet: sheet.name, origin: { row: 1, col: 1 }, values, formats, merges };
}
