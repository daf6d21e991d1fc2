import {
  appendChildren,
  child,
  childrenNamed,
  insertionPoint,
  isMain,
  PackageError,
  parseXml,
  Splices,
  XmlElement,
} from "./tree";
import { attr, escapeXml, setAttr } from "./xml";

/*
 * The workbook's style sheet (`xl/styles.xml`), grown by what the result columns need: a
 * cell format per number format, one header format, one differential format per status
 * colour. Everything already there keeps its index and its text, so no existing cell
 * changes look; a format already there (an earlier run's) is found again rather than
 * added twice. New items go at the end of their list, a new list where the schema puts
 * it, and each list's count is its items'.
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

/** CT_Stylesheet's children, in the order the schema requires. */
export const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

/**
 * What a list holds first when a style sheet lacks it: what Excel assumes without it, so
 * that the cells already there (all of them on format 0, which names font 0, fill 0 and
 * border 0) look as before. Fills need their second, reserved item too.
 */
const DEFAULT_ITEMS: Record<string, (p: string) => string[]> = {
  fonts: (p) => [
    `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`,
  ],
  fills: (p) => [
    `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
    `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
  ],
  borders: (p) => [
    `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`,
  ],
  cellStyleXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
  cellXfs: (p) => [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
  cellStyles: (p) => [`<${p}cellStyle name="Normal" xfId="0" builtinId="0"/>`],
};

/** The style sheet of a workbook that has none: Excel's own defaults, the look of every cell without one. */
export const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/** A child list of the style sheet (`<cellXfs>`, `<fonts>`…). */
interface List {
  name: string;
  /** The list as it was; undefined when the style sheet has none. */
  element: XmlElement | undefined;
  /** Its items' texts, those already there first. */
  items: string[];
  /** How many of `items` were there. */
  kept: number;
  /** Item text → index, so an item already there is reused. */
  index: Map<string, number>;
}

export class StyleBook {
  private readonly root: XmlElement;
  private readonly prefix: string;
  private readonly lists = new Map<string, List>();
  private readonly derived = new Map<string, number>();
  /** Styles made by `withNumberFormat`: by base style, then by format. */
  private readonly formatted = new Map<number, Map<string, number>>();
  private nextNumFmtId: number;

  /** `part` names the part in errors. */
  constructor(
    private readonly xml: string,
    part = "xl/styles.xml"
  ) {
    this.root = parseXml(xml, part);
    if (!isMain(this.root, "styleSheet"))
      throw new PackageError(part, "unexpected", "not a style sheet");
    this.prefix = this.root.prefix ? `${this.root.prefix}:` : "";
    let max = FIRST_CUSTOM_ID - 1;
    for (const item of this.list("numFmts").items)
      max = Math.max(max, Number(attr(item, "numFmtId")) || 0);
    this.nextNumFmtId = max + 1;
  }

  /** The cell format `base` (an index of cellXfs; 0 when absent) showing `format`. */
  withNumberFormat(base: number | undefined, format: string): number {
    // By base style then format: no key text to build for each of 100.000 cells.
    let byFormat = this.formatted.get(base ?? 0);
    if (byFormat === undefined) this.formatted.set(base ?? 0, (byFormat = new Map()));
    let known = byFormat.get(format);
    if (known === undefined) {
      const xfs = this.list("cellXfs", true);
      const tag = xfs.items[base ?? 0] ?? xfs.items[0];
      const start = /^<[^>]*?(?=\/?>)/.exec(tag)![0];
      let head = setAttr(`${start}>`, "numFmtId", String(this.numberFormatId(format)));
      head = setAttr(head, "applyNumberFormat", "1");
      known = this.add(xfs, head.slice(0, -1) + tag.slice(start.length));
      byFormat.set(format, known);
    }
    return known;
  }

  /** The result columns' header: bold, wrapped, centred, on the default format. */
  header(): number {
    let known = this.derived.get("header");
    if (known === undefined) {
      const p = this.prefix;
      const fonts = this.list("fonts", true);
      const font = fonts.items[0];
      const bold = font.endsWith("/>")
        ? `${font.slice(0, -2)}><${p}b/></${p}font>`
        : font.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
      const fontId = this.add(fonts, bold);
      const xfs = this.list("cellXfs", true);
      let head = /^<[^>]*?(?=\/?>)/.exec(xfs.items[0])![0];
      head = setAttr(`${head}>`, "fontId", String(fontId));
      head = setAttr(head, "applyFont", "1");
      head = setAttr(head, "applyAlignment", "1");
      const alignment = `<${p}alignment horizontal="center" vertical="center" wrapText="1"/>`;
      known = this.add(xfs, `${head}${alignment}</${p}xf>`);
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
    return this.add(this.list("dxfs"), dxf);
  }

  /** The style sheet with what was added; the original text when nothing was. */
  toXml(): string {
    // In schema order: new lists that go in at one place go in in that order.
    const grown = [...this.lists.values()]
      .filter((l) => l.items.length > l.kept)
      .sort((a, b) => this.rankOf(a.name) - this.rankOf(b.name));
    if (grown.length === 0) return this.xml;
    const p = this.prefix;
    const edits = new Splices();
    const fresh: string[] = [];
    for (const list of grown) {
      const added = list.items.slice(list.kept).join("");
      const { element } = list;
      if (element === undefined) {
        const body = `<${p}${list.name} count="${list.items.length}">${added}</${p}${list.name}>`;
        const at = insertionPoint(this.xml, this.root, list.name, STYLESHEET_ORDER);
        if (at === null) fresh.push(body);
        else edits.add(at, at, body);
        continue;
      }
      const tag = this.xml.slice(element.start, element.tagEnd);
      const counted = setAttr(tag, "count", String(list.items.length));
      appendChildren(edits, this.xml, element, added, counted);
    }
    // A self-closed `<styleSheet/>` is opened to hold its first lists, in schema order.
    if (fresh.length > 0) appendChildren(edits, this.xml, this.root, fresh.join(""));
    return edits.apply(this.xml);
  }

  private rankOf(name: string): number {
    return STYLESHEET_ORDER.indexOf(name as (typeof STYLESHEET_ORDER)[number]);
  }

  private numberFormatId(format: string): number {
    if (BUILT_IN[format] !== undefined) return BUILT_IN[format];
    const numFmts = this.list("numFmts");
    for (const item of numFmts.items)
      if (attr(item, "formatCode") === format) return Number(attr(item, "numFmtId"));
    const id = this.nextNumFmtId++;
    this.add(numFmts, `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`);
    return id;
  }

  private add(list: List, item: string): number {
    const known = list.index.get(item);
    if (known !== undefined) return known;
    list.items.push(item);
    list.index.set(item, list.items.length - 1);
    return list.items.length - 1;
  }

  /**
   * A list and its items, read once. With `withDefaults`, a list that is absent or empty
   * gets Excel's default first items, and so do the lists its format 0 points into, so
   * that what is added never becomes index 0, every unstyled cell's format.
   */
  private list(name: string, withDefaults = false): List {
    let list = this.lists.get(name);
    if (list === undefined) {
      const element = child(this.root, name);
      const itemName =
        {
          numFmts: "numFmt",
          fonts: "font",
          fills: "fill",
          borders: "border",
          cellStyleXfs: "xf",
          cellXfs: "xf",
          cellStyles: "cellStyle",
          dxfs: "dxf",
        }[name] ?? name;
      const items = element
        ? childrenNamed(element, itemName).map((e) => this.xml.slice(e.start, e.end))
        : [];
      const index = new Map<string, number>();
      items.forEach((text, i) => index.has(text) || index.set(text, i));
      list = { name, element, items, kept: items.length, index };
      this.lists.set(name, list);
    }
    if (withDefaults && list.items.length === 0) {
      for (const item of DEFAULT_ITEMS[name](this.prefix)) {
        list.items.push(item);
        list.index.set(item, list.items.length - 1);
      }
      if (name === "cellXfs")
        for (const other of ["fonts", "fills", "borders", "cellStyleXfs", "cellStyles"])
          this.list(other, true);
    }
    return list;
  }
}
