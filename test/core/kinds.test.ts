import { texts } from "../fixtures/problems";
import { computeSheet, Report } from "../../src/core/engine";
import { Direction, IndicatorKind, inferKind, KindInfo, kindFromCell } from "../../src/core/kinds";
import { vi } from "../../src/core/messages/vi";
import { isNumber, parseNumber } from "../../src/core/numbers";
import type { ParsedNumber } from "../../src/core/types";
import { buildLayout, HeaderNode, Row } from "../fixtures/layouts";

function figure(text: string | number | null): ParsedNumber | null {
  const parsed = parseNumber(text);
  return isNumber(parsed) ? parsed : null;
}

function infer(
  name: string,
  unit: string,
  target: string | number | null,
  actual: string | number | null = null
): KindInfo {
  return inferKind({
    name,
    unit,
    targetText: target === null ? "" : String(target),
    target: figure(target),
    actual: figure(actual),
  });
}

describe("inferKind: docs/rules.md §2 from the row's words", () => {
  it.each<[string, string, string | number | null, IndicatorKind, Direction]>([
    // cumulative: flows summed over the year
    ["Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "34.000", "cumulative", "up"],
    ["Phát triển doanh nghiệp", "doanh nghiệp", 520, "cumulative", "up"],
    ["Thu nội địa", "tỷ đồng", "6.220", "cumulative", "up"],
    ["Kim ngạch xuất khẩu", "triệu USD", "1.500", "cumulative", "up"],
    ["Tạo việc làm mới", "lao động", "18.000", "cumulative", "up"],
    ["Total social investment", "billion VND", "34,000", "cumulative", "up"],
    // a disbursement stays a flow even for a poverty-reduction programme
    ["Giải ngân vốn CTMTQG giảm nghèo bền vững", "triệu đồng", "101.021", "cumulative", "up"],
    ["Tỷ lệ giải ngân vốn đầu tư công", "%", "≥ 95%", "cumulative", "up"],
    // level, higher is better
    ["Tỷ lệ bao phủ bảo hiểm y tế", "%", 94.95, "level", "up"],
    ["Số giường bệnh/vạn dân", "giường/vạn dân", 29.39, "level", "up"],
    ["Số bác sĩ/vạn dân", "bác sĩ", "10,00", "level", "up"],
    ["Tỷ lệ đô thị hóa", "%", "31,48", "level", "up"],
    ["Thu nhập bình quân đầu người", "triệu đồng/người", 75, "level", "up"],
    ["Tốc độ tăng trưởng GRDP", "%", 8.5, "level", "up"],
    ["Số xã đạt chuẩn nông thôn mới", "xã", "80/85", "level", "up"],
    ["Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "≥ 95%", "level", "up"],
    ["Health insurance coverage", "%", "95", "level", "up"],
    // level, lower is better
    ["Tỷ lệ thất nghiệp khu vực thành thị", "%", "dưới 2%", "level", "down"],
    ["Tỷ lệ thất nghiệp", "%", "2", "level", "down"],
    ["Tỷ lệ hộ nghèo", "%", "1,5", "level", "down"],
    ["Tỷ lệ hộ nghèo", "%", "giảm xuống còn 1,5%", "level", "down"],
    ["Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "dưới 18%", "level", "down"],
    ["Tỷ lệ lao động nông nghiệp trong tổng lao động", "%", "25", "level", "down"],
    ["Tỷ lệ lao động làm việc trong ngành nông nghiệp", "%", "25", "level", "down"],
    ["Tỷ trọng lao động nông, lâm nghiệp và thủy sản", "%", "30", "level", "down"],
    ["Tỷ suất chết trẻ em dưới 1 tuổi", "‰", "9,5", "level", "down"],
    ["Chi phí", "%", "≤ 5%", "level", "down"],
    ["Unemployment rate", "%", "2", "level", "down"],
    // reduction amount
    ["Tỷ lệ hộ nghèo giảm 0,30%", "%", "0,30", "reduction", "up"],
    ["Tỷ lệ hộ nghèo giảm (theo chuẩn nghèo đa chiều)", "%", "0,30", "reduction", "up"],
    ["Tỷ lệ hộ nghèo", "%", "giảm 0,30%", "reduction", "up"],
    ["Giảm tỷ lệ hộ nghèo", "%", "1-1,5", "reduction", "up"],
    // maintain
    ["Giữ vững số xã đạt chuẩn nông thôn mới", "xã", "85/85", "maintain", "up"],
    ["Số xã đạt chuẩn nông thôn mới", "xã", "Giữ vững 85/85", "maintain", "up"],
    ["Duy trì tỷ lệ xã đạt chuẩn quốc gia về y tế", "%", 100, "maintain", "up"],
    // qualitative
    ["Giữ vững ổn định chính trị, trật tự an toàn xã hội", "", "Giữ vững", "qualitative", "up"],
    ["Bảo đảm quốc phòng, quân sự địa phương", "", null, "qualitative", "up"],
    ["Hoàn thành sắp xếp đơn vị hành chính cấp xã", "", "Hoàn thành", "qualitative", "up"],
  ])("%s | %s | %j → %s %s", (name, unit, target, kind, direction) => {
    expect(infer(name, unit, target)).toMatchObject({ kind, direction });
  });

  it("reads a percent-of-plan target in an amount unit as a share of the plan", () => {
    expect(
      infer("Giải ngân vốn đầu tư công", "tỷ đồng", "trên 95% kế hoạch vốn (4.874,53 tỷ đồng)")
    ).toEqual({
      kind: "cumulative",
      direction: "up",
      planShare: 0.95,
      planAmount: 4874.53,
      planDecimals: 2,
    });
    expect(
      infer(
        "Giải ngân vốn CTMTQG giảm nghèo bền vững",
        "triệu đồng",
        "trên 95% kế hoạch vốn (101.021)"
      )
    ).toEqual({
      kind: "cumulative",
      direction: "up",
      planShare: 0.95,
      planAmount: 101021,
      planDecimals: 0,
    });
  });

  it("reads a row with only an actual as numeric, not qualitative", () => {
    expect(infer("Phát triển doanh nghiệp", "doanh nghiệp", null, 232).kind).toBe("cumulative");
  });
});

describe("kindFromCell: an explicit kind column", () => {
  it.each<[string, IndicatorKind, Direction]>([
    ["Cộng dồn", "cumulative", "up"],
    ["cong don", "cumulative", "up"],
    ["Lũy kế", "cumulative", "up"],
    ["cumulative", "cumulative", "up"],
    ["Flow", "cumulative", "up"],
    ["Mức đạt", "level", "up"],
    ["Thời điểm", "level", "up"],
    ["Tỷ lệ", "level", "up"],
    ["level", "level", "up"],
    ["Mức, thấp hơn là tốt", "level", "down"],
    ["Mức (càng cao càng tốt)", "level", "up"],
    ["level, lower is better", "level", "down"],
    ["Mức giảm", "reduction", "up"],
    ["reduction", "reduction", "up"],
    ["Duy trì", "maintain", "up"],
    ["GIỮ VỮNG", "maintain", "up"],
    ["Định tính", "qualitative", "up"],
    ["qualitative", "qualitative", "up"],
  ])("%j → %s %s", (text, kind, direction) => {
    expect(kindFromCell(text)).toEqual({ kind, direction });
  });

  it("understands every kind label the product itself writes", () => {
    for (const [kind, label] of Object.entries(vi.kind)) {
      expect(kindFromCell(label)?.kind).toBe(kind);
    }
  });

  it.each<[string]>([[""], ["abc"], ["???"], ["Khác"]])("%j is not understood", (text) => {
    expect(kindFromCell(text)).toBeNull();
  });

  it("keeps what the cell leaves unsaid from the inference: a level's direction, a plan share", () => {
    const unemployment = infer("Tỷ lệ thất nghiệp", "%", "dưới 2%");
    expect(kindFromCell("Mức", unemployment)).toEqual({ kind: "level", direction: "down" });
    expect(kindFromCell("Mức, cao hơn là tốt", unemployment)).toEqual({
      kind: "level",
      direction: "up",
    });
    const disbursement = infer(
      "Giải ngân vốn đầu tư công",
      "tỷ đồng",
      "trên 95% kế hoạch vốn (1.000)"
    );
    expect(kindFromCell("Cộng dồn", disbursement)).toEqual(disbursement);
    expect(kindFromCell("Định tính", disbursement)).toEqual({
      kind: "qualitative",
      direction: "up",
    });
  });
});

describe("the kind column end to end", () => {
  const HEADER: HeaderNode[] = [
    "STT",
    "Chỉ tiêu",
    "ĐVT",
    "Loại chỉ tiêu",
    "TH năm trước",
    "Kế hoạch",
    "TH 6 tháng",
  ];

  // prettier-ignore
  const BODY: Row[] = [
    [1, "Dân số trung bình", "nghìn người", "Mức", "1.000", "1.010", "1.006"],              // inferred cumulative
    [2, "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", null, null, "34.000", "14.096"],           // inferred
    [3, "Tỷ lệ hộ nghèo", "%", "Mức, thấp hơn là tốt", "2,5", "2", "2,2"],
    [4, "Tỷ lệ thất nghiệp khu vực thành thị", "%", "Mức", "2,5", "dưới 2%", "2,2"],
    [5, "Số xã đạt chuẩn nông thôn mới", "xã", "Duy trì", null, "85/85", "84/85"],
    [6, "Chỉ số cải cách hành chính", "điểm", "Định tính", null, 90, 85],
    [7, "Giải ngân vốn đầu tư công", "tỷ đồng", "Cộng dồn", null, "trên 95% kế hoạch vốn (1.000)", 475],
    [8, "Số lao động được tạo việc làm", "người", "không rõ", null, "18.000", "9.500"],
  ];

  let report: Report;
  beforeAll(() => {
    report = computeSheet(buildLayout({ header: HEADER, body: BODY }).table);
  });

  it("maps the kind column", () => {
    expect(report.columns.kind).toBe("D");
    expect(report.columns.lastYear).toBe("E");
  });

  it("lets the explicit kind override the inference", () => {
    expect(report.rows.map((row) => [row.kind, row.direction])).toEqual([
      ["level", "up"],
      ["cumulative", "up"],
      ["level", "down"],
      ["level", "down"],
      ["maintain", "up"],
      ["qualitative", "up"],
      ["cumulative", "up"],
      ["cumulative", "up"],
    ]);
  });

  it("computes each kind's arithmetic and status", () => {
    const [population, investment, poverty, unemployment, communes, reform, disbursement] =
      report.rows;
    // level up with a baseline: (1.006 − 1.000)/(1.010 − 1.000) = 60% of the gap closed by mid-year
    expect(population.gapClosure).toBeCloseTo(0.6, 10);
    expect(population.status).toBe("on_track");
    expect(population.remaining).toBe(4);
    expect(investment.achievement).toBeCloseTo(14096 / 34000, 10);
    expect(investment.status).toBe("at_risk");
    // level down: 2,5 → 2,2 against 2: 60% of the cut made
    expect(poverty.gapClosure).toBeCloseTo(0.6, 10);
    expect(poverty.remaining).toBeCloseTo(0.2, 10);
    expect(poverty.status).toBe("on_track");
    expect(unemployment.status).toBe("on_track");
    expect(communes).toMatchObject({ target: 85, actual: 84, remaining: 1, status: "off_track" });
    expect(reform).toMatchObject({ status: "qualitative", achievement: null });
    expect(disbursement).toMatchObject({ target: 950, remaining: 475, status: "on_track" });
    expect(disbursement.achievement).toBeCloseTo(0.5, 10);
  });

  it("reports an unknown kind cell in Vietnamese with its address, and infers instead", () => {
    const jobs = report.rows[7];
    expect(texts(jobs.problems)).toContain(
      'Không hiểu loại chỉ tiêu "không rõ" ở ô D9; đã tự xác định theo tên và đơn vị tính.'
    );
    expect(jobs.achievement).toBeCloseTo(9500 / 18000, 10);
    expect(jobs.status).toBe("on_track");
    expect(report.rows.slice(0, 7).every((row) => row.problems.length === 0)).toBe(true);
  });
});
