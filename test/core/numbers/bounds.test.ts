import type { ParsedNumber } from "../../../src/core/types";
import { num } from "./helpers";

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
