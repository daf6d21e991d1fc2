/**
 * Indicator workbooks of any size for the benchmarks, in the shape the seed plan prints:
 * a title block, a two-row header with merged groups, a numbering row, then sections of
 * indicators of every kind and commune breakdowns closed by a totals row. Figures mix JS
 * numbers with Vietnamese-style text (`4.874,53`, `41,46%`, `dưới 2%`, `85/85`), the
 * reported % and remaining columns are filled (a few of them wrong, as in real workbooks),
 * and every indicator names its agencies. Deterministic: the same size gives the same file.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { formatNumber } from "../../src/core/numbers";
import { CellValue, Merge, Table } from "../../src/core/types";
import { communeName } from "../fixtures/layouts";

type Row = CellValue[];

/** A body row and the number format of its cells (by column index), when it has any. */
interface BodyRow {
  cells: Row;
  formats?: Record<number, string>;
  /** Counts as an indicator row of the report (not a heading nor a bare `Trong đó:`). */
  indicator: boolean;
}

export const WIDTH = 12;
export const SHEET = "Chỉ tiêu KT-XH 2026";
/** Sheet row of the first body row: 4 title rows, 2 header rows, 1 numbering row. */
export const FIRST_BODY_ROW = 8;
/** Columns of target, actual, reported achievement and remaining (1-based): F, G, H, I. */
export const COLS = { target: 6, actual: 7, achievement: 8, remaining: 9 } as const;

const TITLE = [
  "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG",
  "SỞ TÀI CHÍNH",
  "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU PHÁT TRIỂN KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2026",
  "(Số liệu ước thực hiện đến ngày 30/6/2026)",
];
const GROUPS: [string, string][] = [
  ["A5:A6", "STT"],
  ["B5:B6", "Chỉ tiêu"],
  ["C5:C6", "ĐVT"],
  ["D5:E5", "Năm 2025"],
  ["F5:I5", "Năm 2026"],
  ["J5:J6", "Cơ quan chủ trì"],
  ["K5:K6", "Cơ quan phối hợp"],
  ["L5:L6", "Nhiệm vụ, giải pháp"],
];
const LEAVES = [
  "Thực hiện cả năm",
  "Cùng kỳ 6 tháng",
  "Kế hoạch",
  "Thực hiện 6 tháng đầu năm",
  "Tiến độ so Kế hoạch (%)",
  "Nhiệm vụ 6 tháng cuối năm",
];
const NUMBERING = ["A", "B", "C", "1", "2", "3", "4", "5=4/3", "6=3-4", "D", "E", "F"];

const SECTIONS = [
  "CHỈ TIÊU KINH TẾ",
  "CHỈ TIÊU XÃ HỘI",
  "NÔNG NGHIỆP, NÔNG THÔN, ĐÔ THỊ VÀ MÔI TRƯỜNG",
  "QUỐC PHÒNG, AN NINH",
];
const AGENCIES = [
  "Sở Tài chính",
  "Cục Thống kê tỉnh",
  "Sở Công Thương",
  "Sở Y tế",
  "Sở Nội vụ",
  "Sở Nông nghiệp và Môi trường",
  "Sở Giáo dục và Đào tạo",
  "Bảo hiểm xã hội tỉnh",
  "Công an tỉnh",
  "Thuế tỉnh",
];
const UBND = "Ủy ban nhân dân các xã, phường";

/** A small deterministic generator (mulberry32): the same seed gives the same workbook. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function roman(n: number): string {
  const parts: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, letters] of parts) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** What every indicator template gets: its number, the random source, the agency. */
interface Ctx {
  n: number;
  rnd: () => number;
  agency: string;
  partners: string | null;
}

const vn = (value: number, decimals: number): string => formatNumber(value, decimals);
const pct = (fraction: number): string => `${vn(fraction * 100, 2)}%`;
/** A reported figure that is right most of the time and off by a little now and then. */
const reported = (rnd: () => number, value: number): number =>
  rnd() < 0.05 ? value * 1.013 : value;

function indicatorRow(cells: Row, formats?: Record<number, string>): BodyRow {
  const padded = cells.concat(new Array<CellValue>(WIDTH - cells.length).fill(null));
  return { cells: padded, formats, indicator: true };
}

/** The indicator templates, one per kind or writing the seed plan shows. */
const TEMPLATES: ((c: Ctx) => BodyRow[])[] = [
  // A flow in Vietnamese-style text, with its reported % and remaining as text.
  (c) => {
    const T = 20000 + Math.round(c.rnd() * 30000);
    const A = Math.round(T * (0.3 + c.rnd() * 0.4));
    const solutions =
      "Rà soát, đánh giá, tổng hợp số liệu vốn đầu tư phát triển toàn xã hội.\nBáo cáo định kỳ hàng quý và cả năm.";
    return [
      indicatorRow([
        c.n,
        "Tổng vốn đầu tư toàn xã hội",
        "tỷ đồng",
        null,
        null,
        vn(T, 0),
        vn(A, 0),
        pct(reported(c.rnd, A / T)),
        vn(T - A, 0),
        c.agency,
        c.partners,
        solutions,
      ]),
    ];
  },
  // A flow with decimals written Vietnamese-style and the % as a plain number.
  (c) => {
    const T = 1000 + Math.round(c.rnd() * 5000000) / 100;
    const A = Math.round(T * (0.35 + c.rnd() * 0.3) * 100) / 100;
    return [
      indicatorRow([
        c.n,
        "Giải ngân vốn đầu tư công",
        "tỷ đồng",
        null,
        null,
        vn(T, 2),
        vn(A, 2),
        Math.round((A / T) * 100),
        vn(T - A, 2),
        `${c.agency}; Các chủ đầu tư`,
        UBND,
      ]),
    ];
  },
  // Numeric cells with number formats: the % as a fraction formatted `0.00%`.
  (c) => {
    const T = 400 + Math.round(c.rnd() * 600);
    const A = Math.round(T * (0.4 + c.rnd() * 0.3));
    const last = Math.round(T * 0.9);
    const same = Math.round(last * 0.45);
    return [
      indicatorRow(
        [
          c.n,
          "Số doanh nghiệp thành lập mới",
          "doanh nghiệp",
          last,
          same,
          T,
          A,
          A / T,
          T - A,
          c.agency,
          UBND,
        ],
        { 3: "#,##0", 4: "#,##0", 5: "#,##0", 6: "#,##0", 7: "0.00%", 8: "#,##0" }
      ),
    ];
  },
  // A level with a baseline, and a `trong đó` part under it.
  (c) => {
    const B = 20 + Math.round(c.rnd() * 100) / 10;
    const T = Math.round((B + 4) * 100) / 100;
    const A = Math.round((B + c.rnd() * 4) * 100) / 100;
    return [
      indicatorRow([
        c.n,
        "Tỷ lệ tham gia bảo hiểm xã hội so với lực lượng lao động",
        "%",
        B,
        null,
        T,
        A,
        null,
        Math.round((T - A) * 100) / 100,
        c.agency,
        c.partners,
      ]),
      indicatorRow([
        null,
        "- Trong đó: BHXH tự nguyện",
        "%",
        4,
        null,
        5,
        vn(3 + c.rnd() * 2, 2),
        null,
        null,
      ]),
    ];
  },
  // Lower is better, with a bound in words.
  (c) => [
    indicatorRow([
      c.n,
      "Tỷ lệ thất nghiệp khu vực thành thị",
      "%",
      "2,1",
      null,
      "dưới 2%",
      vn(1.5 + c.rnd(), 2),
      null,
      null,
      c.agency,
    ]),
  ],
  // A reduction, a flow counted downwards.
  (c) => {
    const T = 100 + Math.round(c.rnd() * 100);
    const A = Math.round(T * c.rnd() * 0.8);
    return [
      indicatorRow([
        c.n,
        "Giảm số vụ tai nạn giao thông",
        "vụ",
        null,
        null,
        T,
        A,
        pct(A / T),
        T - A,
        c.agency,
      ]),
    ];
  },
  // Held since last year: `Giữ vững` with a fraction.
  (c) => [
    indicatorRow([
      c.n,
      "Giữ vững số xã đạt chuẩn nông thôn mới",
      "xã",
      null,
      null,
      "85/85",
      c.rnd() < 0.9 ? "85/85" : "84/85",
      null,
      null,
      `${c.agency}; ${UBND}`,
    ]),
  ],
  // Qualitative.
  (c) => [
    indicatorRow([
      c.n,
      "Giữ vững ổn định chính trị, trật tự an toàn xã hội",
      null,
      null,
      null,
      "Giữ vững",
      "Giữ vững ổn định",
      null,
      null,
      "Công an tỉnh",
    ]),
  ],
  // A share of a plan amount written beside the target.
  (c) => {
    const plan = 300 + Math.round(c.rnd() * 10000) / 100;
    const A = Math.round(plan * (0.3 + c.rnd() * 0.4) * 100) / 100;
    return [
      indicatorRow([
        c.n,
        "Giải ngân vốn CTMTQG xây dựng nông thôn mới",
        "tỷ đồng",
        null,
        null,
        `trên 95% kế hoạch vốn (${vn(plan, 2)} tỷ đồng)`,
        vn(A, 2),
        pct(A / plan),
        vn(plan - A, 2),
        c.agency,
        UBND,
      ]),
    ];
  },
  // A level per population, `1.1` parts, a missing actual and an Excel error.
  (c) => [
    indicatorRow([
      c.n,
      "Số bác sĩ/vạn dân",
      "bác sĩ",
      9.6,
      null,
      "10,00",
      "9,6",
      null,
      "0,4",
      "Sở Y tế",
    ]),
    indicatorRow([
      `${c.n}.1`,
      "Bác sĩ tuyến xã",
      "bác sĩ",
      null,
      null,
      3,
      c.rnd() < 0.5 ? "-" : 2.5,
      null,
      null,
    ]),
    indicatorRow([
      `${c.n}.2`,
      "Bác sĩ tuyến tỉnh",
      "bác sĩ",
      null,
      null,
      7,
      c.rnd() < 0.9 ? 6.9 : "#N/A",
      null,
      null,
    ]),
  ],
  // A bare `Trong đó:` announcing the parts, then the parts.
  (c) => {
    const T = 50000 + Math.round(c.rnd() * 20000);
    const A = Math.round(T * 0.48);
    return [
      indicatorRow([
        c.n,
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
        "tỷ đồng",
        null,
        null,
        vn(T, 0),
        vn(A, 0),
        null,
        vn(T - A, 0),
        "Sở Công Thương",
      ]),
      {
        cells: [null, "Trong đó:", ...new Array<CellValue>(WIDTH - 2).fill(null)],
        indicator: false,
      },
      indicatorRow([
        null,
        "- Bán lẻ hàng hóa",
        "tỷ đồng",
        null,
        null,
        vn(Math.round(T * 0.7), 0),
        vn(Math.round(A * 0.7), 0),
        null,
        null,
      ]),
    ];
  },
];

/** A commune breakdown: one row per commune, then its totals row (wrong now and then). */
function communeBlock(start: number, count: number, rnd: () => number): BodyRow[] {
  const rows: BodyRow[] = [];
  let target = 0;
  let actual = 0;
  for (let i = 0; i < count; i++) {
    const T = 3 + Math.floor(rnd() * 20);
    const A = Math.floor(T * (0.3 + rnd() * 0.5));
    target += T;
    actual += A;
    // Half the communes write their figures as text, as merged returns do.
    const text = i % 2 === 0;
    rows.push(
      indicatorRow([
        i + 1,
        communeName(start + i),
        "doanh nghiệp",
        null,
        null,
        text ? String(T) : T,
        text ? String(A) : A,
        pct(A / T),
        T - A,
        `UBND ${communeName(start + i)}`,
      ])
    );
  }
  const reportedTarget = rnd() < 0.1 ? target + 1 : target;
  rows.push(
    indicatorRow([
      null,
      "Tổng cộng",
      "doanh nghiệp",
      null,
      null,
      vn(reportedTarget, 0),
      vn(actual, 0),
      pct(actual / target),
      vn(target - actual, 0),
      "Sở Tài chính",
    ])
  );
  return rows;
}

/** Body rows holding exactly `count` indicator rows: sections of indicators and commune breakdowns. */
export function generateBody(count: number, seed = 2026): BodyRow[] {
  const rnd = random(seed + count);
  const body: BodyRow[] = [];
  let made = 0;
  let section = 0;
  let communes = 0;
  const push = (rows: BodyRow[]): void => {
    for (const row of rows) {
      if (made >= count) return;
      body.push(row);
      if (row.indicator) made++;
    }
  };
  while (made < count) {
    section++;
    const breakdown = section % 3 === 0;
    const title = breakdown
      ? "PHÁT TRIỂN DOANH NGHIỆP THEO XÃ, PHƯỜNG"
      : SECTIONS[(section - 1) % SECTIONS.length];
    body.push({
      cells: [roman(section), title, ...new Array<CellValue>(WIDTH - 2).fill(null)],
      indicator: false,
    });
    if (breakdown) {
      const size = 10 + Math.floor(rnd() * 30);
      push(communeBlock(communes, size, rnd));
      communes += size;
      continue;
    }
    for (let n = 1; n <= 24 && made < count; n++) {
      const agency = AGENCIES[Math.floor(rnd() * AGENCIES.length)];
      const partners = rnd() < 0.5 ? `Các sở, ban, ngành tỉnh; ${UBND}` : null;
      push(TEMPLATES[(n - 1) % TEMPLATES.length]({ n, rnd, agency, partners }));
    }
  }
  return body;
}

function parseRef(ref: string): Merge {
  const cell = (a1: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`bad cell ${a1}`);
    return [Number(m[2]), m[1].charCodeAt(0) - 64];
  };
  const [from, to = from] = ref.split(":");
  const [top, left] = cell(from);
  const [bottom, right] = cell(to);
  return { top, left, bottom, right };
}

const TITLE_MERGES = ["A1:D1", "A2:D2", "A3:L3", "A4:L4"];

function headRows(): Row[] {
  const blank = (): Row => new Array<CellValue>(WIDTH).fill(null);
  const rows = TITLE.map((text) => {
    const row = blank();
    row[0] = text;
    return row;
  });
  const group = blank();
  for (const [ref, text] of GROUPS) group[parseRef(ref).left - 1] = text;
  const leaves = blank();
  LEAVES.forEach((text, i) => (leaves[3 + i] = text));
  rows.push(group, leaves, [...NUMBERING]);
  return rows;
}

/** The benchmark sheet as the core's Table, exactly as the file host would read it. */
export function benchTable(count: number): Table {
  const body = generateBody(count);
  const head = headRows();
  const values = [...head, ...body.map((row) => row.cells)];
  const formats = values.map((_, r) => {
    const line = new Array<string | null>(WIDTH).fill(null);
    const own = r >= head.length ? body[r - head.length].formats : undefined;
    for (const [c, format] of Object.entries(own ?? {})) line[Number(c)] = format;
    return line;
  });
  const merges = [...TITLE_MERGES, ...GROUPS.map(([ref]) => ref)].map(parseRef);
  return { sheet: SHEET, origin: { row: 1, col: 1 }, values, formats, merges };
}

export interface WriteOptions {
  /** Achievement and remaining as formulas (`=G9/F9`, `=F9-G9`), for a spreadsheet to recalculate. */
  formulas?: boolean;
}

/** A figure row: one that has a target or an actual, so its result columns can be formulas. */
function hasFigures(cells: Row): boolean {
  return cells[COLS.target - 1] !== null || cells[COLS.actual - 1] !== null;
}

/** Writes the benchmark workbook with exceljs's streaming writer (fast, low memory). */
export async function writeBenchWorkbook(
  file: string,
  count: number,
  options: WriteOptions = {}
): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = "Chỉ tiêu (benchmark)";
  const sheet = workbook.addWorksheet(SHEET);
  [6, 48, 12, 12, 12, 12, 14, 14, 14, 28, 32, 60].forEach(
    (width, i) => (sheet.getColumn(i + 1).width = width)
  );
  for (const ref of [...TITLE_MERGES, ...GROUPS.map(([r]) => r)]) sheet.mergeCells(ref);
  const head = headRows();
  head.forEach((cells, i) => {
    const row = sheet.getRow(i + 1);
    cells.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value;
    });
    if (i >= 4) row.font = { bold: true };
    row.commit();
  });
  generateBody(count).forEach((body, i) => {
    const r = FIRST_BODY_ROW + i;
    const row = sheet.getRow(r);
    body.cells.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value;
    });
    for (const [c, format] of Object.entries(body.formats ?? {}))
      row.getCell(Number(c) + 1).numFmt = format;
    if (options.formulas && hasFigures(body.cells)) {
      row.getCell(COLS.achievement).value = { formula: `G${r}/F${r}` } as ExcelJS.CellFormulaValue;
      row.getCell(COLS.remaining).value = { formula: `F${r}-G${r}` } as ExcelJS.CellFormulaValue;
    }
    if (typeof body.cells[0] === "string" && !hasFigures(body.cells)) row.font = { bold: true };
    row.commit();
  });
  sheet.commit();
  // Another sheet the output must keep.
  const notes = workbook.addWorksheet("Ghi chú");
  notes.getCell("A1").value =
    "Số liệu 6 tháng đầu năm 2026, do các sở, ngành và xã, phường báo cáo.";
  notes.mergeCells("A1:F1");
  notes.getRow(1).commit();
  notes.commit();
  await workbook.commit();
}
