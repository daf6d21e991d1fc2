import { computeOptions, parseArgs, UsageError } from "../../src/cli/options";

const KNOWN = ["sheet", "period", "tolerance", "out", "json"];

/** The error a call throws, so a test can look at its class and message. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error, got none");
}

describe("parseArgs", () => {
  it("reads `--x v` and `--x=v`, and keeps the rest positional in order", () => {
    expect(
      parseArgs(
        ["in.xlsx", "--sheet", "Chỉ tiêu 2024", "--period=9", "extra", "--out", "o.xlsx"],
        KNOWN
      )
    ).toEqual({
      positional: ["in.xlsx", "extra"],
      flags: { sheet: "Chỉ tiêu 2024", period: "9", out: "o.xlsx" },
    });
  });

  it("splits `--x=v` at the first = only and keeps an empty value", () => {
    expect(parseArgs(["--sheet=a=b", "--json=r=1.json"], KNOWN).flags).toEqual({
      sheet: "a=b",
      json: "r=1.json",
    });
    expect(parseArgs(["--sheet="], KNOWN).flags).toEqual({ sheet: "" });
  });

  it("takes the next argument as the value even when it looks like a number or a sign", () => {
    expect(parseArgs(["--tolerance", "-5", "--period", "6"], KNOWN).flags).toEqual({
      tolerance: "-5",
      period: "6",
    });
  });

  it("lets a later flag win", () => {
    expect(parseArgs(["--period", "6", "--period=9"], KNOWN).flags).toEqual({ period: "9" });
  });

  it("treats a single dash and words as positional", () => {
    expect(parseArgs(["-", "-h", "tệp có dấu cách.xlsx"], KNOWN)).toEqual({
      positional: ["-", "-h", "tệp có dấu cách.xlsx"],
      flags: {},
    });
  });

  it.each([["--bogus", "1"], ["--bogus=1"], ["--Sheet", "A"]])(
    "refuses the unknown flag %p with a UsageError naming it",
    (...args) => {
      const error = thrown(() => parseArgs(args, KNOWN));
      expect(error).toBeInstanceOf(UsageError);
      const name = args[0].slice(2).split("=")[0];
      expect(error.message.split("\n")[0]).toBe(`Không hiểu tùy chọn --${name}.`);
    }
  );

  it("refuses a known flag without a value", () => {
    const error = thrown(() => parseArgs(["in.xlsx", "--period"], KNOWN));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe("Tùy chọn --period cần một giá trị.");
  });
});

describe("computeOptions", () => {
  it("is empty without --period and --tolerance", () => {
    expect(computeOptions({ sheet: "A", out: "o.xlsx" })).toEqual({});
  });

  it.each<[string, number]>([
    ["1", 1],
    ["6", 6],
    ["9", 9],
    ["12", 12],
    [" 3 ", 3],
    ["6,0", 6],
  ])("--period %p → %p months", (text, months) => {
    expect(computeOptions({ period: text })).toEqual({ months });
  });

  it.each(["0", "13", "-6", "6,5", "6.5", "", "sáu", "NaN", "Infinity"])(
    "refuses --period %p in Vietnamese",
    (text) => {
      const error = thrown(() => computeOptions({ period: text }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(`Kỳ báo cáo "${text}" không hợp lệ: cần số tháng từ 1 đến 12.`);
    }
  );

  it.each<[string, number]>([
    ["0", 0],
    ["5", 5],
    ["10", 10],
    ["100", 100],
    ["7,5", 7.5],
    ["7.5", 7.5],
    ["0,25", 0.25],
  ])("--tolerance %p → %p points", (text, tolerance) => {
    expect(computeOptions({ tolerance: text })).toEqual({ tolerance });
  });

  it.each(["-1", "100,5", "101", "mười", "NaN", "Infinity", "1.234,5"])(
    "refuses --tolerance %p in Vietnamese",
    (text) => {
      const error = thrown(() => computeOptions({ tolerance: text }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(
        `Ngưỡng dung sai "${text}" không hợp lệ: cần số điểm phần trăm từ 0 đến 100.`
      );
    }
  );

  it("reads both together", () => {
    expect(computeOptions({ period: "9", tolerance: "5" })).toEqual({ months: 9, tolerance: 5 });
  });

  // `Number("")` is 0: an empty band must be refused, not read as 0 points.
  it.each(["", "  "])("refuses an empty --tolerance %p", (text) => {
    expect(() => computeOptions({ tolerance: text })).toThrow(UsageError);
  });

  // `Number()` also reads hex and exponents; only decimal digits are a period or a band.
  it.each<[string, string]>([
    ["period", "0x9"],
    ["period", "1e1"],
    ["tolerance", "0x10"],
    ["tolerance", "1e1"],
  ])("refuses --%s %p written in non-decimal notation", (flag, text) => {
    expect(() => computeOptions({ [flag]: text })).toThrow(UsageError);
  });
});
