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
  problem: {
    missingTarget: (cell: string) => `Thiếu chỉ tiêu kế hoạch ở ô ${cell}.`,
    missingActual: (cell: string) => `Thiếu số liệu thực hiện ở ô ${cell}.`,
    notANumber: (cell: string, text: string) => `Ô ${cell} không phải là số: "${text}".`,
    excelError: (cell: string, text: string) => `Ô ${cell} chứa lỗi Excel ${text}.`,
    zeroTarget: (cell: string) =>
      `Chỉ tiêu kế hoạch ở ô ${cell} bằng 0, không tính được tỷ lệ đạt.`,
    noName: (row: number) => `Dòng ${row} có số liệu nhưng không có tên chỉ tiêu.`,
    unknownKind: (cell: string, text: string) =>
      `Không hiểu loại chỉ tiêu "${text}" ở ô ${cell}; đã tự xác định theo tên và đơn vị tính.`,
    seasonalIgnored: (cell: string) =>
      `Số liệu cùng kỳ ở ô ${cell} không hợp lệ so với cả năm trước; dùng tỷ lệ thời gian của kỳ báo cáo.`,
    missingPlanAmount: (cell: string) =>
      `Chỉ tiêu ở ô ${cell} tính theo % kế hoạch vốn nhưng không có số kế hoạch vốn.`,
    mismatchAchievement: (cell: string, reported: string, computed: string) =>
      `Tỷ lệ đạt ghi ở ô ${cell} là ${reported}, tính lại được ${computed}.`,
    mismatchRemaining: (cell: string, reported: string, computed: string) =>
      `Số còn phải thực hiện ghi ở ô ${cell} là ${reported}, tính lại được ${computed}.`,
    totalMismatch: (cell: string, sum: string, reported: string) =>
      `Tổng các dòng chi tiết là ${sum} nhưng dòng tổng ở ô ${cell} ghi ${reported}.`,
    movedAway: (baseline: string, actual: string) =>
      `Đi ngược mục tiêu: từ ${baseline} (năm trước) còn ${actual}.`,
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
    noPeriod:
      "Không xác định được kỳ báo cáo từ tiêu đề; tạm tính theo 6 tháng. Dùng --period để chỉ rõ.",
  },
};

export type Messages = typeof vi;
