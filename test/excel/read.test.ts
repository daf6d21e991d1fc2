import path from "path";
import { Workbook } from "../../src/cli/workbook";
import { analyse } from "../../src/core/engine";
import { computeWorkbook } from "../../src/core/job";
import { CellValue, Table } from "../../src/core/types";
import { formatColumns } from "../../src/excel/formatColumns";
import { createExcelHost } from "../../src/excel/host";
import { FIRST_BLOCK } from "../../src/excel/read";
import { benchTable } from "../bench/generate";
import { FakeExcel, FakeSheet, WEB_LIMIT, wireBytes } from "./fakeExcel";

/** A note as long as the "Nhiệm vụ, giải pháp" column holds on some rows: `chars` characters. */
const note = (chars: number): string =>
  "Đẩy mạnh giải ngân vốn đầu tư công, tháo gỡ vướng mắc mặt bằng; "
    .repeat(chars / 64 + 1)
    .slice(0, chars);

/** An indicator sheet of `rows` body rows; `long(i)` gives body row i a note of that many characters. */
function sheetWithNotes(rows: number, long: (i: number) => number): Table {
  const values: CellValue[][] = [
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Nhiệm vụ, giải pháp"],
  ];
  for (let i = 1; i <= rows; i++)
    values.push([i, `Xã số ${i}`, "tỷ đồng", 1000 + i, 400 + (i % 700), note(long(i))]);
  return { sheet: "Xã", origin: { row: 1, col: 1 }, values, merges: [] };
}

async function readBack(table: Table) {
  const sheet = FakeSheet.fromTable(table);
  sheet.merges = ["A1:B1"];
  const excel = new FakeExcel([sheet]);
  const host = createExcelHost({ run: excel.run });
  return { table: await host.readSheet(), stats: excel.stats };
}

describe("reading rows of uneven length", () => {
  it("reads a band of long notes past the first rows, no response over 5 MB", async () => {
    // Rows 8 001 to 10 000 carry 4 000 characters each (about 10 MB): a chunk sized from
    // the short rows before them would be far over the limit.
    const table = sheetWithNotes(20000, (i) => (i > 8000 && i <= 10000 ? 4000 : 20));
    const { table: read, stats } = await readBack(table);
    expect(read.values).toEqual(table.values);
    expect(Math.max(...stats.responseBytes)).toBeLessThan(WEB_LIMIT);
    const bytes = stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(bytes).toBeGreaterThan(2 * WEB_LIMIT);
    // Excel refuses the chunks sized from the short rows that reach into the band (each
    // refusal halves the next try); once inside it, chunks are sized from its long rows.
    expect(stats.refused.length).toBeGreaterThan(0);
    expect(stats.refused.length).toBeLessThanOrEqual(3);
    expect(stats.roundTrips).toBeLessThanOrEqual(10);
  }, 60000);

  it("asks again with fewer first rows when those alone are over 5 MB", async () => {
    // 2 000 first rows of 2 600 characters (about 7 MB): the first trip is refused, the
    // second brings the size, the merges and 1 000 rows.
    const table = sheetWithNotes(3000, (i) => (i <= 2000 ? 2600 : 20));
    const { table: read, stats } = await readBack(table);
    expect(read.values).toEqual(table.values);
    expect(read.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(stats.refused).toHaveLength(1);
    expect(stats.refused[0]).toBeGreaterThan(WEB_LIMIT);
    expect(Math.max(...stats.responseBytes)).toBeLessThan(WEB_LIMIT);
  }, 60000);

  it("refuses nothing on rows of even length", async () => {
    const table = sheetWithNotes(30000, () => 100);
    const { table: read, stats } = await readBack(table);
    expect(read.values).toEqual(table.values);
    expect(wireBytes(table.values)).toBeGreaterThan(WEB_LIMIT);
    expect(stats.refused).toEqual([]);
  }, 60000);
});

describe("reading number formats only where the engine reads them", () => {
  const SAMPLE = path.resolve(__dirname, "../../assets/samples/chi-tieu-2024.xlsx");
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

  function hostOver(table: Table, settings: Record<string, unknown> = {}) {
    const excel = new FakeExcel([FakeSheet.fromTable(table)]);
    const store = new Map(Object.entries(settings));
    const host = createExcelHost({
      run: excel.run,
      settings: {
        get: (name: string) => store.get(name),
        set: (name: string, value: unknown) => void store.set(name, value),
        saveAsync: () => undefined,
      } as never,
    });
    return { excel, host };
  }

  it("computes the sample workbook as the engine does on the whole table", async () => {
    const workbook = await Workbook.open(SAMPLE);
    const sample = workbook.table(workbook.sheetParts[0]);
    const { host } = hostOver(sample);
    expect((await computeWorkbook(host, [sample.sheet])).sheets[0]).toEqual(analyse(sample).report);
  });

  it("computes 10 000 rows as the engine does on the whole table, with fewer bytes", async () => {
    const table = benchTable(10000);
    // Formats lie past the first rows too: `#,##0` figures and `0.00%` shares.
    const late = (table.formats ?? []).slice(FIRST_BLOCK).flat();
    expect(late).toContain("0.00%");
    expect(late).toContain("#,##0");
    const { excel, host } = hostOver(table);
    const read = await host.readSheet();
    expect(analyse(read).report).toEqual(analyse(table).report);
    // The figure columns D to I carry every row's format ("General" where the cell has none,
    // as Excel gives it); the other columns only in the first rows.
    const formatsOf = (col: number) => (read.formats ?? []).map((line) => line[col - 1]);
    for (const col of [4, 5, 6, 7, 8, 9])
      expect(formatsOf(col)).toEqual(
        table.values.map((_, r) => table.formats?.[r][col - 1] ?? "General")
      );
    for (const col of [1, 2, 3, 10, 11, 12])
      expect(formatsOf(col).slice(FIRST_BLOCK)).toEqual(
        new Array(read.values.length - FIRST_BLOCK).fill(null)
      );
    // Every cell's format ("General" at least, as Excel gives it) would be this many more bytes.
    const formats = read.values.map((line) => line.map(() => "General"));
    const all = wireBytes(read.values) + wireBytes(formats);
    expect(sum(excel.stats.responseBytes)).toBeLessThan(0.85 * all);
    expect(excel.stats.roundTrips).toBe(2);
  }, 60000);

  it("reads the formats of a column the user gave a figure role", async () => {
    // `Ghi chú` holds each row's share of plan as a fraction, shown as a percentage.
    const values: CellValue[][] = [["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện 6 tháng", "Ghi chú"]];
    const formats: (string | null)[][] = [[null, null, null, null, null]];
    for (let i = 1; i <= 3000; i++) {
      values.push([i, `Xã số ${i}`, 1000, 500 + (i % 7), (500 + (i % 7)) / 1000]);
      formats.push([null, null, null, null, "0.0%"]);
    }
    const table: Table = { sheet: "Xã", origin: { row: 1, col: 1 }, values, formats, merges: [] };
    const settings = { chitieu: JSON.stringify({ columns: { Xã: { reportedAchievement: "E" } } }) };
    const { host } = hostOver(table, settings);
    const [report] = (await computeWorkbook(host, [table.sheet])).sheets;
    const corrected = analyse(table, { columns: { reportedAchievement: 5 } }).report;
    expect(report).toEqual(corrected);
    const read = await host.readSheet();
    expect(read.formats?.[2500][4]).toBe("0.0%");
  }, 60000);

  /**
   * Notes of 32 000 characters in G to K on rows 11 to 60: the first trip brings 31 rows,
   * which show a lesser header (row 10: a name and a target in C), while the sheet's own is
   * row 35, its figures in D to F written `#,##0.0` and `0.00%`.
   */
  function sheetWithLateHeader(): Table {
    const width = 11;
    const line = (cells: CellValue[], notes: boolean): CellValue[] => {
      const out = [...cells, ...new Array<CellValue>(width - cells.length).fill(null)];
      return notes ? out.fill("abc ".repeat(8000), 6) : out;
    };
    const values: CellValue[][] = [];
    for (let r = 1; r <= 34; r++) {
      const cells =
        r === 1 ? ["BÁO CÁO 6 THÁNG NĂM 2026"] : r === 10 ? [null, "Chỉ tiêu", "Kế hoạch"] : [];
      values.push(line(cells, r > 10));
    }
    const header = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng", "Tỷ lệ đạt (%)"];
    values.push([...header, ...new Array<CellValue>(width - header.length).fill("Ghi chú")]);
    const formats: (string | null)[][] = values.map(() => new Array(width).fill(null));
    for (let i = 1; i <= 3000; i++) {
      const actual = 400 + (i % 500);
      values.push(line([i, `Xã số ${i}`, "tỷ đồng", 1000, actual, actual / 1000], i <= 25));
      formats.push([null, null, null, "#,##0.0", "#,##0.0", "0.00%", ...new Array(5).fill(null)]);
    }
    return { sheet: "Xã", origin: { row: 1, col: 1 }, values, formats, merges: [] };
  }

  it("fetches afterwards the formats of a header the first rows did not reach", async () => {
    const table = sheetWithLateHeader();
    expect(formatColumns({ ...table, values: table.values.slice(0, 31) })).toEqual([3]);
    const { excel, host } = hostOver(table);
    const read = await host.readSheet();
    // 2 000, 1 000, 500, 250, 125 and 62 rows were refused; 31 came back.
    expect(excel.stats.refused).toHaveLength(6);
    expect(read.formats?.[2000].slice(3, 6)).toEqual(["#,##0.0", "#,##0.0", "0.00%"]);
    // The decimals of `#,##0.0` reach the report: without them it would differ.
    expect(analyse(read).report).toEqual(analyse(table).report);
  }, 60000);
});
