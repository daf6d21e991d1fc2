import fc from "fast-check";
import {
  decimalsOf,
  detectStyle,
  formatNumber,
  formatPercent,
  isNumber,
  parseNumber,
  roundTo,
} from "../../src/core/numbers";
import type { CellValue, NotANumber, NumberStyle, ParsedNumber } from "../../src/core/types";

/** Parses and insists on a number, so a failing parse fails the test with the input shown. */
function num(
  raw: CellValue,
  options?: { style?: NumberStyle; numberFormat?: string | null }
): ParsedNumber {
  const parsed = parseNumber(raw, options);
  if (!isNumber(parsed))
    throw new Error(`expected a number from ${JSON.stringify(raw)}, got ${JSON.stringify(parsed)}`);
  return parsed;
}

const NBSP = "\u00a0";

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

describe("parseNumber: not a number", () => {
  it.each<CellValue | undefined>([
    null,
    undefined,
    "",
    "   ",
    `${NBSP} `,
    "-",
    "–",
    "—",
    "x",
    "X",
    "…",
    "...",
    "..",
    "_",
    "?",
    " - ",
  ])("%p is empty", (raw) => {
    expect(parseNumber(raw as CellValue)).toEqual({ reason: "empty" });
  });

  it.each([
    "#N/A",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
  ])("%p is an Excel error", (raw) => {
    expect(parseNumber(raw)).toEqual({ reason: "error", text: raw });
    expect(parseNumber(` ${raw.toLowerCase()} `)).toEqual({
      reason: "error",
      text: raw.toLowerCase(),
    });
  });

  it.each([true, false])("boolean %p is text", (raw) => {
    expect(parseNumber(raw)).toEqual({ reason: "text", text: String(raw) });
  });

  it.each(["Giữ vững ổn định", "Hoàn thành", "Đạt", "n/a", "%", "-,-"])(
    "%p has no figure",
    (raw) => {
      expect(parseNumber(raw)).toEqual({ reason: "text", text: raw });
    }
  );

  it.each(["14/6/2024", "14 / 6 / 2024", "Ngày 14/6/2024", "14-6-2024"])(
    "date %p is text",
    (raw) => {
      const parsed = parseNumber(raw);
      expect(isNumber(parsed)).toBe(false);
      expect((parsed as NotANumber).reason).toBe("text");
    }
  );

  it.each(["1.23.456", "1,2,3", "12.3456.789", "1,234.567,8", "1..5", "1.,5", "1234.567.890"])(
    "bad grouping %p is text",
    (raw) => {
      expect(parseNumber(raw)).toEqual({ reason: "text", text: raw });
    }
  );

  it("keeps the trimmed text", () => {
    expect(parseNumber("  Hoàn thành  ")).toEqual({ reason: "text", text: "Hoàn thành" });
  });
});

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

describe("parseNumber: bounds", () => {
  it.each<[string, number, boolean, ParsedNumber["bound"]]>([
    ["dưới 2%", 2, true, "lt"],
    ["duoi 2%", 2, true, "lt"],
    ["Dưới 2%", 2, true, "lt"],
    ["DƯỚI 2%", 2, true, "lt"],
    ["Tỷ lệ hộ nghèo dưới 2%", 2, true, "lt"],
    ["nhỏ hơn 5", 5, false, "lt"],
    ["nho hon 5", 5, false, "lt"],
    ["< 5", 5, false, "lt"],
    ["<5%", 5, true, "lt"],
    ["không quá 5", 5, false, "le"],
    ["khong qua 5", 5, false, "le"],
    ["Không vượt quá 5", 5, false, "le"],
    ["tối đa 10", 10, false, "le"],
    ["toi da 10", 10, false, "le"],
    ["≤ 3", 3, false, "le"],
    ["<= 3", 3, false, "le"],
    ["3% trở xuống", 3, true, "le"],
    ["3 tro xuong", 3, false, "le"],
    ["trên 95%", 95, true, "gt"],
    ["Tren 95 %", 95, true, "gt"],
    ["lớn hơn 10", 10, false, "gt"],
    ["lon hon 10", 10, false, "gt"],
    ["hơn 10", 10, false, "gt"],
    ["> 10", 10, false, "gt"],
    ["≥ 95%", 95, true, "ge"],
    [">= 95%", 95, true, "ge"],
    ["từ 95% trở lên", 95, true, "ge"],
    ["tu 95% tro len", 95, true, "ge"],
    ["Từ 95 % trở lên", 95, true, "ge"],
    ["tối thiểu 80%", 80, true, "ge"],
    ["toi thieu 80%", 80, true, "ge"],
    ["ít nhất 3", 3, false, "ge"],
    ["it nhat 3", 3, false, "ge"],
    ["không dưới 90%", 90, true, "ge"],
    ["khong duoi 90%", 90, true, "ge"],
    ["Tối thiểu: 50", 50, false, "ge"],
  ])("%p → %p (percent %p) bound %p", (raw, value, percent, bound) => {
    const parsed = num(raw);
    expect(parsed.value).toBe(value);
    expect(parsed.percent).toBe(percent);
    expect(parsed.bound).toBe(bound);
  });

  it("matches NFD-encoded text like NFC", () => {
    const nfd = "dưới 2%".normalize("NFD");
    expect(nfd).not.toBe("dưới 2%");
    expect(num(nfd)).toEqual({ value: 2, decimals: 0, percent: true, bound: "lt" });
    expect(num("không dưới 90%".normalize("NFD")).bound).toBe("ge");
    expect(num("từ 95% trở lên".normalize("NFD")).bound).toBe("ge");
  });

  it("does not take 'trên' in the middle of a sentence as a bound", () => {
    expect(num("Trên địa bàn có 45 xã").bound).toBeUndefined();
    expect(num("từ 95%").bound).toBeUndefined();
  });

  it("keeps a bound on a fraction", () => {
    expect(num("trên 80/85")).toEqual({
      value: 80,
      decimals: 0,
      percent: false,
      bound: "gt",
      fraction: { numerator: 80, denominator: 85 },
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

describe("isNumber", () => {
  it("tells numbers from the rest", () => {
    expect(isNumber({ value: 0, decimals: 0, percent: false })).toBe(true);
    expect(isNumber({ reason: "empty" })).toBe(false);
    expect(isNumber({ reason: "text", text: "45" })).toBe(false);
    expect(isNumber({ reason: "error", text: "#N/A" })).toBe(false);
  });
});

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

describe("formatNumber", () => {
  it.each<[number, number, string]>([
    [34000, 0, "34.000"],
    [4874.53, 2, "4.874,53"],
    [-1234.5, 1, "-1.234,5"],
    [6220, 0, "6.220"],
    [999, 0, "999"],
    [1234567.891, 3, "1.234.567,891"],
    [45, 2, "45,00"],
    [0.5, 0, "1"],
    [-0.5, 0, "-1"],
    [2.5, 0, "3"],
    [2.675, 2, "2,68"],
    [1.005, 2, "1,01"],
    [-2.675, 2, "-2,68"],
    [0.145 * 100, 0, "15"],
    [9.995, 2, "10,00"],
    [999999.5, 0, "1.000.000"],
    [-0.001, 2, "0,00"],
    [-0, 0, "0"],
    [1e-7, 8, "0,00000010"],
    [1e21, 0, "1.000.000.000.000.000.000.000"],
    [12.3456, 0, "12"],
    [1.5, 2.9, "1,50"],
    [1.5, -1, "2"],
  ])("formatNumber(%p, %p) → %p", (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });

  it("does not depend on locale data", () => {
    const fail = (): never => {
      throw new Error("locale data used");
    };
    const spies = [
      jest.spyOn(Number.prototype, "toLocaleString").mockImplementation(fail),
      jest.spyOn(Intl, "NumberFormat").mockImplementation(fail),
    ];
    try {
      expect(formatNumber(1234567.5, 1)).toBe("1.234.567,5");
      expect(formatPercent(0.414588)).toBe("41,46%");
      expect(num("1.234.567,5").value).toBe(1234567.5);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});

describe("formatPercent and roundTo", () => {
  it.each<[number, number | undefined, string]>([
    [0.414588, undefined, "41,46%"],
    [0.5, 0, "50%"],
    [1.2345, 1, "123,5%"],
    [-0.025, 1, "-2,5%"],
    [12.345, 0, "1.235%"],
  ])("formatPercent(%p, %p) → %p", (fraction, decimals, text) => {
    expect(formatPercent(fraction, decimals)).toBe(text);
  });

  it.each<[number, number, number]>([
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [-2.675, 2, -2.68],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1234.5678, 3, 1234.568],
    [41.4588, 2, 41.46],
    [0.145 * 100, 0, 15],
  ])("roundTo(%p, %p) → %p", (value, decimals, rounded) => {
    expect(roundTo(value, decimals)).toBe(rounded);
  });

  it("never rounds to -0", () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  it("passes non-finite values through", () => {
    expect(roundTo(NaN, 2)).toBeNaN();
    expect(roundTo(Infinity, 2)).toBe(Infinity);
    expect(formatNumber(NaN, 2)).toBe("NaN");
  });
});

describe("properties", () => {
  const closeTo = (a: number, b: number): boolean =>
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const figureText = fc
    .array(
      fc.constantFrom(
        ..."0123456789.,%/ -−+xX…<>≥≤".split(""),
        "dưới ",
        "trên ",
        "từ ",
        " trở lên",
        "\u00a0"
      ),
      {
        maxLength: 25,
      }
    )
    .map((parts) => parts.join(""));
  const isResult = (r: ParsedNumber | NotANumber): boolean =>
    isNumber(r)
      ? Number.isFinite(r.value) && r.decimals >= 0
      : ["empty", "error", "text"].includes(r.reason);

  it("parseNumber never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: "grapheme" }),
          figureText
        ),
        fc.constantFrom<NumberStyle>("vi", "en"),
        (raw, style) =>
          isResult(parseNumber(raw, { style })) &&
          isResult(parseNumber(raw.normalize("NFD"), { style }))
      ),
      { numRuns: 2000 }
    );
  });

  it("parseNumber never throws on numbers, booleans and null, with any format", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.oneof(
          fc.constant(null),
          fc.string(),
          fc.constantFrom("0.00%", "0%", "#,##0.0", "General", "#.##0,00")
        ),
        (raw, numberFormat) => {
          const r = parseNumber(raw, { numberFormat });
          if (typeof raw === "number" && !Number.isFinite(raw))
            return !isNumber(r) && r.reason === "error";
          return isResult(r);
        }
      ),
      { numRuns: 1000 }
    );
  });

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

  it("parseNumber(formatNumber(x, d)) gives roundTo(x, d) with d decimals", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, d) => {
          const parsed = parseNumber(formatNumber(x, d));
          return (
            isNumber(parsed) &&
            closeTo(parsed.value, roundTo(x, d)) &&
            parsed.decimals === d &&
            !parsed.percent
          );
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("parseNumber(formatPercent(f, d)) gives roundTo(f * 100, d) as a percent", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e8, max: 1e8, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (f, d) => {
          const parsed = parseNumber(formatPercent(f, d));
          return (
            isNumber(parsed) &&
            closeTo(parsed.value, roundTo(f * 100, d)) &&
            parsed.decimals === d &&
            parsed.percent
          );
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("roundTo agrees with formatNumber and moves by at most half a unit", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, d) => {
          const r = roundTo(x, d);
          const text = formatNumber(x, d);
          return (
            text === formatNumber(r, d) &&
            decimalsOf(r) <= d &&
            Math.abs(r - x) <= 0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(x)) &&
            !Object.is(r, -0) &&
            !/^-0(,0*)?$/.test(text)
          );
        }
      ),
      { numRuns: 2000 }
    );
  });
});
