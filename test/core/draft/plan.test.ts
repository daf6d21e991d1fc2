/**
 * The assignment plan (docs/rules.md §5.1) drafted from the bundled sample workbook, against
 * Plan 65/KH-UBND 2024 (`shared/seeds/001_…txt`), and from a 2026 workbook that names
 * other agencies (docs/rules.md §6).
 */
import { workbookReport } from "../../../src/core/job";
import path from "path";
import ExcelJS from "exceljs";
import { tableFromWorksheet } from "../../../src/xlsx/sheet";
import { computeSheet, Report } from "../../../src/core/engine";
import { draft, drafting, DraftDocument, DraftPart, renderText } from "../../../src/core/draft";
import { benchTable } from "../../bench/generate";
import { blockText } from "../../../src/core/draft/document";
import { periodWords } from "../../../src/core/draft/period";
import { groupByLead, joinAgencies, withSubs } from "../../../src/core/draft/plan";
import type { CellValue, Merge, Table } from "../../../src/core/types";

const SAMPLE = path.resolve(__dirname, "..", "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");
const MAIN_SHEET = "Chỉ tiêu KT-XH 2024";
const UBND_HUYEN = "Ủy ban nhân dân các huyện, thị xã, thành phố";

let table: Table;
let report: Report;
let plan: DraftDocument;
let text: string;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const sheet = workbook.getWorksheet(MAIN_SHEET);
  if (!sheet) throw new Error(`sheet "${MAIN_SHEET}" missing from ${SAMPLE}`);
  table = tableFromWorksheet(sheet);
  report = computeSheet(table);
  plan = draft(workbookReport([report]), { kind: "plan" });
  text = renderText(plan);
});

/** The numbered parts of section II, one per lead agency. */
const agencyParts = (doc: DraftDocument): DraftPart[] =>
  doc.parts.filter((part) => part.id.startsWith("agency:"));

function partOf(doc: DraftDocument, agency: string): DraftPart {
  const found = agencyParts(doc).filter((part) => part.agency === agency);
  if (found.length !== 1)
    throw new Error(
      `expected one part for "${agency}", found ${found.length} among ${agencyParts(doc)
        .map((p) => p.agency)
        .join(" | ")}`
    );
  return found[0];
}

/** Blocks between the `a)` and `b)` subheadings: one sentence per lagging row. */
function indicatorsOf(part: DraftPart): string[] {
  const texts = part.blocks.map((b) => b.text);
  const a = texts.findIndex((t) => t.startsWith("a)"));
  const b = texts.findIndex((t) => t.startsWith("b)"));
  if (a < 0 || b < a) throw new Error(`part ${part.id} lacks a) … b): ${texts.join(" / ")}`);
  return texts.slice(a + 1, b);
}

/** Blocks after the `b)` subheading: solutions or the placeholder. */
function solutionsOf(part: DraftPart): string[] {
  const texts = part.blocks.map((b) => b.text);
  const b = texts.findIndex((t) => t.startsWith("b)"));
  return texts.slice(b + 1);
}

const sectionOne = (doc: DraftDocument): string[] => {
  const part = doc.parts.find((p) => p.id === "section1");
  if (!part) throw new Error("no section1 part");
  return part.blocks.map((b) => b.text);
};

const sectionTwoText = (doc: DraftDocument): string =>
  agencyParts(doc)
    .flatMap((p) => p.blocks.map(blockText))
    .join("\n");

describe("plan from the sample workbook: section II sentences (seed 001, docs/rules.md §3)", () => {
  it.each([
    [
      "Cục Thống kê tỉnh",
      // Seed, part 2: word for word.
      "Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 19.904 tỷ đồng.",
    ],
    [
      `Bảo hiểm xã hội tỉnh và ${UBND_HUYEN}`,
      // Seed, part 1 (the seed's `06 tháng` is the only difference).
      "Tỷ lệ bao phủ bảo hiểm y tế so với dân số năm 2024 là 94,95% (tăng 0,15% so với năm 2023): 6 tháng đầu năm đạt 83,50%; 6 tháng cuối năm phấn đấu tăng thêm 11,45%.",
    ],
    [
      "Sở Kế hoạch và Đầu tư",
      // Seed prints 45%; 2.193,81 / 4.874,53 = 45,01%.
      "Vốn đầu tư công (giải ngân) năm 2024 là 4.874,53 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 2.193,81 tỷ đồng (đạt 45,01% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 2.680,72 tỷ đồng.",
    ],
    [
      "Sở Kế hoạch và Đầu tư",
      "Phát triển doanh nghiệp năm 2024 là 520 doanh nghiệp: Thực hiện 6 tháng đầu năm đạt 232 doanh nghiệp (đạt 44,62% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 288 doanh nghiệp.",
    ],
    [
      "Sở Lao động - Thương binh và Xã hội",
      // Seed prints 27,33%; 28.594 / 101.021 = 28,31%.
      "Giải ngân vốn CTMTQG giảm nghèo bền vững năm 2024 là 101.021 triệu đồng: Thực hiện 6 tháng đầu năm đạt 28.594 triệu đồng (đạt 28,31% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 72.427 triệu đồng.",
    ],
    [
      "Ban Dân tộc",
      "Giải ngân vốn CTMTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2024 là 199.970 triệu đồng: Thực hiện 6 tháng đầu năm đạt 59.520 triệu đồng (đạt 29,76% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 140.450 triệu đồng.",
    ],
    [
      "Sở Nông nghiệp và Phát triển nông thôn",
      "Giải ngân vốn CTMTQG xây dựng nông thôn mới năm 2024 là 335,20 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 147,47 tỷ đồng (đạt 43,99% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 187,73 tỷ đồng.",
    ],
    [
      "Sở Nông nghiệp và Phát triển nông thôn",
      "Tỷ lệ che phủ rừng so với diện tích tự nhiên năm 2024 là 4,15%: 6 tháng đầu năm đạt 4,10%; 6 tháng cuối năm phấn đấu tăng thêm 0,05%.",
    ],
    [
      "Sở Y tế",
      "Số giường bệnh/vạn dân (không tính trạm y tế xã) năm 2024 là 29,39 giường/vạn dân: 6 tháng đầu năm đạt 28,40 giường/vạn dân; 6 tháng cuối năm phấn đấu tăng thêm 0,99 giường/vạn dân.",
    ],
    [
      "Sở Xây dựng",
      "Tỷ lệ đô thị hóa năm 2024 là 31,48%: 6 tháng đầu năm đạt 31,10%; 6 tháng cuối năm phấn đấu tăng thêm 0,38%.",
    ],
    [
      "Sở Tài nguyên và Môi trường",
      "Tỷ lệ chất thải nguy hại được xử lý năm 2024 là 99,40%: 6 tháng đầu năm đạt 86,28%; 6 tháng cuối năm phấn đấu tăng thêm 13,12%.",
    ],
  ])("%s: %s", (agency, sentence) => {
    expect(indicatorsOf(partOf(plan, agency))).toContain(sentence);
    // In the pasted text the sentence is one bullet line of its own.
    expect(text.split("\n")).toContain(`- ${sentence}`);
  });

  it("carries the computed 28,31% for the poverty programme, never the seed's wrong 27,33%", () => {
    const poverty = indicatorsOf(partOf(plan, "Sở Lao động - Thương binh và Xã hội")).find((s) =>
      s.startsWith("Giải ngân vốn CTMTQG giảm nghèo")
    );
    expect(poverty).toContain("(đạt 28,31% kế hoạch)");
    expect(text).not.toContain("27,33");
  });

  it("writes no figure the workbook reported wrongly (53,03%, 2.640, 28.597, 69,19%)", () => {
    for (const wrong of ["53,03", "2.640", "28.597", "69,19"]) expect(text).not.toContain(wrong);
  });

  it("folds the `trong đó` row (BHXH tự nguyện) into its parent's sentence, in the seed's three clauses", () => {
    const sentences = indicatorsOf(partOf(plan, `Bảo hiểm xã hội tỉnh và ${UBND_HUYEN}`));
    expect(sentences).toEqual([
      "Tỷ lệ bao phủ bảo hiểm y tế so với dân số năm 2024 là 94,95% (tăng 0,15% so với năm 2023): 6 tháng đầu năm đạt 83,50%; 6 tháng cuối năm phấn đấu tăng thêm 11,45%.",
      "Tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi năm 2024 là 27,77% (tăng 6,05% so với năm 2023), trong đó, BHXH tự nguyện 05% (tăng 01% so với năm 2023): 6 tháng đầu năm đạt 16,63%, trong đó BHXH tự nguyện đạt 3,03%; 6 tháng cuối năm phấn đấu tăng thêm 11,14%, trong đó, BHXH tự nguyện tăng thêm 1,97%.",
    ]);
    // Never a sentence of its own, never a doubled "trong đó".
    expect(text.split("\n").filter((line) => /^- (Trong đó|BHXH)/i.test(line))).toEqual([]);
    expect(text.toLowerCase()).not.toMatch(/trong đó,? trong đó/);
  });

  // A part that lags takes its whole indicator to section II, as Plan 65 does for clean water.
  it("keeps a lagging `trong đó` row whose parent is achieved (nước sạch +0,85%)", () => {
    const sub = report.rows.find((r) => r.type === "sub" && r.name.includes("nước sạch"));
    expect(sub?.status).toBe("at_risk");
    expect(sectionTwoText(plan)).toContain("0,85%");
  });
});

describe("plan from the sample workbook: structure", () => {
  it("heads the sections in the seed's words, with the period of the workbook", () => {
    const headings = plan.parts.flatMap((p) =>
      p.blocks.filter((b) => b.style === "heading").map((b) => b.text)
    );
    expect(headings).toEqual([
      "I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 50% KẾ HOẠCH TRONG 6 THÁNG ĐẦU NĂM",
      "II. CÁC CHỈ TIÊU CHƯA ĐẠT THEO YÊU CẦU TIẾN ĐỘ, CÁC SỞ NGÀNH VÀ ĐỊA PHƯƠNG CẦN TẬP TRUNG THỰC HIỆN",
    ]);
    expect(text).toContain(
      "KẾ HOẠCH\nPhân công thực hiện nhiệm vụ phát triển kinh tế - xã hội từ nay đến cuối năm 2024\n"
    );
  });

  it("lists domestic revenue (on track, 53,05%) in section I, not in section II", () => {
    const one = sectionOne(plan);
    expect(one).toContain("Thu nội địa 3.300 tỷ đồng, đạt 53,05% kế hoạch;");
    expect(one).toContain("Thu từ hoạt động xuất nhập khẩu 892 tỷ đồng, đạt 69,20% kế hoạch;");
    expect(one).toContain(
      "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 30.750 tỷ đồng, đạt 51,81% kế hoạch;"
    );
    expect(one).toContain("Giữ vững ổn định chính trị, trật tự an toàn xã hội.");
    expect(sectionTwoText(plan)).not.toContain("Thu nội địa");
    expect(agencyParts(plan).map((p) => p.agency)).not.toContain("Sở Tài chính và Cục Thuế tỉnh");
  });

  it("puts no lagging row in section I and no on-track row in section II", () => {
    const one = sectionOne(plan).join("\n");
    for (const name of [
      "Tổng vốn đầu tư toàn xã hội",
      "Tỷ lệ bao phủ bảo hiểm y tế",
      "Tỷ lệ đô thị hóa",
    ])
      expect(one).not.toContain(name);
    for (const name of [
      "Tốc độ tăng trưởng GRDP",
      "Tỷ lệ hộ sử dụng điện",
      "Giá trị sản xuất công nghiệp",
    ])
      expect(sectionTwoText(plan)).not.toContain(name);
  });

  it("numbers one part per lead, in order of first appearance, co-leads joined as in the seed", () => {
    const numbered = agencyParts(plan).map((p) => p.blocks[0].text);
    expect(numbered).toEqual([
      "1. Cục Thống kê tỉnh",
      "2. Sở Kế hoạch và Đầu tư",
      `3. Bảo hiểm xã hội tỉnh và ${UBND_HUYEN}`,
      "4. Sở Y tế",
      "5. Sở Lao động - Thương binh và Xã hội",
      "6. Ban Dân tộc",
      "7. Sở Nông nghiệp và Phát triển nông thôn",
      "8. Sở Xây dựng",
      "9. Sở Tài nguyên và Môi trường",
    ]);
    // Each part: number line, a), its sentences, b), its solutions.
    for (const part of agencyParts(plan)) {
      expect(part.blocks[1].text).toBe("a) Chỉ tiêu chủ yếu");
      expect(indicatorsOf(part).length).toBeGreaterThan(0);
      expect(solutionsOf(part).length).toBeGreaterThan(0);
    }
  });

  it("groups by the lead cell and joins names the seed's way", () => {
    expect(joinAgencies([])).toBe("");
    expect(joinAgencies(["Sở Y tế"])).toBe("Sở Y tế");
    expect(joinAgencies(["Sở Tài chính", "Thuế tỉnh"])).toBe("Sở Tài chính và Thuế tỉnh");
    expect(joinAgencies(["A", "B", "C"])).toBe("A, B và C");
    const groups = groupByLead(withSubs(workbookReport([report])).map((u) => u.row));
    const bhxh = groups.find((g) => g.leads[0] === "Bảo hiểm xã hội tỉnh");
    expect(bhxh?.leads).toEqual(["Bảo hiểm xã hội tỉnh", UBND_HUYEN]);
    expect(bhxh?.rows.map((r) => r.name)).toEqual([
      "Tỷ lệ bao phủ bảo hiểm y tế so với dân số",
      "Tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi",
    ]);
  });

  it("b) takes the workbook's solutions, one paragraph per line of the cell", () => {
    expect(solutionsOf(partOf(plan, "Cục Thống kê tỉnh"))).toEqual([
      "Rà soát, đánh giá, tổng hợp số liệu vốn đầu tư phát triển toàn xã hội trên địa bàn tỉnh, báo cáo định kỳ hàng quý và cả năm.",
    ]);
    expect(solutionsOf(partOf(plan, `Bảo hiểm xã hội tỉnh và ${UBND_HUYEN}`))).toEqual([
      "Tăng cường tuyên truyền, vận động người dân tham gia bảo hiểm xã hội, bảo hiểm y tế.",
      "Cập nhật, gia hạn giá trị sử dụng thẻ bảo hiểm y tế kịp thời, đảm bảo quyền lợi cho người dân.",
    ]);
  });

  it("b) otherwise holds a placeholder naming the agency to fill it", () => {
    expect(solutionsOf(partOf(plan, "Sở Y tế"))).toEqual([
      "[Sở Y tế bổ sung nhiệm vụ, giải pháp thực hiện các chỉ tiêu trên từ nay đến cuối năm.]",
    ]);
    expect(solutionsOf(partOf(plan, "Ban Dân tộc"))).toEqual([
      "[Ban Dân tộc bổ sung nhiệm vụ, giải pháp thực hiện các chỉ tiêu trên từ nay đến cuối năm.]",
    ]);
  });

  it("takes the year from the workbook (2024) and the compiling agency from its title block", () => {
    expect(report.year).toBe(2024);
    expect(text).toContain("những tháng cuối năm 2024");
    expect(text).toContain("Hội đồng nhân dân tỉnh năm 2024 đã đề ra./.");
    expect(text).toContain("gửi về Sở Kế hoạch và Đầu tư trước ngày [ngày/tháng/năm]");
    expect(plan.header.number).toMatch(/^Số:\s+\/KH-UBND$/);
    expect(plan.signature.lines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  });

  it("takes the year from settings.year over the workbook's", () => {
    const doc = draft(workbookReport([report]), {
      settings: { year: 2025, deadline: "15/07/2025" },
    });
    const out = renderText(doc);
    expect(indicatorsOf(partOf(doc, "Cục Thống kê tỉnh"))[0]).toBe(
      "Tổng vốn đầu tư toàn xã hội năm 2025 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 19.904 tỷ đồng."
    );
    expect(out).toContain("(tăng 0,15% so với năm 2024)");
    expect(out).toContain("từ nay đến cuối năm 2025");
    expect(out).toContain("trước ngày 15/7/2025");
    expect(out).not.toContain("năm 2024 là");
  });

  // "Biểu 01" shares the first title row with the issuing body but is not part of it.
  it("takes issuing body and place from the title block without the form number", () => {
    expect(plan.header.issuingBody).toBe("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH");
    expect(plan.header.placeDate).toMatch(/^Trà Vinh, ngày/);
  });
});

describe("plan: period words follow docs/rules.md §4", () => {
  it.each([
    [3, "quý I", "9 tháng còn lại"],
    [6, "6 tháng đầu năm", "6 tháng cuối năm"],
    [9, "9 tháng", "3 tháng cuối năm"],
    [10, "10 tháng", "2 tháng cuối năm"],
    [11, "11 tháng", "tháng 12"],
  ])("periodWords(%i) is %s / %s", (months, reportWords, rest) => {
    expect(periodWords(months)).toEqual({ report: reportWords, rest });
  });

  it("a 9-month report says `9 tháng` and `3 tháng cuối năm`, and 75% in section I", () => {
    const doc = draft(workbookReport([computeSheet(table, { months: 9 })]));
    const out = renderText(doc);
    expect(indicatorsOf(partOf(doc, "Cục Thống kê tỉnh"))[0]).toBe(
      "Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 9 tháng đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 3 tháng cuối năm tăng thêm 19.904 tỷ đồng."
    );
    expect(out).toContain("I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 75% KẾ HOẠCH TRONG 9 THÁNG\n");
    // 53,05% is behind at 9 months: domestic revenue moves to section II.
    expect(out).toContain(
      "- Thu nội địa năm 2024 là 6.220 tỷ đồng: Thực hiện 9 tháng đạt 3.300 tỷ đồng (đạt 53,05% kế hoạch); nhiệm vụ 3 tháng cuối năm tăng thêm 2.920 tỷ đồng."
    );
    expect(out).not.toMatch(/6 tháng/i);
  });

  it("a 3-month report says `quý I` and `9 tháng còn lại`", () => {
    const doc = draft(workbookReport([computeSheet(table, { months: 3 })]));
    const out = renderText(doc);
    expect(indicatorsOf(partOf(doc, `Bảo hiểm xã hội tỉnh và ${UBND_HUYEN}`))[0]).toBe(
      "Tỷ lệ bao phủ bảo hiểm y tế so với dân số năm 2024 là 94,95% (tăng 0,15% so với năm 2023): quý I đạt 83,50%; 9 tháng còn lại phấn đấu tăng thêm 11,45%."
    );
    expect(out).toContain("I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 25% KẾ HOẠCH TRONG QUÝ I\n");
    expect(out).not.toMatch(/6 tháng/i);
  });
});

// A post-July-2025 workbook (docs/rules.md §6): a merged province, merged departments, communes
// instead of districts, the year only in the `KH năm 2026` header and the title.
const CO_LEAD_XA = "Ủy ban nhân dân các xã, phường, đặc khu";
// prettier-ignore
const ROWS_2026: CellValue[][] = [
  ["ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"],
  ["SỞ TÀI CHÍNH"],
  ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2026"],
  ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "KH năm 2026", "TH 6 tháng", "Cơ quan chủ trì", "Cơ quan phối hợp", "Nhiệm vụ, giải pháp"],
  ["I", "KINH TẾ"],
  [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", null, "60.000", "21.000", "Thống kê tỉnh",
    `Các sở, ngành tỉnh; ${CO_LEAD_XA}`, "Rà soát, tổng hợp số liệu vốn đầu tư trên địa bàn các xã, phường."],
  [2, "Thu ngân sách nội địa", "tỷ đồng", null, "12.000", "6.600", "Sở Tài chính; Thuế tỉnh"],
  [3, "Giải ngân vốn đầu tư công", "tỷ đồng", null, "8.000", "2.400", "Sở Tài chính", `Các chủ đầu tư; ${CO_LEAD_XA}`],
  ["II", "XÃ HỘI"],
  [4, "Tỷ lệ bao phủ bảo hiểm y tế", "%", 94.1, 95.5, 90.2, `Bảo hiểm xã hội tỉnh; ${CO_LEAD_XA}`, "Sở Y tế"],
  [5, "Tỷ lệ che phủ rừng", "%", null, 4.3, 4.2, "Sở Nông nghiệp và Môi trường", "Sở Tài chính"],
  [6, "Số giường bệnh/vạn dân", "giường", null, 32, 30.5, "Sở Y tế"],
];

function table2026(): Table {
  const width = Math.max(...ROWS_2026.map((r) => r.length));
  const merges: Merge[] = [1, 2, 3].map((r) => ({ top: r, left: 1, bottom: r, right: width }));
  return {
    sheet: "Chỉ tiêu 2026",
    origin: { row: 1, col: 1 },
    values: ROWS_2026.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
    merges,
  };
}

describe("plan from a 2026 workbook with other agencies (no code change)", () => {
  let report2026: Report;
  let doc: DraftDocument;
  let out: string;
  beforeAll(() => {
    report2026 = computeSheet(table2026());
    doc = draft(workbookReport([report2026]));
    out = renderText(doc);
  });

  it("reads 2026 from the headers and drafts in the workbook's own agencies", () => {
    expect(report2026.year).toBe(2026);
    expect(agencyParts(doc).map((p) => p.blocks[0].text)).toEqual([
      "1. Thống kê tỉnh",
      "2. Sở Tài chính",
      `3. Bảo hiểm xã hội tỉnh và ${CO_LEAD_XA}`,
      "4. Sở Nông nghiệp và Môi trường",
      "5. Sở Y tế",
    ]);
    expect(indicatorsOf(partOf(doc, "Thống kê tỉnh"))).toEqual([
      "Tổng vốn đầu tư toàn xã hội năm 2026 là 60.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 21.000 tỷ đồng (đạt 35% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 39.000 tỷ đồng.",
    ]);
    expect(indicatorsOf(partOf(doc, `Bảo hiểm xã hội tỉnh và ${CO_LEAD_XA}`))[0]).toMatch(
      /^Tỷ lệ bao phủ bảo hiểm y tế năm 2026 là 95,50?% \(tăng 1,40?% so với năm 2025\): 6 tháng đầu năm đạt 90,20?%; 6 tháng cuối năm phấn đấu tăng thêm 5,30?%\.$/
    );
    expect(solutionsOf(partOf(doc, "Thống kê tỉnh"))).toEqual([
      "Rà soát, tổng hợp số liệu vốn đầu tư trên địa bàn các xã, phường.",
    ]);
    expect(sectionOne(doc)).toContain("Thu ngân sách nội địa 6.600 tỷ đồng, đạt 55% kế hoạch.");
  });

  it("takes issuing body, place and compiling agency from the 2026 title block", () => {
    expect(doc.header.issuingBody).toBe("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG");
    expect(doc.header.placeDate).toMatch(/^Vĩnh Long, ngày .* năm 2026$/);
    expect(out).toContain("gửi về Sở Tài chính trước ngày");
    expect(out).toContain("từ nay đến cuối năm 2026");
  });

  it("writes no 2024 agency, place, year or district anywhere, in the plan or the letter", () => {
    const letter = renderText(draft(workbookReport([report2026]), { kind: "letter" }));
    for (const output of [out, letter]) {
      for (const stale of ["Trà Vinh", "Kế hoạch và Đầu tư", "2024", "2023", "huyện", "thị xã"])
        expect(output).not.toContain(stale);
    }
  });
});

describe("plain text survives a paste into Word (docs/rules.md §5)", () => {
  const outputs = (): [string, string][] => [
    ["plan 2024", text],
    [
      "letter 2024",
      renderText(
        draft(workbookReport([report]), { kind: "letter", settings: { deadline: "15/07/2024" } })
      ),
    ],
    ["plan 2026", renderText(draft(workbookReport([computeSheet(table2026())])))],
    ["plan 9 months", renderText(draft(workbookReport([computeSheet(table, { months: 9 })])))],
  ];

  it("has no tab, carriage return, undefined, null, NaN or Infinity", () => {
    for (const [name, output] of outputs()) {
      expect({ name, tab: output.includes("\t"), cr: output.includes("\r") }).toEqual({
        name,
        tab: false,
        cr: false,
      });
      expect({ name, bad: output.match(/undefined|null|NaN|Infinity|\[object/g) }).toEqual({
        name,
        bad: null,
      });
    }
  });

  it("puts each block on a line of its own, numbering at the line start", () => {
    const lines = text.split("\n");
    for (const part of plan.parts) {
      for (const block of part.blocks) {
        expect(block.text).not.toMatch(/\n/);
        expect(lines).toContain(blockText(block));
      }
    }
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(9);
    expect(lines.filter((l) => l === "a) Chỉ tiêu chủ yếu")).toHaveLength(9);
    expect(lines.filter((l) => l === "b) Nhiệm vụ, giải pháp")).toHaveLength(9);
    expect(lines.filter((l) => /^I\. |^II\. /.test(l))).toHaveLength(2);
    // Every sentence of section I and II is a dashed bullet line.
    expect(lines).toContain("- Thu nội địa 3.300 tỷ đồng, đạt 53,05% kế hoạch;");
    expect(lines.filter((l) => l.startsWith("- ")).length).toBeGreaterThan(20);
  });

  it("keeps a workbook's own bullets and line breaks, without doubling the dash", () => {
    const t: Table = {
      sheet: "S",
      origin: { row: 1, col: 1 },
      merges: [],
      values: [
        [
          "STT",
          "Chỉ tiêu",
          "ĐVT",
          "Kế hoạch",
          "Thực hiện 6 tháng đầu năm",
          "Cơ quan chủ trì",
          "Nhiệm vụ, giải pháp",
        ],
        [1, "Chỉ tiêu\tthử", "tỷ đồng", 100, 10, "Sở A", "- Làm\tmột\r\n- Làm hai\r\n\r\n+ Làm ba"],
      ],
    };
    const out = renderText(draft(workbookReport([computeSheet(t)])));
    expect(out).toContain("b) Nhiệm vụ, giải pháp\n- Làm một\n- Làm hai\n+ Làm ba\n");
    expect(out).not.toMatch(/\t|\r|- - /);
  });
});

describe("drafting a step at a time", () => {
  it("stops every few hundred sentences and ends with the document draft gives", () => {
    const report = workbookReport([computeSheet(benchTable(3000))]);
    for (const kind of ["plan", "letter"] as const) {
      const options = { kind, settings: { deadline: "15/7/2026" } };
      const steps = drafting(report, options);
      let stops = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) stops++;
      // The plan's 2.000-odd sentences stop it several times; the letter is one step.
      if (kind === "plan") expect(stops).toBeGreaterThan(3);
      else expect(stops).toBe(0);
      expect(step.value).toEqual(draft(report, options));
    }
  });
});
