import type { HostCatalog } from "../host";

/**
 * What a host (Excel, the browser, the command line) could not do, in each language. Apart
 * from the rest of the catalogs: the pane's first screen shows these, and only these.
 */
export const hostWords: Record<"vi" | "en", HostCatalog> = {
  vi: {
    unsupported: () =>
      "Phiên bản Excel này chưa hỗ trợ đủ chức năng cho Chỉ tiêu (cần ExcelApi 1.13: Excel 2021, Microsoft 365 hoặc Excel trên web). Vui lòng cập nhật Excel.",
    noExcel: () => "Không kết nối được với Excel. Hãy mở tiện ích từ trong Excel.",
    protected: ({ sheet }) =>
      `Trang "${sheet}" đang được bảo vệ nên không ghi được kết quả. Hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi tính lại; bảng tính chưa bị thay đổi.`,
    writeFailed: ({ detail }) =>
      `Không ghi được kết quả vào bảng tính; các cột đã được trả lại như trước.${detail ? ` (${detail})` : ""}`,
    settingsFailed: () => "Không lưu được thiết lập vào tệp.",
    noSheet: ({ sheet }) =>
      sheet === null ? "Tệp không có trang tính nào." : `Không có trang tính "${sheet}".`,
    readFailed: ({ detail }) => `Không đọc được trang tính.${detail ? ` ${detail}` : ""}`,
    notXlsx: () => "Tệp này không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.",
    resultsMoved: ({ sheet }) =>
      `Các cột kết quả ở trang "${sheet}" đã bị dời hoặc sửa sau khi tính, nên không xoá để khỏi ghi đè số liệu. Hãy dùng Ctrl+Z hoặc xoá các cột "Chỉ tiêu · …" bằng tay; bảng tính chưa bị thay đổi.`,
  },
  en: {
    unsupported: () =>
      "This version of Excel lacks what the add-in needs (ExcelApi 1.13). Use Microsoft 365, Excel 2021 or later, or Excel on the web.",
    noExcel: () => "Cannot reach Excel. Open the add-in from inside Excel.",
    protected: ({ sheet }) =>
      `Sheet “${sheet}” is protected, so the results were not written. Unprotect it (Review › Unprotect Sheet) and compute again; the workbook is unchanged.`,
    writeFailed: ({ detail }) =>
      `Excel refused the write; the columns were put back as they were. Leave cell editing mode and try again.${detail ? ` (${detail})` : ""}`,
    settingsFailed: () => "The settings could not be saved in the file.",
    noSheet: ({ sheet }) =>
      sheet === null
        ? "The file has no sheet."
        : `There is no sheet “${sheet}”. Pick another sheet.`,
    readFailed: ({ detail }) =>
      `The sheet could not be read. Try again.${detail ? ` (${detail})` : ""}`,
    notXlsx: () => "This file is not a valid Excel workbook (.xlsx), or it is damaged.",
    resultsMoved: ({ sheet }) =>
      `The result columns on sheet “${sheet}” were moved or edited after the compute, so they were not cleared (that would overwrite data). Use Ctrl+Z or delete the “Chỉ tiêu · …” columns by hand; the workbook is unchanged.`,
  },
};
