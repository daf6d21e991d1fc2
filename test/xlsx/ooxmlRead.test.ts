import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import type { Table } from "../../src/core/types";
import { tableFromWorksheet } from "../../src/xlsx/sheet";
import { isDateFormat, listSheets, PackageParts, readContext } from "../../src/xlsx/ooxml/package";
import { PackageError, readSheetTable } from "../../src/xlsx/ooxml/read";
import { benchTable, SHEET, writeBenchWorkbook } from "../bench/generate";

type Data = Buffer | ArrayBuffer;

/** The parts of an .xlsx as a host hands them over: every entry's text, read up front. */
async function partsOf(data: Data): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const texts = new Map<string, string>();
  for (const file of Object.values(zip.files))
    if (!file.dir) texts.set(file.name, await file.async("string"));
  return texts;
}

const asParts = (texts: Map<string, string>): PackageParts => ({ text: (p) => texts.get(p) });

/** Every worksheet as this module reads it, in workbook order. */
function ours(texts: Map<string, string>): Map<string, Table> {
  const parts = asParts(texts);
  const context = readContext(parts);
  return new Map(listSheets(parts).map((s) => [s.name, readSheetTable(parts, s, context)]));
}

/** Every worksheet as the exceljs host reads it. */
async function theirs(data: Data): Promise<Map<string, Table>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return new Map(workbook.worksheets.map((s) => [s.name, tableFromWorksheet(s)]));
}

/**
 * The table as a rectangle of the sheet's used width, as exceljs gives it: the reader
 * leaves a row's missing cells as holes or off its end, so that a far cell costs one cell.
 */
function dense(table: Table): Table {
  const width = Math.max(0, ...table.values.map((line) => line.length));
  const pad = <T>(rows: T[][]): (T | null)[][] =>
    rows.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? null));
  return { ...table, values: pad(table.values), formats: table.formats && pad(table.formats) };
}

/** Merges in one order: exceljs and the reader need not list them alike. */
const sorted = (table: Table | undefined): Table | undefined =>
  table && {
    ...dense(table),
    merges: [...table.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  };

/** Reads the package both ways and expects the same tables; returns ours, as rectangles. */
async function expectSameAsExceljs(data: Data): Promise<Map<string, Table>> {
  const mine = ours(await partsOf(data));
  const reference = await theirs(data);
  expect([...mine.keys()]).toEqual([...reference.keys()]);
  for (const [name, table] of reference)
    expect(sorted(mine.get(name))).toStrictEqual(sorted(table));
  return new Map([...mine].map(([name, table]) => [name, dense(table)]));
}

/** A package from its parts' texts: the hand-written cases exceljs cannot write. */
async function pack(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer" });
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const worksheet = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${body}</worksheet>`;
const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;

/**
 * Cell styles of the hand-written packages, by cellXfs index: 1 `0.00%`, 2 `#,##0`,
 * 3 `dd/mm/yyyy`, 4 built-in 14, 5 `#,##0\ "tỷ đồng"`, 6 General (a border, say),
 * 7 built-in 31 (East Asian, unnamed by exceljs), 8 built-in 22 (date and time).
 */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0\\ &quot;tỷ đồng&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="9">${[0, 10, 3, 164, 14, 165, 0, 31, 22]
  .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
  .join("")}</cellXfs></styleSheet>`;

/** A whole package by hand: the sheets' XML bodies, the shared strings, the workbook's extras. */
function handWritten(
  sheets: Record<string, string>,
  strings: string[],
  options: { workbookPr?: string; hidden?: string } = {}
): Record<string, string> {
  const names = Object.keys(sheets);
  const files: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.workbookPr ?? ""}<sheets>${names
      .map(
        (name, i) =>
          `<sheet name="${name}" sheetId="${i + 1}"${name === options.hidden ? ' state="hidden"' : ""} r:id="rId${i + 3}"/>`
      )
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${rel("rId1", "styles", "styles.xml")}${rel("rId2", "sharedStrings", "sharedStrings.xml")}${names
      .map((_, i) => rel(`rId${i + 3}`, "worksheet", `worksheets/sheet${i + 1}.xml`))
      .join("")}</Relationships>`,
    "xl/styles.xml": STYLES,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join("")}</sst>`,
  };
  names.forEach((name, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = worksheet(sheets[name])));
  return files;
}

/** One of each kind of cell exceljs writes, on a sheet that is not the first, beside a hidden one. */
function kindsWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Bìa").getCell("A1").value = "Báo cáo 6 tháng";
  const sheet = workbook.addWorksheet("Chỉ tiêu");
  sheet.getCell("A1").value = "Tổng vốn đầu tư";
  sheet.getCell("A1").numFmt = "@";
  sheet.mergeCells("A1:C2");
  sheet.getCell("D1").value = "R&D <nhóm> \"A\" & 'B'";
  const numbers: [string, number | Date, string][] = [
    ["A4", 4874.53, "#,##0.00"],
    ["B4", 0.4146, "0.00%"],
    ["C4", 0.5, "0%"],
    ["D4", new Date(Date.UTC(2024, 5, 30)), "dd/mm/yyyy"],
    ["E4", new Date(Date.UTC(2023, 11, 31)), "mm-dd-yy"],
    ["F4", 1234, '#,##0 "tỷ đồng"'],
    ["G4", new Date(Date.UTC(2024, 0, 2, 13, 30)), "h:mm"],
  ];
  for (const [address, value, format] of numbers) {
    sheet.getCell(address).value = value;
    sheet.getCell(address).numFmt = format;
  }
  sheet.getCell("A6").value = { formula: "A4*2", result: 9749.06 };
  sheet.getCell("B6").value = { formula: '"a"&"b"', result: "ab" };
  sheet.getCell("C6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  sheet.getCell("D6").value = { formula: "A4>1", result: true };
  sheet.getCell("E6").value = { formula: "A4*3" } as ExcelJS.CellFormulaValue;
  sheet.getCell("F6").value = {
    formula: "DATE(2024,6,30)",
    result: new Date(Date.UTC(2024, 5, 30)),
  };
  sheet.getCell("F6").numFmt = "dd/mm/yyyy";
  // A shared formula's master; exceljs's types leave out shareType and ref.
  const master = { formula: "A4+1", result: 4875.53, shareType: "shared", ref: "A7:C7" };
  sheet.getCell("A7").value = master as ExcelJS.CellFormulaValue;
  sheet.getCell("B7").value = {
    sharedFormula: "A7",
    result: 1.4146,
  } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell("C7").value = {
    sharedFormula: "A7",
    result: 1.5,
  } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell("A8").value = {
    richText: [{ text: "Tổng ", font: { bold: true } }, { text: "vốn" }],
  };
  sheet.getCell("B8").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  sheet.getCell("C8").value = false;
  sheet.getCell("D8").value = "=không phải công thức";
  sheet.getCell("E8").value = { text: "Cổng thông tin", hyperlink: "https://example.vn" };
  sheet.getCell("H12").value = "xa, sau hàng trống"; // rows 9–11 empty, columns gap
  sheet.getCell("B12").numFmt = "0.00%"; // styled but empty: no value, not in the range by itself
  const hidden = workbook.addWorksheet("Ẩn", { state: "hidden" });
  hidden.getCell("B2").value = 41.46;
  return workbook;
}

describe("readSheetTable, against exceljs's tableFromWorksheet", () => {
  it("reads every sheet of the 2024 sample alike", async () => {
    const data = await fs.readFile(path.join(__dirname, "../../assets/samples/chi-tieu-2024.xlsx"));
    const tables = await expectSameAsExceljs(data);
    expect(tables.size).toBe(2);
    const first = [...tables.values()][0];
    expect(first.values.length).toBeGreaterThan(30);
    expect(first.merges.length).toBeGreaterThan(5);
  });

  it("reads a 1.000-row bench workbook alike, and as the bench means it", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ooxml-read-"));
    try {
      const file = path.join(dir, "bench-1000.xlsx");
      await writeBenchWorkbook(file, 1000);
      const tables = await expectSameAsExceljs(await fs.readFile(file));
      expect(sorted(tables.get(SHEET))).toStrictEqual(sorted(benchTable(1000)));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("reads every kind of cell exceljs writes alike, with shared strings or inline", async () => {
    const workbook = kindsWorkbook();
    const shared = await expectSameAsExceljs(await workbook.xlsx.writeBuffer());
    const inline = await expectSameAsExceljs(
      await workbook.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions)
    );
    expect(inline).toStrictEqual(shared);
    const table = shared.get("Chỉ tiêu");
    expect(table?.values.slice(0, 8)).toEqual([
      ["Tổng vốn đầu tư", null, null, "R&D <nhóm> \"A\" & 'B'", null, null, null, null],
      [null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null],
      [4874.53, 0.4146, 0.5, "30/06/2024", "31/12/2023", 1234, "02/01/2024", null],
      [null, null, null, null, null, null, null, null],
      [9749.06, "ab", "#DIV/0!", true, null, "30/06/2024", null, null],
      [4875.53, 1.4146, 1.5, null, null, null, null, null],
      ["Tổng vốn", "#N/A", false, "=không phải công thức", "Cổng thông tin", null, null, null],
    ]);
    expect(table?.formats?.[3]).toEqual([
      "#,##0.00",
      "0.00%",
      "0%",
      "dd/mm/yyyy",
      "mm-dd-yy",
      '#,##0 "tỷ đồng"',
      "h:mm",
      null,
    ]);
    expect(table?.formats?.[0].slice(0, 3)).toEqual(["@", "@", "@"]);
    expect(table?.values[11]).toEqual([null, null, null, null, null, null, null, "xa, sau hàng trống"]); // prettier-ignore
    expect(listSheets(asParts(await partsOf(await workbook.xlsx.writeBuffer())))).toEqual([
      { name: "Bìa", path: "xl/worksheets/sheet1.xml", hidden: false },
      { name: "Chỉ tiêu", path: "xl/worksheets/sheet2.xml", hidden: false },
      { name: "Ẩn", path: "xl/worksheets/sheet3.xml", hidden: true },
    ]);
  });

  it("reads dates of a 1904 workbook alike", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("1904");
    sheet.getCell("A1").value = new Date(Date.UTC(2024, 5, 30));
    sheet.getCell("A1").numFmt = "dd/mm/yyyy";
    const tables = await expectSameAsExceljs(await workbook.xlsx.writeBuffer());
    expect(tables.get("1904")?.values).toEqual([["30/06/2024"]]);
  });

  it("reads hand-written XML alike: inline strings, cells without r, merges over omitted cells", async () => {
    const strings = [
      "<si><t>Chỉ tiêu</t></si>",
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Tổng </t></r><r><t>vốn</t></r></si>',
      '<si><t>Kế hoạch</t><rPh sb="0" eb="2"><t>ケイカク</t></rPh><phoneticPr fontId="0"/></si>',
      "<si><t>Dòng_x000D_mới &amp;#38; &#7840;</t></si>",
    ];
    const sheet = `<cols><col min="5" max="5" width="9" style="1"/></cols><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>Tổng &amp; cộng</t></is></c><c r="B2" s="2" t="inlineStr"><is><r><t>Tổng </t></r><r><rPr><b/></rPr><t>vốn</t></r></is></c></row>
      <row r="3"><c r="A3" s="2"><v>1200</v></c><c t="n"><v>2.5</v></c><c s="1"><v>0.25</v></c><c r="F3" s="3"><v>45473</v></c><c s="4"><v>45473.5</v></c></row>
      <row r="4"><c r="A4" s="5"><v>-7</v></c><c r="B4" s="7"><v>45473</v></c><c r="C4" s="8"><v>45473.75</v></c><c r="D4" s="6"><v>1</v></c><c r="E4" s="0"><v>2</v></c></row>
      <row r="5"><c r="A5" t="str"><f>"x"</f><v>x &lt; y</v></c><c r="B5" t="e"><f>NA()</f><v>#N/A</v></c><c r="C5" t="b"><f>TRUE()</f><v>1</v></c><c r="D5"><f>A3*2</f><v>2400</v></c><c r="E5"><f>A3*3</f></c><c r="F5" t="b"><v>0</v></c></row>
      <row r="7" s="2" customFormat="1"><c r="A7" s="1"><v>5</v></c><c r="B7" s="3"/><c r="C7" s="6"><v>9</v></c><c r="E7" t="s"><v>0</v></c></row>
      <row r="8"><c r="A8"/></row>
      <row r="10"><c r="C10"><v>1</v></c><c s="2" r="D10"><v>1500</v></c><c r='E10' t='s'><v>0</v></c><c r="F10" cm="1"><f>C10</f><v>1</v></c><c\n r="G10"\t s="1"/></row>
      </sheetData><mergeCells count="3"><mergeCell ref="A7:D8"/><mergeCell ref="E7:E9"/><mergeCell ref="$G$1:$H$1"/></mergeCells>`;
    const data = await pack(handWritten({ "Chỉ tiêu": sheet, "Phụ lục": "<sheetData/>" }, strings));
    const table = (await expectSameAsExceljs(data)).get("Chỉ tiêu");
    expect(table?.values.slice(0, 7)).toEqual([
      ["Chỉ tiêu", "Tổng vốn", "Kế hoạch", "Dòng\rmới &#38; Ạ", null, null, null, null],
      ["Tổng & cộng", "Tổng vốn", null, null, null, null, null, null],
      [1200, 2.5, 0.25, null, null, "30/06/2024", "30/06/2024", null],
      [-7, 45473, "30/06/2024", 1, 2, null, null, null],
      ["x < y", "#N/A", true, 2400, null, false, null, null],
      [null, null, null, null, null, null, null, null],
      [5, null, null, null, "Chỉ tiêu", null, null, null],
    ]);
    // The merges' hidden cells: own style when written, else the row's, else the column's.
    expect(table?.formats?.[6].slice(0, 5)).toEqual(["0.00%", "dd/mm/yyyy", null, "#,##0", null]);
    expect(table?.formats?.[7].slice(0, 5)).toEqual([null, null, null, null, "0.00%"]);
    expect(table?.formats?.[2]).toEqual(["#,##0", null, "0.00%", null, null, "dd/mm/yyyy", "mm-dd-yy", null]); // prettier-ignore
    expect(table?.formats?.[3].slice(0, 5)).toEqual(['#,##0 "tỷ đồng"', null, 'm/d/yy "h":mm', null, null]); // prettier-ignore
    expect(table?.values).toHaveLength(10);
    // Attributes in another order, quoting or spacing take the general path, to the same end.
    expect(table?.values[9]).toEqual([null, null, 1, 1500, "Chỉ tiêu", 1, null, null]);
    expect(table?.formats?.[9]).toEqual([null, null, null, "#,##0", null, null, null, null]);
  });
});

describe("readSheetTable's reading in place", () => {
  it("reads a value written `<v>…</v></c>` as it reads one spaced out or with a formula", async () => {
    const strings = ["<si><t>Kế hoạch</t></si>", "<si><t>Thực hiện</t></si>"];
    const sheet = `<sheetData>
      <row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>01</v></c><c r="C1" t="s"><v>1</v>\n</c><c r="D1" t="s"><f>A2</f><v>1</v></c></row>
      <row r="2"><c r="A2"><v>2.5</v></c><c r="B2"><v>2.5</v> </c><c r="C2"><v></v></c><c r="D2" s="1"><v>0.25</v></c><c r="E2" s="3"><v>45473</v></c></row>
      <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="str"><v>x &amp; y</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="inlineStr"><is><t>z</t></is></c></row>
      </sheetData>`;
    const data = await pack(handWritten({ Trang: sheet }, strings));
    const table = (await expectSameAsExceljs(data)).get("Trang");
    expect(table?.values).toEqual([
      ["Thực hiện", "Thực hiện", "Thực hiện", 1, null],
      [2.5, 2.5, null, 0.25, "30/06/2024"],
      [true, "x & y", "#N/A", "z", null],
    ]);
  });
});

describe("readSheetTable, where exceljs differs or cannot read", () => {
  /** The first sheet of a hand-written package with these cells. */
  async function readOnly(
    sheet: string,
    strings: string[] = [],
    workbookPr?: string
  ): Promise<Table> {
    const texts = await partsOf(await pack(handWritten({ Trang: sheet }, strings, { workbookPr })));
    const parts = asParts(texts);
    return dense(readSheetTable(parts, listSheets(parts)[0], readContext(parts)));
  }

  it("places rows and cells without r after the previous one", async () => {
    const table = await readOnly(
      `<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row>
       <row r="5"><c><v>5</v></c></row><row><c r="C6"><v>6</v></c></row></sheetData>`
    );
    expect(table.values).toEqual([
      [1, 2, null],
      [null, 3, 4],
      [null, null, null],
      [null, null, null],
      [5, null, null],
      [null, null, 6],
    ]);
  });

  it("keeps a formula's text, error or truth in a date-formatted cell, where exceljs makes a date of it", async () => {
    const table = await readOnly(
      `<sheetData><row r="1"><c r="A1" s="3" t="str"><f>""&amp;"x"</f><v>x</v></c><c r="B1" s="3" t="e"><f>NA()</f><v>#N/A</v></c><c r="C1" s="3" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" s="3"><f>A2</f><v>45473</v></c></row></sheetData>`
    );
    expect(table.values).toEqual([["x", "#N/A", true, "30/06/2024"]]);
  });

  it("leaves out phonetic guides and undoes _xHHHH_ escapes in inline strings too", async () => {
    const table = await readOnly(
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Kế hoạch</t><rPh sb="0" eb="2"><t>ケイカク</t></rPh></is></c><c r="B1" t="inlineStr"><is><t>a_x000A_b</t></is></c><c r="C1" t="d"><v>2024-06-30T00:00:00</v></c></row></sheetData>`
    );
    expect(table.values).toEqual([["Kế hoạch", "a\nb", "30/06/2024"]]);
  });

  it("reads sheets and parts wherever the relationships put them, prefixed or not", async () => {
    const files = handWritten({ Một: "", Hai: "" }, ["<x:si><x:t>Hai &amp; ba</x:t></x:si>"], {
      workbookPr: '<workbookPr date1904="true"/>',
    });
    files["xl/workbook.xml"] = files["xl/workbook.xml"].replace(
      "</sheets>",
      '<sheet name="Biểu đồ" sheetId="9" r:id="rId9"/></sheets>'
    );
    files["xl/_rels/workbook.xml.rels"] =
      `<?xml version="1.0"?><Relationships xmlns="${PKG}">${rel("rId1", "styles", "/xl/look/styles.xml")}${rel("rId2", "sharedStrings", "../xl/text/shared.xml")}${rel("rId3", "worksheet", "/xl/worksheets/first.xml")}${rel("rId4", "worksheet", "./worksheets/../data/second.xml")}${rel("rId9", "chartsheet", "chartsheets/sheet1.xml")}</Relationships>`;
    const moved: Record<string, string> = {
      "xl/look/styles.xml": STYLES,
      "xl/text/shared.xml": files["xl/sharedStrings.xml"].replace("<sst ", '<x:sst xmlns:x="' + MAIN + '" ').replace("</sst>", "</x:sst>"), // prettier-ignore
      "xl/worksheets/first.xml": `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="3"><x:v>0</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`, // prettier-ignore
      "xl/data/second.xml": worksheet('<sheetData><row r="2"><c r="B2"><v>7</v></c></row></sheetData>'), // prettier-ignore
    };
    const texts = new Map(Object.entries({ ...files, ...moved }));
    for (const name of ["xl/styles.xml", "xl/sharedStrings.xml"]) texts.delete(name);
    const parts = asParts(texts);
    const sheets = listSheets(parts);
    expect(sheets).toEqual([
      { name: "Một", path: "xl/worksheets/first.xml", hidden: false },
      { name: "Hai", path: "xl/data/second.xml", hidden: false },
    ]);
    const context = readContext(parts);
    expect(context).toEqual({
      strings: ["Hai & ba"],
      formats: expect.any(Array),
      date1904: true,
      stylesPath: "xl/look/styles.xml",
      workbookPath: "xl/workbook.xml",
    });
    expect(dense(readSheetTable(parts, sheets[0], context))).toEqual({
      sheet: "Một",
      origin: { row: 1, col: 1 },
      values: [["Hai & ba", "01/01/1904", null, null]],
      formats: [[null, "dd/mm/yyyy", null, null]],
      merges: [{ top: 1, left: 3, bottom: 1, right: 4 }],
    });
    expect(dense(readSheetTable(parts, sheets[1], context)).values).toEqual([
      [null, null],
      [null, 7],
    ]);
  });

  it("gives an empty table for a sheet with no cells", async () => {
    const table = await readOnly("<sheetData/>");
    expect(table).toEqual({ sheet: "Trang", origin: { row: 1, col: 1 }, values: [], formats: [], merges: [] }); // prettier-ignore
  });

  it("decides dates by exceljs's rule on the format code", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat('[$-42A]mmmm "năm" yyyy')).toBe(true);
    expect(isDateFormat("0.00%")).toBe(false);
    expect(isDateFormat('#,##0 "tỷ đồng"')).toBe(false);
    expect(isDateFormat("[Red]#,##0")).toBe(false);
    expect(isDateFormat(null)).toBe(false);
  });
});

describe("broken packages", () => {
  it("refuses a package without a workbook", async () => {
    const texts = await partsOf(await pack({ "docProps/app.xml": "<Properties/>" }));
    expect(() => listSheets(asParts(texts))).toThrow(PackageError);
    expect(() => readContext(asParts(texts))).toThrow(PackageError);
  });

  it("refuses a sheet whose part is missing or cut short, and reads the others", async () => {
    const data = await pack(
      handWritten({ A: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', B: "", C: "" }, []) // prettier-ignore
    );
    const texts = await partsOf(data);
    texts.delete("xl/worksheets/sheet2.xml");
    texts.set("xl/worksheets/sheet3.xml", worksheet('<sheetData><row r="1"><c r="A1"><v>1</v>'));
    const parts = asParts(texts);
    const [a, b, c] = listSheets(parts);
    const context = readContext(parts);
    expect(readSheetTable(parts, a, context).values).toEqual([[1]]);
    expect(() => readSheetTable(parts, b, context)).toThrow(PackageError);
    expect(() => readSheetTable(parts, c, context)).toThrow(PackageError);
  });
});
