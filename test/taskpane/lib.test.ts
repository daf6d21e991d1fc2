import { columnNumber, savedCorrections, withCorrection } from "../../src/taskpane/lib/columns";
import { amountText, percentText } from "../../src/taskpane/lib/format";
import { vi } from "../../src/taskpane/messages/vi";
import { en } from "../../src/taskpane/messages/en";

describe("columns", () => {
  it("reads column letters", () => {
    expect(columnNumber("A")).toBe(1);
    expect(columnNumber("g")).toBe(7);
    expect(columnNumber("AB")).toBe(28);
    expect(columnNumber("7")).toBeNull();
    expect(columnNumber("")).toBeNull();
  });

  it("turns a sheet's saved letters into the engine's column numbers", () => {
    const settings = {
      columns: { "Chỉ tiêu": { actual: "E", target: "??" }, Khác: { name: "C" } },
    };
    expect(savedCorrections(settings, "Chỉ tiêu")).toEqual({ actual: 5 });
    expect(savedCorrections(settings, "Không có")).toEqual({});
    expect(savedCorrections({}, null)).toEqual({});
  });

  it("adds a correction without losing the others", () => {
    const settings = { columns: { "Chỉ tiêu": { actual: "E" }, Khác: { name: "C" } } };
    expect(withCorrection(settings, "Chỉ tiêu", "target", "F")).toEqual({
      "Chỉ tiêu": { actual: "E", target: "F" },
      Khác: { name: "C" },
    });
  });
});

describe("figures", () => {
  it("shows Vietnamese numbers in both languages", () => {
    expect(percentText(0.414588)).toBe("41,46%");
    expect(percentText(null)).toBe("—");
    expect(amountText(19904, 0, "tỷ đồng", vi)).toBe("19.904 tỷ đồng");
    expect(amountText(2680.72, 2, "tỷ đồng", en)).toBe("2.680,72 tỷ đồng");
  });

  it("gives a gap in a percentage in points", () => {
    expect(amountText(11.45, 2, "%", vi)).toBe("11,45 điểm %");
    expect(amountText(11.45, 2, "%", en)).toBe("11,45 pts");
  });
});
