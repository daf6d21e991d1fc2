import { WritePlan } from "../../src/core/writePlan";
import { rowsWithValues } from "../../src/xlsx/ooxml/cells";
import { smallPlan } from "./fixtures";

/** The rows the old way: every row with a value, and the header, as a sorted set. */
function expected(plan: WritePlan): number[] {
  const rows = new Set([plan.headerRow]);
  for (const column of plan.columns)
    column.values.forEach((value, i) => value !== null && rows.add(plan.firstRow + i));
  return [...rows].sort((a, b) => a - b);
}

describe("rowsWithValues", () => {
  it("lists the header row, then each row with any result, in sheet order", () => {
    expect(rowsWithValues(smallPlan())).toEqual([2, 3, 4, 5]);
  });

  it("skips rows where every column is empty, wherever the header row falls", () => {
    const base = smallPlan();
    const blankMiddle: WritePlan = {
      ...base,
      columns: base.columns.map((c) => ({ ...c, values: [c.values[0], null, c.values[2]] })),
    };
    for (const headerRow of [1, 2, 4, 6, 9]) {
      const plan = { ...blankMiddle, headerRow };
      expect(rowsWithValues(plan)).toEqual(expected(plan));
    }
    expect(rowsWithValues(blankMiddle)).toEqual([2, 3, 5]);
  });
});
