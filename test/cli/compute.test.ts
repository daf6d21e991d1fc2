import ExcelJS from "exceljs";
import { execFile } from "child_process";
import { createHash } from "crypto";
import { promises as fs } from "fs";
import path from "path";
import { Run, runMain } from "../fixtures/cli";
import type { Report, ReportRow } from "../../src/core/engine";
import type { WorkbookReport } from "../../src/core/job";
import { readReportJson, readSheetJson } from "../../src/core/reportJson";
import { vi } from "../../src/core/messages/vi";
import { Problem, renderProblem } from "../../src/core/problems";
import {
  buildWorkbook,
  conditionalFormats,
  COVER_SHEET,
  DISTRICT_SHEET,
  MAIN,
  MAIN_SHEET,
  makeTempDir,
  NOTES_SHEET,
  readBack,
  removeTempDir,
  writeWorkbook,
} from "../fixtures/workbooks";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join("bin", "chitieu.js");
const SAMPLE = path.join(ROOT, "assets", "samples", "chi-tieu-2024.xlsx");

/** Runs a command in the project directory and resolves with its exit code and output. */
function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: ROOT, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(error);
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** The real binary, as `npm run demo` and `npx chitieu` start it. */
const runBin = (args: string[]): Promise<Run> => run(process.execPath, [BIN, ...args]);

const lines = (text: string): string[] => text.split("\n").filter((line) => line !== "");

/** A per-sheet report file, as `chitieu demo` writes one per sheet. */
async function readJson(file: string): Promise<Report> {
  return readSheetJson(await fs.readFile(file, "utf8"));
}

/** The workbook report `compute --json` writes: one report per indicator sheet. */
async function readWorkbookJson(file: string): Promise<WorkbookReport> {
  return readReportJson(await fs.readFile(file, "utf8"));
}

/** The first computed sheet's report: the one sheet when `--sheet` names it. */
async function readFirstSheet(file: string): Promise<Report> {
  const workbook = await readWorkbookJson(file);
  expect(workbook.sheets.length).toBeGreaterThan(0);
  return workbook.sheets[0];
}

function sheetReport(workbook: WorkbookReport, name: string): Report {
  const found = workbook.sheets.find((s) => s.sheet === name);
  if (!found) throw new Error(`no report for sheet "${name}"`);
  return found;
}

/** A row's problems in the Vietnamese the summary and the drafts use. */
const problemTexts = (problems: readonly Problem[]): string[] =>
  problems.map((p) => renderProblem(p, vi));

function rowAt(report: Report, row: number): ReportRow {
  const found = report.rows.find((r) => r.row === row);
  if (!found) throw new Error(`no report row ${row} in ${report.rows.map((r) => r.row).join(",")}`);
  return found;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  return sheet;
}

/** What a test compares of a cell, read in one go (the office-addins lint rules take
 * an exceljs cell held in a variable for an Office.js range). */
function cellAt(sheet: ExcelJS.Worksheet, row: number, col: number) {
  const { address, value, numFmt, type, formula } = sheet.getCell(row, col);
  return { address, value, numFmt, type, formula };
}

const CONTRACT_FIELDS = [
  "row",
  "label",
  "name",
  "unit",
  "kind",
  "direction",
  "target",
  "actual",
  "baseline",
  "achievement",
  "remaining",
  "gapClosure",
  "expectedShare",
  "forecast",
  "status",
  "agency",
  "partners",
  "mismatches",
  "problems",
];

const NEW_HEADERS = [
  "Chỉ tiêu · Tỷ lệ đạt KH (%)",
  "Chỉ tiêu · Còn phải thực hiện",
  "Chỉ tiêu · Trạng thái",
  "Chỉ tiêu · Dự báo cả năm",
];
/** The main sheet's used range is A:H, so the four result columns are I:L. */
const NEW_COLS = { achievement: 9, remaining: 10, status: 11, forecast: 12 };

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await makeTempDir();
  input = await writeWorkbook(buildWorkbook(), dir, "in.xlsx");
});

afterAll(async () => {
  await removeTempDir(dir);
});

describe("chitieu compute --json (real binary)", () => {
  let result: Run;
  let workbook: WorkbookReport;
  /** The first sheet computed: the main table, the cover sheet before it skipped. */
  let report: Report;

  beforeAll(async () => {
    const json = path.join(dir, "reports", "r.json");
    result = await runBin(["compute", input, "--json", json]);
    workbook = await readWorkbookJson(json);
    report = workbook.sheets[0];
  });

  it("exits 0 and prints nothing when a report file is asked for", () => {
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("skips the cover sheet and reads the header, columns and period", () => {
    expect(report.sheet).toBe(MAIN_SHEET);
    expect(workbook.skipped.map((s) => s.sheet)).toContain(COVER_SHEET);
    expect(report.headerRows).toEqual([MAIN.headerRow]);
    expect(report.columns).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      reportedAchievement: "F",
      agency: "G",
      partners: "H",
    });
    expect(report.year).toBe(2024);
    expect(report.period).toEqual({ months: 6, expectedShare: 0.5, source: "header" });
    expect(report.tolerance).toBe(10);
    expect(report.title).toEqual([
      "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024",
      "30/06/2024",
    ]);
    expect(report.sections).toEqual([{ row: 4, label: "I", title: "CHỈ TIÊU KINH TẾ" }]);
  });

  it("gives every row the contract fields", () => {
    expect(report.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    for (const row of report.rows) {
      for (const field of CONTRACT_FIELDS) expect(row).toHaveProperty(field);
    }
  });

  it("computes a cumulative row as the seed does (34.000 / 14.096 → 41,46%, 19.904)", () => {
    expect(rowAt(report, MAIN.rows.investment)).toMatchObject({
      label: "1",
      name: "Tổng vốn đầu tư toàn xã hội", // rich text read as plain text
      unit: "tỷ đồng",
      kind: "cumulative",
      direction: "up",
      target: 34000,
      actual: 14096,
      baseline: null,
      remaining: 19904,
      gapClosure: null,
      expectedShare: 0.5,
      forecast: 28192,
      status: "at_risk",
      agency: "Cục Thống kê tỉnh",
      partners: ["Các sở, ban, ngành tỉnh", "UBND các huyện"],
      mismatches: [],
      problems: [],
    });
    expect(rowAt(report, MAIN.rows.investment).achievement).toBeCloseTo(14096 / 34000, 12);
  });

  it("reads a formula's cached result and flags the reported 53,03%", () => {
    const revenue = rowAt(report, MAIN.rows.revenue);
    expect(revenue.actual).toBe(3300);
    expect(revenue.remaining).toBe(2920);
    expect(revenue.status).toBe("on_track");
    expect(revenue.partners).toEqual([MAIN.formulaLikeText]);
    expect(revenue.mismatches).toEqual([
      {
        field: "achievement",
        cell: "F6",
        reported: 0.5303,
        computed: 3300 / 6220,
        decimals: 2,
        computedDecimals: 2,
      },
    ]);
    expect(problemTexts(revenue.problems)).toEqual([
      "Tỷ lệ đạt ghi ở ô F6 là 53,03%, tính lại được 53,05%.",
    ]);
  });

  it("lists an Excel error and a missing figure as row problems, not failures", () => {
    const enterprises = rowAt(report, MAIN.rows.enterprises);
    expect(enterprises.status).toBe("off_track");
    expect(enterprises.remaining).toBe(320);
    expect(problemTexts(enterprises.problems)).toEqual(["Ô F7 chứa lỗi Excel #N/A."]);
    const doctors = rowAt(report, MAIN.rows.doctors);
    expect(doctors).toMatchObject({
      target: 10,
      actual: null,
      achievement: null,
      status: "no_data",
    });
    expect(problemTexts(doctors.problems)).toEqual(["Thiếu số liệu thực hiện ở ô E9."]);
  });

  it("classifies a level row and a qualitative row", () => {
    const electricity = rowAt(report, MAIN.rows.electricity);
    expect(electricity).toMatchObject({ kind: "level", status: "achieved", target: 99.7 });
    expect(electricity.achievement).toBeCloseTo(99.8 / 99.7, 12);
    expect(electricity.remaining).toBeCloseTo(-0.1, 12);
    expect(rowAt(report, MAIN.rows.security)).toMatchObject({
      kind: "qualitative",
      status: "qualitative",
      target: null,
      achievement: null,
    });
  });

  it("has totals and summary counts equal to the rows' statuses and mismatches", () => {
    expect(report.totals).toEqual([]);
    const counted: Record<string, number> = {
      achieved: 0,
      on_track: 0,
      at_risk: 0,
      off_track: 0,
      no_data: 0,
      qualitative: 0,
    };
    for (const row of report.rows) counted[row.status]++;
    const { mismatches, ...statuses } = report.summary;
    expect(statuses).toEqual(counted);
    expect(mismatches).toBe(report.rows.reduce((n, row) => n + row.mismatches.length, 0));
    expect(report.summary).toEqual({
      achieved: 1,
      on_track: 1,
      at_risk: 1,
      off_track: 1,
      no_data: 1,
      qualitative: 1,
      mismatches: 1,
    });
  });
});

describe("chitieu compute with neither --out nor --json", () => {
  it("prints a readable Vietnamese summary with Vietnamese numbers", async () => {
    const { code, stdout, stderr } = await runMain(["compute", input]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out[0]).toBe(`Trang "${MAIN_SHEET}" · kỳ báo cáo 6 tháng năm 2024 · dòng tiêu đề 3`);
    const investment = out.find((line) => line.includes("Tổng vốn đầu tư toàn xã hội"));
    expect(investment).toMatch(/34\.000\s+14\.096\s+41,46%\s+19\.904\s+Có nguy cơ không đạt/);
    const revenue = out.find((line) => line.includes("Thu nội địa"));
    expect(revenue).toMatch(/6\.220\s+3\.300\s+53,05%\s+2\.920\s+Đúng tiến độ ⚠/);
    expect(out.find((line) => line.startsWith("8 "))).toMatch(
      /99,7\s+99,8\s+100,10%\s+-0,1\s+Đã đạt\/vượt/
    );
    for (const word of ["Chậm tiến độ", "Thiếu số liệu", "Định tính"])
      expect(stdout).toContain(word);
    expect(out).toContain(
      "Tổng hợp: 1 đã đạt/vượt · 1 đúng tiến độ · 1 có nguy cơ không đạt · 1 chậm tiến độ · 1 thiếu số liệu · 1 định tính · 1 số liệu ghi sai"
    );
    expect(out).toContain(
      "  Dòng 6 (Thu nội địa): Tỷ lệ đạt ghi ở ô F6 là 53,03%, tính lại được 53,05%."
    );
    // English-style numbers must not leak into the summary.
    expect(stdout).not.toMatch(/34,000|41\.46%|0\.41/);
  });
});

describe("chitieu compute --out (real binary)", () => {
  let output: string;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  let result: Run;

  beforeAll(async () => {
    output = path.join(dir, "nested", "out.xlsx");
    result = await runBin(["compute", input, "--out", output]);
    before = await readBack(input);
    after = await readBack(output);
    sheet = sheetOf(after, MAIN_SHEET);
  });

  it("exits 0 and stays quiet", () => {
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("adds four columns right of the used range with the own headers in the last header row", () => {
    expect(sheetOf(before, MAIN_SHEET).columnCount).toBe(MAIN.lastCol);
    expect(sheet.columnCount).toBe(MAIN.lastCol + 4);
    const headers = [9, 10, 11, 12].map((c) => sheet.getCell(MAIN.headerRow, c).value);
    expect(headers).toEqual(NEW_HEADERS);
    for (let c = 9; c <= 12; c++) {
      for (let r = 1; r < MAIN.headerRow; r++) expect(sheet.getCell(r, c).value).toBeNull();
    }
  });

  it("writes achievement as a fraction formatted 0.00%, and the status text", () => {
    const achievement = cellAt(sheet, MAIN.rows.investment, NEW_COLS.achievement);
    expect(achievement.value).toBeCloseTo(14096 / 34000, 12);
    expect(achievement.numFmt).toBe("0.00%");
    expect(sheet.getCell(MAIN.rows.revenue, NEW_COLS.achievement).value).toBeCloseTo(
      3300 / 6220,
      12
    );
    const statuses = [5, 6, 7, 8, 9, 10].map((r) => sheet.getCell(r, NEW_COLS.status).value);
    expect(statuses).toEqual([
      "Có nguy cơ không đạt",
      "Đúng tiến độ",
      "Chậm tiến độ",
      "Đã đạt/vượt",
      "Thiếu số liệu",
      "Định tính",
    ]);
    expect(sheet.getCell(MAIN.rows.investment, NEW_COLS.remaining).value).toBe(19904);
    expect(sheet.getCell(MAIN.rows.investment, NEW_COLS.remaining).numFmt).toBe("#,##0");
    expect(sheet.getCell(MAIN.rows.electricity, NEW_COLS.remaining).numFmt).toBe("#,##0.0");
    expect(sheet.getCell(MAIN.rows.investment, NEW_COLS.forecast).value).toBe(28192);
    // Rows without a figure and the section row stay blank.
    expect(sheet.getCell(MAIN.rows.doctors, NEW_COLS.achievement).value).toBeNull();
    expect(sheet.getCell(4, NEW_COLS.status).value).toBeNull();
  });

  it("adds one block of status colour rules over the written range, not one per cell", () => {
    const formats = conditionalFormats(sheet);
    expect(formats).toHaveLength(1);
    expect(formats[0].ref).toBe("I4:L10");
    expect(formats[0].rules.map((rule) => rule.formulae)).toEqual([
      ['$K4="Đã đạt/vượt"'],
      ['$K4="Đúng tiến độ"'],
      ['$K4="Có nguy cơ không đạt"'],
      ['$K4="Chậm tiến độ"'],
      ['$K4="Thiếu số liệu"'],
    ]);
    expect(formats[0].rules.every((rule) => rule.type === "expression")).toBe(true);
  });

  it("leaves every original cell's value and number format unchanged", () => {
    const original = sheetOf(before, MAIN_SHEET);
    let compared = 0;
    for (let r = 1; r <= original.rowCount; r++) {
      for (let c = 1; c <= original.columnCount; c++) {
        expect(cellAt(sheet, r, c)).toEqual(cellAt(original, r, c));
        compared++;
      }
    }
    expect(compared).toBe(MAIN.lastRow * MAIN.lastCol);
    expect(sheet.model.merges).toEqual(["A1:H1"]);
    expect(sheet.getCell(MAIN.formulaCell).value).toEqual({ formula: "3000+300", result: 3300 });
  });

  it("keeps a text that starts with = as text, not a formula", () => {
    const { row, col } = sheet.getCell(MAIN.formulaLikeCell).fullAddress;
    expect(cellAt(sheet, row, col)).toMatchObject({
      type: ExcelJS.ValueType.String,
      value: MAIN.formulaLikeText,
      formula: undefined,
    });
  });

  // Without --sheet every indicator sheet is computed (the district table too): the sheets
  // other than the main one stay untouched when --sheet names the main one, and the sheets
  // with no table stay untouched either way.
  it("does not touch the other sheets", async () => {
    const only = path.join(dir, "main-only.xlsx");
    expect(await runMain(["compute", input, "--sheet", MAIN_SHEET, "--out", only])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const mainOnly = await readBack(only);
    expect(sheetOf(mainOnly, MAIN_SHEET).getSheetValues()).toEqual(sheet.getSheetValues());
    for (const name of [COVER_SHEET, DISTRICT_SHEET, NOTES_SHEET]) {
      const was = sheetOf(before, name);
      const now = sheetOf(mainOnly, name);
      expect(now.columnCount).toBe(was.columnCount);
      expect(now.getSheetValues()).toEqual(was.getSheetValues());
      expect(conditionalFormats(now)).toEqual([]);
    }
    for (const name of [COVER_SHEET, NOTES_SHEET]) {
      const was = sheetOf(before, name);
      const now = sheetOf(after, name);
      expect(now.columnCount).toBe(was.columnCount);
      expect(now.getSheetValues()).toEqual(was.getSheetValues());
      expect(conditionalFormats(now)).toEqual([]);
    }
    expect(sheetOf(after, DISTRICT_SHEET).getCell(3, 6).value).toBe(NEW_HEADERS[0]);
  });

  it("reuses its own columns when run again on its output", async () => {
    const second = path.join(dir, "out2.xlsx");
    const json = path.join(dir, "out2.json");
    const again = await runMain(["compute", output, "--out", second, "--json", json]);
    expect(again).toEqual({ code: 0, stdout: "", stderr: "" });
    const rerun = sheetOf(await readBack(second), MAIN_SHEET);
    expect(rerun.columnCount).toBe(MAIN.lastCol + 4);
    expect(rerun.getSheetValues()).toEqual(sheet.getSheetValues());
    for (let r = MAIN.headerRow; r <= MAIN.lastRow; r++) {
      for (let c = 9; c <= 12; c++)
        expect(rerun.getCell(r, c).numFmt).toBe(sheet.getCell(r, c).numFmt);
    }
    const formats = conditionalFormats(rerun);
    expect(formats).toHaveLength(1);
    expect(formats[0].ref).toBe("I4:L10");
    expect(formats[0].rules).toHaveLength(5);
    // The report reads the same input columns: its own columns are not taken for input.
    const report = sheetReport(await readWorkbookJson(json), MAIN_SHEET);
    expect(report.columns).toEqual({
      label: "A",
      name: "B",
      unit: "C",
      target: "D",
      actual: "E",
      reportedAchievement: "F",
      agency: "G",
      partners: "H",
    });
    expect(report.summary.at_risk).toBe(1);
  });

  it("overwrites its own columns with new results on a run with other options", async () => {
    const third = path.join(dir, "out3.xlsx");
    const again = await runMain(["compute", output, "--out", third, "--tolerance", "5"]);
    expect(again.code).toBe(0);
    const rerun = sheetOf(await readBack(third), MAIN_SHEET);
    expect(rerun.columnCount).toBe(MAIN.lastCol + 4);
    expect(rerun.getCell(MAIN.rows.investment, NEW_COLS.status).value).toBe("Chậm tiến độ");
    expect(conditionalFormats(rerun)).toHaveLength(1);
  });
});

describe("chitieu compute: choosing the sheet", () => {
  it("--sheet computes the named sheet and writes only there", async () => {
    const json = path.join(dir, "districts.json");
    const out = path.join(dir, "districts.xlsx");
    const { code } = await runMain([
      "compute",
      input,
      "--sheet",
      DISTRICT_SHEET,
      "--json",
      json,
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    const workbook = await readWorkbookJson(json);
    expect(workbook.sheets).toHaveLength(1);
    const report = workbook.sheets[0];
    expect(report.sheet).toBe(DISTRICT_SHEET);
    expect(
      report.rows.map((r) => [r.row, r.name, r.type, r.target, r.actual, r.remaining, r.status])
    ).toEqual([
      [4, "Thành phố Trà Vinh", "indicator", 150, 59, 91, "off_track"],
      [5, "Huyện Càng Long", "indicator", 45, 18, 27, "at_risk"],
      [6, "Tổng cộng toàn tỉnh", "total", 195, 77, 118, "off_track"],
    ]);
    expect(report.summary.mismatches).toBe(0);
    expect(report.totals).toEqual([]);
    const written = await readBack(out);
    expect(sheetOf(written, DISTRICT_SHEET).getCell(3, 6).value).toBe(NEW_HEADERS[0]);
    expect(sheetOf(written, MAIN_SHEET).columnCount).toBe(MAIN.lastCol);
    expect(conditionalFormats(sheetOf(written, MAIN_SHEET))).toEqual([]);
  });

  it("without --sheet, skips a cover sheet that has no table", async () => {
    const json = path.join(dir, "first.json");
    expect((await runMain(["compute", input, "--json", json])).code).toBe(0);
    const report = await readFirstSheet(json);
    expect(report.sheet).toBe(MAIN_SHEET);
    expect(buildWorkbook().worksheets[0].name).toBe(COVER_SHEET);
  });
});

describe("chitieu compute: --period and --tolerance", () => {
  /** The main sheet's report of a run with these options. */
  async function reportWith(name: string, ...options: string[]): Promise<Report> {
    const json = path.join(dir, `${name}.json`);
    const { code, stderr } = await runMain(["compute", input, "--json", json, ...options]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    return sheetReport(await readWorkbookJson(json), MAIN_SHEET);
  }

  it("--period 9 makes the expected share 0,75 and the source the option", async () => {
    const report = await reportWith("period9", "--period", "9");
    expect(report.period).toEqual({ months: 9, expectedShare: 0.75, source: "option" });
    expect(rowAt(report, MAIN.rows.investment).expectedShare).toBe(0.75);
    // 41,46% and 53,05% are both more than 10 points below 75%.
    expect(rowAt(report, MAIN.rows.investment).status).toBe("off_track");
    expect(rowAt(report, MAIN.rows.revenue).status).toBe("off_track");
    expect(rowAt(report, MAIN.rows.investment).forecast).toBe(18795); // 14.096 / 0,75
  });

  it("--tolerance 5 turns 41,46% from at risk (≥ 40%) to off track (< 45%)", async () => {
    const report = await reportWith("tol5", "--tolerance=5");
    expect(report.tolerance).toBe(5);
    expect(rowAt(report, MAIN.rows.investment).status).toBe("off_track");
    expect(rowAt(report, MAIN.rows.revenue).status).toBe("on_track");
    expect(report.summary.at_risk).toBe(0);
    expect(report.summary.off_track).toBe(2);
  });

  it("reads a comma decimal tolerance: the band edge sits at 41,4% / 41,5%", async () => {
    // 14.096 / 34.000 = 41,459%: at risk above 50 − 8,6 = 41,4, off track below 50 − 8,5 = 41,5.
    expect(
      rowAt(await reportWith("tol86", "--tolerance", "8,6"), MAIN.rows.investment).status
    ).toBe("at_risk");
    expect(
      rowAt(await reportWith("tol85", "--tolerance", "8,5"), MAIN.rows.investment).status
    ).toBe("off_track");
  });
});

describe("chitieu compute: user errors exit 2 with one Vietnamese line", () => {
  let bad: string;

  beforeAll(async () => {
    bad = path.join(dir, "bad.xlsx");
    await fs.writeFile(bad, "Đây không phải là bảng tính.\n", "utf8");
  });

  it("a file that is not an xlsx (real binary)", async () => {
    const result = await runBin(["compute", bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([
      `Không đọc được tệp "${bad}": không phải tệp Excel (.xlsx) hợp lệ: tệp bị hỏng, không trọn vẹn hoặc là loại tệp khác.`,
    ]);
  });

  it("a file that does not exist", async () => {
    const missing = path.join(dir, "khong-co.xlsx");
    const result = await runMain(["compute", missing]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^Không đọc được tệp ".*khong-co\.xlsx": /);
  });

  // exceljs says "File not found" with no error code: the CLI checks the file itself.
  it("a file that does not exist is reported as missing, not as a bad xlsx", async () => {
    const missing = path.join(dir, "khong-co.xlsx");
    const result = await runMain(["compute", missing]);
    expect(lines(result.stderr)).toEqual([`Không đọc được tệp "${missing}": không có tệp này.`]);
  });

  it("--sheet naming a missing sheet lists the sheets", async () => {
    const result = await runMain(["compute", input, "--sheet", "Trang khác"]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `Không có trang tính "Trang khác". Các trang có trong tệp: ${COVER_SHEET}, ${MAIN_SHEET}, ${DISTRICT_SHEET}, ${NOTES_SHEET}.`,
    ]);
  });

  it("a sheet without a recognisable header", async () => {
    const result = await runMain(["compute", input, "--sheet", NOTES_SHEET]);
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      `Không tìm thấy dòng tiêu đề của bảng chỉ tiêu trong trang "${NOTES_SHEET}" (cần ít nhất cột tên chỉ tiêu và cột kế hoạch hoặc thực hiện).`,
    ]);
  });

  it("--period 13", async () => {
    const result = await runMain(["compute", input, "--period", "13"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([
      'Kỳ báo cáo "13" không hợp lệ: cần số tháng từ 1 đến 12.',
    ]);
  });

  it("an unknown flag exits 2 and names the flag first", async () => {
    const result = await runMain(["compute", input, "--bogus", "1"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)[0]).toBe("Không hiểu tùy chọn --bogus.");
  });

  // main() promises one Vietnamese line per user error.
  it("an unknown flag prints exactly one line", async () => {
    const result = await runMain(["compute", input, "--bogus", "1"]);
    expect(lines(result.stderr)).toEqual(["Không hiểu tùy chọn --bogus."]);
  });

  it("writes no output file when it fails", async () => {
    const out = path.join(dir, "never.xlsx");
    expect((await runMain(["compute", input, "--sheet", NOTES_SHEET, "--out", out])).code).toBe(2);
    await expect(fs.stat(out)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("npx chitieu", () => {
  it("runs compute from the project directory", async () => {
    const json = path.join(dir, "npx.json");
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const result = await run(npx, ["chitieu", "compute", input, "--json", json, "--period", "9"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = await readFirstSheet(json);
    expect(report.sheet).toBe(MAIN_SHEET);
    expect(report.period).toEqual({ months: 9, expectedShare: 0.75, source: "option" });
  }, 60000);
});

describe("chitieu demo (real binary)", () => {
  it("writes the computed sample and one JSON per sheet, leaving the sample unchanged", async () => {
    const hash = async (file: string): Promise<string> =>
      createHash("sha256")
        .update(await fs.readFile(file))
        .digest("hex");
    const sampleBefore = await hash(SAMPLE);
    const out = path.join(dir, "demo");
    const result = await runBin(["demo", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await hash(SAMPLE)).toBe(sampleBefore);
    expect(await fs.readdir(out)).toEqual(
      expect.arrayContaining([
        "bao-cao-chi-tieu-kt-xh-2024.json",
        "bao-cao-dn-theo-dia-phuong.json",
        "chi-tieu-2024.tinh-toan.xlsx",
      ])
    );
    // One JSON per indicator sheet, and nothing else in JSON.
    expect((await fs.readdir(out)).filter((file) => file.endsWith(".json"))).toHaveLength(2);
    expect(result.stdout).toContain("Đã ghi:");
    expect(result.stdout).toContain("chi-tieu-2024.tinh-toan.xlsx");

    const main = await readJson(path.join(out, "bao-cao-chi-tieu-kt-xh-2024.json"));
    expect(main.sheet).toBe("Chỉ tiêu KT-XH 2024");
    const investment = main.rows.find((r) => r.name === "Tổng vốn đầu tư toàn xã hội");
    expect(investment).toMatchObject({ target: 34000, actual: 14096, remaining: 19904 });
    const revenue = main.rows.find((r) => r.name === "Thu nội địa");
    expect(revenue?.mismatches.map((m) => m.cell)).toEqual(["H14", "I14"]);
    const districts = await readJson(path.join(out, "bao-cao-dn-theo-dia-phuong.json"));
    expect(districts.sheet).toBe("DN theo địa phương");
    expect(districts.rows).toHaveLength(10);
    expect(districts.totals).toEqual([]);

    const computed = await readBack(path.join(out, "chi-tieu-2024.tinh-toan.xlsx"));
    for (const sheet of computed.worksheets) {
      const headers = (
        sheet.getRow(sheet.name === "DN theo địa phương" ? 4 : 6).values as unknown[]
      ).filter((v) => typeof v === "string" && v.startsWith("Chỉ tiêu · "));
      expect(headers).toEqual(NEW_HEADERS);
      expect(conditionalFormats(sheet)).toHaveLength(1);
    }
  });
});
