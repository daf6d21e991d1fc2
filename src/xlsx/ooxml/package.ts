/*
 * An .xlsx package's workbook-wide parts, read for every sheet: the workbook and its
 * relationships (which parts are the worksheets), the shared strings and the style sheet's
 * number formats. The host hands the parts' texts over (PackageParts): no Node, no zip.
 * The sheets themselves are read by read.ts.
 */
import { attrNS, child, childrenNamed, PackageError, parseXml, XmlElement } from "./tree";
import { unescapeXml } from "./xml";

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
    strings: sharedStrings(strings ?? ""),
    formats: styles === undefined ? [] : readFormats(styles),
    date1904: date1904 === "1" || date1904 === "true",
  };
}

// Attributes read lazily, so that `<si a="1"/>` ends at its own `/>`.
const ITEM = new RegExp(`<${PREFIX}si(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${PREFIX}si>)`, "g");
const PLAIN = new RegExp(`^<${PREFIX}t(?:\\s[^>]*)?>([^<]*)</${PREFIX}t>$`);
const TEXT = new RegExp(`<${PREFIX}t(?:\\s[^>]*)?(?:/>|>([^<]*)</${PREFIX}t>)`, "g");
const PHONETIC = new RegExp(`<${PREFIX}rPh\\b[\\s\\S]*?</${PREFIX}rPh>`, "g");

/**
 * The texts of the shared-string table, in order. Most items are `<si><t>…</t></si>`, read
 * in place here; any other (runs, attributes, phonetic guides) goes through `ITEM` and
 * `itemText` from where it starts, as does every item of a table that prefixes its names.
 */
function sharedStrings(xml: string): string[] {
  if (xml.includes(":si")) return Array.from(xml.matchAll(ITEM), (m) => itemText(m[1] ?? ""));
  const [open, close] = ["<si><t>", "</t></si>"];
  const items = new RegExp(ITEM); // its own lastIndex: ITEM's is matchAll's starting point
  const texts: string[] = [];
  for (let at = xml.indexOf("<si"); at >= 0; at = xml.indexOf("<si", at)) {
    if (xml.startsWith(open, at)) {
      const end = xml.indexOf("<", at + open.length);
      if (end >= 0 && xml.startsWith(close, end)) {
        texts.push(unescapeX(content(xml.slice(at + open.length, end))));
        at = end + close.length;
        continue;
      }
    }
    items.lastIndex = at;
    const item = items.exec(xml);
    if (item === null) break;
    texts.push(itemText(item[1] ?? ""));
    at = items.lastIndex;
  }
  return texts;
}

/** Text content as an XML parser gives it: line ends as LF (a `&#13;` stays), entities undone. */
export function content(raw: string): string {
  return unescapeXml(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
}

/** The text of a string item (`<si>`, `<is>`): its runs joined, phonetic guides left out. */
export function itemText(inner: string): string {
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
