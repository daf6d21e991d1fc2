/**
 * The drafts' wording against the seeds (DOCUMENTS.md §2), on workbooks at 9 and 10 months:
 * every point is drawn from the report's facts (units, bounds, shares of a plan amount,
 * decimals), never from a row's text.
 */
import { draft, DraftDocument, renderText, unfilled } from "../../../src/core/draft";
import { computeSheet } from "../../../src/core/engine";
import { workbookReport } from "../../../src/core/job";
import { documentDate } from "../../../src/core/draft/settings";
import { makeTable } from "../../fixtures/tables";

const HEADER = [
  "STT",
  "Chỉ tiêu",
  "ĐVT",
  "Kế hoạch",
  "Thực hiện",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Năm trước",
];

type Line = (string | number | null)[];

/** A province's sheet at `months` months of 2026, its title and header saying so. */
function workbook(months: number, rows: Line[]) {
  const table = makeTable(
    [
      ["ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"],
      ["SỞ TÀI CHÍNH"],
      [`BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN ${months} THÁNG NĂM 2026`],
      [],
      HEADER.map((h) => (h === "Thực hiện" ? `Thực hiện ${months} tháng` : h)),
      ...rows,
    ],
    { sheet: `${months} tháng` }
  );
  return workbookReport([computeSheet(table)]);
}

const lines = (doc: DraftDocument): string[] => renderText(doc).split("\n");
const line = (doc: DraftDocument, start: string): string => {
  const found = lines(doc).find((l) => l.startsWith(start));
  if (found === undefined) throw new Error(`no line starting "${start}"`);
  return found;
};

const NINE: Line[] = [
  [1, "Thu ngân sách nội địa", "tỷ đồng", 10000, 8000, "Sở Tài chính", "", null],
  [2, "Giá trị sản xuất công nghiệp", "tỷ đồng", 1000, 700, "Sở Công Thương", "", null],
  [3, "Số bác sĩ/vạn dân", "bác sĩ", "10,00", "9,60", "Sở Y tế", "Các sở, ban, ngành tỉnh", null],
  [4, "Số giường bệnh/vạn dân", "giường", 29.39, 25.4, "Sở Y tế", "", null],
  [
    5,
    "Giải ngân vốn đầu tư công",
    "tỷ đồng",
    "trên 95% kế hoạch vốn (4.000 tỷ đồng)",
    1500,
    "Sở Tài chính",
    "Các chủ đầu tư",
    null,
  ],
  [6, "Tỷ lệ thất nghiệp khu vực thành thị", "%", "dưới 2%", 2.5, "Sở Nội vụ", "", null],
  [
    7,
    "Tỷ lệ tham gia bảo hiểm xã hội tự nguyện",
    "%",
    5,
    3,
    "Bảo hiểm xã hội tỉnh",
    "Sở Y tế",
    null,
  ],
  [
    8,
    "Tỷ lệ học sinh đi học đúng độ tuổi tiểu học",
    "%",
    100,
    100,
    "Sở Giáo dục và Đào tạo",
    "",
    null,
  ],
];

describe("a plan at 9 months", () => {
  const report = workbook(9, NINE);
  const plan = draft(report, { settings: { deadline: "05/10/2026" } });

  it("reads the period and year from the sheet", () => {
    expect(report.period.months).toBe(9);
    expect(report.year).toBe(2026);
  });

  it("heads section I with the calendar share when every line under it is above it", () => {
    expect(lines(plan)).toContain("I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 75% KẾ HOẠCH TRONG 9 THÁNG");
    // 70% at 9 months lags: it is in section II, not under "trên 75%".
    expect(line(plan, "- Giá trị sản xuất công nghiệp")).toMatch(/\(đạt 70% kế hoạch\)/);
  });

  it("keeps a count per population whole (bác sĩ/vạn dân, giường/vạn dân)", () => {
    expect(line(plan, "- Số bác sĩ/vạn dân")).toBe(
      "- Số bác sĩ/vạn dân năm 2026 là 10,00 bác sĩ/vạn dân: 9 tháng đạt 9,60 bác sĩ/vạn dân; 3 tháng cuối năm phấn đấu tăng thêm 0,40 bác sĩ/vạn dân."
    );
    expect(line(plan, "- Số giường bệnh/vạn dân")).toContain("tăng thêm 3,99 giường/vạn dân.");
  });

  it("keeps a share-of-plan target's words (đạt trên 95% kế hoạch vốn)", () => {
    expect(line(plan, "- Giải ngân vốn đầu tư công")).toBe(
      "- Giải ngân vốn đầu tư công năm 2026 đạt trên 95% kế hoạch vốn (kế hoạch vốn 4.000 tỷ đồng): Thực hiện 9 tháng giải ngân 1.500 tỷ đồng, đạt 37,50% kế hoạch vốn; 3 tháng cuối năm cần giải ngân thêm ít nhất 2.300 tỷ đồng."
    );
  });

  it("asks to bring a 'dưới 2%' rate below 2%, not to 2,00%", () => {
    const text = line(plan, "- Tỷ lệ thất nghiệp");
    expect(text).toBe(
      "- Tỷ lệ thất nghiệp khu vực thành thị năm 2026 là dưới 2%: 9 tháng đạt 2,50%; 3 tháng cuối năm phấn đấu giảm xuống dưới 2%."
    );
    expect(text).not.toContain("2,00%");
  });

  it("prints whole percentages whole (05%, 100%), as the seed does", () => {
    expect(line(plan, "- Tỷ lệ tham gia bảo hiểm xã hội tự nguyện")).toMatch(
      /^- Tỷ lệ tham gia bảo hiểm xã hội tự nguyện năm 2026 là 05%: 9 tháng đạt 03%; /
    );
    expect(line(plan, "- Tỷ lệ học sinh")).toMatch(
      /^- Tỷ lệ học sinh đi học đúng độ tuổi tiểu học đạt 100% \(chỉ tiêu năm 2026 là 100%/
    );
  });

  it("opens with what the months achieved, then 'Tuy nhiên…' from the counts", () => {
    expect(lines(plan)).toContain(
      "Triển khai thực hiện Nghị quyết Hội đồng nhân dân tỉnh về nhiệm vụ phát triển kinh tế - xã hội năm 2026, trong 9 tháng có 2/8 chỉ tiêu chủ yếu đạt và vượt tiến độ kế hoạch. Tuy nhiên, vẫn còn 6 chỉ tiêu chưa đạt yêu cầu tiến độ. Trong đó, 2 chỉ tiêu khó có khả năng hoàn thành kế hoạch năm 2026."
    );
  });

  it("ends section I's list and the Nơi nhận list with '.', and the plan with './.'", () => {
    expect(lines(plan)).toContain("- Thu ngân sách nội địa 8.000 tỷ đồng, đạt 80% kế hoạch;");
    expect(line(plan, "- Tỷ lệ học sinh")).toMatch(/\)\.$/);
    const copies = plan.copies;
    expect(copies.slice(0, -1).every((c) => c.endsWith(";"))).toBe(true);
    expect(copies[copies.length - 1]).toBe("- Lưu: VT, [đơn vị soạn thảo].");
    expect(renderText(plan)).toContain("đã đề ra./.");
  });

  it("prints the deadline as the seeds print dates", () => {
    expect(renderText(plan)).toContain("trước ngày 05/10/2026");
    expect(documentDate("15/07/2024")).toBe("15/7/2024");
    expect(documentDate("6/7/2023")).toBe("06/7/2023");
    expect(documentDate("25/1/2024")).toBe("25/01/2024");
    expect(documentDate("31/02/2024")).toBeNull();
    expect(documentDate("tuần sau")).toBeNull();
  });

  it("names what is still to fill before anything is signed", () => {
    expect(unfilled(plan)).toEqual([
      "số văn bản",
      "ngày ban hành",
      "[đơn vị soạn thảo]",
      "[Họ và tên]",
      "nhiệm vụ, giải pháp của 5 cơ quan chủ trì",
    ]);
    const filled = draft(report, {
      settings: {
        deadline: "05/10/2026",
        planNumber: "Số: 120/KH-UBND",
        date: "ngày 03 tháng 10 năm 2026",
        signerName: "Nguyễn Văn A",
        archiveUnit: "THKTKG",
      },
    });
    expect(unfilled(filled)).toEqual(["nhiệm vụ, giải pháp của 5 cơ quan chủ trì"]);
  });
});

describe("a letter at 9 months", () => {
  const letter = draft(workbook(9, NINE), { kind: "letter", settings: { deadline: "5/10/2026" } });

  it("addresses each body once: departments on one line, no group beside its members", () => {
    const part = letter.parts.find((p) => p.id === "recipients");
    expect(part?.blocks.map((b) => b.text)).toEqual([
      "Kính gửi:",
      "- Các sở: Công Thương; Y tế; Nội vụ;",
      "- Các chủ đầu tư;",
      "- Bảo hiểm xã hội tỉnh.",
    ]);
  });

  it("separates what an agency leads from what it supports", () => {
    expect(line(letter, "- Sở Y tế:")).toBe(
      "- Sở Y tế: chủ trì chỉ tiêu số bác sĩ/vạn dân và chỉ tiêu số giường bệnh/vạn dân; phối hợp với Bảo hiểm xã hội tỉnh đối với chỉ tiêu tỷ lệ tham gia bảo hiểm xã hội tự nguyện;"
    );
  });

  it("carries the issuer's symbol, the deadline as the seeds write it, and Nơi nhận", () => {
    expect(letter.header.number).toMatch(/^Số:\s+\/STC$/);
    expect(renderText(letter)).toContain("chậm nhất ngày 05/10/2026");
    expect(letter.copies).toEqual(["- Như trên;", "- Lưu: VT, [đơn vị soạn thảo]."]);
  });
});

describe("a plan at 10 months", () => {
  it("says 'trên 83%' when every line is above the calendar share, and 80% lags", () => {
    const plan = draft(
      workbook(10, [
        [1, "Thu ngân sách nội địa", "tỷ đồng", 1000, 850, "Sở Tài chính", "", null],
        [2, "Tổng mức bán lẻ hàng hóa", "tỷ đồng", 1000, 800, "Sở Công Thương", "", null],
      ])
    );
    expect(lines(plan)).toContain("I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 83% KẾ HOẠCH TRONG 10 THÁNG");
    expect(lines(plan)).toContain("- Thu ngân sách nội địa 850 tỷ đồng, đạt 85% kế hoạch.");
    expect(line(plan, "- Tổng mức bán lẻ")).toContain("2 tháng cuối năm");
  });

  it("says no more than 'đạt tiến độ' when a line on track is below the share", () => {
    // A growth rate from -5% last year to 8% of a 10% target: on track by the gap it
    // closed (87%), yet at 80% of its target, below the 83% of 10 months.
    const plan = draft(
      workbook(10, [
        [1, "Thu ngân sách nội địa", "tỷ đồng", 1000, 900, "Sở Tài chính", "", null],
        [2, "Tốc độ tăng kim ngạch xuất khẩu", "%", 10, 8, "Sở Công Thương", "", -5],
      ])
    );
    expect(lines(plan)).toContain("I. MỘT SỐ CHỈ TIÊU ĐẠT TIẾN ĐỘ KẾ HOẠCH TRONG 10 THÁNG");
    expect(renderText(plan)).not.toContain("ĐẠT TRÊN 83%");
  });
});
