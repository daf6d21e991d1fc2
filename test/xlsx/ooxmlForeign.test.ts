import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { main } from "../../src/cli/main";
import { applyPlanToXml } from "../../src/xlsx/ooxml/patch";
import { listSheets, PackageParts, readContext } from "../../src/xlsx/ooxml/package";
import { readSheetTable } from "../../src/xlsx/ooxml/read";
import { WORKSHEET_ORDER } from "../../src/xlsx/ooxml/skeleton";
import { StyleBook, STYLESHEET_ORDER } from "../../src/xlsx/ooxml/styles";
import { smallPlan } from "./fixtures";

/*
 * The forms other generators write that the package code once got wrong: each case is the
 * least XML that shows one, from the workbooks of other libraries' test suites.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Throws unless the text is well-formed, namespace-correct XML. */
function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on("error", (e) => (failure ??= e));
  parser.write(xml).close();
  if (failure) throw failure;
}

/** The local names of the root's children, in document order. */
function childNames(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const names: string[] = [];
  let depth = 0;
  parser.on("opentag", (tag) => depth++ === 1 && names.push(tag.local));
  parser.on("closetag", () => depth--);
  parser.write(xml).close();
  return names;
}

/** Are the names in the order of `order` (names it does not know may stand anywhere)? */
function inOrder(names: string[], order: readonly string[]): boolean {
  const ranks = names.map((n) => order.indexOf(n)).filter((r) => r >= 0);
  return ranks.every((r, i) => i === 0 || ranks[i - 1] <= r);
}

const sheetWith = (head: string, rows = "", tail = ""): string =>
  `<worksheet xmlns="${MAIN}">${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;

const HEADER_ROW =
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Chỉ tiêu</t></is></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Vốn</t></is></c><c r="B3"><v>1</v></c></row>';

describe("the sheet around its rows", () => {
  it("keeps a <dimension> written with an end tag whole, its range widened", () => {
    const sheet = sheetWith('<dimension ref="A1:C3"></dimension>', HEADER_ROW);
    const out = applyPlanToXml(sheet, `<styleSheet xmlns="${MAIN}"/>`, smallPlan());
    wellFormed(out.sheet);
    expect(out.sheet).toContain('<dimension ref="A1:G5"></dimension>');
  });

  it("puts new <cols> and <conditionalFormatting> where the schema does, with unknown elements and mc:AlternateContent kept", () => {
    const alternate = `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="x14"><controls><control shapeId="1"/></controls></mc:Choice></mc:AlternateContent>`;
    const sheet = sheetWith(
      '<sheetPr><tabColor rgb="FF00FF00"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>',
      HEADER_ROW,
      `<phoneticPr fontId="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${alternate}<extLst><ext uri="{X}"><foo xmlns="urn:x"/></ext></extLst>`
    );
    const out = applyPlanToXml(sheet, `<styleSheet xmlns="${MAIN}"/>`, smallPlan());
    wellFormed(out.sheet);
    const names = childNames(out.sheet);
    expect(inOrder(names, WORKSHEET_ORDER)).toBe(true);
    expect(names.indexOf("cols")).toBe(names.indexOf("sheetData") - 1);
    expect(names.indexOf("conditionalFormatting")).toBe(names.indexOf("phoneticPr") + 1);
    expect(out.sheet).toContain(alternate);
    expect(out.sheet).toContain('<extLst><ext uri="{X}"><foo xmlns="urn:x"/></ext></extLst>');
  });

  it("does not take an attribute's text for the attribute", () => {
    const sheet = sheetWith(
      '<dimension xmlns:q="urn:q" q:note=" ref=&quot;Z9&quot;" ref="A1"/>',
      HEADER_ROW
    );
    const out = applyPlanToXml(sheet, `<styleSheet xmlns="${MAIN}"/>`, smallPlan());
    expect(out.sheet).toContain('q:note=" ref=&quot;Z9&quot;" ref="A1:G5"');
  });

  it("refuses a sheet that is not well-formed with the part's name", () => {
    const sheet = sheetWith('<dimension ref="A1">', HEADER_ROW);
    expect(() => applyPlanToXml(sheet, `<styleSheet xmlns="${MAIN}"/>`, smallPlan(), { sheet: "xl/worksheets/s.xml", styles: "xl/styles.xml" })).toThrow(/xl\/worksheets\/s\.xml: not well-formed/); // prettier-ignore
  });
});

describe("the style sheet", () => {
  /** A style book's XML after the plan's formats, header and colours are added. */
  function grown(xml: string): string {
    const styles = new StyleBook(xml);
    expect(styles.withNumberFormat(undefined, "0.00%")).toBeGreaterThan(0);
    expect(styles.header()).toBeGreaterThan(0);
    styles.colours("FF9C0006", "FFFFC7CE");
    const out = styles.toXml();
    wellFormed(out);
    expect(inOrder(childNames(out), STYLESHEET_ORDER)).toBe(true);
    return out;
  }

  /** The `count` of each list and its items' number. */
  function counts(xml: string): [string, string | undefined, number][] {
    const parser = new SaxesParser({ xmlns: true });
    const lists: [string, string | undefined, number][] = [];
    let depth = 0;
    parser.on("opentag", (tag) => {
      if (depth === 1) lists.push([tag.local, tag.attributes.count?.value, 0]);
      if (depth === 2) lists[lists.length - 1][2]++;
      depth++;
    });
    parser.on("closetag", () => depth--);
    parser.write(xml).close();
    return lists;
  }

  it("gives a self-closed <styleSheet/> Excel's defaults first, so no unstyled cell changes look", () => {
    const out = grown(`<styleSheet xmlns="${MAIN}"/>`);
    expect(childNames(out)).toEqual(["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]); // prettier-ignore
    const xf0 = /<cellXfs[^>]*><xf ([^>]*)\/>/.exec(out)?.[1];
    expect(xf0).toBe('numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"');
    for (const [name, count, items] of counts(out))
      expect([name, Number(count)]).toEqual([name, items]);
  });

  it("adds the lists a style sheet lacks where the schema puts them, before <dxfs> and extLst", () => {
    const out = grown(
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><dxfs count="0"/><extLst><ext uri="{E}"/></extLst></styleSheet>`
    );
    expect(childNames(out)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "extLst"]); // prettier-ignore
    expect(out).toContain('<dxfs count="1"><dxf>');
    expect(out).toContain('<numFmt numFmtId="164" formatCode="0.0"/>');
  });

  it("keeps mc:AlternateContent and prefixes declared where they were, items appended after them", () => {
    const alternate = `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice xmlns:x14ac="urn:x14ac" Requires="x14ac"><x14ac:foo/></mc:Choice><mc:Fallback/></mc:AlternateContent>`;
    const xml =
      `<x:styleSheet xmlns:x="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="urn:x14ac">` +
      `<x:fonts count="1" x14ac:knownFonts="1"><x:font><x:sz val="11"/></x:font>${alternate}</x:fonts>` +
      `<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0"/></x:cellXfs></x:styleSheet>`;
    const out = grown(xml);
    expect(out).toContain(alternate);
    expect(out).toContain('<x:fonts count="2" x14ac:knownFonts="1"><x:font><x:sz val="11"/></x:font>' + alternate + '<x:font><x:b/><x:sz val="11"/></x:font></x:fonts>'); // prettier-ignore
    expect(out).not.toMatch(/<(?!x:|mc:|x14ac:|\/)[a-z]/i);
  });

  it("counts a list's items, not what its count said", () => {
    const out = grown(
      `<styleSheet xmlns="${MAIN}"><fonts count="7"><font/></fonts><cellXfs count="9"><xf numFmtId="0"/></cellXfs></styleSheet>`
    );
    expect(out).toContain('<fonts count="2">');
    expect(out).toContain('<cellXfs count="3">');
  });
});

const parts = (files: Record<string, string>): PackageParts => ({ text: (p) => files[p] });
function book(
  sheet: string,
  strings = "",
  extra: Record<string, string> = {}
): Record<string, string> {
  return {
    "_rels/.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData>${sheet}</sheetData></worksheet>`,
    "xl/sharedStrings.xml": `<sst xmlns="${MAIN}">${strings}</sst>`,
    ...extra,
  };
}

describe("the reader, on forms Excel and others write", () => {
  const read = (files: Record<string, string>) => {
    const p = parts(files);
    return readSheetTable(p, listSheets(p)[0], readContext(p)).values;
  };

  it("reads a value written with xml:space, a string item with attributes, and CR LF as LF", () => {
    const values = read(
      book(
        '<row r="1"><c r="A1" t="str"><f>" a "</f><v xml:space="preserve"> a </v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="inlineStr"><is><t>x\r\ny&#13;</t></is></c></row>',
        '<si><t>một</t></si><si foo="1"><t>hai\r\nba</t></si><si foo="2"/><si><t>bốn</t></si>'
      )
    );
    expect(values).toEqual([[" a ", "hai\nba", "bốn", "x\ny\r"]]);
  });

  it("holds a cell far out by the cells present, not by the extent up to it", () => {
    const values = read(
      book(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="100000"><c r="FOO100000"><v>2</v></c></row>'
      )
    );
    expect(values).toHaveLength(100000);
    expect(values[99999][4460]).toBe(2);
    expect(Object.keys(values[99999])).toEqual(["4460"]);
    expect(values[500]).toEqual([]);
  });
});

describe("chitieu compute on a workbook without a style sheet", () => {
  it("adds one with its relationship and content type, and Excel's look for every other cell", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-nostyles-"));
    const rows = [
      ["Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện 6 tháng năm 2024"],
      ["Tổng vốn đầu tư", "Tỷ đồng", 34000, 14096],
      ["Thu ngân sách", "Tỷ đồng", 10000, 5600],
    ];
    const cell = (v: string | number, ref: string): string =>
      typeof v === "number"
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const sheet = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, `${"ABCD"[c]}${i + 1}`)).join("")}</row>`).join(""); // prettier-ignore
    const zip = new JSZip();
    zip.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`); // prettier-ignore
    const files = book(sheet);
    delete files["xl/sharedStrings.xml"];
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    const input = path.join(dir, "no-styles.xlsx");
    const out = path.join(dir, "out.xlsx");
    await fs.writeFile(input, await zip.generateAsync({ type: "nodebuffer" }));
    expect(await main(["compute", input, "--out", out])).toBe(0);
    const copy = await JSZip.loadAsync(await fs.readFile(out));
    const styles = await copy.file("xl/styles.xml")?.async("string");
    expect(styles).toBeDefined();
    wellFormed(styles!);
    expect(await copy.file("xl/_rels/workbook.xml.rels")?.async("string")).toContain(
      'Target="/xl/styles.xml"'
    );
    expect(await copy.file("[Content_Types].xml")?.async("string")).toContain(
      'PartName="/xl/styles.xml"'
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fs.readFile(out)) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws.getCell("C2").value).toBe(34000);
    expect(ws.getCell("A1").font?.bold).toBeFalsy();
    expect(ws.getCell("E1").font?.bold).toBe(true);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
