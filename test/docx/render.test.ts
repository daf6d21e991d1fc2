/**
 * The draft as a Word document (Decree 30/2020/NĐ-CP layout): Times New Roman 14
 * (28 half-points), justified body, the seed's headings and the computed figures.
 */
import { workbookReport } from "../../src/core/job";
import { execFile, execFileSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { tableFromWorksheet } from "../../src/xlsx/sheet";
import { computeSheet, Report } from "../../src/core/engine";
import { draft, DraftDocument } from "../../src/core/draft";
import { renderDocx } from "../../src/docx/render";
import type { CellValue, Table } from "../../src/core/types";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");

let report: Report;
let planBytes: Uint8Array;
let planXml: string;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const sheet = workbook.getWorksheet("Chỉ tiêu KT-XH 2024");
  if (!sheet) throw new Error("sample main sheet missing");
  report = computeSheet(tableFromWorksheet(sheet));
  planBytes = await renderDocx(draft(workbookReport([report])));
  planXml = await documentXml(planBytes);
});

/** One part of the package as text. */
async function partXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in ${Object.keys(zip.files).join(", ")}`);
  return file.async("string");
}

const documentXml = (bytes: Uint8Array): Promise<string> => partXml(bytes, "word/document.xml");

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

interface Para {
  xml: string;
  text: string;
}

/** Each `<w:p>` with the text of its runs, a line break read as the space it stands for. */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map(([p]) => ({
    xml: p,
    text: unescape(
      [...p.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>|<w:br\/>/gs)].map((m) => m[1] ?? " ").join("")
    ),
  }));
}

function paragraph(xml: string, text: string): Para {
  const found = paragraphs(xml).filter((p) => p.text === text);
  if (found.length !== 1)
    throw new Error(`expected one paragraph "${text}", found ${found.length}`);
  return found[0];
}

/** The body's own paragraphs: after the heading block, before the closing block, no tables. */
const body = (xml: string): string =>
  xml
    .slice(xml.indexOf("</w:tbl>"), xml.lastIndexOf("<w:tbl>"))
    .replace(/<w:tbl>.*?<\/w:tbl>/gs, "");

describe("renderDocx", () => {
  it("puts appendices after the signature, each from a page of its own, numbered on", async () => {
    const table = { header: ["STT", "Xã"], rows: [["1", "Xã A"]], total: null, align: [] };
    const withAppendix: DraftDocument = {
      ...draft(workbookReport([report])),
      appendices: [
        {
          id: "appendix:1",
          blocks: [
            { style: "title", text: "PHỤ LỤC 1" },
            {
              style: "table",
              text: "STT\tXã\n1\tXã A",
              table: { ...table, align: ["center", "left"] },
            },
          ],
        },
      ],
    };
    const xml = await documentXml(await renderDocx(withAppendix));
    const sections = [...xml.matchAll(/<w:sectPr\b/g)];
    expect(sections).toHaveLength(2);
    const signature = xml.indexOf("CHỦ TỊCH");
    const appendix = xml.indexOf("PHỤ LỤC 1");
    expect(signature).toBeGreaterThan(0);
    expect(appendix).toBeGreaterThan(signature);
    // The first section ends (a page break) between the signature and the appendix.
    expect(xml.indexOf("<w:sectPr", signature)).toBeLessThan(appendix);
  });

  it("gives a zip package with a main document part", async () => {
    expect(Buffer.from(planBytes.slice(0, 4)).toString("latin1")).toBe("PK\u0003\u0004");
    const zip = await JSZip.loadAsync(planBytes);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"])
    );
    expect(planXml.startsWith("<?xml")).toBe(true);
  });

  it("sets Times New Roman 14 (28 half-points) as the default and on the body runs", async () => {
    const styles = await partXml(planBytes, "word/styles.xml");
    expect(styles).toMatch(
      /<w:rPrDefault>.*w:ascii="Times New Roman".*<w:sz w:val="28"\/>.*<\/w:rPrDefault>/s
    );
    const runs = [...body(planXml).matchAll(/<w:r>(.*?)<\/w:r>/gs)]
      .map((m) => m[1])
      .filter((r) => r.includes("<w:t"));
    expect(runs.length).toBeGreaterThan(50);
    for (const run of runs) {
      expect(run).toContain('w:ascii="Times New Roman"');
      expect(run).toContain('<w:sz w:val="28"/>');
    }
  });

  it("justifies the body paragraphs with a first-line indent and centres the title", () => {
    const sentence =
      "- Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 19.904 tỷ đồng.";
    for (const text of [
      sentence,
      "I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 50% KẾ HOẠCH TRONG 6 THÁNG ĐẦU NĂM",
    ]) {
      const p = paragraph(planXml, text);
      expect(p.xml).toContain('<w:jc w:val="both"/>');
      expect(p.xml).toMatch(/<w:ind w:firstLine="567"\/>/);
    }
    expect(paragraph(planXml, "KẾ HOẠCH").xml).toContain('<w:jc w:val="center"/>');
    const bodyParas = paragraphs(body(planXml)).filter((p) => p.text.startsWith("- "));
    expect(bodyParas.length).toBeGreaterThan(20);
    for (const p of bodyParas) expect(p.xml).toContain('<w:jc w:val="both"/>');
  });

  it("holds the seed's heading block and headings", () => {
    const texts = paragraphs(planXml).map((p) => p.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
        "Phân công thực hiện nhiệm vụ phát triển kinh tế - xã hội từ nay đến cuối năm 2024",
        "I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 50% KẾ HOẠCH TRONG 6 THÁNG ĐẦU NĂM",
        "II. CÁC CHỈ TIÊU CHƯA ĐẠT THEO YÊU CẦU TIẾN ĐỘ, CÁC SỞ NGÀNH VÀ ĐỊA PHƯƠNG CẦN TẬP TRUNG THỰC HIỆN",
        "1. Cục Thống kê tỉnh",
        "3. Bảo hiểm xã hội tỉnh và Ủy ban nhân dân các huyện, thị xã, thành phố",
        "a) Chỉ tiêu chủ yếu",
        "b) Nhiệm vụ, giải pháp",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
      ])
    );
    expect(texts.find((t) => t.startsWith("Số:"))).toMatch(/^Số:\s+\/KH-UBND$/);
    // Headings are bold.
    expect(paragraph(planXml, "1. Cục Thống kê tỉnh").xml).toContain("<w:b/>");
    expect(paragraph(planXml, "KẾ HOẠCH").xml).toContain("<w:b/>");
  });

  it("carries the computed figures, not the workbook's wrong ones", () => {
    const texts = paragraphs(planXml).map((p) => p.text);
    expect(texts).toContain(
      "- Tỷ lệ bao phủ bảo hiểm y tế so với dân số năm 2024 là 94,95% (tăng 0,15% so với năm 2023): 6 tháng đầu năm đạt 83,50%; 6 tháng cuối năm phấn đấu tăng thêm 11,45%."
    );
    expect(texts).toContain("- Thu nội địa 3.300 tỷ đồng, đạt 53,05% kế hoạch;");
    const all = texts.join("\n");
    expect(all).toContain("(đạt 28,31% kế hoạch)");
    expect(all).toContain("2.680,72 tỷ đồng");
    for (const wrong of ["27,33", "53,03", "2.640"]) expect(all).not.toContain(wrong);
    expect(all).not.toMatch(/undefined|null|NaN/);
  });

  it("renders the letter with the compiling department and the subject in the heading block", async () => {
    const xml = await documentXml(
      await renderDocx(
        draft(workbookReport([report]), { kind: "letter", settings: { deadline: "15/07/2024" } })
      )
    );
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "V/v đề xuất các nhiệm vụ, giải pháp thực hiện các chỉ tiêu 2024 còn thấp, khả năng không đạt",
        "Kính gửi:",
        "GIÁM ĐỐC",
      ])
    );
    // The agency's line, however the core words what it leads.
    expect(texts).toContainEqual(
      expect.stringMatching(/^- Cục Thống kê tỉnh: .*tổng vốn đầu tư toàn xã hội;$/)
    );
    // The core writes the date as the seeds do (`15/7/2024`).
    expect(texts.join("\n")).toMatch(/chậm nhất ngày 15\/0?7\/2024/);
  });

  it("escapes text as XML, never as markup", async () => {
    const doc: DraftDocument = {
      kind: "plan",
      header: { issuingBody: "A & B", number: "Số: 1/KH", placeDate: "X, ngày 1" },
      parts: [{ id: "p", blocks: [{ style: "paragraph", text: 'Sở <w:b/> "X" & Y' }] }],
      copies: ["- A & B;", "- Lưu: VT."],
      signature: { lines: ["CHỦ TỊCH"], name: "[Họ và tên]" },
      errors: [],
    };
    const xml = await documentXml(await renderDocx(doc));
    expect(xml).toContain("A &amp; B");
    expect(xml).not.toContain("Sở <w:b/>");
    expect(paragraphs(xml).map((p) => p.text)).toContain('Sở <w:b/> "X" & Y');
  });

  it("renders a 2026 workbook with none of the 2024 text", async () => {
    // prettier-ignore
    const rows: CellValue[][] = [
      ["ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"],
      ["SỞ TÀI CHÍNH"],
      ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "TH 6 tháng", "Cơ quan chủ trì"],
      [1, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "60.000", "21.000", "Thống kê tỉnh; Ủy ban nhân dân các xã, phường, đặc khu"],
    ];
    const table: Table = {
      sheet: "2026",
      origin: { row: 1, col: 1 },
      values: rows.map((r) => Array.from({ length: 6 }, (_, c) => r[c] ?? null)),
      merges: [1, 2].map((r) => ({ top: r, left: 1, bottom: r, right: 6 })),
    };
    const xml = await documentXml(await renderDocx(draft(workbookReport([computeSheet(table)]))));
    const all = paragraphs(xml)
      .map((p) => p.text)
      .join("\n");
    expect(all).toContain("1. Thống kê tỉnh và Ủy ban nhân dân các xã, phường, đặc khu");
    expect(all).toContain("Vĩnh Long, ngày");
    for (const stale of ["Trà Vinh", "Kế hoạch và Đầu tư", "2024", "huyện"])
      expect(all).not.toContain(stale);
  });
});

/** LibreOffice, when installed, as a check that the package opens in a real word processor. */
function findSoffice(): string | null {
  try {
    return execFileSync("which", ["soffice"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

const SOFFICE = findSoffice();
const pdfTest = SOFFICE ? it : it.skip;

describe("LibreOffice", () => {
  pdfTest(
    SOFFICE
      ? "converts the plan to a non-empty PDF (soffice --headless)"
      : "converts the plan to a non-empty PDF — SKIPPED: LibreOffice (soffice) is not installed",
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-docx-"));
      const profile = await fs.mkdtemp(path.join(os.tmpdir(), "lo-profile-"));
      try {
        const docx = path.join(dir, "ke-hoach.docx");
        await fs.writeFile(docx, planBytes);
        await new Promise<void>((resolve, reject) =>
          execFile(
            SOFFICE as string,
            [
              `-env:UserInstallation=file://${profile}`,
              "--headless",
              "--convert-to",
              "pdf",
              "--outdir",
              dir,
              docx,
            ],
            { timeout: 110_000 },
            (error, _stdout, stderr) =>
              error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()
          )
        );
        const pdf = await fs.readFile(path.join(dir, "ke-hoach.pdf"));
        expect(pdf.length).toBeGreaterThan(1000);
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
        await fs.rm(profile, { recursive: true, force: true });
      }
    },
    120_000
  );
});
