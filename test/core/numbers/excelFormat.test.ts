import { decimalsOf } from "../../../src/core/numbers/excelFormat";
import { parseNumber } from "../../../src/core/numbers";
import { num } from "./helpers";

describe("parseNumber: JS numbers", () => {
  it.each<[number, string | null | undefined, number, number, boolean]>([
    [45, undefined, 45, 0, false],
    [53.03, undefined, 53.03, 2, false],
    [0.1 + 0.2, undefined, 0.1 + 0.2, 1, false],
    [1e-7, null, 1e-7, 7, false],
    [-4874.53, "General", -4874.53, 2, false],
    [45, "0.00", 45, 2, false],
    [45.5, "#,##0.0", 45.5, 1, false],
    [4874.5, "#.##0,00", 4874.5, 2, false],
    [6220, "#,##0", 6220, 0, false],
    [0.4146, "0.00%", 41.46, 2, true],
    [0.4146, "0%", 41.46, 0, true],
    [0.5, "0.0%", 50, 1, true],
    [0, "0.00%", 0, 2, true],
  ])(
    "%p with format %p → %p (decimals %p, percent %p)",
    (raw, numberFormat, value, decimals, percent) => {
      const parsed = num(raw, { numberFormat });
      expect(parsed.value).toBe(value);
      expect(parsed.decimals).toBe(decimals);
      expect(parsed.percent).toBe(percent);
      expect(parsed.bound).toBeUndefined();
      expect(parsed.fraction).toBeUndefined();
    }
  );

  it("reads a number format with optional digits within its bounds", () => {
    expect(num(1.5, { numberFormat: "0.0##" }).decimals).toBe(1);
    expect(num(1.2345, { numberFormat: "0.0##" }).decimals).toBe(3);
    expect(num(1.25, { numberFormat: "0.0##" }).decimals).toBe(2);
  });

  it("ignores quoted text and colour tags in the format", () => {
    expect(num(0.25, { numberFormat: '[Red]0.0"%"' }).percent).toBe(false);
    expect(num(0.25, { numberFormat: '"tỷ lệ" 0.0%' })).toEqual({
      value: 25,
      decimals: 1,
      percent: true,
    });
  });

  it("turns -0 into 0", () => {
    expect(Object.is(num(-0).value, 0)).toBe(true);
  });

  it.each([NaN, Infinity, -Infinity])("%p is an error", (raw) => {
    expect(parseNumber(raw)).toEqual({ reason: "error", text: String(raw) });
  });
});

describe("decimalsOf", () => {
  it.each<[number, number]>([
    [45, 0],
    [53.03, 2],
    [-4874.53, 2],
    [0.1 + 0.2, 1],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [0, 0],
    [NaN, 0],
    [Infinity, 0],
  ])("%p → %p", (value, decimals) => {
    expect(decimalsOf(value)).toBe(decimals);
  });
});
