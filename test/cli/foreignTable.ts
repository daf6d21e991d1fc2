/**
 * Test helpers for the foreign-workbook corpus (test/fixtures/foreign): find a package's
 * parts the way an OPC reader does, read every cell of a sheet, and add a small indicator
 * table below a sheet's last used row without touching anything else in the package.
 *
 * Everything here parses with saxes (a real XML parser, namespace-aware), never with
 * regular expressions over the markup. The table is spliced into the sheet's own text at
 * the offsets the parser reports, so every other byte of the part stays as it was, and
 * every other ZIP entry is copied with its compressed bytes by `writeZip`.
 */
import { SaxesParser, SaxesTagNS } from "saxes";
import { readZip, writeZip, ZipArchive } from "../../src/cli/zip";

export const MAIN_NS = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];
const REL_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

// ---------------------------------------------------------------------------------------
// Package navigation

/** A ZIP entry name as a part name: some writers store `xl\workbook.xml`. */
const partName = (entry: string): string => entry.replace(/\\/g, "/").replace(/^\//, "");

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(source: string, target: string): string {
  const decoded = safeDecode(target.replace(/\\/g, "/"));
  const base = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface Relationship {
  id: string;
  /** The last segment of the relationship type: `worksheet`, `styles`, ... */
  type: string;
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  /** Part name, resolved (`xl/worksheets/sheet1.xml`); null when the relationship is missing. */
  part: string | null;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`, or "" when unresolved. */
  kind: string;
  /** 1-based position in the workbook's sheet list (LibreOffice's sheet number). */
  position: number;
}

/** An .xlsx package read for the tests: parts by part name, whatever the entry spelling. */
export class Package {
  readonly archive: ZipArchive;
  private readonly entries = new Map<string, string>();

  constructor(readonly data: Buffer) {
    this.archive = readZip(data);
    for (const entry of this.archive.entries)
      this.entries.set(partName(entry.name).toLowerCase(), entry.name);
  }

  /** The ZIP entry that holds a part (OPC part names are case-insensitive). */
  entry(part: string): string | undefined {
    return this.entries.get(partName(part).toLowerCase());
  }

  bytes(part: string): Buffer | undefined {
    const entry = this.entry(part);
    return entry === undefined ? undefined : this.archive.bytes(entry);
  }

  text(part: string): string | undefined {
    const bytes = this.bytes(part);
    return bytes === undefined ? undefined : decodeXml(bytes);
  }

  relationships(part: string): Relationship[] {
    const slash = part.lastIndexOf("/");
    const rels = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    const xml = this.text(rels);
    if (xml === undefined) return [];
    const out: Relationship[] = [];
    for (const el of elements(xml))
      if (el.local === "Relationship")
        out.push({
          id: el.attr("Id") ?? "",
          type: (el.attr("Type") ?? "").split("/").pop() ?? "",
          target: resolveTarget(part, el.attr("Target") ?? ""),
          external: el.attr("TargetMode") === "External",
        });
    return out;
  }

  get workbookPart(): string {
    const rel = this.relationships("").find((r) => r.type === "officeDocument" && !r.external);
    return rel ? rel.target : "xl/workbook.xml";
  }

  /** The workbook's own relationships of one type, resolved. */
  private workbookTargets(type: string): string[] {
    return this.relationships(this.workbookPart)
      .filter((r) => r.type === type && !r.external)
      .map((r) => r.target);
  }

  get stylesPart(): string | undefined {
    return this.workbookTargets("styles").find((p) => this.entry(p) !== undefined);
  }

  get sharedStringsPart(): string | undefined {
    return this.workbookTargets("sharedStrings").find((p) => this.entry(p) !== undefined);
  }

  sheets(): SheetEntry[] {
    const xml = this.text(this.workbookPart);
    if (xml === undefined) return [];
    const rels = new Map(this.relationships(this.workbookPart).map((r) => [r.id, r]));
    const out: SheetEntry[] = [];
    for (const el of elements(xml)) {
      if (el.local !== "sheet" || !MAIN_NS.includes(el.uri)) continue;
      const id = el.attrNS(REL_NS, "id");
      const rel = id === undefined ? undefined : rels.get(id);
      const part = rel && this.entry(rel.target) !== undefined ? rel.target : null;
      out.push({
        name: el.attr("name") ?? "",
        part,
        kind: part && rel ? rel.type : "",
        position: out.length + 1,
      });
    }
    return out;
  }

  worksheets(): SheetEntry[] {
    return this.sheets().filter((s) => s.kind === "worksheet");
  }

  sharedStrings(): string[] {
    const part = this.sharedStringsPart;
    const xml = part === undefined ? undefined : this.text(part);
    return xml === undefined ? [] : readSharedStrings(xml);
  }
}

/** An XML part's text: UTF-8 (the only encoding in the corpus) without its byte order mark. */
export function decodeXml(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------
// A flat view of the elements of a part

export interface Element {
  local: string;
  prefix: string;
  uri: string;
  depth: number;
  attr(name: string): string | undefined;
  attrNS(uris: readonly string[], local: string): string | undefined;
}

function parser(): SaxesParser<{ xmlns: true; position: true }> {
  return new SaxesParser({ xmlns: true, position: true });
}

function toElement(tag: SaxesTagNS, depth: number): Element {
  const attributes = Object.values(tag.attributes);
  return {
    local: tag.local,
    prefix: tag.prefix,
    uri: tag.uri,
    depth,
    attr: (name) => attributes.find((a) => a.prefix === "" && a.local === name)?.value,
    attrNS: (uris, local) =>
      attributes.find((a) => uris.includes(a.uri) && a.local === local)?.value,
  };
}

/** Every element of a document in document order, with its depth (root = 0). */
export function elements(xml: string): Element[] {
  const out: Element[] = [];
  const p = parser();
  let depth = 0;
  p.on("opentag", (tag) => {
    out.push(toElement(tag, depth));
    if (!tag.isSelfClosing) depth++;
  });
  p.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  p.write(xml).close();
  return out;
}

/** Throws the parser's error unless the text is well-formed, namespace-valid XML. */
export function parseXml(xml: string): void {
  const p = parser();
  p.write(xml).close();
}

/** The local names of the root's children in the main namespace, in order. */
export function topLevelChildren(xml: string): string[] {
  return elements(xml)
    .filter((e) => e.depth === 1 && MAIN_NS.includes(e.uri))
    .map((e) => e.local);
}

// ---------------------------------------------------------------------------------------
// Cells

/** A shared string item's text: its own `<t>` or its runs', never the phonetic runs'. */
export function readSharedStrings(xml: string): string[] {
  const items: string[] = [];
  const p = parser();
  const stack: string[] = [];
  let current: string | null = null;
  let inText = false;
  p.on("opentag", (tag) => {
    if (MAIN_NS.includes(tag.uri)) {
      if (tag.local === "si") current = "";
      inText = tag.local === "t" && !stack.includes("rPh");
    }
    if (!tag.isSelfClosing) stack.push(tag.local);
    else if (tag.local === "si") items.push("");
  });
  p.on("text", (text) => {
    if (inText && current !== null) current += text;
  });
  p.on("cdata", (text) => {
    if (inText && current !== null) current += text;
  });
  p.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
    if (tag.local === "t") inText = false;
    if (tag.local === "si" && !tag.isSelfClosing && current !== null) {
      items.push(current);
      current = null;
    }
  });
  p.write(xml).close();
  return items;
}

export interface CellRecord {
  /** The `t` attribute as written ("n" when absent). */
  type: string;
  /** The value's text: shared strings resolved, inline strings joined. */
  value: string;
  /** The formula text, when the cell has one. */
  formula: string | null;
}

/** `A1` → [1, 1]; `FOO100009` → [100009, 4461]. */
export function cellPosition(ref: string): [number, number] | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(match[2]), col];
}

export function columnName(col: number): string {
  let name = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Every cell of a sheet, keyed `A1`, with positions implied where a row or a cell has no
 * `r` (a row follows the previous one, a cell the previous cell of its row). Empty `<c/>`
 * elements with nothing but a style are kept too, with an empty value.
 */
export function readCells(xml: string, sharedStrings: readonly string[]): Map<string, CellRecord> {
  const cells = new Map<string, CellRecord>();
  const p = parser();
  let row = 0;
  let col = 0;
  let cell: { ref: string; type: string; v: string; f: string | null; inline: string } | null =
    null;
  let field: "v" | "f" | "t" | null = null;
  let inPhonetic = 0;
  p.on("opentag", (tag) => {
    if (!MAIN_NS.includes(tag.uri)) return;
    const el = toElement(tag, 0);
    switch (tag.local) {
      case "row": {
        const r = Number(el.attr("r"));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
        break;
      }
      case "c": {
        const at = cellPosition(el.attr("r") ?? "");
        if (at) [row, col] = [at[0], at[1]];
        else col++;
        cell = {
          ref: `${columnName(col)}${row}`,
          type: el.attr("t") ?? "n",
          v: "",
          f: null,
          inline: "",
        };
        if (tag.isSelfClosing) finish();
        break;
      }
      case "v":
        if (cell) field = "v";
        break;
      case "f":
        if (cell) {
          cell.f = cell.f ?? "";
          field = "f";
        }
        break;
      case "t":
        if (cell && inPhonetic === 0) field = "t";
        break;
      case "rPh":
        if (!tag.isSelfClosing) inPhonetic++;
        break;
    }
  });
  const take = (text: string): void => {
    if (!cell || field === null) return;
    if (field === "v") cell.v += text;
    else if (field === "f") cell.f = (cell.f ?? "") + text;
    else cell.inline += text;
  };
  p.on("text", take);
  p.on("cdata", take);
  p.on("closetag", (tag) => {
    if (!MAIN_NS.includes(tag.uri)) return;
    if (tag.local === "rPh" && !tag.isSelfClosing) inPhonetic--;
    if (tag.local === "v" || tag.local === "f" || tag.local === "t") field = null;
    if (tag.local === "c" && !tag.isSelfClosing) finish();
  });
  function finish(): void {
    if (!cell) return;
    let value = cell.v;
    if (cell.type === "s") {
      const index = Number(cell.v.trim());
      value =
        Number.isInteger(index) && index < sharedStrings.length
          ? sharedStrings[index]
          : `#sst:${cell.v}`;
    } else if (cell.type === "inlineStr") value = cell.inline;
    cells.set(cell.ref, { type: cell.type, value, formula: cell.f });
    cell = null;
  }
  p.write(xml).close();
  return cells;
}

// ---------------------------------------------------------------------------------------
// The indicator table

export interface Indicator {
  name: string;
  unit: string;
  /** As written in the cell: a number, or Vietnamese-style text. */
  target: number | string;
  actual: number | string;
  /** What the core should make of the row at 6 months, tolerance 10 points. */
  status: "achieved" | "on_track" | "at_risk" | "off_track";
}

export const TABLE_HEADER = [
  "STT",
  "Chỉ tiêu",
  "ĐVT",
  "Kế hoạch năm 2024",
  "Thực hiện 6 tháng đầu năm",
];

/** Four statuses, numbers and Vietnamese number text, cumulative and level rows. */
export const INDICATORS: readonly Indicator[] = [
  {
    name: "Tổng vốn đầu tư toàn xã hội",
    unit: "tỷ đồng",
    target: 34000,
    actual: 14096,
    status: "at_risk",
  },
  { name: "Thu nội địa", unit: "tỷ đồng", target: 6220, actual: 3300, status: "on_track" },
  {
    name: "Số doanh nghiệp thành lập mới",
    unit: "doanh nghiệp",
    target: 520,
    actual: 200,
    status: "off_track",
  },
  {
    name: "Vốn đầu tư công giải ngân",
    unit: "tỷ đồng",
    target: "4.874,53",
    actual: "2.193,81",
    status: "at_risk",
  },
  {
    name: "Tỷ lệ bao phủ bảo hiểm y tế",
    unit: "%",
    target: 94.95,
    actual: 96.1,
    status: "achieved",
  },
];

export interface AddedTable {
  data: Buffer;
  /** The worksheet that got the table, and its part. */
  sheet: string;
  part: string;
  position: number;
  headerRow: number;
  /** Sheet rows of INDICATORS, in order. */
  rows: number[];
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What the parser learnt of a sheet that the splice needs. */
interface SheetLayout {
  prefix: string;
  lastRow: number;
  lastCol: number;
  /** Where the rows go: before `</sheetData>`, or replacing a self-closed `<sheetData/>`. */
  insertAt: number;
  selfClosed: { start: number; end: number } | null;
  dimension: { start: number; end: number; ref: string | null } | null;
}

function layoutOf(xml: string): SheetLayout {
  const p = parser();
  let row = 0;
  let col = 0;
  let lastRow = 0;
  let lastCol = 0;
  let layout: Omit<SheetLayout, "lastRow" | "lastCol"> | null = null;
  let prefix = "";
  let selfClosed: SheetLayout["selfClosed"] = null;
  let dimension: SheetLayout["dimension"] = null;
  let depth = 0;
  p.on("opentag", (tag) => {
    const main = MAIN_NS.includes(tag.uri);
    const el = toElement(tag, depth);
    if (main && depth === 1 && tag.local === "dimension") {
      const start = xml.lastIndexOf("<", p.position - 1);
      dimension = { start, end: p.position, ref: el.attr("ref") ?? null };
    }
    if (main && depth === 1 && tag.local === "sheetData") {
      prefix = tag.prefix;
      if (tag.isSelfClosing)
        selfClosed = { start: xml.lastIndexOf("<", p.position - 1), end: p.position };
    }
    if (main && tag.local === "row" && depth === 2) {
      const r = Number(el.attr("r"));
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      col = 0;
    }
    if (main && tag.local === "c" && depth === 3) {
      const at = cellPosition(el.attr("r") ?? "");
      if (at) [row, col] = [at[0], at[1]];
      else col++;
    }
    // A cell is used when it holds something: a value, a formula or an inline string.
    // Formatting alone does not count: gnumeric styles every cell of the last rows
    // (XFD1048576), and a table could not go below those.
    if (main && depth === 4 && (tag.local === "v" || tag.local === "f" || tag.local === "is")) {
      lastRow = Math.max(lastRow, row);
      lastCol = Math.max(lastCol, col);
    }
    if (!tag.isSelfClosing) depth++;
  });
  p.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
    if (MAIN_NS.includes(tag.uri) && tag.local === "sheetData") {
      const insertAt = tag.isSelfClosing ? p.position : xml.lastIndexOf("</", p.position - 1);
      layout = { prefix, insertAt, selfClosed, dimension };
    }
  });
  p.write(xml).close();
  if (layout === null) throw new Error("the sheet has no <sheetData>");
  return { ...(layout as Omit<SheetLayout, "lastRow" | "lastCol">), lastRow, lastCol };
}

function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from, to = from] = ref.split(":");
  const a = cellPosition(from);
  const b = cellPosition(to);
  if (!a || !b) return null;
  return { top: a[0], left: a[1], bottom: b[0], right: b[1] };
}

/**
 * Adds the indicator table to the package's first worksheet, below its last used row (the
 * last with a value, formula or inline string; a blank row is left between),
 * as inline strings and numbers in the sheet's own prefix: no shared-strings or styles
 * edit. The `<dimension>` ref, where there is one, grows to cover the table, as a
 * spreadsheet program would write it. Nothing else in the part or the package changes.
 */
export function addIndicatorTable(data: Buffer): AddedTable {
  const pkg = new Package(data);
  const sheet = pkg.worksheets()[0];
  if (sheet === undefined || sheet.part === null) throw new Error("the workbook has no worksheet");
  const entry = pkg.entry(sheet.part) as string;
  const raw = pkg.archive.bytes(entry) as Buffer;
  const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  const xml = decodeXml(raw);
  const layout = layoutOf(xml);
  const p = layout.prefix === "" ? "" : `${layout.prefix}:`;
  const headerRow = layout.lastRow === 0 ? 1 : layout.lastRow + 2;
  const text = (ref: string, value: string): string =>
    `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${escapeXml(value)}</${p}t></${p}is></${p}c>`;
  const cellXml = (col: number, row: number, value: number | string): string =>
    typeof value === "number"
      ? `<${p}c r="${columnName(col)}${row}"><${p}v>${value}</${p}v></${p}c>`
      : text(`${columnName(col)}${row}`, value);
  const line = (row: number, values: (number | string)[]): string =>
    `<${p}row r="${row}">${values.map((v, i) => cellXml(i + 1, row, v)).join("")}</${p}row>`;
  const rows = INDICATORS.map((_, i) => headerRow + 1 + i);
  const rowsXml =
    line(headerRow, TABLE_HEADER) +
    INDICATORS.map((ind, i) =>
      line(rows[i], [i + 1, ind.name, ind.unit, ind.target, ind.actual])
    ).join("");
  let out: string;
  if (layout.selfClosed) {
    const open = xml.slice(layout.selfClosed.start, layout.selfClosed.end).replace(/\s*\/>$/, ">");
    out = `${xml.slice(0, layout.selfClosed.start)}${open}${rowsXml}</${p}sheetData>${xml.slice(layout.selfClosed.end)}`;
  } else out = xml.slice(0, layout.insertAt) + rowsXml + xml.slice(layout.insertAt);
  const dim = layout.dimension;
  if (dim && dim.ref !== null) {
    const old = rangeOf(dim.ref);
    const bottom = rows[rows.length - 1];
    const right = TABLE_HEADER.length;
    const ref = old
      ? `${columnName(Math.min(old.left, 1))}${Math.min(old.top, headerRow)}:${columnName(Math.max(old.right, right))}${Math.max(old.bottom, bottom)}`
      : `A${headerRow}:${columnName(right)}${bottom}`;
    // The dimension comes before sheetData, so its offsets hold in `out` too.
    const tag = out.slice(dim.start, dim.end);
    const grown = tag.replace(/(\sref\s*=\s*)(["'])[^"']*\2/, `$1$2${ref}$2`);
    out = out.slice(0, dim.start) + grown + out.slice(dim.end);
  }
  const bytes = Buffer.concat([
    bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(out, "utf8"),
  ]);
  return {
    data: writeZip(pkg.archive, new Map([[entry, bytes]])),
    sheet: sheet.name,
    part: sheet.part,
    position: sheet.position,
    headerRow,
    rows,
  };
}
