/**
 * A .docx read back as Word reads it: its parts parsed as XML (jsdom's DOMParser, the
 * project's XML parser for tests), with the few WordprocessingML properties the layout
 * tests ask about.
 */
import { JSDOM } from "jsdom";
import { readZip } from "../../src/cli/zip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const parser = new new JSDOM("").window.DOMParser();

/** Twips in a millimetre. */
export const MM = 1440 / 25.4;
/** Word's cell padding, left and right, when a table sets none. */
const DEFAULT_PADDING = 108;

export interface Package {
  /** A part parsed, by its name in the package. */
  part(name: string): Document;
  /** `w:body` of word/document.xml. */
  body: Element;
  /** The part a relationship of word/document.xml points to (`rId7` → `word/header2.xml`). */
  target(id: string): string;
}

export function openPackage(bytes: Uint8Array): Package {
  const zip = readZip(Buffer.from(bytes));
  const part = (name: string): Document => {
    const text = zip.text(name);
    if (text === undefined) throw new Error(`no ${name} in the package`);
    const doc = parser.parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length > 0) throw new Error(`${name} is not XML`);
    return doc;
  };
  const rels = part("word/_rels/document.xml.rels");
  const target = (id: string): string => {
    const rel = Array.from(rels.documentElement.children).find((r) => r.getAttribute("Id") === id);
    if (!rel) throw new Error(`no relationship ${id}`);
    return `word/${rel.getAttribute("Target")}`;
  };
  const body = kid(part("word/document.xml").documentElement, "body");
  if (!body) throw new Error("no w:body");
  return { part, body, target };
}

/** The children of an element in the WordprocessingML namespace with a local name. */
export const kids = (el: Element | undefined, name: string): Element[] =>
  el ? Array.from(el.children).filter((c) => c.namespaceURI === W && c.localName === name) : [];
export const kid = (el: Element | undefined, name: string): Element | undefined =>
  kids(el, name)[0];
/** Every descendant with a local name. */
export const all = (el: Element | Document, name: string): Element[] =>
  Array.from(el.getElementsByTagNameNS(W, name));
export const attr = (el: Element | undefined, name = "val"): string | null =>
  el?.getAttributeNS(W, name) ?? null;
export const relId = (el: Element): string | null => el.getAttributeNS(R, "id");
const twips = (el: Element | undefined, name: string): number => Number(attr(el, name) ?? 0);
/** An on/off property: present, and not switched off. */
export const on = (el: Element | undefined): boolean =>
  el !== undefined && !["false", "0", "off"].includes(attr(el) ?? "");

/** A paragraph's text, a line break as `\n`. */
export function text(p: Element): string {
  let out = "";
  for (const run of kids(p, "r"))
    for (const c of Array.from(run.children)) {
      if (c.localName === "t") out += c.textContent ?? "";
      else if (c.localName === "br") out += "\n";
      else if (c.localName === "tab") out += "\t";
    }
  return out;
}

/** The printed lines of a paragraph broken by hand. */
export const lines = (p: Element): string[] => text(p).split("\n");
/** The text as one line, a break read as the space it stands for. */
export const flat = (p: Element): string => lines(p).join(" ");

const pPr = (p: Element): Element | undefined => kid(p, "pPr");
export const align = (p: Element): string => attr(kid(pPr(p), "jc")) ?? "left";
export const keeps = (p: Element): { next: boolean; lines: boolean } => ({
  next: on(kid(pPr(p), "keepNext")),
  lines: on(kid(pPr(p), "keepLines")),
});

export function indent(p: Element): {
  left: number;
  right: number;
  firstLine: number;
  hanging: number;
  /** Where the first line starts, from the left of the column. */
  start: number;
} {
  const ind = kid(pPr(p), "ind");
  const left = twips(ind, "left") || twips(ind, "start");
  const firstLine = twips(ind, "firstLine");
  const hanging = twips(ind, "hanging");
  return {
    left,
    right: twips(ind, "right") || twips(ind, "end"),
    firstLine,
    hanging,
    start: left + firstLine - hanging,
  };
}

export function spacing(p: Element): {
  before: number;
  after: number;
  line: number;
  rule: string;
} {
  const s = kid(pPr(p), "spacing");
  const line = attr(s, "line");
  return {
    before: twips(s, "before"),
    after: twips(s, "after"),
    line: line === null ? 240 : Number(line),
    rule: attr(s, "lineRule") ?? "auto",
  };
}

/** A line drawn under a text: an empty paragraph with a solid top border. */
export function isRule(p: Element): boolean {
  const top = kid(kid(pPr(p), "pBdr"), "top");
  return text(p) === "" && top !== undefined && !["none", "nil"].includes(attr(top) ?? "none");
}

/** A rule's solid line and its length in a column `room` twips wide. */
export function rule(p: Element, room: number): { style: string | null; length: number } {
  const { left, right } = indent(p);
  return { style: attr(kid(kid(pPr(p), "pBdr"), "top")), length: room - left - right };
}

export interface Look {
  /** Points. */
  size: number;
  bold: boolean;
  italic: boolean;
  font: string | null;
}

/** How a run is set; its size falls back on the document's 14 pt. */
export function look(run: Element): Look {
  const rPr = kid(run, "rPr");
  return {
    size: Number(attr(kid(rPr, "sz")) ?? 28) / 2,
    bold: on(kid(rPr, "b")),
    italic: on(kid(rPr, "i")),
    font: attr(kid(rPr, "rFonts"), "ascii"),
  };
}

/** The look every text run of a paragraph shares; a paragraph of mixed looks throws. */
export function paragraphLook(p: Element): Look {
  const looks = kids(p, "r")
    .filter((r) => kid(r, "t"))
    .map(look);
  if (looks.length === 0) throw new Error("a paragraph with no text");
  for (const other of looks)
    if (JSON.stringify(other) !== JSON.stringify(looks[0]))
      throw new Error(`mixed runs in "${text(p)}"`);
  return looks[0];
}

export const rows = (tbl: Element): Element[] => kids(tbl, "tr");
export const cells = (tr: Element): Element[] => kids(tr, "tc");
export const paragraphs = (tc: Element): Element[] => kids(tc, "p");
export const columns = (tbl: Element): number[] =>
  kids(kid(tbl, "tblGrid"), "gridCol").map((c) => Number(attr(c, "w")));

/** The width a column leaves its text, after the table's cell padding. */
export function room(tbl: Element, column: number): number {
  const margins = kid(kid(tbl, "tblPr"), "tblCellMar");
  const pad = (side: string): number => {
    const el = kid(margins, side) ?? kid(margins, side === "left" ? "start" : "end");
    return el ? twips(el, "w") : DEFAULT_PADDING;
  };
  return columns(tbl)[column] - pad("left") - pad("right");
}

/** The table's six borders (top, left, bottom, right, inside H, inside V) as `style/size`. */
export function tableBorders(tbl: Element): string[] {
  const borders = kid(kid(tbl, "tblPr"), "tblBorders");
  return ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => {
    const el = kid(borders, side);
    return el ? `${attr(el)}/${attr(el, "sz")}` : "missing";
  });
}

/** No visible border on the table or on any of its cells. */
export function isBorderless(tbl: Element): boolean {
  const none = (el: Element): boolean => ["none", "nil"].includes(attr(el) ?? "");
  const tableSides = tableBorders(tbl).every((b) => /^(none|nil)\//.test(b));
  const cellSides = all(tbl, "tcBorders").every((b) => Array.from(b.children).every(none));
  return tableSides && cellSides;
}
