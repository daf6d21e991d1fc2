/** What the Excel adapter tells a user, in Vietnamese: plain words, no API names. */
export const excelMessages = {
  unsupported:
    "Phiên bản Excel này chưa hỗ trợ đủ chức năng cho Chỉ tiêu (cần ExcelApi 1.13: Excel 2021, Microsoft 365 hoặc Excel trên web). Vui lòng cập nhật Excel.",
  readFailed: "Không đọc được trang tính.",
  protectedSheet: (sheet: string) =>
    `Trang "${sheet}" đang được bảo vệ nên không ghi được kết quả. Hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi tính lại; bảng tính chưa bị thay đổi.`,
  writeFailed: (reason: string) =>
    `Không ghi được kết quả vào bảng tính; các cột đã được trả lại như trước.${reason ? ` (${reason})` : ""}`,
  settingsFailed: "Không lưu được thiết lập vào tệp.",
};
