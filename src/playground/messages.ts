/** The playground's own words; the pane inside it brings its own. */
export const playgroundMessages = {
  title: "Chỉ tiêu · Dùng thử trên trình duyệt",
  subtitle:
    "Mở một tệp .xlsx, tính tiến độ và soạn dự thảo như trong Excel. Tệp không rời khỏi máy của bạn.",
  open: "Mở tệp .xlsx",
  sample: "Dùng bảng mẫu 2024",
  download: "Tải về tệp đã tính",
  drop: "Hoặc kéo thả tệp .xlsx vào đây",
  sheets: "Trang tính",
  grid: "Bảng tính",
  workbook: "Sổ tính đang mở",
  empty: "Chưa mở tệp nào.",
  opening: "Đang mở tệp…",
  notXlsx: (name: string) => `"${name}" không phải tệp .xlsx.`,
};
