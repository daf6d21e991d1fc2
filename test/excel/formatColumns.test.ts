import { CellValue, Table } from "../../src/core/types";
import { formatColumns } from "../../src/excel/formatColumns";
import { benchTable } from "../bench/generate";

const table = (values: CellValue[][]): Table => ({
  sheet: "Xã",
  origin: { row: 1, col: 1 },
  values,
  merges: [],
});

describe("the columns whose number formats the engine reads", () => {
  it("are the figure columns of the header, not the text columns beside them", () => {
    // D to I: last year, same period, target, actual, reported % and remaining.
    expect(formatColumns(benchTable(10))).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it("follow the header where it starts, not column A", () => {
    const moved: Table = {
      ...table([
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện 6 tháng", "Cơ quan chủ trì"],
        [1, "Thu ngân sách", 6220, 3300, "Sở Tài chính"],
      ]),
      origin: { row: 3, col: 2 },
    };
    expect(formatColumns(moved)).toEqual([4, 5]);
  });

  it("take in a column the user gave a figure role, not one given a text role", () => {
    const values = [
      ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện 6 tháng", "Ghi chú"],
      [1, "Thu ngân sách", 6220, 3300, 0.53],
    ];
    expect(formatColumns(table(values), { reportedAchievement: 5 })).toEqual([3, 4, 5]);
    expect(formatColumns(table(values), { name: 5 })).toEqual([3, 4]);
  });

  it("are not known without a header", () => {
    expect(formatColumns(table([["Ghi chú"], [1]]))).toBeNull();
    expect(formatColumns(table([]))).toBeNull();
  });
});
