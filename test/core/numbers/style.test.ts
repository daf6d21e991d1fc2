import { detectStyle } from "../../../src/core/numbers/style";
import type { CellValue, NumberStyle } from "../../../src/core/types";

describe("detectStyle", () => {
  it.each<[CellValue[], NumberStyle]>([
    [[], "vi"],
    [[1234.5, 0.5, null, true], "vi"],
    [["Hoàn thành", "85/85"], "vi"],
    [["6.220", "34,000"], "vi"], // ambiguous only
    [["44,62"], "vi"],
    [["39.33"], "en"],
    [["39.33", "44,62"], "vi"], // mixed weak evidence: no majority for en
    [["39.33", "41.46", "44,62"], "en"],
    [["4.874,53"], "vi"],
    [["1.234.567"], "vi"],
    [["34,000.5"], "en"],
    [["1,234,567"], "en"],
    [["1,234,567", "39.33", "41.46", "44,62", "44,63", "44,64"], "en"], // strong beats weak
    [["4.874,53", "39.33", "41.46", "42.1"], "vi"],
    [["1.234.567", "1,234,567"], "vi"], // strong tie, no weak: default
    [["Tăng 1,234,567 đồng", "khoảng 34,000.5"], "en"],
    [["0.500", "0.25"], "en"],
    [["1.23.456"], "vi"], // malformed counts for nothing
  ])("%p → %p", (raws, style) => {
    expect(detectStyle(raws)).toBe(style);
  });
});
