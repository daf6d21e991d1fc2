import fc from "fast-check";
import { isNumber, parseNumber } from "../../src/core/numbers";
import type { CellValue, NotANumber, NumberStyle, ParsedNumber } from "../../src/core/types";
import { NBSP } from "./numbers/helpers";

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

describe("isNumber", () => {
  it("tells numbers from the rest", () => {
    expect(isNumber({ value: 0, decimals: 0, percent: false })).toBe(true);
    expect(isNumber({ reason: "empty" })).toBe(false);
    expect(isNumber({ reason: "text", text: "45" })).toBe(false);
    expect(isNumber({ reason: "error", text: "#N/A" })).toBe(false);
  });
});

describe("properties", () => {
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
});
