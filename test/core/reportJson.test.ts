/**
 * The compact JSON report (issue 17): what it writes reads back as the very report, each
 * fact is said once, and it is handed over in pieces rather than one string.
 */
import path from "path";
import ExcelJS from "exceljs";
import { analyse, computeSheet, Report } from "../../src/core/engine";
import { workbookReport, WorkbookReport } from "../../src/core/job";
import {
  readReportJson,
  readSheetJson,
  REPORT_FORMAT,
  ReportFormatError,
  reportJson,
  ROW_FIELDS,
  sheetJson,
  writeReportJson,
} from "../../src/core/reportJson";
import { tableFromWorksheet } from "../../src/xlsx/sheet";
import { benchTable } from "../bench/generate";
import { SAMPLE_SHEETS } from "../fixtures/sample2024";

const SAMPLE_FILE = path.resolve(__dirname, "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");

let sample: WorkbookReport;
let generated: Report;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE_FILE);
  const sheet = (name: string): Report => {
    const found = book.getWorksheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return computeSheet(tableFromWorksheet(found));
  };
  sample = workbookReport(
    [sheet(SAMPLE_SHEETS.main), sheet(SAMPLE_SHEETS.districts)],
    [{ sheet: "Ghi chú", reason: "notes" }]
  );
  generated = analyse(benchTable(3000)).report;
});

/** The report as JSON.parse would give it back from the engine's own objects. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("the JSON report reads back as the report", () => {
  it("the sample workbook, every sheet and every workbook field", () => {
    expect(readReportJson(reportJson(sample))).toEqual(plain(sample));
  });

  it("3.000 generated rows: bounds, fractions, parts, totals, mismatches and problems", () => {
    const rows = generated.rows;
    // The generator's rows hold what the encoding shortens; the round trip is worth little otherwise.
    expect(rows.some((row) => row.mismatches.length > 0)).toBe(true);
    expect(rows.some((row) => row.written.target !== undefined)).toBe(true);
    expect(rows.some((row) => row.type === "sub")).toBe(true);
    expect(rows.some((row) => row.problems.some((p) => p.code === "totalMismatch"))).toBe(true);
    expect(readSheetJson(sheetJson(generated))).toEqual(plain(generated));
    const book = workbookReport([generated]);
    expect(readReportJson(reportJson(book))).toEqual(plain(book));
  });

  it("a row whose section is no heading's name keeps its text", () => {
    const [first, ...rest] = generated.rows;
    const odd: Report = { ...generated, rows: [{ ...first, section: "Ngoài mục" }, ...rest] };
    expect(readSheetJson(sheetJson(odd)).rows[0].section).toBe("Ngoài mục");
  });
});

describe("each fact once", () => {
  const json = (): {
    rowFields: string[];
    sheets: { rows: unknown[][]; period: Report["period"] }[];
  } => JSON.parse(reportJson(workbookReport([generated])));

  it("names the row fields once and writes each row as an array of them, one a line", () => {
    const text = reportJson(workbookReport([generated]));
    const parsed = json();
    expect(parsed.rowFields).toEqual([...ROW_FIELDS]);
    expect(parsed.sheets[0].rows).toHaveLength(generated.rows.length);
    for (const row of parsed.sheets[0].rows) expect(row).toHaveLength(ROW_FIELDS.length);
    // No field name repeats per row.
    expect(text.split('"targetText"')).toHaveLength(2);
    const rowLines = text.split("\n").filter((line) => line.startsWith("        ["));
    expect(rowLines).toHaveLength(generated.rows.length);
  });

  it("writes a figure's text only where it is not the value's plain digits", () => {
    const at = (field: string): number => ROW_FIELDS.indexOf(field as (typeof ROW_FIELDS)[number]);
    const rows = json().sheets[0].rows;
    generated.rows.forEach((row, i) => {
      const written = rows[i][at("targetText")];
      const plainDigits = row.target === null ? "" : String(row.target);
      expect(written).toBe(row.targetText === plainDigits ? null : row.targetText);
    });
    // Both kinds occur: numbers typed as numbers, and Vietnamese text (`4.874,53`).
    expect(rows.some((row) => row[at("targetText")] === null)).toBe(true);
    expect(rows.some((row) => typeof row[at("targetText")] === "string")).toBe(true);
  });

  it("names a row's section by its heading's row, and the period's share not at all", () => {
    const at = (field: string): number => ROW_FIELDS.indexOf(field as (typeof ROW_FIELDS)[number]);
    const sheet = json().sheets[0];
    const headingRows = new Set(generated.sections.map((s) => s.row));
    for (const row of sheet.rows) {
      if (row[at("section")] !== null)
        expect(headingRows.has(row[at("section")] as number)).toBe(true);
      expect(row[at("expectedShare")]).not.toBe(sheet.period.expectedShare);
    }
  });

  it("states a mismatch once, as its problem, and a problem without its row", () => {
    const text = reportJson(workbookReport([generated]));
    const rowLines = text.split("\n").filter((line) => line.startsWith("        ["));
    const mismatched = generated.rows.filter((row) => row.mismatches.length > 0);
    expect(mismatched.length).toBeGreaterThan(0);
    for (const row of mismatched) {
      const line = rowLines[generated.rows.indexOf(row)];
      expect(line).toContain(`"${row.problems[0].code}"`);
      // A Mismatch object's own fields, and a problem's row, are not written.
      expect(line).not.toContain('"computedDecimals"');
      expect(line).not.toContain('"field"');
      expect(line).not.toContain('"row"');
    }
  });
});

describe("writing in pieces", () => {
  it("hands a large report over a line at a time, never a report-sized string", () => {
    const book = workbookReport([analyse(benchTable(20000)).report]);
    const pieces: string[] = [];
    writeReportJson(book, (piece) => pieces.push(piece));
    const whole = pieces.join("");
    expect(whole).toBe(reportJson(book));
    expect(pieces.length).toBeGreaterThan(book.sheets[0].rows.length);
    // The longest piece is one field of the sheet (its sections) or one row: not the rows.
    const longest = Math.max(...pieces.map((piece) => piece.length));
    expect(longest).toBeLessThan(whole.length / 50);
  });
});

describe("the format", () => {
  it("says which it is, and another is refused rather than misread", () => {
    expect(JSON.parse(reportJson(sample)).format).toBe(REPORT_FORMAT);
    const old = JSON.stringify({ sheets: [], skipped: [] });
    expect(() => readReportJson(old)).toThrow(ReportFormatError);
    const unknownField = reportJson(sample).replace('"rowFields": ["row"', '"rowFields": ["rowe"');
    expect(() => readReportJson(unknownField)).toThrow(ReportFormatError);
  });
});
