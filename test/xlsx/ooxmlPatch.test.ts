/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   exceljs cells, not Office.js proxies: the Office.js rules mistake `getCell` for Excel's. */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { analyse } from "../../src/core/engine";
import { planWrite, STATUS_RULES, WritePlan } from "../../src/core/writePlan";
import { readZip, writeZip, ZipArchive } from "../../src/cli/zip";
import { applyPlanToXml, patchingSheet } from "../../src/xlsx/ooxml/patch";
import { applyPlan, tableFromWorksheet } from "../../src/xlsx/sheet";
import { writeBenchWorkbook } from "../bench/generate";
import { conditionalFormats } from "../fixtures/workbooks";
import { smallPlan, smallSheet } from "./fixtures";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");
const SHEET = "xl/worksheets/sheet1.xml";
const STYLES = "xl/styles.xml";

/** The small sheet of ./fixtures with one more indicator name, in row 5, as an .xlsx file. */
async function smallWorkbook(): Promise<Buffer> {
  const { workbook, sheet } = smallSheet();
  sheet.getCell("A5").value = "Thu ngân sách";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The namespace declaration for elements spelt with `prefix` (`x:`, or "" for none). */
const xmlns = (prefix: string): string => `xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="${NS}"`;

/**
 * A hand-written worksheet part: `before` and `after` its `<sheetData>`, which holds `rows`
 * (self-closed when there are none); every element spelt with `prefix`.
 */
function worksheetXml({ rows = "", before = "", after = "", prefix = "" }): string {
  const p = prefix;
  const data = rows ? `<${p}sheetData>${rows}</${p}sheetData>` : `<${p}sheetData/>`;
  return `<${p}worksheet ${xmlns(p)}>${before}${data}${after}</${p}worksheet>`;
}

/** The least style sheet: one font, one cell style, and `dxfs` when given. */
function stylesXml({ prefix = "", dxfs = "" } = {}): string {
  const p = prefix;
  return (
    `<${p}styleSheet ${xmlns(p)}><${p}fonts count="1"><${p}font/></${p}fonts>` +
    `<${p}cellXfs count="1"><${p}xf numFmtId="0"/></${p}cellXfs>${dxfs}</${p}styleSheet>`
  );
}

/** Applies a plan to the sheet part of an .xlsx the way the CLI does; returns the new file. */
function patched(data: Buffer, plan: WritePlan, sheetPath = SHEET): Buffer {
  const archive = readZip(data);
  const result = applyPlanToXml(text(archive, sheetPath), text(archive, STYLES), plan);
  return writeZip(
    archive,
    new Map([
      [sheetPath, result.sheet],
      [STYLES, result.styles],
    ])
  );
}

function text(archive: ZipArchive, part: string): string {
  const xml = archive.text(part);
  if (xml === undefined) throw new Error(`no ${part}`);
  return xml;
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** Each plan cell as exceljs reads it: value and number format. */
function planCells(sheet: ExcelJS.Worksheet, plan: WritePlan): unknown[] {
  const cells: unknown[] = [];
  for (const column of plan.columns)
    for (let row = plan.headerRow; row <= plan.lastRow; row++) {
      const cell = sheet.getCell(row, column.col);
      const value = cell.value ?? null;
      cells.push([cell.address, value, value === null ? null : (cell.numFmt ?? null)]);
    }
  return cells;
}

describe("patchingSheet", () => {
  it("writes a long sheet a thousand rows a step, as applyPlanToXml writes it at once", async () => {
    const file = path.join(os.tmpdir(), `chitieu-steps-${process.pid}.xlsx`);
    await writeBenchWorkbook(file, 2500);
    const data = await fs.readFile(file);
    await fs.rm(file);
    const sheet = (await load(data)).worksheets[0];
    const { report, grid, header } = analyse(tableFromWorksheet(sheet));
    const plan = planWrite(grid, header, report);
    const archive = readZip(data);
    const [xml, styles] = [text(archive, SHEET), text(archive, STYLES)];
    const pieces: string[] = [];
    const patching = patchingSheet(xml, styles, plan, (piece) => pieces.push(piece));
    let steps = 0;
    let step = patching.next();
    for (; !step.done; step = patching.next()) steps++;
    const whole = applyPlanToXml(xml, styles, plan);
    expect(steps).toBe(Math.floor(sheet.rowCount / 1000));
    expect(pieces.join("")).toBe(whole.sheet);
    expect(step.value).toBe(whole.styles);
  });
});

describe("applyPlanToXml on the sample", () => {
  let sample: Buffer;
  let plan: WritePlan;
  let expected: ExcelJS.Worksheet;

  beforeAll(async () => {
    sample = await fs.readFile(SAMPLE);
    const workbook = await load(sample);
    expected = workbook.worksheets[0];
    const { report, grid, header } = analyse(tableFromWorksheet(expected));
    plan = planWrite(grid, header, report);
    applyPlan(expected, plan); // the exceljs writer: the reference for what a cell holds
  });

  it("writes the cells exceljs's writer writes: values, headers, number formats", async () => {
    const sheet = (await load(patched(sample, plan))).worksheets[0];
    expect(planCells(sheet, plan)).toEqual(planCells(expected, plan));
    const header = sheet.getCell(plan.headerRow, plan.columns[0].col);
    expect(header.font.bold).toBe(true);
    expect(header.alignment).toMatchObject({ wrapText: true, horizontal: "center" });
    const status = plan.columns.find((c) => c.key === "status");
    expect(sheet.getColumn(status?.col ?? 0).width).toBe(22);
    expect(sheet.getColumn(plan.columns[0].col).width).toBe(16);
  });

  it("adds the five status colours as one conditional format on the result block", async () => {
    const sheet = (await load(patched(sample, plan))).worksheets[0];
    const formats = conditionalFormats(sheet);
    expect(formats).toHaveLength(1);
    expect(formats[0].ref).toBe(plan.conditional.range);
    const rules = formats[0].rules as ExcelJS.ExpressionRuleType[];
    expect(rules.map((r) => r.formulae?.[0])).toEqual(
      STATUS_RULES.map(
        (r) => `${plan.conditional.statusColumn}${plan.conditional.firstRow}="${r.text}"`
      )
    );
    expect(rules.map((r) => r.style?.fill)).toEqual(
      STATUS_RULES.map((r) => ({ type: "pattern", pattern: "solid", bgColor: { argb: r.fill } }))
    );
  });

  it("keeps every other part of the file byte for byte", () => {
    const before = readZip(sample);
    const after = readZip(patched(sample, plan));
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    for (const { name } of before.entries)
      if (name !== SHEET && name !== STYLES)
        expect(after.bytes(name)?.equals(before.bytes(name) ?? Buffer.alloc(0))).toBe(true);
  });

  it("leaves the sheet and styles unchanged when run again", () => {
    const once = readZip(patched(sample, plan));
    const twice = readZip(patched(writeZip(once, new Map()), plan));
    expect(twice.text(SHEET)).toBe(once.text(SHEET));
    expect(twice.text(STYLES)).toBe(once.text(STYLES));
  });

  it("reads back as the same table plus the result columns", async () => {
    const sheet = (await load(patched(sample, plan))).worksheets[0];
    const again = analyse(tableFromWorksheet(sheet)).report;
    const first = analyse(tableFromWorksheet((await load(sample)).worksheets[0])).report;
    expect(again.rows.map((r) => [r.row, r.status, r.achievement])).toEqual(
      first.rows.map((r) => [r.row, r.status, r.achievement])
    );
  });

  const soffice = spawnSync("which", ["soffice"]).status === 0;
  (soffice ? it : it.skip)(
    "opens in LibreOffice with the results in place",
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-patch-"));
      try {
        const file = path.join(dir, "ket-qua.xlsx");
        await fs.writeFile(file, patched(sample, plan));
        const run = spawnSync(
          "soffice",
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            dir,
            file,
          ],
          { encoding: "utf8", timeout: 120000 }
        );
        expect(run.status).toBe(0);
        const csv = await fs.readFile(path.join(dir, "ket-qua.csv"), "utf8");
        for (const status of ["Đã đạt/vượt", "Chậm tiến độ", "Chỉ tiêu · Trạng thái"])
          expect(csv).toContain(status);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    180000
  );
});

describe("applyPlanToXml on small sheets", () => {
  it("creates the rows the sheet lacks, in order, and writes text as text", async () => {
    const sheet = (await load(patched(await smallWorkbook(), smallPlan()))).worksheets[0];
    expect(sheet.getCell("F4").value).toBe("=1+1");
    expect(sheet.getCell("F4").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("D3").value).toBe(0.4146);
    expect(sheet.getCell("D3").numFmt).toBe("0.00%");
    expect(sheet.getCell("E5").numFmt).toBe("#,##0.0");
    expect(sheet.getCell("A5").value).toBe("Thu ngân sách");
    expect(sheet.getCell("D4").value).toBeNull();
  });

  it("empties an earlier run's cells that have no value now, and drops its colour rules", async () => {
    const longer = smallPlan("D3:G9");
    const first = patched(await smallWorkbook(), longer);
    const now = smallPlan();
    now.columns[0].values = [null, null, 0.5];
    const sheet = (await load(patched(first, now))).worksheets[0];
    expect(sheet.getCell("D3").value).toBeNull();
    expect(sheet.getCell("D5").value).toBe(0.5);
    expect(conditionalFormats(sheet).map((f) => f.ref)).toEqual(["D3:G5"]);
  });

  it("keeps another conditional format and numbers its rules after it", () => {
    const sheet = worksheetXml({
      rows: '<row r="2"><c r="A2" t="inlineStr"><is><t>Chỉ tiêu</t></is></c></row>',
      after:
        '<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="7" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    });
    const styles = stylesXml({ dxfs: '<dxfs count="1"><dxf/></dxfs>' });
    const out = applyPlanToXml(sheet, styles, smallPlan());
    expect(out.sheet).toContain('<conditionalFormatting sqref="A1:A9">');
    expect(out.sheet.indexOf('sqref="D3:G5"')).toBeGreaterThan(out.sheet.indexOf('sqref="A1:A9"'));
    expect(out.sheet.indexOf('sqref="D3:G5"')).toBeLessThan(out.sheet.indexOf("<pageMargins"));
    expect(out.sheet).toContain('dxfId="1" priority="8"');
    expect(out.styles).toContain('<dxfs count="6">');
  });

  it("cuts a column range that covers a result column, keeping its other attributes", () => {
    const sheet = worksheetXml({
      before: '<cols><col min="1" max="10" width="9" style="0"/></cols>',
    });
    const out = applyPlanToXml(sheet, stylesXml(), smallPlan());
    const cols = /<cols>(.*)<\/cols>/.exec(out.sheet)?.[1];
    expect(cols).toBe(
      '<col min="1" max="3" width="9" style="0"/>' +
        '<col min="4" max="4" width="16" style="0" customWidth="1"/>' +
        '<col min="5" max="5" width="16" style="0" customWidth="1"/>' +
        '<col min="6" max="6" width="22" style="0" customWidth="1"/>' +
        '<col min="7" max="7" width="16" style="0" customWidth="1"/>' +
        '<col min="8" max="10" width="9" style="0"/>'
    );
    // The empty sheetData got the header row and the rows with values, in order.
    expect([...out.sheet.matchAll(/<row r="(\d+)"/g)].map((m) => m[1])).toEqual([
      "2",
      "3",
      "4",
      "5",
    ]);
    // numFmts was absent: it is placed first, and the custom format gets the first free id.
    expect(out.styles).toMatch(
      /<styleSheet[^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"\/><\/numFmts><fonts/
    );
  });

  it("writes a sheet whose elements carry a namespace prefix with the same prefix", () => {
    const sheet = worksheetXml({
      prefix: "x:",
      rows:
        '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Chỉ tiêu</x:t></x:is></x:c></x:row>' +
        '<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c></x:row>',
    });
    const out = applyPlanToXml(sheet, stylesXml({ prefix: "x:" }), smallPlan());
    expect(out.sheet).toContain('<x:c r="D3" s="');
    expect(out.sheet).not.toMatch(/<(c|row|cols|conditionalFormatting|v|is|t)[\s>]/);
    expect(out.styles).toContain('<x:dxfs count="5">');
  });

  it("keeps cells right of the result columns and gives cells without an address one", () => {
    const sheet = worksheetXml({
      rows: '<row r="3" spans="1:9"><c><v>1</v></c><c><v>2</v></c><c r="I3"><v>9</v></c></row>',
    });
    const out = applyPlanToXml(sheet, stylesXml(), smallPlan());
    const row3 = /<row r="3"[^>]*>(.*?)<\/row>/.exec(out.sheet)?.[1] ?? "";
    expect([...row3.matchAll(/<c r="([A-Z]+)3"/g)].map((m) => m[1])).toEqual([
      "A",
      "B",
      "D",
      "E",
      "F",
      "G",
      "I",
    ]);
    expect(out.sheet).not.toContain("spans=");
  });
});
