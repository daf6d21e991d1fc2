/**
 * The request letter (docs/rules.md §5.2), in the wording of the 2023 letter
 * (`shared/seeds/000_…txt`): per agency the indicators it leads, then those it supports
 * (`phối hợp với ... đối với chỉ tiêu ...`), and the reply deadline.
 */
import { workbookReport } from "../../../src/core/job";
import path from "path";
import ExcelJS from "exceljs";
import { tableFromWorksheet } from "../../../src/xlsx/sheet";
import { computeSheet, Report, ReportRow } from "../../../src/core/engine";
import { draft, DraftDocument, renderText } from "../../../src/core/draft";
import { duties } from "../../../src/core/draft/letter";
import type { CellValue, Table } from "../../../src/core/types";

const SAMPLE = path.resolve(__dirname, "..", "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");
const UBND_HUYEN = "Ủy ban nhân dân các huyện, thị xã, thành phố";
const BHXH_VA_HUYEN = `Bảo hiểm xã hội tỉnh và ${UBND_HUYEN}`;

let report: Report;
let letter: DraftDocument;
let text: string;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const sheet = workbook.getWorksheet("Chỉ tiêu KT-XH 2024");
  if (!sheet) throw new Error("sample main sheet missing");
  report = computeSheet(tableFromWorksheet(sheet));
  letter = draft(workbookReport([report]), {
    kind: "letter",
    settings: { deadline: "15/07/2024" },
  });
  text = renderText(letter);
});

/** Recipients listed under `Kính gửi:`, without their dash and closing `;` or `.`. */
function recipients(doc: DraftDocument): string[] {
  const part = doc.parts.find((p) => p.id === "recipients");
  if (!part) throw new Error("no recipients part");
  expect(part.blocks[0].text).toBe("Kính gửi:");
  const lines = part.blocks.slice(1).map((b) => b.text);
  // Decree 30: `;` after each recipient, `.` after the last.
  lines.forEach((line, i) => expect(line.endsWith(i === lines.length - 1 ? "." : ";")).toBe(true));
  return lines.map((line) => line.replace(/^- /, "").replace(/[;.]$/, ""));
}

/** The agencies the letter asks something of, one request line each, in order. */
function askedAgencies(doc: DraftDocument): (string | undefined)[] {
  return doc.parts.filter((p) => p.id.startsWith("agency:")).map((p) => p.agency);
}

/** The request line of one agency. */
function lineOf(doc: DraftDocument, agency: string): string {
  const part = doc.parts.find((p) => p.id === `agency:${agency}`);
  if (!part) throw new Error(`no part for ${agency}: ${doc.parts.map((p) => p.id).join(", ")}`);
  expect(part.agency).toBe(agency);
  expect(part.blocks).toHaveLength(1);
  return part.blocks[0].text;
}

describe("letter from the sample workbook", () => {
  it("is headed by the compiling department under the issuing body, with the seed's subject", () => {
    expect(letter.kind).toBe("letter");
    expect(letter.header.issuingBody).toBe("SỞ KẾ HOẠCH VÀ ĐẦU TƯ");
    expect(letter.header.parentBody).toBe("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH");
    expect(letter.header.subject).toBe(
      "V/v đề xuất các nhiệm vụ, giải pháp thực hiện các chỉ tiêu 2024 còn thấp, khả năng không đạt"
    );
    expect(letter.signature.lines).toEqual(["GIÁM ĐỐC"]);
  });

  it("asks every agency with a lagging row to lead or support, in order of first appearance", () => {
    expect(askedAgencies(letter)).toEqual([
      "Cục Thống kê tỉnh",
      "Các sở, ban, ngành tỉnh",
      UBND_HUYEN,
      "Các chủ đầu tư",
      "Bảo hiểm xã hội tỉnh",
      "Sở Y tế",
      "Sở Lao động - Thương binh và Xã hội",
      "Ban Dân tộc",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "Sở Xây dựng",
      "Sở Tài nguyên và Môi trường",
    ]);
  });

  it("addresses each once, the departments on one line, no group beside the members it covers", () => {
    expect(recipients(letter)).toEqual([
      "Cục Thống kê tỉnh",
      UBND_HUYEN,
      "Các chủ đầu tư",
      "Bảo hiểm xã hội tỉnh",
      "Các sở: Y tế; Lao động - Thương binh và Xã hội; Nông nghiệp và Phát triển nông thôn; Xây dựng; Tài nguyên và Môi trường",
      "Ban Dân tộc",
    ]);
  });

  it("does not address the compiling agency (Sở Kế hoạch và Đầu tư) in its own letter", () => {
    expect(recipients(letter)).not.toContain("Sở Kế hoạch và Đầu tư");
    expect(text).not.toMatch(/^- Sở Kế hoạch và Đầu tư[:;]/m);
    // It still appears as the lead others support, and as the addressee of the replies.
    expect(text).toContain(
      "phối hợp với Sở Kế hoạch và Đầu tư đối với chỉ tiêu vốn đầu tư công (giải ngân)"
    );
    expect(text).toContain("gửi về Sở Kế hoạch và Đầu tư chậm nhất ngày 15/7/2024");
  });

  it("leaves out agencies whose rows are all on track or achieved", () => {
    for (const agency of [
      "Sở Tài chính",
      "Cục Thuế tỉnh",
      "Sở Công Thương",
      "Sở Giáo dục và Đào tạo",
      "Công an tỉnh",
    ])
      expect(recipients(letter)).not.toContain(agency);
    expect(text).not.toContain("thu nội địa");
  });

  it("lists for each agency the indicators it leads", () => {
    expect(lineOf(letter, "Cục Thống kê tỉnh")).toBe(
      "- Cục Thống kê tỉnh: chủ trì chỉ tiêu tổng vốn đầu tư toàn xã hội;"
    );
    expect(lineOf(letter, "Bảo hiểm xã hội tỉnh")).toBe(
      "- Bảo hiểm xã hội tỉnh: chủ trì chỉ tiêu tỷ lệ bao phủ bảo hiểm y tế so với dân số và chỉ tiêu tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi;"
    );
    expect(lineOf(letter, "Sở Xây dựng")).toBe("- Sở Xây dựng: chủ trì chỉ tiêu tỷ lệ đô thị hóa;");
    expect(lineOf(letter, "Sở Nông nghiệp và Phát triển nông thôn")).toBe(
      "- Sở Nông nghiệp và Phát triển nông thôn: chủ trì chỉ tiêu giải ngân vốn CTMTQG xây dựng nông thôn mới, chỉ tiêu tỷ lệ che phủ rừng so với diện tích tự nhiên và chỉ tiêu tỷ lệ dân cư nông thôn được sử dụng nước sạch, hợp vệ sinh;"
    );
    // The last request ends the list with `.`.
    expect(lineOf(letter, "Sở Tài nguyên và Môi trường")).toBe(
      "- Sở Tài nguyên và Môi trường: chủ trì chỉ tiêu tỷ lệ chất thải nguy hại được xử lý."
    );
  });

  it("lists those it supports as `phối hợp với <lead> đối với chỉ tiêu ...`, co-leads joined", () => {
    expect(lineOf(letter, "Các chủ đầu tư")).toBe(
      "- Các chủ đầu tư: phối hợp với Sở Kế hoạch và Đầu tư đối với chỉ tiêu vốn đầu tư công (giải ngân);"
    );
    expect(lineOf(letter, "Sở Y tế")).toBe(
      "- Sở Y tế: chủ trì chỉ tiêu số giường bệnh/vạn dân (không tính trạm y tế xã) và chỉ tiêu số bác sĩ/vạn dân; " +
        `phối hợp với ${BHXH_VA_HUYEN} đối với chỉ tiêu tỷ lệ bao phủ bảo hiểm y tế so với dân số và chỉ tiêu tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động trong độ tuổi;`
    );
    const huyen = lineOf(letter, UBND_HUYEN);
    expect(huyen).toMatch(
      new RegExp(
        `^- ${UBND_HUYEN}: chủ trì chỉ tiêu tỷ lệ bao phủ bảo hiểm y tế so với dân số và chỉ tiêu tỷ lệ tham gia`
      )
    );
    expect(huyen).toContain(
      "phối hợp với Cục Thống kê tỉnh đối với chỉ tiêu tổng vốn đầu tư toàn xã hội"
    );
    expect(huyen).toContain(
      "phối hợp với Ban Dân tộc đối với chỉ tiêu giải ngân vốn CTMTQG phát triển kinh tế"
    );
  });

  it("asks nothing about a `trong đó` row on its own", () => {
    expect(text).not.toContain("BHXH tự nguyện");
    expect(text).not.toContain("sử dụng nước sạch;");
  });

  it("ends with the deadline from settings, or a placeholder", () => {
    expect(text).toContain(
      "Nội dung đề xuất các nhiệm vụ, giải pháp thực hiện gửi về Sở Kế hoạch và Đầu tư chậm nhất ngày 15/7/2024 để tổng hợp báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./."
    );
    const undated = renderText(draft(workbookReport([report]), { kind: "letter" }));
    expect(undated).toContain("chậm nhất ngày [ngày/tháng/năm]");
  });

  it("uses the compiling agency from settings over the title block", () => {
    const doc = draft(workbookReport([report]), {
      kind: "letter",
      settings: { compilingAgency: "Cục Thống kê tỉnh" },
    });
    expect(askedAgencies(doc)).not.toContain("Cục Thống kê tỉnh");
    expect(askedAgencies(doc)).toContain("Sở Kế hoạch và Đầu tư");
    expect(recipients(doc)[1]).toMatch(/^Các sở: Kế hoạch và Đầu tư; Y tế;/);
    expect(lineOf(doc, "Sở Kế hoạch và Đầu tư")).toBe(
      "- Sở Kế hoạch và Đầu tư: chủ trì chỉ tiêu vốn đầu tư công (giải ngân) và chỉ tiêu phát triển doanh nghiệp;"
    );
    expect(doc.header.issuingBody).toBe("CỤC THỐNG KÊ TỈNH");
  });

  it("pastes as one paragraph per line, with no undefined/null/NaN", () => {
    const lines = text.split("\n");
    expect(lines).toContain("Kính gửi:");
    expect(lines).toContain("- Cục Thống kê tỉnh;");
    expect(lines).toContain("- Cục Thống kê tỉnh: chủ trì chỉ tiêu tổng vốn đầu tư toàn xã hội;");
    expect(text).not.toMatch(/\t|\r|undefined|null|NaN/);
  });
});

describe("duties", () => {
  const row = (over: Partial<ReportRow>): ReportRow => ({
    row: 1,
    label: "1",
    name: "Chỉ tiêu",
    unit: "tỷ đồng",
    type: "indicator",
    parentRow: null,
    section: null,
    kind: "cumulative",
    direction: "up",
    target: 100,
    actual: 10,
    targetText: "100",
    actualText: "10",
    baseline: null,
    achievement: 0.1,
    remaining: 90,
    decimals: 0,
    gapClosure: null,
    expectedShare: 0.5,
    forecast: 20,
    status: "off_track",
    likelyMissed: true,
    agency: "",
    partners: [],
    solutions: "",
    mismatches: [],
    problems: [],
    written: {},
    planShare: null,
    ...over,
  });

  it("gives leads and supports per agency, never an agency supporting its own row", () => {
    const list = duties([
      row({ row: 1, name: "Chỉ tiêu A", agency: "Sở X; Sở Y", partners: ["Sở Z", "sở x"] }),
      row({ row: 2, name: "Chỉ tiêu B", agency: "Sở Z", partners: ["Sở X"] }),
    ]);
    expect(list.map((d) => d.agency)).toEqual(["Sở X", "Sở Y", "Sở Z"]);
    const [x, y, z] = list;
    expect(x.leads.map((r) => r.name)).toEqual(["Chỉ tiêu A"]);
    expect(
      [...x.supports.entries()].map(([lead, rows]) => [lead, rows.map((r) => r.name)])
    ).toEqual([["Sở Z", ["Chỉ tiêu B"]]]);
    expect(y.supports.size).toBe(0);
    expect(z.leads.map((r) => r.name)).toEqual(["Chỉ tiêu B"]);
    expect([...z.supports.keys()]).toEqual(["Sở X và Sở Y"]);
  });
});

describe("letter from a 2026 workbook", () => {
  // prettier-ignore
  const rows: CellValue[][] = [
    ["ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"],
    ["SỞ TÀI CHÍNH"],
    ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU 6 THÁNG ĐẦU NĂM 2026"],
    ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "TH 6 tháng", "Cơ quan chủ trì", "Cơ quan phối hợp"],
    [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "60.000", "21.000", "Thống kê tỉnh", "Ủy ban nhân dân các xã, phường, đặc khu"],
    [2, "Giải ngân vốn đầu tư công", "tỷ đồng", "8.000", "2.400", "Sở Tài chính", "Các chủ đầu tư"],
    [3, "Tỷ lệ che phủ rừng", "%", 4.3, 4.2, "Sở Nông nghiệp và Môi trường", "Sở Tài chính"],
  ];
  const width = 7;
  const table: Table = {
    sheet: "Chỉ tiêu 2026",
    origin: { row: 1, col: 1 },
    values: rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
    merges: [1, 2, 3].map((r) => ({ top: r, left: 1, bottom: r, right: width })),
  };

  it("addresses the workbook's agencies, not the compiling Sở Tài chính, with no 2024 text", () => {
    const doc = draft(workbookReport([computeSheet(table)]), {
      kind: "letter",
      settings: { deadline: "15/07/2026" },
    });
    const out = renderText(doc);
    expect(recipients(doc)).toEqual([
      "Thống kê tỉnh",
      "Ủy ban nhân dân các xã, phường, đặc khu",
      "Các chủ đầu tư",
      "Sở Nông nghiệp và Môi trường",
    ]);
    expect(lineOf(doc, "Các chủ đầu tư")).toBe(
      "- Các chủ đầu tư: phối hợp với Sở Tài chính đối với chỉ tiêu giải ngân vốn đầu tư công;"
    );
    expect(out).toContain("gửi về Sở Tài chính chậm nhất ngày 15/7/2026");
    expect(doc.header.subject).toContain("các chỉ tiêu 2026 còn thấp");
    for (const stale of ["Trà Vinh", "Kế hoạch và Đầu tư", "2024", "huyện"])
      expect(out).not.toContain(stale);
  });
});
