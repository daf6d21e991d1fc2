import { VI_BLANK_WORDS } from "../../core/messages/blanks";
import { hostWords } from "../../core/messages/host";
import { likelyMissed, status } from "../../core/messages/status";
import type { ColumnRole } from "../../core/columns";
import { HostFailure, renderHostFailure } from "../../core/host";
import type { SkipReason } from "../../core/job";
import { skipWords } from "../../core/messages/skipped";

/** What the task pane says, in Vietnamese: the product's first language. Keyed by meaning. */
export const vi = {
  /** Which of the core's catalogs words the engine's findings (row problems). */
  language: "vi" as "vi" | "en",
  app: {
    title: "Chỉ tiêu",
    subtitle: "Tiến độ thực hiện chỉ tiêu Nghị quyết",
    english: "English",
    tabs: "Các bước",
  },
  tabs: { progress: "Tiến độ", draft: "Dự thảo", templates: "Mẫu câu chữ" },
  busy: {
    loading: "Đang đọc thiết lập và danh sách trang tính…",
    reading: "Đang đọc trang tính…",
    computing: "Đang tính tiến độ…",
    writing: "Đang ghi kết quả vào bảng tính…",
    clearing: "Đang trả các cột kết quả về như trước khi tính…",
    saving: "Đang lưu thiết lập vào bảng tính…",
    writingDraft: "Đang ghi dự thảo ra trang mới…",
    drafting: "Đang soạn dự thảo…",
    part: "Đang tải…",
  },
  detect: {
    title: "Bảng chỉ tiêu",
    sheet: "Trang tính",
    noSheets: "Sổ làm việc không có trang tính nào.",
    reread: "Đọc lại trang tính",
    mapping: "Các cột nhận diện được",
    mappingHint: "Chọn lại cột nếu nhận diện sai; lựa chọn được lưu trong sổ làm việc.",
    headerRows: (rows: string) => `Dòng tiêu đề: ${rows}`,
    notFound: "Không thấy",
    column: (letter: string, text: string) => (text ? `${letter} · ${text}` : letter),
    corrected: "đã chỉnh",
    /** What was found, in one line: `Biểu 01 · 31 chỉ tiêu · 6 tháng năm 2024 · dòng tiêu đề 5–6`. */
    found: (sheet: string, indicators: number, months: number, year: number | null, rows: string) =>
      `${sheet} · ${indicators} chỉ tiêu · ${months} tháng${year ? ` năm ${year}` : ""} · dòng tiêu đề ${rows}`,
    skipped: (sheet: string, reason: SkipReason) =>
      `Bỏ qua trang “${sheet}”: ${skipWords.vi[reason]}.`,
    fix: "Sửa cách đọc bảng",
    missing: (roles: string) => `Chưa thấy cột ${roles}: hãy chọn cột bên dưới.`,
    and: "và",
  },
  roles: {
    label: "Số thứ tự",
    name: "Tên chỉ tiêu",
    unit: "Đơn vị tính",
    target: "Kế hoạch",
    actual: "Thực hiện",
    lastYear: "Thực hiện năm trước",
    samePeriod: "Cùng kỳ năm trước",
    agency: "Cơ quan chủ trì",
    partners: "Cơ quan phối hợp",
    reportedAchievement: "Tỷ lệ đạt (đã ghi)",
    reportedRemaining: "Còn phải thực hiện (đã ghi)",
    solutions: "Nhiệm vụ, giải pháp",
    kind: "Loại chỉ tiêu",
  } satisfies Record<ColumnRole, string>,
  period: {
    months: "Kỳ báo cáo (số tháng)",
    monthsHint: (months: number) => `Theo tiêu đề của bảng: ${months} tháng.`,
    monthsDefault: "Tiêu đề không nói kỳ báo cáo; tạm tính 6 tháng, hãy chọn lại nếu khác.",
    tolerance: "Ngưỡng nguy cơ (điểm phần trăm)",
    toleranceHint:
      "Thấp hơn tiến độ yêu cầu trong ngưỡng này là “có nguy cơ”, thấp hơn nữa là “chậm”.",
  },
  compute: {
    button: "Tính tiến độ",
    written: (sheet: string) => `Đã ghi kết quả vào trang “${sheet}”.`,
    onlyThis: (sheet: string, sheets: number) =>
      `Chỉ tính trang “${sheet}” (không tính cả ${sheets} trang)`,
    sheetTitle: (sheet: string) => `Trang “${sheet}”`,
    notWritten: "Kết quả dưới đây chưa được ghi vào bảng tính.",
    noRows: (sheet: string) =>
      `Trang “${sheet}” có dòng tiêu đề nhưng không có chỉ tiêu nào bên dưới: không có gì để tính.`,
    stale: "Kết quả dưới đây tính theo trang, kỳ báo cáo hoặc cột đã chọn trước đó.",
    again: "Tính lại",
    cancel: "Huỷ",
    cancelled: "Đã huỷ lần tính: bảng tính không bị thay đổi.",
    undoExcel: "Nhấn Ctrl+Z trong Excel để hoàn tác cả lần tính này, hoặc:",
    clear: "Xoá kết quả",
    clearHint: "Trả các cột kết quả về đúng như trước khi tính (giá trị và định dạng).",
    cleared:
      "Đã xoá kết quả: các cột đã trở lại như trước khi tính. Số liệu dưới đây chỉ còn trong ngăn này.",
    period: (months: number, year: string) =>
      `Kỳ báo cáo ${months} tháng${year ? ` năm ${year}` : ""}`,
  },
  status,
  likelyMissed,
  summary: {
    title: "Tổng hợp",
    mismatches: "Số liệu ghi sai",
    legendTitle: "Các trạng thái nghĩa là gì?",
    /** What each status means, from the rules (docs/rules.md §2). */
    legend: {
      achieved: "Số thực hiện đã bằng hoặc vượt chỉ tiêu cả năm.",
      on_track: "Tỷ lệ đạt không thấp hơn phần thời gian đã qua (6 tháng: 50%).",
      at_risk: "Thấp hơn phần thời gian đã qua nhưng trong ngưỡng nguy cơ (mặc định 10 điểm).",
      off_track: "Thấp hơn quá ngưỡng, hoặc một tỷ lệ đang đi xa chỉ tiêu so với năm trước.",
      no_data: "Chưa có số thực hiện hoặc số kế hoạch để tính.",
      qualitative: "Chỉ tiêu bằng lời, không tính tỷ lệ.",
    },
    rows: (count: number) => `${count} chỉ tiêu`,
  },
  /** Why a row has its status, from its figures (lib/reason.ts). */
  reason: {
    noData: "chưa có số liệu thực hiện",
    qualitative: "chỉ tiêu định tính, không tính tỷ lệ",
    achieved: (target: string) => `đã đạt chỉ tiêu ${target}`,
    onPace: (achievement: string, share: string, months: number) =>
      `đạt ${achievement}, không thấp hơn mức ${share} của ${months} tháng`,
    withinBand: (achievement: string, share: string, months: number, band: string) =>
      `đạt ${achievement}, thấp hơn mức ${share} của ${months} tháng trong ngưỡng ${band} điểm`,
    belowBand: (achievement: string, share: string, months: number, band: string) =>
      `đạt ${achievement}, thấp hơn mức ${share} của ${months} tháng quá ${band} điểm`,
    notHeld: (actual: string, target: string) => `chưa giữ được mức ${target} (hiện ${actual})`,
    noBaseline: (actual: string, target: string) =>
      `đang ở ${actual}, chưa đạt chỉ tiêu ${target}; không có số năm trước để so tiến độ`,
    unmoved: (actual: string, target: string) =>
      `vẫn ${actual} như đầu năm, chưa tiến gần chỉ tiêu ${target}`,
    awayFrom: (baseline: string, actual: string, target: string) =>
      `từ ${baseline} đầu năm nay là ${actual}, xa dần chỉ tiêu ${target}`,
    gapClosed: (closed: string, share: string, months: number) =>
      `mới rút ngắn ${closed} khoảng cách tới chỉ tiêu, cần ${share} sau ${months} tháng`,
    forecast: (forecast: string, target: string) =>
      `; theo đà này cả năm ước ${forecast}, không đạt ${target}`,
  },
  list: {
    more: (count: string, rest: string) => `Hiện thêm ${count} (còn ${rest})`,
  },
  lagging: {
    title: "Chỉ tiêu cần tập trung",
    hint: "Chọn một chỉ tiêu để đến dòng của nó trong bảng tính.",
    empty: "Không có chỉ tiêu nào chậm, có nguy cơ hoặc thiếu số liệu.",
    achievement: (percent: string) => `đạt ${percent}`,
    remaining: (amount: string) => `còn ${amount}`,
    row: (row: number) => `dòng ${row}`,
    noAgency: "Chưa ghi cơ quan chủ trì",
    partOf: (parent: string) => `${parent} – trong đó:`,
  },
  checks: {
    title: "Số liệu cần kiểm tra",
    none: "Số liệu ghi trong bảng khớp với số tính lại.",
    cell: "Ô",
    goTo: (cell: string) => `Chọn ô ${cell} trong bảng tính`,
    indicator: "Chỉ tiêu",
    reported: "Ghi trong bảng",
    computed: "Tính lại",
    field: { achievement: "Tỷ lệ đạt", remaining: "Còn lại" },
    totals: "Dòng tổng không khớp",
    totalField: { target: "Kế hoạch", actual: "Thực hiện" },
    sum: "Cộng các dòng",
    problems: "Ghi chú theo dòng",
    rowLabel: (row: number, name: string) => `Dòng ${row} (${name})`,
  },
  units: { points: "điểm %" },
  draft: {
    kind: "Loại văn bản",
    plan: "Kế hoạch phân công",
    letter: "Công văn đề nghị",
    needCompute: "Bấm “Tính tiến độ” trước, dự thảo được viết từ kết quả tính.",
    copy: "Sao chép",
    copyPart: (agency: string) => `Sao chép phần của ${agency}`,
    copyAll: "Sao chép toàn văn",
    copied: (what: string) => `Đã sao chép ${what}. Dán vào Word bằng Ctrl+V.`,
    whole: "toàn văn dự thảo",
    partOf: (agency: string) => `phần của ${agency}`,
    copyFailed: "Không sao chép được. Hãy chọn đoạn văn rồi bấm Ctrl+C.",
    writeSheet: "Ghi ra trang mới",
    written: (sheet: string) => `Đã ghi dự thảo vào trang “${sheet}”.`,
    saveDocx: "Tải .docx",
    saved: (name: string) => `Đã tạo tệp “${name}”: mở bằng Word từ thư mục tải về.`,
    templateProblems: "Một số mẫu bị lỗi, đã dùng mẫu mặc định",
    blanks: (count: number) => `Còn ${count} chỗ chưa điền trước khi ký:`,
    blankWords: VI_BLANK_WORDS,
    hidden: (lines: string) =>
      `Còn ${lines} dòng chưa hiện ở đây. Bản sao chép, trang “Dự thảo” và tệp .docx có đủ toàn văn.`,
    showMore: (lines: string) => `Hiện thêm ${lines} dòng`,
    moreCopies: (count: string) => `(… và ${count} nơi nhận khác, có đủ trong bản sao chép)`,
  },
  draftSettings: {
    title: "Thông tin văn bản",
    fromWorkbook: "Theo bảng tính",
    deadlineHint: "Ví dụ 15/7/2026",
    badDate: "Không phải một ngày có thật: viết ngày/tháng/năm, ví dụ 15/7/2026.",
    fields: {
      issuingBody: "Cơ quan ban hành",
      compilingAgency: "Cơ quan tổng hợp",
      place: "Địa danh",
      deadline: "Hạn gửi báo cáo",
      signerName: "Người ký",
      archiveUnit: "Đơn vị soạn thảo (Lưu: VT, …)",
    },
  },
  templates: {
    title: "Mẫu câu chữ",
    hint: "Sửa câu chữ của dự thảo. Mẫu được lưu trong sổ làm việc và đi theo tệp.",
    pick: "Mẫu",
    groups: { plan: "Kế hoạch", row: "Từng chỉ tiêu", letter: "Công văn" },
    text: "Nội dung mẫu",
    fields: "Trường dùng được (bấm để chèn)",
    insert: (field: string) => `Chèn {${field}}`,
    invalid: "Mẫu chưa dùng được",
    valid: "Mẫu hợp lệ.",
    changed: "Đã sửa, chưa lưu",
    custom: "Khác mặc định",
    save: "Lưu mẫu",
    reset: "Khôi phục mặc định",
    confirmReset: (name: string) =>
      `Khôi phục mẫu “${name}” về câu chữ mặc định? Câu chữ đang có của mẫu này sẽ mất.`,
    confirm: "Khôi phục",
    cancel: "Thôi",
    preview: "Xem trước theo số liệu vừa tính",
    previewNeedsCompute: "Bấm “Tính tiến độ” để xem mẫu viết ra sao với số liệu thật.",
    previewUnused: "Số liệu vừa tính không có chỉ tiêu nào dùng mẫu này.",
    saved: (id: string) => `Đã lưu mẫu “${id}”.`,
    resetDone: (id: string) => `Đã khôi phục mẫu “${id}” về mặc định.`,
    loadProblems: "Mẫu đã lưu có lỗi, đã dùng mẫu mặc định",
  },
  errors: {
    title: "Có lỗi",
    load: "Không đọc được sổ làm việc",
    read: "Không đọc được trang tính",
    compute: "Không tính được tiến độ",
    write: "Không ghi được kết quả vào bảng tính",
    save: "Không lưu được thiết lập",
    select: "Không chọn được dòng",
    draft: "Không ghi được dự thảo",
    docx: "Không tạo được tệp .docx",
    clear: "Không xoá được kết quả",
    part: "Không hiển thị được phần này của tiện ích",
    host: (failure: HostFailure) => renderHostFailure(failure, hostWords.vi),
    noHeader: (_sheet: string, message: string) => message,
    unexpected: (detail: string) => `Lỗi không lường trước: ${detail}`,
  },
};

export type PaneMessages = typeof vi;
