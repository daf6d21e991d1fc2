/**
 * The workbook job (docs/rules.md §5): every indicator sheet read, analysed and written
 * once; sheets without a table skipped and named; drafts over the whole workbook, one part
 * per lead agency across sheets; a locality breakdown assigned with its indicator.
 */
import { draft, renderText } from "../../src/core/draft";
import { Report } from "../../src/core/engine";
import {
  detectSheet,
  JobHost,
  optionsFromSettings,
  runWorkbookJob,
  workbookReport,
} from "../../src/core/job";
import { Table } from "../../src/core/types";
import { WritePlan } from "../../src/core/writePlan";
import { makeTable } from "../fixtures/tables";

const HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện 6 tháng", "Cơ quan chủ trì"];

function indicatorSheet(sheet: string, rows: (string | number | null)[][]): Table {
  return makeTable([["BIỂU TỔNG HỢP 6 THÁNG ĐẦU NĂM 2026"], [], HEADER, ...rows], { sheet });
}

const ECONOMY = indicatorSheet("Biểu 01-KT", [
  [1, "Thu nội địa", "tỷ đồng", 1000, 100, "Sở Tài chính"],
  [2, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", 2000, 1100, "Sở Tài chính"],
]);
const SOCIETY = indicatorSheet("Biểu 02-XH", [
  [1, "Thu từ xuất nhập khẩu", "tỷ đồng", 500, 50, "Sở Tài chính"],
  [2, "Số lao động được tạo việc làm", "người", 3000, 600, "Sở Nội vụ"],
]);
const ENVIRONMENT = indicatorSheet("Biểu 03-MT", [
  [1, "Diện tích rừng trồng mới", "ha", 800, 80, "Sở Nông nghiệp và Môi trường"],
]);
const NOTES = makeTable([["Ghi chú"], ["Số liệu ước tính, cập nhật sau."]], { sheet: "Ghi chú" });
const EMPTY = makeTable([], { sheet: "Trống" });
const OTHER = makeTable(
  [
    ["Mã", "Giá trị"],
    ["A", 12],
    ["B", 14],
  ],
  { sheet: "Danh mục" }
);

/** A host over snapshots that records what it was asked, in order. */
function fakeHost(tables: Table[]) {
  const calls: string[] = [];
  const plans: WritePlan[] = [];
  const host: JobHost = {
    sheets: async () => {
      calls.push("sheets");
      return { names: tables.map((t) => t.sheet) };
    },
    readSheet: async (name) => {
      calls.push(`read ${name}`);
      const table = tables.find((t) => t.sheet === name);
      if (!table) throw new Error(`no sheet ${name}`);
      return table;
    },
    writePlans: async (written) => {
      calls.push(`write ${written.map((plan) => plan.sheet).join(", ")}`);
      plans.push(...written);
    },
  };
  return { host, calls, plans };
}

describe("runWorkbookJob", () => {
  it("reads and computes each indicator sheet once, skips the others by reason, and writes them in one call", async () => {
    const { host, calls } = fakeHost([NOTES, ECONOMY, EMPTY, SOCIETY, OTHER, ENVIRONMENT]);
    const report = await runWorkbookJob(host);
    expect(report.sheets.map((s) => s.sheet)).toEqual(["Biểu 01-KT", "Biểu 02-XH", "Biểu 03-MT"]);
    expect(report.skipped).toEqual([
      { sheet: "Ghi chú", reason: "notes" },
      { sheet: "Trống", reason: "empty" },
      { sheet: "Danh mục", reason: "noHeader" },
    ]);
    expect(calls).toEqual([
      "sheets",
      "read Ghi chú",
      "read Biểu 01-KT",
      "read Trống",
      "read Biểu 02-XH",
      "read Danh mục",
      "read Biểu 03-MT",
      // One write for the whole compute: a host can make it one undo step.
      "write Biểu 01-KT, Biểu 02-XH, Biểu 03-MT",
    ]);
  });

  it("adds the sheets' summaries into the workbook's", async () => {
    const { host } = fakeHost([ECONOMY, SOCIETY, ENVIRONMENT]);
    const report = await runWorkbookJob(host);
    const rows = report.sheets.reduce((n, s) => n + s.rows.length, 0);
    const { mismatches, ...statuses } = report.summary;
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(rows);
    expect(mismatches).toBe(0);
    expect(report.summary.off_track).toBe(
      report.sheets.flatMap((s) => s.rows).filter((r) => r.status === "off_track").length
    );
  });

  it("computes only the sheets named, without listing the workbook", async () => {
    const { host, calls } = fakeHost([ECONOMY, SOCIETY]);
    const report = await runWorkbookJob(host, { sheets: ["Biểu 02-XH"] });
    expect(report.sheets.map((s) => s.sheet)).toEqual(["Biểu 02-XH"]);
    expect(calls).toEqual(["read Biểu 02-XH", "write Biểu 02-XH"]);
  });

  it("fails in Vietnamese when no sheet holds an indicator table, and writes nothing", async () => {
    const { host, plans } = fakeHost([NOTES, EMPTY]);
    await expect(runWorkbookJob(host)).rejects.toThrow(/Không tìm thấy dòng tiêu đề/);
    expect(plans).toEqual([]);
  });

  it("applies each sheet's own column corrections, from the stored letters", async () => {
    // Swapping plan and actual on one sheet only turns its lagging rows into achieved ones.
    const options = optionsFromSettings({
      columns: { "Biểu 01-KT": { target: "E", actual: "D" } },
    });
    const { host } = fakeHost([ECONOMY, SOCIETY]);
    const report = await runWorkbookJob(host, options);
    expect(report.sheets[0].columns).toMatchObject({ target: "E", actual: "D" });
    expect(report.sheets[0].rows.map((r) => r.status)).toEqual(["achieved", "achieved"]);
    expect(report.sheets[1].columns).toMatchObject({ target: "D", actual: "E" });
  });

  it("tells the host each step before it happens", async () => {
    const { host } = fakeHost([NOTES, ECONOMY]);
    const phases: string[] = [];
    const reports: Report[] = [];
    await runWorkbookJob(
      host,
      {},
      {
        onPhase: (phase, sheet) => void phases.push(`${phase} ${sheet}`),
        onReport: (report) => void reports.push(report),
      }
    );
    expect(phases).toEqual([
      "reading Ghi chú",
      "computing Ghi chú",
      "reading Biểu 01-KT",
      "computing Biểu 01-KT",
      "writing Biểu 01-KT",
    ]);
    expect(reports.map((r) => r.sheet)).toEqual(["Biểu 01-KT"]);
  });
});

describe("drafts over the whole workbook", () => {
  async function computed(tables: Table[]) {
    return runWorkbookJob(fakeHost(tables).host);
  }

  it("assigns every lagging row of every sheet, one part per lead agency across sheets", async () => {
    const report = await computed([ECONOMY, SOCIETY, ENVIRONMENT]);
    const doc = draft(report, { kind: "plan" });
    const agencies = doc.parts.filter((p) => p.agency !== undefined).map((p) => p.agency);
    expect(agencies).toEqual(["Sở Tài chính", "Sở Nội vụ", "Sở Nông nghiệp và Môi trường"]);
    const finance = doc.parts.find((p) => p.agency === "Sở Tài chính");
    const text = finance?.blocks.map((b) => b.text).join("\n") ?? "";
    // Led on sheet 1 and on sheet 2: both rows in the one part.
    expect(text).toMatch(/Thu nội địa/);
    expect(text).toMatch(/Thu từ xuất nhập khẩu/);
    for (const name of [
      "Thu nội địa",
      "Thu từ xuất nhập khẩu",
      "Số lao động được tạo việc làm",
      "Diện tích rừng trồng mới",
    ])
      expect(renderText(doc)).toContain(name);
  });

  it("drafts from the table sheets of a workbook that opens on notes", async () => {
    const report = await computed([NOTES, SOCIETY]);
    expect(report.skipped).toEqual([{ sheet: "Ghi chú", reason: "notes" }]);
    expect(renderText(draft(report))).toContain("Số lao động được tạo việc làm");
  });

  it("asks each agency once in the letter, whatever sheet its rows are on", async () => {
    const report = await computed([ECONOMY, SOCIETY]);
    const letter = renderText(draft(report, { kind: "letter" }));
    expect(letter.match(/^- Sở Tài chính: /gm)).toHaveLength(1);
    expect(letter.match(/Tài chính/g)?.length).toBe(2);
  });

  it("assigns a locality breakdown with its indicator, not row by row", async () => {
    const enterprises = indicatorSheet("Biểu 01", [
      [1, "Phát triển doanh nghiệp", "doanh nghiệp", 100, 30, "Sở Tài chính"],
    ]);
    const districts = makeTable(
      [
        ["STT", "Địa phương", "Kế hoạch", "Thực hiện 6 tháng"],
        [1, "Huyện A", 60, 10],
        [2, "Huyện B", 40, 20],
        [null, "Tổng cộng", 100, 30],
      ],
      { sheet: "Theo huyện" }
    );
    const report = await computed([enterprises, districts]);
    expect(report.breakdowns).toEqual([
      { sheet: "Theo huyện", indicator: { sheet: "Biểu 01", row: 4 } },
    ]);
    const plan = draft(report);
    const text = renderText(plan);
    expect(text).toMatch(/^- Phát triển doanh nghiệp .*; cụ thể:$/m);
    expect(text).not.toMatch(/chưa xác định cơ quan chủ trì|^- Huyện A/m);
    // The districts are the indicator's table, under its sentence, not lines of their own.
    const blocks = plan.parts.flatMap((part) => part.blocks);
    const table = blocks.find((block) => block.style === "table")?.table;
    expect(table?.rows).toEqual([
      ["1", "Huyện A", "60", "10", "16,67", "50"],
      ["2", "Huyện B", "40", "20", "50,00", "20"],
    ]);
    expect(table?.total).toEqual(["", "Tổng cộng", "100", "30", "30,00", "70"]);
  });

  it("keeps a sheet without agencies whose total repeats no indicator as rows to assign", async () => {
    const districts = makeTable(
      [
        ["STT", "Địa phương", "Kế hoạch", "Thực hiện 6 tháng"],
        [1, "Huyện A", 60, 10],
        [null, "Tổng cộng", 60, 10],
      ],
      { sheet: "Theo huyện" }
    );
    const report = await computed([ECONOMY, districts]);
    expect(report.breakdowns).toEqual([]);
    expect(renderText(draft(report))).toContain("Huyện A");
  });
});

describe("workbookReport", () => {
  it("takes the title lines of every sheet, once each", async () => {
    const { host } = fakeHost([ECONOMY, SOCIETY]);
    const report = await runWorkbookJob(host);
    expect(report.title).toEqual(["BIỂU TỔNG HỢP 6 THÁNG ĐẦU NĂM 2026"]);
    expect(report.year).toBe(2026);
    expect(workbookReport(report.sheets.slice(1)).sheets.map((s) => s.sheet)).toEqual([
      "Biểu 02-XH",
    ]);
  });
});

describe("detectSheet", () => {
  it("finds the header, the period and the indicator count without computing", () => {
    const found = detectSheet(ECONOMY);
    expect(found).toMatchObject({ ok: true, sheet: "Biểu 01-KT", months: 6, indicators: 2 });
    if (found.ok) expect(found.header.columns).toMatchObject({ name: 2, target: 4, actual: 5 });
  });

  it("says why a sheet holds no table", () => {
    expect(detectSheet(NOTES)).toEqual({ ok: false, sheet: "Ghi chú", reason: "notes" });
    expect(detectSheet(EMPTY)).toEqual({ ok: false, sheet: "Trống", reason: "empty" });
    expect(detectSheet(OTHER)).toEqual({ ok: false, sheet: "Danh mục", reason: "noHeader" });
  });

  it("applies column corrections", () => {
    const found = detectSheet(ECONOMY, { target: 5, actual: 4 });
    if (!found.ok) throw new Error("no header");
    expect(found.header.columns).toMatchObject({ target: 5, actual: 4 });
  });
});
