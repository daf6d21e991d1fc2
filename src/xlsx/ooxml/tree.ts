import { SaxesParser, SaxesTagNS } from "saxes";

/*
 * A part's XML parsed by a real parser (saxes: well-formedness, namespaces, prefixes) into
 * a light tree of elements that remember where they stand in the text. The package code
 * edits a part by splicing new text in at those places, so whatever it does not touch
 * (attributes, prefixes, `mc:AlternateContent`, `extLst`, unknown elements, whitespace)
 * stays exactly as the generator wrote it.
 */

/** The SpreadsheetML main namespace, in its transitional and strict spellings. */
export const MAIN_NS = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];
export const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** What is wrong with a package, for a message in the user's words. */
export type PackageProblem =
  /** A part the workbook needs is not in the package. */
  | "missing"
  /** A part is not well-formed XML, or an element in it is cut short. */
  | "malformed"
  /** A part holds something else than its kind of part. */
  | "unexpected"
  /** The package is another kind of document (a presentation, a text). */
  | "notWorkbook"
  /** A sheet holds more cells than can be held in memory. */
  | "tooLarge";

/** A package this module cannot read; `part` is the path of the part at fault. */
export class PackageError extends Error {
  override name = "PackageError";
  constructor(
    readonly part: string,
    readonly problem: PackageProblem,
    detail: string
  ) {
    super(`${part}: ${detail}`);
  }
}

export interface XmlElement {
  /** As written, with its prefix: `x:row`. */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** The namespace URI the prefix resolves to; "" for none. */
  readonly uri: string;
  /** By qualified name as written (namespace declarations included), values unescaped. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The attributes in a namespace (`r:id`), by local name and namespace URI. */
  readonly qualified: readonly { local: string; uri: string; value: string }[];
  /** Where `<` of the start tag is. */
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly tagEnd: number;
  /** Just after the end tag (or the self-closed tag). */
  end: number;
  readonly selfClosing: boolean;
  readonly children: XmlElement[];
}

/** Is the element SpreadsheetML's `local` (any prefix, either spelling of the namespace)? */
export function isMain(element: XmlElement, local?: string): boolean {
  return MAIN_NS.includes(element.uri) && (local === undefined || element.local === local);
}

/** The value of an attribute in one of the namespaces `uris` (`r:id`, whatever the prefix). */
export function attrNS(
  element: XmlElement,
  local: string,
  uris: readonly string[]
): string | undefined {
  return element.qualified.find((a) => a.local === local && uris.includes(a.uri))?.value;
}

/** The first child in the main namespace named `local`, or undefined. */
export function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => isMain(c, local));
}

/** Every child in the main namespace named `local`. */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => isMain(c, local));
}

/** Where the element's end tag starts (its content's end); the tag's end when self-closed. */
export function contentEnd(text: string, element: XmlElement): number {
  return element.selfClosing ? element.tagEnd : text.lastIndexOf("<", element.end - 1);
}

/**
 * The part's root element, its descendants down to `depth` levels below it (all when
 * omitted). `part` names the part in errors.
 */
export function parseXml(text: string, part: string, depth = Infinity): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const tagEnd = parser.position;
    // A start tag holds no `<` (an attribute value cannot), so the last one before its end is its start.
    const start = text.lastIndexOf("<", tagEnd - 1);
    const attributes: Record<string, string> = {};
    const qualified: { local: string; uri: string; value: string }[] = [];
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = attribute.value;
      if (attribute.prefix && attribute.prefix !== "xmlns")
        qualified.push({ local: attribute.local, uri: attribute.uri, value: attribute.value });
    }
    const element: XmlElement = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attributes,
      qualified,
      start,
      tagEnd,
      end: tagEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
    };
    if (stack.length === 0) root = element;
    else if (stack.length <= depth) stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    const element = stack.pop();
    if (element) element.end = parser.position;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure !== undefined || root === undefined)
    throw new PackageError(
      part,
      "malformed",
      `not well-formed XML (${failure?.message ?? "no root element"})`
    );
  return root;
}

/**
 * The rank of a child in its parent's schema sequence (`order`), or -1 when unknown. An
 * `mc:AlternateContent` ranks as the first element of its first choice.
 */
export function rank(element: XmlElement, order: readonly string[]): number {
  if (element.uri === MC_NS && element.local === "AlternateContent") {
    const inner = element.children[0]?.children[0];
    return inner ? rank(inner, order) : -1;
  }
  return isMain(element) ? order.indexOf(element.local) : -1;
}

/**
 * Where a new child named `local` goes in `parent`: before the first child that the
 * schema's sequence (`order`) puts after it; else before the parent's end tag. Null when
 * the parent is self-closed (the caller opens it).
 */
export function insertionPoint(
  text: string,
  parent: XmlElement,
  local: string,
  order: readonly string[]
): number | null {
  const own = order.indexOf(local);
  for (const c of parent.children) if (rank(c, order) > own) return c.start;
  return parent.selfClosing ? null : contentEnd(text, parent);
}

/**
 * Adds `xml` after the last child of `element`, its start tag written as `tag` (as in the
 * text when omitted): a self-closed element is opened and closed around what is added.
 */
export function appendChildren(
  edits: Splices,
  text: string,
  element: XmlElement,
  xml: string,
  tag = text.slice(element.start, element.tagEnd)
): void {
  if (element.selfClosing) {
    edits.add(element.start, element.end, `${tag.replace(/\s*\/>$/, ">")}${xml}</${element.name}>`);
    return;
  }
  if (tag !== text.slice(element.start, element.tagEnd))
    edits.add(element.start, element.tagEnd, tag);
  const at = contentEnd(text, element);
  edits.add(at, at, xml);
}

/** A list of replacements of spans of one text, applied at once. */
/**
 * A replacement written when the text is: its pieces handed to `emit` one by one, in order.
 * A generator may stop between pieces (`yield`): whoever writes the text can then wait for
 * its reader (a deflater on other threads) before asking for more.
 */
export type LazyText = (emit: (piece: string) => void) => Iterable<void> | void;

export class Splices {
  private readonly list: {
    start: number;
    end: number;
    text: string | string[] | LazyText;
    order: number;
  }[] = [];

  /**
   * Replaces `start`…`end` (an insertion when equal) with `text`, its pieces joined, or what
   * a function emits when the text is written (a sheet's rows, made as they are written).
   */
  add(start: number, end: number, text: string | string[] | LazyText): void {
    this.list.push({ start, end, text, order: this.list.length });
  }

  get size(): number {
    return this.list.length;
  }

  /** The text with every replacement made. */
  apply(text: string): string {
    const out: string[] = [];
    this.emit(text, (piece) => out.push(piece));
    return out.join("");
  }

  /**
   * The text with every replacement made, handed to `emit` piece by piece: slices of `text`
   * and the replacements. At one place, insertions go before a replacement that starts
   * there, in the order they were added.
   */
  emit(text: string, emit: (piece: string) => void): void {
    for (const pause of this.steps(text, emit)) void pause;
  }

  /** `emit`, stopping where a lazy replacement stops: each step resumes the writing. */
  *steps(text: string, emit: (piece: string) => void): Generator<void, void> {
    const inserts = (s: { start: number; end: number }): number => (s.end === s.start ? 0 : 1);
    const sorted = [...this.list].sort(
      (a, b) => a.start - b.start || inserts(a) - inserts(b) || a.order - b.order
    );
    let at = 0;
    for (const splice of sorted) {
      if (splice.start < at) throw new Error("overlapping edits of one part");
      emit(text.slice(at, splice.start));
      if (typeof splice.text === "string") emit(splice.text);
      else if (typeof splice.text === "function") {
        const paused = splice.text(emit);
        if (paused) yield* paused;
      } else for (const piece of splice.text) emit(piece);
      at = splice.end;
    }
    emit(text.slice(at));
  }
}
