/**
 * The CLI on whole workbooks: `chitieu draft` drafts from every indicator sheet, and
 * `chitieu compute --json` lists the sheets it left out, without `--sheet`.
 */
import { chitieu, draftNotes, Run } from "../fixtures/cli";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { Workbook } from "../../src/cli/workbook";
import { vi } from "../../src/core/messages/vi";
import { ownHeader } from "../../src/core/writePlan";
import { readReportJson } from "../../src/core/reportJson";
import { makeTempDir, removeTempDir, writeWorkbook } from "../fixtures/workbooks";

const HEADERS = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng", "Cơ quan chủ trì"];

/** One indicator row: label, name, unit, target, actual, lead agency. */
type IndicatorRow = [number, string, string, number, number, string];

/** An indicator sheet: a title, the header row on row 3, the rows from row 4. */
function addIndicatorSheet(workbook: ExcelJS.Workbook, name: string, rows: IndicatorRow[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.getCell("A1").value = `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024 (${name})`;
  HEADERS.forEach((text, i) => (sheet.getCell(3, i + 1).value = text));
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => (sheet.getCell(4 + r, c + 1).value = value))
  );
}

/** Section II of a plan: from its heading to the closing paragraph. */
function sectionTwo(text: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("II. "));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && line.startsWith("Trên đây là Kế hoạch"));
  return lines.slice(start, end < 0 ? undefined : end);
}

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await removeTempDir(dir);
});

describe("chitieu draft on a workbook of three indicator sheets", () => {
  // Every row is far behind at 6 months (10% of the target): every one lags.
  const SHEETS: Record<string, IndicatorRow[]> = {
    "Biểu 01-KT": [
      [1, "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 1000, 100, "Sở Tài chính"],
      [2, "Tổng vốn đầu tư công giải ngân", "tỷ đồng", 2000, 200, "Sở Kế hoạch và Đầu tư"],
    ],
    "Biểu 02-XH": [
      [1, "Chi thường xuyên cho giáo dục", "tỷ đồng", 1000, 100, "Sở Tài chính"],
      [
        2,
        "Số lao động được tạo việc làm",
        "người",
        1000,
        100,
        "Sở Lao động - Thương binh và Xã hội",
      ],
    ],
    "Biểu 03-MT": [
      [1, "Khối lượng chất thải rắn được xử lý", "tấn", 1000, 100, "Sở Tài nguyên và Môi trường"],
      [2, "Diện tích rừng trồng mới", "ha", 1000, 100, "Sở Nông nghiệp và Phát triển nông thôn"],
    ],
  };

  let run: Run;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(SHEETS)) addIndicatorSheet(workbook, name, rows);
    const file = await writeWorkbook(workbook, dir, "ba-bieu.xlsx");
    run = await chitieu(["draft", file, "--kind", "plan"]);
  });

  it("drafts from every sheet without --sheet", () => {
    expect(draftNotes(run.stderr).notes).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("names every lagging row of every sheet in section II", () => {
    const section = sectionTwo(run.stdout).join("\n");
    for (const rows of Object.values(SHEETS))
      for (const [, name] of rows) expect(section).toContain(name);
  });

  it("gives an agency that leads rows on two sheets one part, with both rows", () => {
    const section = sectionTwo(run.stdout);
    const heads = section.filter((line) => /^\d+\. Sở Tài chính$/.test(line));
    expect(heads).toHaveLength(1);
    // Its part holds the rows of sheets 1 and 2, before the next agency's part.
    const start = section.indexOf(heads[0]);
    const next = section.findIndex((line, i) => i > start && /^\d+\. /.test(line));
    const part = section.slice(start, next < 0 ? undefined : next).join("\n");
    expect(part).toContain("Thu ngân sách nhà nước trên địa bàn");
    expect(part).toContain("Chi thường xuyên cho giáo dục");
    // Five lead agencies in all: one part each.
    expect(section.filter((line) => /^\d+\. Sở /.test(line))).toHaveLength(5);
  });
});

describe("a workbook whose first sheet is notes", () => {
  const NOTES = "Ghi chú";
  const TABLE = "Biểu 01";
  const LAGGING = "Số doanh nghiệp thành lập mới";
  let file: string;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet(NOTES);
    notes.getCell("A1").value = "Ghi chú";
    notes.getCell("A2").value = "Số liệu ước tính";
    notes.getCell("A3").value = "Số liệu 6 tháng là số ước thực hiện.";
    addIndicatorSheet(workbook, TABLE, [
      [1, LAGGING, "doanh nghiệp", 1000, 100, "Sở Kế hoạch và Đầu tư"],
      [2, "Thu nội địa", "tỷ đồng", 6220, 3300, "Cục Thuế tỉnh"],
    ]);
    file = await writeWorkbook(workbook, dir, "ghi-chu-truoc.xlsx");
  });

  it("drafts from the table sheet without --sheet", async () => {
    const run = await chitieu(["draft", file]);
    expect(draftNotes(run.stderr).notes).toEqual([]);
    expect(run.code).toBe(0);
    expect(sectionTwo(run.stdout).join("\n")).toContain(LAGGING);
  });

  it("lists the notes sheet as skipped in the compute report", async () => {
    const json = path.join(dir, "ghi-chu-truoc.json");
    const run = await chitieu(["compute", file, "--json", json]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    const report = readReportJson(await fs.readFile(json, "utf8"));
    expect(report.skipped).toEqual([{ sheet: NOTES, reason: "notes" }]);
    expect(report.sheets.map((s) => s.sheet)).toEqual([TABLE]);
    expect(report.sheets[0].rows.find((r) => r.name === LAGGING)?.status).toBe("off_track");
  });
});

describe("a workbook computed, then read again in the same run", () => {
  it("reads its sheets as written, from the deflated patch, and saves them so", async () => {
    const workbook = new ExcelJS.Workbook();
    addIndicatorSheet(workbook, "Chỉ tiêu", [
      [1, "Thu ngân sách", "tỷ đồng", 1000, 300, "Sở Tài chính"],
      [2, "Tạo việc làm", "lao động", 200, 150, "Sở Nội vụ"],
    ]);
    const file = await writeWorkbook(workbook, dir, "doc-lai.xlsx");
    const book = await Workbook.open(file);
    const report = await book.compute(undefined, {});
    const again = await book.readSheet("Chỉ tiêu");
    // The result columns are in the sheet as the job wrote them: header row 3, one per row.
    const header = again.values[2].filter(
      (v) => typeof v === "string" && v.startsWith("Chỉ tiêu · ")
    );
    expect(header).toHaveLength(4);
    const column = again.values[2].indexOf(ownHeader("status"));
    const statuses = again.values.slice(3, 5).map((line) => line[column]);
    expect(statuses).toEqual(report.sheets[0].rows.map((row) => vi.status[row.status]));
    const saved = path.join(dir, "doc-lai.out.xlsx");
    await book.save(saved);
    const reread = await (await Workbook.open(saved)).readSheet("Chỉ tiêu");
    expect(reread.values).toEqual(again.values);
  });
});
