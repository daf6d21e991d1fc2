import path from "path";
import { analyse, Report } from "../../src/core/engine";
import { computeWorkbook } from "../../src/core/job";
import { HostError, WorkbookHost } from "../../src/core/host";
import { Table } from "../../src/core/types";
import { ownHeader, planWrite } from "../../src/core/writePlan";
import { Workbook } from "../../src/cli/workbook";
import { createExcelHost } from "../../src/excel/host";
import { parseMerges } from "../../src/excel/read";
import { FakeExcel, FakeSheet, stateDiff, WEB_LIMIT } from "./fakeExcel";

const SAMPLE = path.resolve(__dirname, "../../assets/samples/chi-tieu-2024.xlsx");
let sample: Table;
/** Every sheet of the sample: the pane computes them all by default. */
let sampleSheets: Table[];

beforeAll(async () => {
  const workbook = await Workbook.open(SAMPLE);
  sampleSheets = workbook.sheetParts.map((part) => workbook.table(part));
  sample = sampleSheets[0];
});

function setup(table: Table = sample, settings?: Map<string, unknown>) {
  const excel = new FakeExcel([FakeSheet.fromTable(table)]);
  const store = settings ?? new Map<string, unknown>();
  const host = createExcelHost({
    run: excel.run,
    settings: {
      get: (name: string) => store.get(name),
      set: (name: string, value: unknown) => void store.set(name, value),
      saveAsync: (callback?: (result: Office.AsyncResult<void>) => void) =>
        callback?.({ status: "succeeded" } as unknown as Office.AsyncResult<void>),
    } as never,
  });
  return { excel, host, sheet: excel.sheets[0], store };
}

/**
 * The workbook job on one sheet, named as the pane names it (a listing would be one more
 * round trip); its report.
 */
async function computeSheetIn(host: WorkbookHost, sheet: string): Promise<Report> {
  return (await computeWorkbook(host, [sheet])).sheets[0];
}

const snapshot = (sheet: FakeSheet) => new Map([...sheet.cells].map(([k, c]) => [k, c.value]));

describe("reading a sheet", () => {
  it("gives the core the same table the file host gives, in one round trip", async () => {
    const { excel, host } = setup();
    const table = await host.readSheet();
    expect(excel.stats.roundTrips).toBe(1);
    expect(table.sheet).toBe(sample.sheet);
    const a = analyse(table).report;
    const b = analyse(sample).report;
    expect(a.columns).toEqual(b.columns);
    expect(a.summary).toEqual(b.summary);
    expect(a.rows.map((r) => r.achievement)).toEqual(b.rows.map((r) => r.achievement));
  });

  it("keeps the header's merged cells", async () => {
    const { host } = setup();
    const table = await host.readSheet();
    expect(table.merges).toEqual(
      expect.arrayContaining([{ top: 5, left: 1, bottom: 6, right: 1 }])
    );
  });

  it("parses merged areas even when the sheet's name holds a comma", () => {
    expect(parseMerges("'Chỉ tiêu, 2026'!A5:A6, 'Chỉ tiêu, 2026'!$D$5:$E$5")).toEqual([
      { top: 5, left: 1, bottom: 6, right: 1 },
      { top: 5, left: 4, bottom: 5, right: 5 },
    ]);
  });

  it("says in Vietnamese what an old Excel lacks", async () => {
    const excel = new FakeExcel([FakeSheet.fromTable(sample)]);
    const host = createExcelHost({ run: excel.run, isSetSupported: () => false });
    await expect(host.readSheet()).rejects.toThrow(/ExcelApi 1\.13/);
    expect(excel.stats.roundTrips).toBe(0);
  });
});

describe("computing in Excel", () => {
  it("reads, keeps what it replaces, and writes in three round trips, all under the web's 5 MB limit", async () => {
    const { excel, host, sheet } = setup();
    const report = await computeSheetIn(host, sample.sheet);
    expect(excel.stats.roundTrips).toBe(3);
    expect(Math.max(...excel.stats.requestBytes, ...excel.stats.responseBytes)).toBeLessThan(
      WEB_LIMIT
    );
    // The four result columns go right of the used range (L is the last input column).
    expect(sheet.get(6, 13)?.value).toBe(ownHeader("achievement"));
    expect(sheet.get(6, 15)?.value).toBe(ownHeader("status"));
    const revenue = report.rows.find((r) => r.name === "Thu nội địa");
    expect(revenue).toBeDefined();
    expect(sheet.get(revenue?.row ?? 0, 13)?.value).toBeCloseTo(3300 / 6220, 10);
    expect(sheet.get(revenue?.row ?? 0, 15)?.value).toBe("Đúng tiến độ");
    expect(sheet.get(revenue?.row ?? 0, 13)?.format).toBe("0.00%");
  });

  it("colours statuses with a handful of rules, not per-cell fills", async () => {
    const { host, sheet } = setup();
    await computeSheetIn(host, sample.sheet);
    expect(sheet.rules).toHaveLength(5);
    expect(sheet.rules[0].formula).toMatch(/^=\$O8="Đã đạt\/vượt"$/);
    expect(new Set(sheet.rules.map((r) => r.range)).size).toBe(1);
  });

  it("never changes a cell it did not write", async () => {
    const { host, sheet } = setup();
    const before = snapshot(sheet);
    await computeSheetIn(host, sample.sheet);
    for (const [key, value] of before) expect(sheet.cells.get(key)?.value).toEqual(value);
  });

  it("leaves the sheet as one run does when run again", async () => {
    const { host, sheet } = setup();
    await computeSheetIn(host, sample.sheet);
    const once = snapshot(sheet);
    const rules = sheet.rules.map((r) => ({ ...r }));
    await computeSheetIn(host, sample.sheet);
    expect(snapshot(sheet)).toEqual(once);
    expect(sheet.rules).toEqual(rules);
  });

  it("refuses a protected sheet before writing anything, and says why", async () => {
    const { host, sheet } = setup();
    sheet.protected = true;
    const before = snapshot(sheet);
    const error = await computeSheetIn(host, sample.sheet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("protected");
    expect((error as HostError).message).toMatch(/bảo vệ/);
    expect(snapshot(sheet)).toEqual(before);
  });

  it("puts the columns back when a write fails halfway", async () => {
    const { excel, host, sheet } = setup();
    const before = snapshot(sheet);
    excel.failNextWrite = true;
    const error = await computeSheetIn(host, sample.sheet).catch((e: unknown) => e);
    expect((error as HostError).code).toBe("writeFailed");
    for (const [key, value] of snapshot(sheet))
      expect(value === "" ? undefined : value).toEqual(before.get(key));
    expect(sheet.rules).toHaveLength(0);
  });

  it("puts back formats, headers and widths too when a write fails halfway", async () => {
    const { excel, host } = setup();
    const before = excel.state();
    excel.failNextWrite = true;
    await expect(computeSheetIn(host, sample.sheet)).rejects.toThrow(HostError);
    expect(stateDiff(excel.state(), before)).toEqual([]);
  });

  it("checks protection in the round trip that keeps the old contents, and stops there", async () => {
    const first = setup();
    const { report, grid, header } = analyse(await first.host.readSheet());
    const { excel, host, sheet } = setup();
    sheet.protected = true;
    const error = await host.writePlans([planWrite(grid, header, report)]).catch((e: unknown) => e);
    expect((error as HostError).code).toBe("protected");
    expect(excel.stats.roundTrips).toBe(1);
  });

  it("uses the column corrections kept in the workbook", async () => {
    const store = new Map<string, unknown>([
      ["chitieu", JSON.stringify({ columns: { [sample.sheet]: { target: "G", actual: "F" } } })],
    ]);
    const { host } = setup(sample, store);
    const report = await computeSheetIn(host, sample.sheet);
    expect(report.columns.target).toBe("G");
    expect(report.columns.actual).toBe("F");
  });
});

describe("taking a compute back", () => {
  /** The whole sample in an Excel of the given API version, its undo stack kept. */
  function workbookIn(apiVersion: string) {
    const excel = new FakeExcel(sampleSheets.map((table) => FakeSheet.fromTable(table)));
    excel.apiVersion = apiVersion;
    excel.keepsUndo = true;
    // A result column the user had formatted and filled in an earlier run stays theirs to get back.
    const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    return { excel, host };
  }

  it("is one undo step in an Excel with ExcelApi 1.20: Ctrl+Z puts every sheet back", async () => {
    const { excel, host } = workbookIn("1.20");
    const before = excel.state();
    const report = await computeWorkbook(host);
    expect(report.sheets.length).toBeGreaterThan(1);
    expect(stateDiff(excel.state(), before)).not.toEqual([]);
    expect(excel.undoStack).toHaveLength(1);
    excel.undo();
    expect(stateDiff(excel.state(), before)).toEqual([]);
  });

  it("says which way back it offers: Excel's undo with 1.20, the pane's clearing below", async () => {
    const plans = sampleSheets.map((table) => {
      const { grid, header, report } = analyse(table);
      return planWrite(grid, header, report);
    });
    expect(await workbookIn("1.20").host.writePlans(plans)).toEqual({ undo: "excel" });
    const old = workbookIn("1.13");
    expect(await old.host.writePlans(plans)).toEqual({ undo: "clear" });
    // Below 1.20 the option is ignored: each request is an undo step of its own.
    expect(old.excel.undoStack.length).toBeGreaterThan(1);
  });

  it("clears the results of the last compute back to the sheets as they were, values and formats", async () => {
    const { excel, host } = workbookIn("1.13");
    // Cells the user formatted where the results go: clearing must give the formats back.
    const sheet = excel.sheets[0];
    sheet.set(20, 13, null, "dd/mm/yyyy");
    sheet.set(21, 14, "ghi chú", "@");
    sheet.widths.set(15, 200);
    const before = excel.state();
    await computeWorkbook(host);
    expect(stateDiff(excel.state(), before)).not.toEqual([]);
    expect(await host.clearResults()).toBe(true);
    expect(stateDiff(excel.state(), before)).toEqual([]);
    // Nothing left to take back: a second click changes nothing.
    expect(await host.clearResults()).toBe(false);
    expect(stateDiff(excel.state(), before)).toEqual([]);
  });

  it("refuses to clear when a column was inserted since the compute, and writes nothing", async () => {
    const { excel, host } = workbookIn("1.13");
    await computeWorkbook(host);
    // The user inserts a column at C: every cell from C rightwards moves one column on.
    const sheet = excel.sheets[0];
    sheet.cells = new Map(
      [...sheet.cells].map(([key, cell]) => {
        const [row, col] = key.split(":").map(Number);
        return [`${row}:${col >= 3 ? col + 1 : col}`, cell];
      })
    );
    const moved = excel.state();
    const error = await host.clearResults().catch((e: unknown) => e);
    expect((error as HostError).code).toBe("resultsMoved");
    expect((error as HostError).message).toMatch(/không xoá để khỏi ghi đè số liệu/);
    expect(stateDiff(excel.state(), moved)).toEqual([]);
  });

  it("clears a second compute back to what the first one wrote", async () => {
    const { excel, host } = workbookIn("1.13");
    await computeWorkbook(host);
    const once = excel.state();
    await computeWorkbook(host);
    await host.clearResults();
    expect(stateDiff(excel.state(), once)).toEqual([]);
  });

  it("writes ungrouped when Excel refuses an API in the undo group, and says so", async () => {
    const { excel, host } = workbookIn("1.20");
    excel.refuseUndoGroup = true;
    const before = excel.state();
    const plans = sampleSheets.map((table) => {
      const { grid, header, report } = analyse(table);
      return planWrite(grid, header, report);
    });
    expect(await host.writePlans(plans)).toEqual({ undo: "clear" });
    expect(excel.sheets[0].get(plans[0].headerRow, plans[0].columns[0].col)?.value).toBe(
      plans[0].columns[0].header
    );
    await host.clearResults();
    expect(stateDiff(excel.state(), before)).toEqual([]);
  });
});

describe("round trips grow with bytes, not rows", () => {
  function bigTable(rows: number): Table {
    const values: Table["values"] = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng"]];
    for (let i = 1; i <= rows; i++)
      values.push([i, `Xã số ${i}`, "tỷ đồng", 1000 + i, 400 + (i % 700)]);
    return { sheet: "Xã", origin: { row: 1, col: 1 }, values, merges: [] };
  }

  it.each([10, 1000, 10000])("%i rows: at most 4 round trips", async (rows) => {
    const { excel, host } = setup(bigTable(rows));
    await computeSheetIn(host, "Xã");
    // Reading may take two, keeping what the write replaces one, the write one.
    expect(excel.stats.roundTrips).toBeLessThanOrEqual(4);
  });

  it("a sheet past 5 MB takes one more round trip per 5 MB, each under the limit", async () => {
    const table = bigTable(50000);
    const { excel, host } = setup(table);
    await computeSheetIn(host, "Xã");
    const stats = excel.stats;
    const total =
      stats.requestBytes.reduce((a, b) => a + b, 0) +
      stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(Math.max(...stats.requestBytes, ...stats.responseBytes)).toBeLessThan(WEB_LIMIT);
    expect(stats.refused).toEqual([]);
    expect(stats.roundTrips).toBeLessThanOrEqual(3 + Math.ceil(total / (4.5 * 1000 * 1000)));
    expect(total).toBeGreaterThan(WEB_LIMIT);
    expect(stats.roundTrips).toBeGreaterThan(2);
  }, 60000);
});

describe("drafts, selection and settings", () => {
  it("writes a draft to its own sheet as text, one paragraph a row", async () => {
    const { excel, host } = setup();
    const lines = [
      "1. Cục Thống kê tỉnh",
      "- Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng",
      "=SUM(A1)",
    ];
    expect(await host.writeDraft(lines, "Dự thảo")).toBe("Dự thảo");
    expect(await host.writeDraft(lines, "Dự thảo")).toBe("Dự thảo (2)");
    const draft = excel.sheet("Dự thảo");
    expect(draft.get(2, 1)).toEqual({ value: lines[1], format: "@", wrap: true });
    expect(draft.get(3, 1)?.format).toBe("@");
    expect(excel.active).toBe("Dự thảo (2)");
  });

  it("selects the row the user clicked", async () => {
    const { excel, host } = setup();
    await host.selectRow(sample.sheet, 14);
    expect(excel.selected).toEqual({ sheet: sample.sheet, address: "A14:XFD14" });
  });

  it("selects the cell of a check the user clicked", async () => {
    const { excel, host } = setup();
    await host.selectRow(sample.sheet, 14, "H14");
    expect(excel.selected).toEqual({ sheet: sample.sheet, address: "H14:H14" });
  });

  it("keeps settings in the document", async () => {
    const { host, store } = setup();
    await host.saveSettings({ months: 9, tolerance: 5 });
    expect(typeof store.get("chitieu")).toBe("string");
    expect(await host.loadSettings()).toEqual({ months: 9, tolerance: 5 });
  });

  it("lists the sheets and the active one", async () => {
    const { host } = setup();
    expect(await host.sheets()).toEqual({ names: [sample.sheet], active: sample.sheet });
  });
});
