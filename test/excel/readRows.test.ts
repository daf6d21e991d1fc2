import fc from "fast-check";
import { runsOf } from "../../src/excel/readRows";

describe("runs of columns", () => {
  it("joins adjacent columns into one range and keeps the others apart", () => {
    expect(runsOf([3, 4, 5, 8])).toEqual([
      [3, 3],
      [8, 1],
    ]);
    expect(runsOf([5, 3, 4, 4])).toEqual([[3, 3]]);
    expect(runsOf([])).toEqual([]);
  });

  it("cover each column once, in as few ranges as there are gaps", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 })), (offsets) => {
        const runs = runsOf(offsets);
        const covered = runs.flatMap(([start, count]) =>
          Array.from({ length: count }, (_, i) => start + i)
        );
        expect(covered).toEqual([...new Set(offsets)].sort((a, b) => a - b));
        // Two runs never touch: they would be one range.
        runs.slice(1).forEach(([start], i) => {
          expect(start).toBeGreaterThan(runs[i][0] + runs[i][1]);
        });
      })
    );
  });
});
