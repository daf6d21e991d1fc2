import { CellValue } from "../../src/core/types";
import { STATUS_RULES, WritePlan } from "../../src/core/writePlan";
import { readBefore, restore } from "../../src/excel/restore";
import { addStatusRules } from "../../src/excel/write";
import { FakeExcel, FakeSheet, stateDiff, WEB_LIMIT } from "./fakeExcel";

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

describe("putting the columns back after a write", () => {
  it("keeps and puts back 100 000 rows of four columns, values and formats, in requests under 5 MB", async () => {
    const { plan, before } = rerun();
    const sheet = new FakeSheet("Xã");
    before.forEach((column, i) =>
      column.forEach(([value], r) =>
        sheet.set(HEADER + r, 13 + i, value, r > 0 && i !== 2 ? "#,##0.00" : "General")
      )
    );
    sheet.widths.set(15, 130);
    const excel = new FakeExcel([sheet]);
    // The colour rules the earlier run left on its columns.
    await excel.run(async (context) =>
      addStatusRules(context.workbook.worksheets.getItem("Xã"), plan.conditional)
    );
    const original = excel.state();
    const kept = await excel.run((context) => readBefore(context, plan));
    expect(kept.protected).toBe(false);
    expect(Math.max(...excel.stats.responseBytes)).toBeLessThan(WEB_LIMIT);
    // A re-run's columns (numbers, statuses, formats) fit the first guess: no refused trip.
    expect(excel.stats.refused).toEqual([]);

    // What a write (or a failed one) leaves: other values and formats, bold headers, rules.
    for (let r = HEADER; r <= LAST; r++)
      for (let c = 13; c <= 16; c++)
        sheet.put(r, c, { value: "x", format: "@", bold: r === HEADER });
    sheet.widths.set(13, 90);
    sheet.rules = [{ range: plan.conditional.range, formula: "=1", fill: "", font: "" }];
    excel.stats = { roundTrips: 0, requestBytes: [], responseBytes: [], refused: [] };

    await excel.run((context) => restore(context, kept.before));

    const { requestBytes, refused } = excel.stats;
    // One request could not carry it: the test would fail without the chunks.
    expect(requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(WEB_LIMIT);
    expect(Math.max(...requestBytes)).toBeLessThan(WEB_LIMIT);
    expect(refused).toEqual([]);
    expect(excel.stats.roundTrips).toBeLessThanOrEqual(4);
    expect(stateDiff(excel.state(), original)).toEqual([]);
  });
});
