/**
 * `chitieu draft`, run as a user runs it: `node bin/chitieu.js draft <workbook> ...`.
 * Exit 0 on success, 2 with one Vietnamese line on a user error.
 */
import { chitieu, draftNotes, Run } from "../fixtures/cli";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "samples", "chi-tieu-2024.xlsx");

const INVESTMENT =
  "- Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng: Thực hiện 6 tháng đầu năm đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 6 tháng cuối năm tăng thêm 19.904 tỷ đồng.";

/** A user error: exit 2, nothing on stdout, exactly one line on stderr. */
function expectUsageError(run: Run, mentions: string): void {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(mentions);
  expect(lines[0]).toContain("không hợp lệ");
  expect(run.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
}

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-draft-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("chitieu draft", () => {
  it("writes the plan as text and as .docx (--out, --docx), into new folders", async () => {
    const out = path.join(dir, "a", "ke-hoach.txt");
    const docx = path.join(dir, "b", "ke-hoach.docx");
    const run = await chitieu(["draft", SAMPLE, "--out", out, "--docx", docx]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    // The one note: what the official must still fill before signing.
    expect(draftNotes(run.stderr)).toEqual({
      notes: [],
      blanks:
        "Lưu ý: Dự thảo còn chỗ chưa điền: số văn bản; ngày ban hành; [ngày/tháng/năm]; [đơn vị soạn thảo]; [Họ và tên]; nhiệm vụ, giải pháp của 6 cơ quan chủ trì.",
    });
    const text = await fs.readFile(out, "utf8");
    expect(text.split("\n")).toContain(INVESTMENT);
    expect(text).toContain("I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN 50% KẾ HOẠCH TRONG 6 THÁNG ĐẦU NĂM\n");
    expect(text).toContain("- Thu nội địa 3.300 tỷ đồng, đạt 53,05% kế hoạch;\n");
    const bytes = await fs.readFile(docx);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string");
    expect(xml).toContain("Tổng vốn đầu tư toàn xã hội năm 2024 là 34.000 tỷ đồng");
    expect(xml).toContain("Times New Roman");
  });

  it("prints the plan on stdout without --out", async () => {
    const run = await chitieu(["draft", SAMPLE]);
    expect(run.code).toBe(0);
    expect(draftNotes(run.stderr).notes).toEqual([]);
    expect(run.stdout.split("\n")).toContain(INVESTMENT);
    expect(run.stdout).toContain("\nKẾ HOẠCH\n");
  });

  it("drafts the letter with the deadline (--kind letter --deadline 15/07/2024)", async () => {
    const run = await chitieu(["draft", SAMPLE, "--kind", "letter", "--deadline", "15/07/2024"]);
    expect(run.code).toBe(0);
    expect(draftNotes(run.stderr)).toEqual({
      notes: [],
      blanks:
        "Lưu ý: Dự thảo còn chỗ chưa điền: số văn bản; ngày ban hành; [đơn vị soạn thảo]; [Họ và tên].",
    });
    expect(run.stdout).toContain("\nKính gửi:\n");
    expect(run.stdout).toContain(
      "\n- Cục Thống kê tỉnh: chủ trì chỉ tiêu tổng vốn đầu tư toàn xã hội;\n"
    );
    expect(run.stdout).toContain(
      "gửi về Sở Kế hoạch và Đầu tư chậm nhất ngày 15/7/2024 để tổng hợp"
    );
    expect(run.stdout).not.toMatch(/^- Sở Kế hoạch và Đầu tư;$/m);
  });

  it("writes a deadline as the seeds write dates (--deadline=5/7/2024 → 05/7/2024)", async () => {
    const run = await chitieu(["draft", SAMPLE, "--kind=letter", "--deadline=5/7/2024"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("chậm nhất ngày 05/7/2024");
  });

  it("takes the year and the period from flags (--year 2025 --period 9)", async () => {
    const run = await chitieu(["draft", SAMPLE, "--year", "2025", "--period", "9"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")).toContain(
      "- Tổng vốn đầu tư toàn xã hội năm 2025 là 34.000 tỷ đồng: Thực hiện 9 tháng đạt 14.096 tỷ đồng (đạt 41,46% kế hoạch); nhiệm vụ 3 tháng cuối năm tăng thêm 19.904 tỷ đồng."
    );
  });

  it("refuses an unknown --kind with one Vietnamese line, exit 2", async () => {
    const run = await chitieu(["draft", SAMPLE, "--kind", "memo"]);
    expectUsageError(run, '"memo"');
    expect(run.stderr).toContain("plan (kế hoạch) hoặc letter (công văn)");
  });

  it.each(["31/02/2024", "15/13/2024", "2024-07-15"])(
    "refuses --deadline %s with one Vietnamese line, exit 2",
    async (deadline) => {
      expectUsageError(await chitieu(["draft", SAMPLE, "--deadline", deadline]), `"${deadline}"`);
    }
  );

  it.each(["20x4", "1800", "2024.5"])(
    "refuses --year %s with one Vietnamese line, exit 2",
    async (year) => {
      expectUsageError(await chitieu(["draft", SAMPLE, "--year", year]), `Năm "${year}"`);
    }
  );

  it("writes nothing when a flag is refused", async () => {
    const out = path.join(dir, "refused.txt");
    const run = await chitieu(["draft", SAMPLE, "--kind", "memo", "--out", out]);
    expect(run.code).toBe(2);
    await expect(fs.access(out)).rejects.toThrow();
  });

  it("reports a bad template on stderr, keeps exit 0 and the default wording (--templates)", async () => {
    const templates = path.join(dir, "mau.json");
    await fs.writeFile(
      templates,
      JSON.stringify({
        version: 1,
        templates: {
          "row.target": "{Chỉ tiêu} năm {Năm} là {Kế hoạch năm} {Đơn vị tính}",
          "plan.indicators": "a) Các chỉ tiêu chưa đạt",
        },
      }),
      "utf8"
    );
    const run = await chitieu(["draft", SAMPLE, "--templates", templates]);
    expect(run.code).toBe(0);
    const { notes } = draftNotes(run.stderr);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Lưu ý: Mẫu "row\.target" .*\{Kế hoạch năm\}.*Dùng mẫu mặc định\.$/);
    // The bad template falls back to the default; the good one is used.
    expect(run.stdout.split("\n")).toContain(INVESTMENT);
    expect(run.stdout).toContain("\na) Các chỉ tiêu chưa đạt\n");
  });

  it("reports a templates file that is not JSON, and drafts with the defaults", async () => {
    const templates = path.join(dir, "hong.json");
    await fs.writeFile(templates, "{ không phải json", "utf8");
    const run = await chitieu(["draft", SAMPLE, "--templates", templates]);
    expect(run.code).toBe(0);
    expect(draftNotes(run.stderr).notes).toEqual([
      "Lưu ý: Tệp mẫu không phải JSON hợp lệ; dùng mẫu mặc định.",
    ]);
    expect(run.stdout.split("\n")).toContain(INVESTMENT);
  });

  it("refuses a templates file that does not exist, exit 2", async () => {
    const missing = path.join(dir, "khong-co.json");
    const run = await chitieu(["draft", SAMPLE, "--templates", missing]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([`Không đọc được tệp mẫu "${missing}".`]);
  });
});
