import { analyse, TableError } from "../../src/core/engine";
import { planWrite, WritePlan } from "../../src/core/writePlan";
import type { Table } from "../../src/core/types";
import { rawTable, Row } from "../fixtures/layouts";

const HEADER: Row = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện 6 tháng"];
const BODY: Row[] = [
  [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", 34000, 14096],
  [2, "Thu ngân sách", "tỷ đồng", 10000, 5600],
];

function plan(table: Table): WritePlan {
  const { report, grid, header } = analyse(table);
  return planWrite(grid, header, report);
}

/** Puts `value` at sheet cell (row, col), 1-based, growing the table as a reader would. */
function put(table: Table, row: number, col: number, value: string | number): Table {
  (table.values[row - 1] ??= [])[col - 1] = value;
  for (let r = 0; r < table.values.length; r++) table.values[r] ??= [];
  return table;
}

describe("planWrite: where the result columns go", () => {
  it("right of the table, from its header down", () => {
    expect(plan(rawTable([["Báo cáo 6 tháng"], HEADER, ...BODY])).columns.map((c) => c.letter)).toEqual(["F", "G", "H", "I"]); // prettier-ignore
  });

  it("not pushed away by a cell far out above the header (a title, a stray note)", () => {
    const table = put(rawTable([["Báo cáo 6 tháng"], HEADER, ...BODY]), 1, 16384, "ghi chú");
    expect(plan(table).columns.map((c) => c.letter)).toEqual(["F", "G", "H", "I"]);
  });

  it("right of a merge that reaches into the table's rows", () => {
    const table = rawTable([HEADER, ...BODY, ["", "Ghi chú chung"]], ["B4:H4"]);
    expect(plan(table).columns[0].letter).toBe("I");
  });

  it("right of any cell from the header down, so none is overwritten", () => {
    const table = put(rawTable([HEADER, ...BODY]), 50, 26, 7);
    expect(plan(table).columns.map((c) => c.letter)).toEqual(["AA", "AB", "AC", "AD"]);
  });

  it("refuses, in Vietnamese, a table that reaches Excel's last column", () => {
    const table = put(rawTable([HEADER, ...BODY], [], "Biểu 01"), 2, 16383, 1);
    expect(() => plan(table)).toThrow(TableError);
    expect(() => plan(table)).toThrow(/Biểu 01.*không còn cột trống/);
  });
});
