import { formatNumber, formatPercent } from "../format";
import { ProblemCatalog } from "../problems";

/** What a Vietnamese reader sees: row problems, statuses, errors. Keyed by meaning. */
export const vi = {
  status: {
    achieved: "Đã đạt/vượt",
    on_track: "Đúng tiến độ",
    at_risk: "Có nguy cơ không đạt",
    off_track: "Chậm tiến độ",
    no_data: "Thiếu số liệu",
    qualitative: "Định tính",
  },
  kind: {
    cumulative: "Cộng dồn",
    level: "Mức đạt",
    reduction: "Mức giảm",
    maintain: "Duy trì",
    qualitative: "Định tính",
  },
  header: {
    achievement: "Tỷ lệ đạt KH (%)",
    remaining: "Còn phải thực hiện",
    status: "Trạng thái",
    forecast: "Dự báo cả năm",
  },
  likelyMissed: "khả năng không đạt",
  /** Where a problem is when its sheet has no column for it. */
  row: (row: number) => `dòng ${row}`,
  problems: {
    missingTarget: (cell) => `Thiếu chỉ tiêu kế hoạch ở ô ${cell}.`,
    missingActual: (cell) => `Thiếu số liệu thực hiện ở ô ${cell}.`,
    notANumber: (cell, { text }) => `Ô ${cell} không phải là số: "${text}".`,
    excelError: (cell, { text }) => `Ô ${cell} chứa lỗi Excel ${text}.`,
    zeroTarget: (cell) => `Chỉ tiêu kế hoạch ở ô ${cell} bằng 0, không tính được tỷ lệ đạt.`,
    noName: (_cell, _args, row) => `Dòng ${row} có số liệu nhưng không có tên chỉ tiêu.`,
    unknownKind: (cell, { text }) =>
      `Không hiểu loại chỉ tiêu "${text}" ở ô ${cell}; đã tự xác định theo tên và đơn vị tính.`,
    seasonalIgnored: (cell) =>
      `Số liệu cùng kỳ ở ô ${cell} không hợp lệ so với cả năm trước; dùng tỷ lệ thời gian của kỳ báo cáo.`,
    missingPlanAmount: (cell) =>
      `Chỉ tiêu ở ô ${cell} tính theo % kế hoạch vốn nhưng không có số kế hoạch vốn.`,
    mismatchAchievement: (cell, { reported, computed, decimals }) =>
      `Tỷ lệ đạt ghi ở ô ${cell} là ${formatPercent(reported, decimals)}, tính lại được ${formatPercent(computed, Math.max(2, decimals))}.`,
    mismatchRemaining: (cell, { reported, reportedDecimals, computed, decimals }) =>
      `Số còn phải thực hiện ghi ở ô ${cell} là ${formatNumber(reported, reportedDecimals)}, tính lại được ${formatNumber(computed, decimals)}.`,
    totalMismatch: (cell, { sum, decimals, reported, reportedDecimals }) =>
      `Tổng các dòng chi tiết là ${formatNumber(sum, decimals)} nhưng dòng tổng ở ô ${cell} ghi ${formatNumber(reported, reportedDecimals)}.`,
  } satisfies ProblemCatalog,
  warning: {
    noPeriod: (months: number) =>
      `Không xác định được kỳ báo cáo từ tiêu đề; tạm tính theo ${months} tháng. Dùng --period để chỉ rõ.`,
  },
  error: {
    unreadableFile: (path: string, reason: string) => `Không đọc được tệp "${path}": ${reason}`,
    missingSheet: (sheet: string, sheets: string[]) =>
      `Không có trang tính "${sheet}". Các trang có trong tệp: ${sheets.join(", ")}.`,
    noHeader: (sheet: string) =>
      `Không tìm thấy dòng tiêu đề của bảng chỉ tiêu trong trang "${sheet}" (cần ít nhất cột tên chỉ tiêu và cột kế hoạch hoặc thực hiện).`,
    badPeriod: (text: string) => `Kỳ báo cáo "${text}" không hợp lệ: cần số tháng từ 1 đến 12.`,
    badTolerance: (text: string) =>
      `Ngưỡng dung sai "${text}" không hợp lệ: cần số điểm phần trăm từ 0 đến 100.`,
  },
};

export type Messages = typeof vi;
