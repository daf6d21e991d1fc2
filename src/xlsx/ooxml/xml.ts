/*
 * The little XML the package code needs: escaping, and reading or setting one attribute of
 * a start tag held as text. The parts are scanned as text, never parsed into a tree: a
 * 100.000-row sheet is tens of megabytes of XML.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

/** Text or attribute value as XML: `a < b & "c"` → `a &lt; b &amp; &quot;c&quot;`. */
export function escapeXml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]) : text;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text as written back to characters: entities and character references. */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== "#") return NAMED[name] ?? whole;
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The pattern of one attribute, compiled once per name: `attr` runs for every row and
 * cell of a sheet, and compiling a pattern costs more than matching it.
 */
const ATTRIBUTES = new Map<string, RegExp>();
function attribute(name: string): RegExp {
  let pattern = ATTRIBUTES.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(\\s${name}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, pattern);
  }
  return pattern;
}

/** The value of one attribute of a start tag (`<c r="A1" s="3">`), unescaped; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  const match = attribute(name).exec(tag);
  if (!match) return undefined;
  return unescapeXml(match[2] ?? match[3]);
}

/** Each attribute of a start tag, in order: its name as written and where its value's quotes are. */
const PAIRS = /\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

/**
 * The start tag with the attribute set (added before the tag's end when absent). The tag's
 * attributes are read pair by pair from its name on, so a value that holds ` name="…"`
 * is never taken for the attribute.
 */
export function setAttr(tag: string, name: string, value: string): string {
  const written = `"${escapeXml(value)}"`;
  PAIRS.lastIndex = 0;
  for (let m = PAIRS.exec(tag); m; m = PAIRS.exec(tag)) {
    if (m[1] !== name) continue;
    const at = m.index + m[0].length - m[2].length;
    return tag.slice(0, at) + written + tag.slice(m.index + m[0].length);
  }
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).trimEnd()} ${name}=${written}${tag.slice(end)}`;
}

/** The start tag without the attribute. */
export function dropAttr(tag: string, name: string): string {
  return tag.replace(attribute(name), "");
}

/** Text as a pattern that matches it literally: a namespace prefix in a RegExp (`x.y:` → `x\.y:`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
