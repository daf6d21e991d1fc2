/**
 * docs/rules.md §4: the words for the reporting period and for what is left of the year.
 * `periodWords(6)` // { report: "6 tháng đầu năm", rest: "6 tháng cuối năm" }
 */
export function periodWords(months: number): { report: string; rest: string } {
  switch (months) {
    case 3:
      return { report: "quý I", rest: "9 tháng còn lại" };
    case 6:
      return { report: "6 tháng đầu năm", rest: "6 tháng cuối năm" };
    case 9:
      return { report: "9 tháng", rest: "3 tháng cuối năm" };
    case 11:
      return { report: "11 tháng", rest: "tháng 12" };
    case 12:
      return { report: "cả năm", rest: "năm sau" };
    default:
      return { report: `${months} tháng`, rest: `${12 - months} tháng cuối năm` };
  }
}
