/**
 * Problems are facts with a code; each language's catalog words every code, naming the
 * cell, or the row when the sheet has no column for it.
 */
import { en } from "../../src/core/messages/en";
import { vi } from "../../src/core/messages/vi";
import { Problem, problem, ProblemCode, renderProblem } from "../../src/core/problems";

const ONE_OF_EACH: Record<ProblemCode, Problem> = {
  missingTarget: problem("missingTarget", 9, "F9"),
  missingActual: problem("missingActual", 9, null),
  notANumber: problem("notANumber", 9, "G9", { text: "chưa có" }),
  excelError: problem("excelError", 9, "G9", { text: "#N/A" }),
  negativeActual: problem("negativeActual", 9, "G9"),
  zeroTarget: problem("zeroTarget", 9, "F9"),
  noName: problem("noName", 9, "B9"),
  unknownKind: problem("unknownKind", 9, "M9", { text: "hỗn hợp" }),
  seasonalIgnored: problem("seasonalIgnored", 9, "E9"),
  missingPlanAmount: problem("missingPlanAmount", 9, "F9"),
  mismatchAchievement: problem("mismatchAchievement", 14, "H14", {
    reported: 0.5303,
    computed: 3300 / 6220,
    decimals: 2,
  }),
  mismatchRemaining: problem("mismatchRemaining", 14, "I14", {
    reported: 2640,
    reportedDecimals: 0,
    computed: 2920,
    decimals: 0,
  }),
  totalMismatch: problem("totalMismatch", 14, "D14", {
    sum: 232,
    decimals: 0,
    reported: 233,
    reportedDecimals: 0,
  }),
};

describe("renderProblem", () => {
  it.each(Object.values(ONE_OF_EACH).map((p) => [p.code, p] as const))(
    "words %s in Vietnamese and in English, naming where it is",
    (_code, p) => {
      for (const wording of [vi, en]) {
        const text = renderProblem(p, wording);
        expect(text).not.toMatch(/undefined|null|NaN|\[object/);
        // A row with no name is named by its row, as a problem without a cell is.
        expect(text).toContain(p.code === "noName" || p.cell === null ? String(p.row) : p.cell);
      }
      expect(renderProblem(p, vi)).not.toBe(renderProblem(p, en));
    }
  );

  it("quotes the figures in Vietnamese style in both languages", () => {
    expect(renderProblem(ONE_OF_EACH.mismatchAchievement, vi)).toBe(
      "Tỷ lệ đạt ghi ở ô H14 là 53,03%, tính lại được 53,05%."
    );
    expect(renderProblem(ONE_OF_EACH.mismatchAchievement, en)).toBe(
      "Cell H14 reports an achievement of 53,03%; recomputed, it is 53,05%."
    );
    expect(renderProblem(ONE_OF_EACH.mismatchRemaining, vi)).toContain("2.640");
    expect(renderProblem(ONE_OF_EACH.totalMismatch, en)).toContain("232");
  });

  it("names the row when the sheet has no column for the cell", () => {
    expect(renderProblem(ONE_OF_EACH.missingActual, vi)).toBe(
      "Thiếu số liệu thực hiện ở ô dòng 9."
    );
    expect(renderProblem(ONE_OF_EACH.missingActual, en)).toBe("No actual figure in cell row 9.");
  });
});
