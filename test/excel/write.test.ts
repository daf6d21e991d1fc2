import { CellValue } from "../../src/core/types";
import { STATUS_RULES, WritePlan } from "../../src/core/writePlan";
import { rollback } from "../../src/excel/write";
import { FakeExcel, FakeSheet, WEB_LIMIT } from "./fakeExcel";

const ROWS = 100000;
const HEADER = 6;
const LAST = HEADER + ROWS;
const LETTERS = ["M", "N", "O", "P"];

/** The four result columns of a re-run over 100 000 rows, and what they held before it. */
function rerun(): { plan: WritePlan; before: CellValue[][][] } {
  const column =
    (i: number) =>
    (r: number): CellValue => {
      if (r === 0) return `Tính: cột ${i + 1}`;
      if (i === 2) return r % 3 === 0 ? "Chậm tiến độ" : "Đúng tiến độ";
      return r % 7 === 0 ? null : 1000 / (r + i);
    };
  const before = LETTERS.map((_, i) => Array.from({ length: ROWS + 1 }, (_, r) => [column(i)(r)]));
  const plan: WritePlan = {
    sheet: "Xã",
    headerRow: HEADER,
    firstRow: HEADER + 1,
    lastRow: LAST,
    columns: LETTERS.map((letter, i) => ({
      key: (["achievement", "remaining", "status", "forecast"] as const)[i],
      col: 13 + i,
      letter,
      header: `Tính: cột ${i + 1}`,
      values: [],
    })),
    numberFormats: [],
    conditional: {
      range: `M${HEADER + 1}:P${LAST}`,
      statusColumn: "$O",
      firstRow: HEADER + 1,
      rules: [...STATUS_RULES],
    },
  };
  return { plan, before };
}

describe("putting the columns back after a failed write", () => {
  it("puts back 100 000 rows of four columns in requests under 5 MB", async () => {
    const { plan, before } = rerun();
    const sheet = new FakeSheet("Xã");
    // What the failed write left: other values in the columns, and its colour rules.
    for (let r = HEADER; r <= LAST; r++) for (let c = 13; c <= 16; c++) sheet.set(r, c, "x");
    sheet.rules = [{ range: plan.conditional.range, formula: "=1", fill: "", font: "" }];
    const excel = new FakeExcel([sheet]);

    await excel.run((context) => rollback(context, plan, before));

    const { requestBytes, refused } = excel.stats;
    // One request could not carry it: the test would fail without the chunks.
    expect(requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(WEB_LIMIT);
    expect(Math.max(...requestBytes)).toBeLessThan(WEB_LIMIT);
    expect(refused).toEqual([]);
    expect(excel.stats.roundTrips).toBeLessThanOrEqual(3);
    const after = before.map((column, i) =>
      column.map((_, r) => [sheet.get(HEADER + r, 13 + i)?.value ?? null])
    );
    expect(after).toEqual(before);
    expect(sheet.rules).toEqual([]);
  });
});
