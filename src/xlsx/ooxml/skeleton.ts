import { child, insertionPoint, isMain, PackageError, parseXml, Splices, XmlElement } from "./tree";

/** CT_Worksheet's children, in the order the schema requires. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
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
] as const;

/** An element found in a part's text: where it starts and ends, and its start tag. */
export interface ElementSpan {
  start: number;
  end: number;
  tag: string;
}

/**
 * A worksheet part for editing: everything but the rows parsed by the XML parser (the
 * worksheet element and its children, with their places in the text), the rows left as
 * text for the row patch, which a parser would take seconds over on 100.000 rows. The
 * edits around the rows are collected in `edits` and made at once.
 */
export class SheetSkeleton {
  readonly root: XmlElement;
  readonly data: XmlElement;
  /** `x:` when the generator writes the main namespace with a prefix, else "". */
  readonly prefix: string;
  readonly edits = new Splices();

  constructor(
    readonly text: string,
    part: string
  ) {
    const found = /<([\w.-]+:)?sheetData(?=[\s/>])[^>]*?(\/?)>/.exec(text);
    if (!found) throw new PackageError(part, "unexpected", "no <sheetData>");
    const inner = found.index + found[0].length;
    const close = found[2] ? inner : text.lastIndexOf(`</${found[1] ?? ""}sheetData>`);
    if (close < inner) throw new PackageError(part, "malformed", "<sheetData> is not closed");
    // The parser reads the part with the rows cut out; places after the cut move back.
    const cut = close - inner;
    const shift = (element: XmlElement): XmlElement => ({
      ...element,
      start: element.start >= inner ? element.start + cut : element.start,
      tagEnd: element.tagEnd > inner ? element.tagEnd + cut : element.tagEnd,
      end: element.end > inner ? element.end + cut : element.end,
      children: element.children.map(shift),
    });
    this.root = shift(parseXml(text.slice(0, inner) + text.slice(close), part));
    const data = child(this.root, "sheetData");
    if (!isMain(this.root, "worksheet") || data === undefined || data.start !== found.index)
      throw new PackageError(part, "unexpected", "not a worksheet");
    this.data = data;
    this.prefix = this.root.prefix ? `${this.root.prefix}:` : "";
  }

  /** The worksheet's first child named `local`. */
  element(local: string): XmlElement | undefined {
    return child(this.root, local);
  }

  /** The start tag of an element, as written. */
  tag(element: XmlElement): string {
    return this.text.slice(element.start, element.tagEnd);
  }

  /** Inserts a new child `local` of the worksheet where the schema puts it. */
  insert(local: (typeof WORKSHEET_ORDER)[number], xml: string): void {
    const at = insertionPoint(this.text, this.root, local, WORKSHEET_ORDER);
    if (at === null) throw new Error("a worksheet holds <sheetData>, so it is never self-closed");
    this.edits.add(at, at, xml);
  }
}
