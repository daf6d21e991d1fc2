import { fold } from "./text";

/*
 * What a row's label and name say about it: a part of the row above (`- Trong đó:`,
 * `1.1`, `a)`), or a totals row (`Tổng cộng`, `Toàn tỉnh`).
 */

// `trong đó` as a whole word: `Trong doanh nghiệp ...` is a name, not a mark.
const SUB_MARK = /^\s*([-+•*–—]|trong (đó|do)(?!\p{L})\s*:?)\s*/iu;
/** Marks may be stacked: `- Trong đó: BHXH tự nguyện`. */
const SUB_MARKS = /^(\s*([-+•*–—:]|trong (đó|do)(?!\p{L})))+\s*/iu;

const MARK_LABEL = /^[-+•*–]$/;
const PART_LABEL = /^\d+\.\d+/;
const LETTER_LABEL = /^[a-z][).]?$/;

export function isSubRow(label: string, name: string): boolean {
  if (SUB_MARK.test(name)) return true;
  const bare = label.trim();
  return MARK_LABEL.test(bare) || PART_LABEL.test(bare) || LETTER_LABEL.test(bare);
}

/** `cleanName("- Trong đó: BHXH tự nguyện")` // "BHXH tự nguyện" */
export function cleanName(name: string): string {
  return name.replace(SUB_MARKS, "").trim();
}

/** `Tổng cộng toàn tỉnh`, `Cộng`, `Toàn tỉnh`; not `Tổng vốn đầu tư` nor `Công nghiệp`. */
export function isTotalName(name: string): boolean {
  return isTotalFolded(name, fold(name));
}

const BRACKETS = /[():.]/;
const BRACKET_RUNS = /[():.]+/g;
// A city under central rule totals `Toàn thành phố`.
const TOTAL =
  /^(tong cong|tong so|tong|cong|total|grand total)? ?(toan tinh|ca tinh|toan thanh pho|ca thanh pho|toan quoc|chung|all)?$/;

/** `isTotalName` given `fold(name)` as well. */
export function isTotalFolded(name: string, foldedName: string): boolean {
  // `Tổng cộng (toàn tỉnh)` reads as `Tổng cộng toàn tỉnh`.
  const folded = BRACKETS.test(name) ? fold(name.replace(BRACKET_RUNS, " ")) : foldedName;
  return folded !== "" && TOTAL.test(folded);
}
