import fc from "fast-check";
import { decimalsOf } from "../../src/core/numbers/excelFormat";
import { formatNumber, formatPercent, roundTo } from "../../src/core/format";
import { isNumber, parseNumber } from "../../src/core/numbers";
import { num } from "./numbers/helpers";

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

  /**
   * The rule, in exact decimal arithmetic: the value's 15 significant digits rounded half
   * away from zero to `d` decimals, read back as a double.
   */
  function referenceRound(value: number, d: number): number {
    const [mantissa, exponent] = Math.abs(value).toExponential(14).split("e");
    const digits = BigInt(mantissa.replace(".", ""));
    const shift = Number(exponent) - 14 + d;
    let units: bigint;
    if (shift >= 0) units = digits * 10n ** BigInt(shift);
    else {
      const scale = 10n ** BigInt(-shift);
      units = digits / scale + (2n * (digits % scale) >= scale ? 1n : 0n);
    }
    if (units === 0n) return 0;
    const rounded = Number(`${units}e-${d}`);
    return value < 0 ? -rounded : rounded;
  }

  it("roundTo gives exactly the 15 digits rounded half away from zero", () => {
    const values = fc.oneof(
      fc.double({ min: -1e13, max: 1e13, noNaN: true, noDefaultInfinity: true }),
      // Figures as sheets hold them, and halves that a double stores just below or above.
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
      fc.integer({ min: -1e7, max: 1e7 }).map((n) => (n + 0.5) / 100)
    );
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 9 }), (x, d) =>
        Object.is(roundTo(x, d), referenceRound(x, d))
      ),
      { numRuns: 20000 }
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
