import fc from "fast-check";
import { isNumber, parseNumber } from "../../../src/core/numbers";
import type { NotANumber, NumberStyle, ParsedNumber } from "../../../src/core/types";
import { NBSP, num } from "./helpers";

describe("parseNumber: separators", () => {
  it.each<[string, number, number]>([
    ["45", 45, 0],
    ["34.000", 34000, 0],
    ["4.874,53", 4874.53, 2],
    ["34,000.5", 34000.5, 1],
    ["41,46", 41.46, 2],
    ["41.46", 41.46, 2],
    ["39.33", 39.33, 2],
    ["44,62", 44.62, 2],
    ["0,5", 0.5, 1],
    ["3.3", 3.3, 1],
    ["2,50", 2.5, 2],
    ["1.234.567", 1234567, 0],
    ["1,234,567", 1234567, 0],
    ["1.234.567,891", 1234567.891, 3],
    ["1,234,567.891", 1234567.891, 3],
    ["0.500", 0.5, 3],
    ["0,125", 0.125, 3],
    ["1234,567", 1234.567, 3],
    ["1234.5678", 1234.5678, 4],
    ["6.220", 6220, 0],
    ["6,220", 6.22, 3],
    ["34 000", 34000, 0],
    [`34${NBSP}000`, 34000, 0],
    [`34\u202f000`, 34000, 0],
    [`34\u2009000`, 34000, 0],
    [`34${NBSP}000,5`, 34000.5, 1],
    ["1 234 567", 1234567, 0],
    ["-1.234,5", -1234.5, 1],
    ["\u22125", -5, 0],
    ["\u22124.874,53", -4874.53, 2],
    ["+7,5", 7.5, 1],
    ["-0", 0, 0],
    ["45.", 45, 0],
    ["đạt 1.234.", 1234, 0],
  ])("%p (vi) → %p with %p decimals", (raw, value, decimals) => {
    const parsed = num(raw);
    expect(parsed.value).toBe(value);
    expect(parsed.decimals).toBe(decimals);
    expect(parsed.percent).toBe(false);
    expect(parsed.bound).toBeUndefined();
  });

  it.each<[string, NumberStyle, number, number]>([
    ["6.220", "vi", 6220, 0],
    ["6.220", "en", 6.22, 3],
    ["34,000", "vi", 34, 3],
    ["34,000", "en", 34000, 0],
    ["0.500", "vi", 0.5, 3],
    ["0.500", "en", 0.5, 3],
    ["41,46", "en", 41.46, 2],
    ["4.874,53", "en", 4874.53, 2],
    ["1,234,567", "vi", 1234567, 0],
  ])("%p with style %p → %p (decimals %p)", (raw, style, value, decimals) => {
    const parsed = num(raw, { style });
    expect(parsed.value).toBe(value);
    expect(parsed.decimals).toBe(decimals);
  });

  it("defaults to the Vietnamese style", () => {
    expect(num("6.220").value).toBe(num("6.220", { style: "vi" }).value);
    expect(num("6.220").value).not.toBe(num("6.220", { style: "en" }).value);
  });

  it("does not read a hyphen glued to a word as a sign", () => {
    expect(num("COVID-19").value).toBe(19);
    expect(num("giảm -3").value).toBe(-3);
    expect(num("- 3").value).toBe(3);
  });

  it("never returns -0", () => {
    expect(Object.is(num("-0,00").value, 0)).toBe(true);
  });
});

describe("parseNumber: percent and words around the figure", () => {
  it.each<[string, number, number]>([
    ["41,46%", 41.46, 2],
    ["53,03%", 53.03, 2],
    ["41.46 %", 41.46, 2],
    [`41,46${NBSP}%`, 41.46, 2],
    ["% 12,5", 12.5, 1],
    ["khoảng 50%", 50, 0],
    ["-2,5%", -2.5, 1],
  ])("%p → %p percent", (raw, value, decimals) => {
    expect(num(raw)).toEqual({ value, decimals, percent: true });
  });

  it.each<[string, number, number]>([
    ["14.096 tỷ đồng", 14096, 0],
    ["Tăng 7,5 lần", 7.5, 1],
    ["Dân số 1 234 567 người", 1234567, 0],
    ["đạt 45.", 45, 0],
  ])("%p takes the first figure %p", (raw, value, decimals) => {
    expect(num(raw)).toEqual({ value, decimals, percent: false });
  });
});

describe("parseNumber: fractions", () => {
  it.each<[string, number, number]>([
    ["85/85", 85, 85],
    ["08/08", 8, 8],
    ["3 / 4", 3, 4],
    ["Giữ vững 85/85 xã", 85, 85],
    ["12/15 huyện", 12, 15],
  ])("%p → %p of %p", (raw, numerator, denominator) => {
    expect(num(raw)).toEqual({
      value: numerator,
      decimals: 0,
      percent: false,
      fraction: { numerator, denominator },
    });
  });
});

describe("parseNumber: ranges", () => {
  it.each<[string, number, number, boolean]>([
    ["8,5 - 9%", 8.5, 1, true],
    ["8,5–9", 8.5, 1, false],
    ["8,5% - 9%", 8.5, 1, true],
    ["8,5 — 9,25 %", 8.5, 1, true],
    ["từ 8 đến 9%", 8, 0, true],
    ["9 - 8,5", 8.5, 1, false],
    ["1.200 - 1.500 hộ", 1200, 0, false],
  ])("%p → lower end %p (decimals %p, percent %p), bound ge", (raw, value, decimals, percent) => {
    expect(num(raw)).toEqual({ value, decimals, percent, bound: "ge" });
  });

  it("keeps an explicit bound over the range's ge", () => {
    expect(num("dưới 2 - 3%").bound).toBe("lt");
  });
});

describe("properties", () => {
  it("a figure alone reads as it does with words around it", () => {
    // `(…)` sends the text through the full reading (bounds, ranges, dates); alone it is read
    // the short way. Both must give the same figure.
    const alone = fc
      .tuple(
        fc.constantFrom("", "-"),
        fc.array(fc.constantFrom(..."0123456789.,".split("")), { minLength: 1, maxLength: 14 }),
        fc.constantFrom("", "%")
      )
      .map(([sign, body, percent]) => sign + body.join("") + percent);
    const same = (a: ParsedNumber | NotANumber, b: ParsedNumber | NotANumber): boolean =>
      isNumber(a) && isNumber(b)
        ? a.value === b.value &&
          a.decimals === b.decimals &&
          a.percent === b.percent &&
          a.bound === b.bound &&
          a.fraction === undefined &&
          b.fraction === undefined
        : !isNumber(a) && !isNumber(b);
    fc.assert(
      fc.property(alone, fc.constantFrom<NumberStyle>("vi", "en"), (text, style) =>
        same(parseNumber(text, { style }), parseNumber(`(${text})`, { style }))
      ),
      { numRuns: 5000 }
    );
  });
});
