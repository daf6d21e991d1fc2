/**
 * Folding for matching headers and labels: `fold` and what the row reader asks of it
 * without making the folded text (`firstFolded`, `foldedLength`).
 */
import fc from "fast-check";
import { columnLetter, columnNumber, firstFolded, fold, foldedLength } from "../../src/core/text";

const vietnamese = fc
  .array(fc.constantFrom(..."aĂâĐđêÔơƯưỳỹÁàẠ Ệ\t\n\u00a0\u2009xYz0.,%()".split(""), "e\u0301"), {
    maxLength: 30,
  })
  .map((parts) => parts.join(""));

describe("fold", () => {
  it.each([
    ["Đơn vị  tính\n", "don vi tinh"],
    ["  Chỉ tiêu NQ ", "chi tieu nq"],
    ["KẾ HOẠCH", "ke hoach"],
  ])("%j → %j", (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe("firstFolded and foldedLength", () => {
  it("tell the first letter and the length of the fold without making it", () => {
    expect(firstFolded("  Đơn vị")).toBe("d");
    expect(foldedLength("  Đơn vị  tính ")).toBe("don vi tinh".length);
    expect(foldedLength("")).toBe(0);
  });

  it("agree with fold, or say they cannot tell", () => {
    fc.assert(
      fc.property(fc.oneof(vietnamese, fc.string(), fc.string({ unit: "binary" })), (text) => {
        const folded = fold(text);
        const first = firstFolded(text);
        const length = foldedLength(text);
        return (
          (first === null || first === folded.charAt(0)) &&
          (length === -1 || length === folded.length)
        );
      }),
      { numRuns: 3000 }
    );
  });
});

describe("columnNumber and columnLetter", () => {
  it("reads letters in either case", () => {
    expect(columnNumber("A")).toBe(1);
    expect(columnNumber("z")).toBe(26);
    expect(columnNumber("aB")).toBe(28);
    expect(columnNumber("XFD")).toBe(16384);
  });

  it("is columnLetter's inverse over every column Excel has", () => {
    for (let col = 1; col <= 16384; col++) {
      expect(columnNumber(columnLetter(col))).toBe(col);
      expect(columnNumber(columnLetter(col).toLowerCase())).toBe(col);
    }
  });
});
