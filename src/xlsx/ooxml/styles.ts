import { attr, escapeRegExp, escapeXml, setAttr } from "./xml";

/*
 * The workbook's style sheet (`xl/styles.xml`), grown by what the result columns need: a
 * cell format per number format, one header format, one differential format per status
 * colour. Everything already there keeps its index, so no existing cell changes look, and
 * a format already there (an earlier run's) is found again rather than added twice.
 */

/** Excel's built-in number formats that the result columns use; others get ids from 164. */
const BUILT_IN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};
const FIRST_CUSTOM_ID = 164;

/** A child list of the style sheet (`<cellXfs>`, `<fonts>`…): its items as XML texts. */
interface List {
  name: string;
  items: string[];
  /** Where the list was in the original text, or the insertion point when it was absent. */
  start: number;
  end: number;
  /** The list's start tag as it was (its other attributes are kept), or null when absent. */
  tag: string | null;
  /** Item text → index, so an item already there is reused. */
  index: Map<string, number>;
  added: boolean;
}

/** The elements that follow each list in the schema's order, to place a list that is absent. */
const AFTER: Record<string, string[]> = {
  numFmts: ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"],
  dxfs: ["tableStyles", "colors", "extLst"],
};

export class StyleBook {
  private readonly prefix: string;
  private readonly numFmts: List;
  private readonly fonts: List;
  private readonly cellXfs: List;
  private readonly dxfs: List;
  private readonly derived = new Map<string, number>();
  private nextNumFmtId: number;

  constructor(private readonly xml: string) {
    const root = /<([A-Za-z_][\w.-]*:)?styleSheet\b/.exec(xml);
    if (!root) throw new Error("styles part has no styleSheet");
    this.prefix = root[1] ?? "";
    this.numFmts = this.list("numFmts", "numFmt");
    this.fonts = this.list("fonts", "font");
    this.cellXfs = this.list("cellXfs", "xf");
    this.dxfs = this.list("dxfs", "dxf");
    let max = FIRST_CUSTOM_ID - 1;
    for (const item of this.numFmts.items) max = Math.max(max, Number(attr(item, "numFmtId")) || 0);
    this.nextNumFmtId = max + 1;
  }

  /** The cell format `base` (an index of cellXfs; 0 when absent) showing `format`. */
  withNumberFormat(base: number | undefined, format: string): number {
    const key = `${base ?? 0}\u0000${format}`;
    let known = this.derived.get(key);
    if (known === undefined) {
      const tag = this.cellXfs.items[base ?? 0] ?? this.cellXfs.items[0] ?? `<${this.prefix}xf/>`;
      const start = /^<[^>]*?(?=\/?>)/.exec(tag)?.[0] ?? `<${this.prefix}xf`;
      let head = setAttr(`${start}>`, "numFmtId", String(this.numberFormatId(format)));
      head = setAttr(head, "applyNumberFormat", "1");
      known = this.add(this.cellXfs, head.slice(0, -1) + tag.slice(start.length));
      this.derived.set(key, known);
    }
    return known;
  }

  /** The result columns' header: bold, wrapped, centred, on the default format. */
  header(): number {
    let known = this.derived.get("header");
    if (known === undefined) {
      const font = this.fonts.items[0] ?? `<${this.prefix}font/>`;
      const bold = font.endsWith("/>")
        ? `${font.slice(0, -2)}><${this.prefix}b/></${this.prefix}font>`
        : font.replace(/^(<[^>]*>)/, `$1<${this.prefix}b/>`);
      const fontId = this.add(this.fonts, bold);
      const base = this.cellXfs.items[0] ?? `<${this.prefix}xf/>`;
      let head = /^<[^>]*?(?=\/?>)/.exec(base)?.[0] ?? `<${this.prefix}xf`;
      head = setAttr(`${head}>`, "fontId", String(fontId));
      head = setAttr(head, "applyFont", "1");
      head = setAttr(head, "applyAlignment", "1");
      const p = this.prefix;
      const alignment = `<${p}alignment horizontal="center" vertical="center" wrapText="1"/>`;
      known = this.add(this.cellXfs, `${head}${alignment}</${p}xf>`);
      this.derived.set("header", known);
    }
    return known;
  }

  /** A differential format (for a conditional-format rule): font colour and solid fill, ARGB. */
  colours(font: string, fill: string): number {
    const p = this.prefix;
    const dxf =
      `<${p}dxf><${p}font><${p}color rgb="${escapeXml(font)}"/></${p}font>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${escapeXml(fill)}"/>` +
      `</${p}patternFill></${p}fill></${p}dxf>`;
    return this.add(this.dxfs, dxf);
  }

  /** The style sheet with what was added; the original text when nothing was. */
  toXml(): string {
    const lists = [this.numFmts, this.fonts, this.cellXfs, this.dxfs].filter((l) => l.added);
    if (lists.length === 0) return this.xml;
    // Replaced from the end of the text backwards, so earlier positions stay valid.
    // A list inserted where another starts goes in after that one is replaced.
    lists.sort((a, b) => b.start - a.start || b.end - a.end);
    let xml = this.xml;
    for (const list of lists) {
      const p = this.prefix;
      const open = list.tag === null ? `<${p}${list.name}>` : list.tag.replace(/\s*\/>$/, ">");
      const head = setAttr(open, "count", String(list.items.length));
      const body = `${head}${list.items.join("")}</${p}${list.name}>`;
      xml = xml.slice(0, list.start) + body + xml.slice(list.end);
    }
    return xml;
  }

  private numberFormatId(format: string): number {
    if (BUILT_IN[format] !== undefined) return BUILT_IN[format];
    for (const item of this.numFmts.items)
      if (attr(item, "formatCode") === format) return Number(attr(item, "numFmtId"));
    const id = this.nextNumFmtId++;
    this.add(
      this.numFmts,
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`
    );
    return id;
  }

  private add(list: List, item: string): number {
    const known = list.index.get(item);
    if (known !== undefined) return known;
    list.items.push(item);
    list.index.set(item, list.items.length - 1);
    list.added = true;
    return list.items.length - 1;
  }

  /** Finds a list and its items; an absent list is placed where the schema wants it. */
  private list(name: string, item: string): List {
    const p = escapeRegExp(this.prefix);
    const open = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`).exec(this.xml);
    const items: string[] = [];
    let start: number;
    let end: number;
    if (open) {
      start = open.index;
      if (open[1] === "/") end = start + open[0].length;
      else {
        const close = this.xml.indexOf(`</${this.prefix}${name}>`, start);
        if (close < 0) throw new Error(`styles part: <${name}> is not closed`);
        end = close + `</${this.prefix}${name}>`.length;
        const inner = this.xml.slice(start + open[0].length, close);
        const pattern = new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}>)`, "g");
        for (const match of inner.matchAll(pattern)) items.push(match[0]);
      }
    } else {
      start = end = this.insertionPoint(name);
    }
    const index = new Map<string, number>();
    items.forEach((text, i) => index.has(text) || index.set(text, i));
    return { name, items, start, end, tag: open ? open[0] : null, index, added: false };
  }

  private insertionPoint(name: string): number {
    const p = escapeRegExp(this.prefix);
    for (const next of AFTER[name] ?? []) {
      const found = new RegExp(`<${p}${next}\\b`).exec(this.xml);
      if (found) return found.index;
    }
    const close = this.xml.lastIndexOf(`</${this.prefix}styleSheet>`);
    if (close < 0) throw new Error("styles part: <styleSheet> is not closed");
    return close;
  }
}
