import { vi } from "../../src/core/messages/vi";
import { Problem, renderProblem } from "../../src/core/problems";
import { columnStyles, readFigure } from "../../src/core/figures";
import { makeGrid } from "../../src/core/grid";
import { findHeader } from "../../src/core/headers";
import { RowCells } from "../../src/core/rowCells";
import { makeTable } from "../fixtures/tables";

const HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện 6 tháng"];

/** A sheet of the given body rows under a plain header, read the way rows.ts reads it. */
function sheet(body: (string | number | null)[][]) {
  const grid = makeGrid(makeTable([HEAD, ...body]));
  const header = findHeader(grid);
  if (header === null) throw new Error("no header");
  const cells = new RowCells(grid);
  return { grid, header, cells, styles: columnStyles(grid, header) };
}

describe("columnStyles", () => {
  it("reads each figure column's style from its own unambiguous figures", () => {
    const { styles } = sheet([
      ["1", "Vốn đầu tư", "tỷ đồng", "1,234,567", "4.874,53"],
      ["2", "Doanh thu", "tỷ đồng", "34,000.5", "1.234.567"],
    ]);
    expect(styles.target).toBe("en");
    expect(styles.actual).toBe("vi");
  });

  it("gives an ambiguous column (`6,220` only) the table's style", () => {
    const { styles } = sheet([
      ["1", "Vốn đầu tư", "tỷ đồng", "1,234,567", "6,220"],
      ["2", "Doanh thu", "tỷ đồng", "34,000.5", "7,150"],
    ]);
    expect(styles.actual).toBe("en");
  });
});

describe("readFigure", () => {
  it("reads a figure with its address and text", () => {
    const source = sheet([["1", "Vốn đầu tư", "tỷ đồng", "34.000", "14.096"]]);
    source.cells.moveTo(2);
    const problems: Problem[] = [];
    expect(readFigure(source, 2, "target", problems)).toMatchObject({
      value: 34000,
      cell: "D2",
      text: "34.000",
    });
    expect(problems).toEqual([]);
  });

  it("reads no figure from a formula's text, an absent column or a blank", () => {
    const source = sheet([["1", "Vốn đầu tư", "tỷ đồng", "=E2*2", null]]);
    source.cells.moveTo(2);
    const problems: Problem[] = [];
    expect(readFigure(source, 2, "target", problems)).toBeNull();
    expect(readFigure(source, 2, "actual", problems)).toBeNull();
    expect(readFigure(source, 2, "lastYear", problems)).toBeNull();
    expect(problems).toEqual([]);
  });

  it("names an Excel error's cell in the row's problems", () => {
    const source = sheet([["1", "Vốn đầu tư", "tỷ đồng", "#REF!", "14.096"]]);
    source.cells.moveTo(2);
    const problems: Problem[] = [];
    expect(readFigure(source, 2, "target", problems)).toBeNull();
    expect(problems).toEqual([{ code: "excelError", row: 2, cell: "D2", args: { text: "#REF!" } }]);
    expect(renderProblem(problems[0], vi)).toBe("Ô D2 chứa lỗi Excel #REF!.");
  });
});
