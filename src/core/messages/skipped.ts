import type { SkipReason } from "../job";

/**
 * Why a sheet was left out of the job, in each language. Apart from the rest of the
 * catalogs: the pane's first screen says it, and carries nothing else of them.
 */
export const skipWords: Record<"vi" | "en", Record<SkipReason, string>> = {
  vi: {
    empty: "trang trống",
    notes: "chỉ có chữ, không có bảng số liệu",
    noHeader: "không có dòng tiêu đề của bảng chỉ tiêu",
  },
  en: {
    empty: "an empty sheet",
    notes: "words only, no table of figures",
    noHeader: "no header row of an indicator table",
  },
};
