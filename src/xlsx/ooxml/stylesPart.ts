import { PackageParts, WorkbookContext } from "./package";
import { EMPTY_STYLESHEET } from "./styles";
import { appendChildren, PackageError, parseXml, Splices, XmlElement } from "./tree";
import { escapeXml } from "./xml";

/*
 * A style sheet for a workbook that has none (Excel opens such a file, every cell in its
 * default look): the part itself, a relationship from the workbook to it, and its content
 * type. The style sheet starts empty; the writer grows it with Excel's defaults first, so
 * the cells already there keep their look.
 */

const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const RELATIONSHIPS = {
  transitional: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  strict: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

/** The parts to write, by path, for a new style sheet at `context.stylesPath`. */
export function newStylesParts(parts: PackageParts, context: WorkbookContext): Map<string, string> {
  const { workbookPath, stylesPath } = context;
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const relsPath = `${dir}_rels/${workbookPath.slice(dir.length)}.rels`;
  const out = new Map<string, string>([[stylesPath, EMPTY_STYLESHEET]]);

  const rels = parts.text(relsPath);
  if (rels === undefined) throw new PackageError(relsPath, "missing", "missing");
  const root = parseXml(rels, relsPath);
  // A relationship to a style sheet the package lacks stays; only the part is added then.
  if (!root.children.some((r) => r.attributes.Type?.endsWith("/styles"))) {
    const ids = new Set(root.children.map((r) => r.attributes.Id));
    let n = root.children.length + 1;
    while (ids.has(`rId${n}`)) n++;
    // A strict workbook names its relationships in the strict namespace; so does the new one.
    const strict = root.children.some((r) => r.attributes.Type?.startsWith(RELATIONSHIPS.strict));
    const type = `${strict ? RELATIONSHIPS.strict : RELATIONSHIPS.transitional}/styles`;
    const p = root.prefix ? `${root.prefix}:` : "";
    const target = escapeXml(stylesPath);
    const relationship = `<${p}Relationship Id="rId${n}" Type="${type}" Target="/${target}"/>`;
    out.set(relsPath, append(rels, root, relationship));
  }

  const typesPath = "[Content_Types].xml";
  const types = parts.text(typesPath);
  if (types === undefined) return out;
  const typesRoot = parseXml(types, typesPath);
  const name = `/${stylesPath}`.toLowerCase();
  if (!typesRoot.children.some((o) => o.attributes.PartName?.toLowerCase() === name)) {
    const q = typesRoot.prefix ? `${typesRoot.prefix}:` : "";
    const override = `<${q}Override PartName="/${escapeXml(stylesPath)}" ContentType="${STYLES_TYPE}"/>`;
    out.set(typesPath, append(types, typesRoot, override));
  }
  return out;
}

/** The part's text with `xml` added as the root's last child. */
function append(text: string, root: XmlElement, xml: string): string {
  const edits = new Splices();
  appendChildren(edits, text, root, xml);
  return edits.apply(text);
}
