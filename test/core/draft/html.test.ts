/** The draft as HTML for the clipboard: Word keeps the layout of the .docx on paste. */
import { draft, renderHtml } from "../../../src/core/draft";
import { computeSheet } from "../../../src/core/engine";
import { workbookReport } from "../../../src/core/job";
import { makeTable } from "../../fixtures/tables";

const report = workbookReport([
  computeSheet(
    makeTable(
      [
        ["ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"],
        ["BIỂU 6 THÁNG NĂM 2026"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng", "Cơ quan chủ trì"],
        [1, 'Vốn <đầu tư> & "giải ngân"', "tỷ đồng", 1000, 200, "Sở Tài chính"],
      ],
      { sheet: "Biểu 01" }
    )
  ),
]);

describe("renderHtml", () => {
  const html = renderHtml(draft(report));

  it("escapes the workbook's text: a name is data, never markup", () => {
    expect(html).toContain("Vốn &lt;đầu tư&gt; &amp; &quot;giải ngân&quot;");
    expect(html).not.toContain("<đầu tư>");
  });

  it("keeps the heading block, Times New Roman and the bold centred title", () => {
    expect(html.startsWith("<div><table")).toBe(true);
    expect(html).toMatch(/font-weight:bold;[^>]*>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</);
    expect(html).toMatch(/white-space:nowrap;[^>]*>CỘNG HÒA/);
    expect(html).toMatch(/text-align:center;font-weight:bold;">KẾ HOẠCH</);
    expect(html).toContain("font-family:'Times New Roman',serif;");
  });

  it("ends with Nơi nhận beside the signature", () => {
    const closing = html.slice(html.lastIndexOf("<table"));
    expect(closing).toContain("Nơi nhận:");
    expect(closing).toContain("- Lưu: VT, [đơn vị soạn thảo].");
    expect(closing.indexOf("Nơi nhận:")).toBeLessThan(closing.indexOf("CHỦ TỊCH"));
  });
});
