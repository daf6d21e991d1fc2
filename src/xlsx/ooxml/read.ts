/*
 * Reads a worksheet of an .xlsx package straight from its XML parts into the core's Table,
 * answering what `tableFromWorksheet` answers over exceljs (src/xlsx/sheet.ts) for a fraction
 * of the cost: exceljs builds an object per cell, seconds and a gigabyte on a 100.000-row
 * sheet. The small parts (workbook, relationships, styles, the sheet around its rows) go
 * through the XML parser; the rows and the shared strings, tens of megabytes, are scanned
 * as text with indexOf, rows built as they are met, and held by the cells they have, not
 * by the extent between them. No Node, no zip: the host hands the parts' texts over
 * (PackageParts), so a browser can use this too.
 */
import { columnNumber } from "../../core/text";
import { CellValue, Merge, Table } from "../../core/types";
import { SheetSkeleton } from "./skeleton";
import { attrNS, child, childrenNamed, PackageError, parseXml, XmlElement } from "./tree";
import { unescapeXml } from "./xml";

export { PackageError } from "./tree";

/** The texts of a package's parts by path inside the zip (`xl/workbook.xml`); undefined when absent. */
export interface PackageParts {
  text(path: string): string | undefined;
}

/** A worksheet as the workbook lists it, with the path of its part. */
export interface SheetPart {
  name: string;
  /** `xl/worksheets/sheet1.xml`, resolved through the workbook's relationships. */
  path: string;
  hidden: boolean;
}

/** What all the sheets of a workbook share. */
export interface WorkbookContext {
  /** The shared strings, rich text as plain text. */
  strings: string[];
  /** The number format code of each cell style (cellXfs index); null for General. */
  formats: (string | null)[];
  date1904: boolean;
  /** Where the style sheet is (`xl/styles.xml`), for a writer that adds formats to it. */
  stylesPath: string;
  /** Where the workbook part is (`xl/workbook.xml`), for a writer that adds a part to it. */
  workbookPath: string;
}

/** Excel's escapes of characters XML cannot hold, undone as exceljs does: `a_x000A_b` → `a\nb`. */
function unescapeX(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** Element names are matched with any namespace prefix: some writers spell `<x:si>`. */
const PREFIX = "(?:[\\w.-]+:)?";

/** The relationships namespace of `r:id`, in its transitional and strict spellings. */
const REL_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

/** A part parsed, or undefined when the package has none. */
function parsed(parts: PackageParts, path: string): XmlElement | undefined {
  const xml = parts.text(path);
  return xml === undefined ? undefined : parseXml(xml, path);
}

/** A part's relationships by id: [type, target], targets as zip paths (`../x`, `/xl/x` resolved). */
type Rels = Map<string, [type: string, target: string]>;

function relationships(parts: PackageParts, part: string): Rels {
  const dir = part.slice(0, part.lastIndexOf("/") + 1);
  const root = parsed(parts, `${dir}_rels/${part.slice(dir.length)}.rels`);
  const out: Rels = new Map();
  for (const r of root?.children ?? []) {
    const { Id: id, Target: target, TargetMode: mode, Type: type } = r.attributes;
    if (r.local !== "Relationship" || mode === "External" || !id || !target) continue;
    const path: string[] = [];
    for (const step of (target.startsWith("/") ? target : dir + target).split("/"))
      if (step === "..") path.pop();
      else if (step !== "." && step !== "") path.push(step);
    out.set(id, [type ?? "", path.join("/")]);
  }
  return out;
}

/** The target of the first relationship of a kind (`…/relationships/styles` → "styles"). */
function targetOf(rels: Rels, kind: string): string | undefined {
  for (const [type, target] of rels.values()) if (type.endsWith(`/${kind}`)) return target;
  return undefined;
}

/** The workbook part, found as Excel finds it, and its relationships. */
function workbook(parts: PackageParts): { path: string; root: XmlElement; rels: Rels } {
  const path = targetOf(relationships(parts, ""), "officeDocument") ?? "xl/workbook.xml";
  const root = parsed(parts, path);
  if (root === undefined) throw new PackageError(path, "missing", "missing, not an Excel workbook");
  if (root.local !== "workbook") throw new PackageError(path, "notWorkbook", "not a workbook");
  return { path, root, rels: relationships(parts, path) };
}

/** The worksheets in workbook order; chartsheets and dialog sheets are left out. */
export function listSheets(parts: PackageParts): SheetPart[] {
  const book = workbook(parts);
  const sheets: SheetPart[] = [];
  for (const sheet of childrenNamed(child(book.root, "sheets") ?? book.root, "sheet")) {
    const [type, path] = book.rels.get(attrNS(sheet, "id", REL_NS) ?? "") ?? [""];
    if (!type.endsWith("/worksheet") || path === undefined) continue;
    const { state, name } = sheet.attributes;
    sheets.push({ name: name ?? "", path, hidden: state === "hidden" || state === "veryHidden" });
  }
  return sheets;
}

/** Shared strings, number formats and the date system, read once for all the sheets. */
export function readContext(parts: PackageParts): WorkbookContext {
  const book = workbook(parts);
  const strings = parts.text(targetOf(book.rels, "sharedStrings") ?? "xl/sharedStrings.xml");
  const stylesPath = targetOf(book.rels, "styles") ?? "xl/styles.xml";
  const styles = parsed(parts, stylesPath);
  const date1904 = child(book.root, "workbookPr")?.attributes.date1904;
  return {
    stylesPath,
    workbookPath: book.path,
    strings: Array.from((strings ?? "").matchAll(ITEM), (m) => itemText(m[1] ?? "")),
    formats: styles === undefined ? [] : readFormats(styles),
    date1904: date1904 === "1" || date1904 === "true",
  };
}

// Attributes read lazily, so that `<si a="1"/>` ends at its own `/>`.
const ITEM = new RegExp(`<${PREFIX}si(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${PREFIX}si>)`, "g");
const PLAIN = new RegExp(`^<${PREFIX}t(?:\\s[^>]*)?>([^<]*)</${PREFIX}t>$`);
const TEXT = new RegExp(`<${PREFIX}t(?:\\s[^>]*)?(?:/>|>([^<]*)</${PREFIX}t>)`, "g");
const PHONETIC = new RegExp(`<${PREFIX}rPh\\b[\\s\\S]*?</${PREFIX}rPh>`, "g");

/** Text content as an XML parser gives it: line ends as LF (a `&#13;` stays), entities undone. */
function content(raw: string): string {
  return unescapeXml(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
}

/** The text of a string item (`<si>`, `<is>`): its runs joined, phonetic guides left out. */
function itemText(inner: string): string {
  let text = PLAIN.exec(inner)?.[1];
  if (text === undefined) {
    text = "";
    for (const m of inner.replace(PHONETIC, "").matchAll(TEXT)) text += m[1] ?? "";
  }
  return unescapeX(content(text));
}

/** The built-in number formats exceljs names (none for the East Asian ids 27–36, 50–81). */
// prettier-ignore
const BUILT_IN: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
  12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
  18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0",
  49: "@",
};

/** The format code of each cell style, as exceljs reads it: backslash escapes dropped. */
function readFormats(styles: XmlElement): (string | null)[] {
  const custom = new Map<number, string>();
  const numFmts = child(styles, "numFmts");
  for (const { attributes: a } of numFmts ? childrenNamed(numFmts, "numFmt") : [])
    custom.set(parseInt(a.numFmtId, 10), (a.formatCode ?? "").replace(/\\(.)/g, "$1"));
  const cellXfs = child(styles, "cellXfs");
  return (cellXfs ? childrenNamed(cellXfs, "xf") : []).map(({ attributes: a }) => {
    const id = parseInt(a.numFmtId, 10);
    return (id && (custom.get(id) || BUILT_IN[id])) || null;
  });
}

/** exceljs's date rule: a y, m, d, h, s or b outside `[…]` and `"…"`. `isDateFormat('dd/mm/yyyy') // true` */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

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
 * (r, s, t), else by the general reader. With merges (`styled`), the formats of styled empty
 * cells and of rows are kept too, for exceljs's rule on the cells a merge hides.
 */
function scan(
  xml: string,
  start: number,
  end: number,
  p: string,
  context: WorkbookContext,
  styled: boolean,
  part: string
): Cells {
  const out: Cells = { values: [], formats: [], height: 0, width: 0, rowFormats: new Map() };
  const styleFormat = (s: number): string | null => formatOf(context, s);
  const isDate = context.formats.map((f, s) => s > 0 && isDateFormat(f));
  const [cClose, vOpen, vClose, fOpen] = [`</${p}c>`, `<${p}v`, `</${p}v>`, `<${p}f`];
  let [row, col, k, count] = [0, 0, 0, 0]; // k: the read position inside a start tag
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
    if (!empty) {
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
    (out.values[row - 1] ??= [])[col - 1] = value;
    (out.formats[row - 1] ??= [])[col - 1] = styleFormat(s);
    out.height = Math.max(out.height, row);
    out.width = Math.max(out.width, col);
  }
  return out;
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
  const cells = scan(xml, data.tagEnd, inner, p, context, merges.length > 0, part);
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
    if (merges.length > 0)
      for (const c in lineFormats) if (line[Number(c)] === undefined) delete lineFormats[Number(c)];
  }
  return { sheet: sheet.name, origin: { row: 1, col: 1 }, values, formats, merges };
}
