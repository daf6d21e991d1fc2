import ExcelJS from "exceljs";
import path from "path";
import { analyse } from "../../../src/core/engine";
import { WorkbookReport, workbookReport } from "../../../src/core/job";
import { draft, renderText, templatePreview } from "../../../src/core/draft";
import { DEFAULT_TEMPLATES, TemplateId } from "../../../src/core/draft/templates";
import { tableFromWorksheet } from "../../../src/xlsx/sheet";

const SAMPLE = path.join(__dirname, "../../../assets/samples/chi-tieu-2024.xlsx");
const IDS = Object.keys(DEFAULT_TEMPLATES) as TemplateId[];

describe("templatePreview", () => {
  let report: WorkbookReport;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE);
    report = workbookReport(workbook.worksheets.map((s) => analyse(tableFromWorksheet(s)).report));
  });

  it("shows, for each default template, lines of the document as it is drafted", () => {
    const text = {
      plan: renderText(draft(report, { kind: "plan" })),
      letter: renderText(draft(report, { kind: "letter" })),
    };
    let shown = 0;
    for (const id of IDS) {
      const lines = templatePreview(report, {}, id, DEFAULT_TEMPLATES[id]);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const line of lines)
        expect(text[id.startsWith("letter.") ? "letter" : "plan"]).toContain(line);
      shown += lines.length > 0 ? 1 : 0;
    }
    // Most templates have rows of their kind in the sample.
    expect(shown).toBeGreaterThan(IDS.length / 2);
  });

  it("shows the text being typed, with the figures filled in", () => {
    const id = IDS.find(
      (candidate) =>
        candidate.startsWith("row.") &&
        templatePreview(report, {}, candidate, DEFAULT_TEMPLATES[candidate]).length > 0
    );
    if (id === undefined) throw new Error("no row template used by the sample");
    const lines = templatePreview(report, {}, id, `XEM THỬ ${DEFAULT_TEMPLATES[id]}`);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.includes("XEM THỬ"))).toBe(true);
    // No placeholder is left unfilled and no marker shows.
    for (const line of lines) expect(line).not.toMatch(/[{}\u2060\u2063]/);
  });
});
