import { formatNumber, formatPercent } from "../format";
import { hostWords } from "./host";
import { skipWords } from "./skipped";
import { likelyMissed, status } from "./status";
import { ProblemCatalog } from "../problems";
import type { Summary } from "../statuses";

/** What a Vietnamese reader sees: row problems, statuses, errors. Keyed by meaning. */
export const vi = {
  status,
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
  likelyMissed,
  /** Where a problem is when its sheet has no column for it. */
  row: (row: number) => `dòng ${row}`,
  problems: {
    missingTarget: (cell) => `Thiếu chỉ tiêu kế hoạch ở ô ${cell}.`,
    missingActual: (cell) => `Thiếu số liệu thực hiện ở ô ${cell}.`,
    notANumber: (cell, { text }) => `Ô ${cell} không phải là số: "${text}".`,
    excelError: (cell, { text }) => `Ô ${cell} chứa lỗi Excel ${text}.`,
    negativeActual: (cell) =>
      `Số thực hiện ở ô ${cell} âm; số cộng dồn không thể dưới 0, hãy kiểm tra lại.`,
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
  /** Why a sheet of the workbook was left out of the job. */
  skipped: skipWords.vi,
  /** Every status's count in one line, as a terminal or a note shows it. */
  counts: (s: Summary) =>
    `${s.achieved} đã đạt/vượt · ${s.on_track} đúng tiến độ · ${s.at_risk} có nguy cơ không đạt · ${s.off_track} chậm tiến độ · ${s.no_data} thiếu số liệu · ${s.qualitative} định tính · ${s.mismatches} số liệu ghi sai`,
  host: hostWords.vi,
  warning: {
    noPeriod: (months: number) =>
      `Không xác định được kỳ báo cáo từ tiêu đề; tạm tính theo ${months} tháng. Dùng --period để chỉ rõ.`,
  },
  error: {
    unreadableFile: (path: string, reason: string) => `Không đọc được tệp "${path}": ${reason}`,
    missingSheet: (sheet: string, sheets: string[]) =>
      `Không có trang tính "${sheet}". Các trang có trong tệp: ${sheets.join(", ")}.`,
    noRoom: (sheet: string) =>
      `Trang "${sheet}" không còn cột trống bên phải bảng để ghi 4 cột kết quả (bảng đã dùng tới cột cuối cùng XFD).`,
    noHeader: (sheet: string) =>
      `Không tìm thấy dòng tiêu đề của bảng chỉ tiêu trong trang "${sheet}" (cần ít nhất cột tên chỉ tiêu và cột kế hoạch hoặc thực hiện).`,
    badPeriod: (text: string) => `Kỳ báo cáo "${text}" không hợp lệ: cần số tháng từ 1 đến 12.`,
    badTolerance: (text: string) =>
      `Ngưỡng dung sai "${text}" không hợp lệ: cần số điểm phần trăm từ 0 đến 100.`,
  },
};

export type Messages = typeof vi;

/** What the ribbon's **Tính tiến độ** says of its click, in the dialog it opens. */
export const ribbon = {
  done: (sheets: string[], counts: string) =>
    `Đã tính tiến độ ${sheets.length} trang (${sheets.join(", ")}) và ghi kết quả vào các cột bên phải bảng: ${counts}.`,
  skipped: (sheet: string, reason: string) => `Bỏ qua trang “${sheet}”: ${reason}.`,
  failed: (reason: string) => `Chưa tính được tiến độ: ${reason}`,
};

/**
 * The `chitieu` command's own words: usage, flags, files, the terminal summary. Apart from
 * `vi`, so that the task pane, which reads `vi`, does not carry them.
 */
export const cli = {
  usage: `Cách dùng:
chitieu compute <tệp.xlsx> [--sheet TÊN] [--period SỐ_THÁNG] [--tolerance ĐIỂM]
                [--out KẾT_QUẢ.xlsx] [--json BÁO_CÁO.json]
chitieu draft <tệp.xlsx> [--kind plan|letter] [--year NĂM] [--deadline NGÀY/THÁNG/NĂM]
              [--templates MẪU.json] [--out DỰ_THẢO.txt] [--docx DỰ_THẢO.docx]
              [--sheet TÊN] [--period SỐ_THÁNG] [--tolerance ĐIỂM]
chitieu demo`,
  unknownCommand: (command: string) => `Không có lệnh "${command}".`,
  unknownOption: (name: string) => `Không hiểu tùy chọn --${name}.`,
  missingValue: (name: string) => `Tùy chọn --${name} cần một giá trị.`,
  badKind: (kind: string) =>
    `Loại dự thảo "${kind}" không hợp lệ: dùng plan (kế hoạch) hoặc letter (công văn).`,
  badYear: (year: string) => `Năm "${year}" không hợp lệ.`,
  badDeadline: (text: string) =>
    `Hạn "${text}" không hợp lệ: viết theo dạng ngày/tháng/năm, ví dụ 15/7/2026.`,
  unreadableTemplates: (file: string) => `Không đọc được tệp mẫu "${file}".`,
  /** Why a workbook file could not be read, after `error.unreadableFile`'s path. */
  file: {
    missing: "không có tệp này.",
    notZip:
      "không phải tệp Excel (.xlsx) hợp lệ: tệp bị hỏng, không trọn vẹn hoặc là loại tệp khác.",
    compoundFile:
      "tệp có đặt mật khẩu, hoặc là tệp .xls cũ: mở trong Excel rồi lưu lại thành .xlsx không mật khẩu.",
    missingPart: (part: string) => `thiếu phần "${part}" của gói Excel.`,
    brokenPart: (part: string, sheet?: string) =>
      `phần "${part}"${sheet ? ` (trang "${sheet}")` : ""} bị hỏng, không phải XML hợp lệ.`,
    notWorkbook: (part: string) =>
      `không phải sổ tính Excel: phần chính "${part}" là loại tài liệu khác.`,
    unexpectedPart: (part: string) => `phần "${part}" không đúng loại nội dung của tệp Excel.`,
    tooLarge: (sheet: string) =>
      `trang "${sheet}" có quá nhiều ô để đọc trong bộ nhớ (quá 10.000.000 ô có dữ liệu).`,
    noSheets: "tệp không có trang tính nào.",
  },
  note: (text: string) => `Lưu ý: ${text}`,
  unfilled: (blanks: string[]) => `Dự thảo còn chỗ chưa điền: ${blanks.join("; ")}.`,
  written: "Đã ghi:",
  summary: {
    sheet: (sheet: string, months: number, year: number | null, headerRows: number[]) =>
      `Trang "${sheet}" · kỳ báo cáo ${months} tháng${year ? ` năm ${year}` : ""} · dòng tiêu đề ${headerRows.join(", ")}`,
    columns: {
      row: "Dòng",
      name: "Chỉ tiêu",
      unit: "ĐVT",
      target: "Kế hoạch",
      actual: "Thực hiện",
      achievement: "Đạt",
      remaining: "Còn lại",
      status: "Trạng thái",
    },
    total: (counts: string) => `Tổng hợp: ${counts}`,
    workbook: (sheets: number, counts: string) => `Toàn bộ ${sheets} trang: ${counts}`,
    check: "Cần kiểm tra:",
    problem: (row: number, name: string, text: string) => `  Dòng ${row} (${name}): ${text}`,
    skipped: ribbon.skipped,
  },
};
