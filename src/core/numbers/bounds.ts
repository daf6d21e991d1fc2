/**
 * Bounds in words around a figure (docs/rules.md §2: `dưới 2%`, `không quá 5`, `từ 95% trở lên`):
 * whether the target is a ceiling or a floor, strict or not.
 */
import type { ParsedNumber } from "../types";

export type Bound = NonNullable<ParsedNumber["bound"]>;

// Checked in order against the folded words just before the figure: longer phrases first,
// so `không dưới` (ge) wins over `dưới` (lt) and `nhỏ hơn` (lt) over `hơn` (gt).
const WORD = String.raw`(?:^|[^a-z0-9])`;
const BOUND_RULES: [RegExp, Bound][] = [
  [new RegExp(`${WORD}(lon|cao) hon hoac bang$`), "ge"],
  [new RegExp(`${WORD}(nho|thap) hon hoac bang$`), "le"],
  [new RegExp(`${WORD}(khong duoi|toi thieu|it nhat)$`), "ge"],
  [new RegExp(`${WORD}(khong (vuot )?qua|toi da)$`), "le"],
  [new RegExp(`${WORD}((nho|it|thap|kem) hon|duoi)$`), "lt"],
  [new RegExp(`${WORD}(tren|hon)$`), "gt"],
  [/(>=|≥)$/, "ge"],
  [/(<=|≤)$/, "le"],
  [/<$/, "lt"],
  [/>$/, "gt"],
];

/** Lower-case, without diacritics, `đ` → `d`, single spaces: `Không Dưới` → `khong duoi`. */
function fold(text: string): string {
  if (text === "") return "";
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The bound the words just before a figure put on it, if any.
 * @example boundBefore("Không dưới ") // "ge", where `dưới ` alone gives "lt"
 */
export function boundBefore(prefix: string): Bound | undefined {
  // Nothing before the figure, the common case: no rule matches an empty text.
  if (prefix === "") return undefined;
  const key = fold(prefix).replace(/[\s:]+$/, "");
  return BOUND_RULES.find(([re]) => re.test(key))?.[1];
}

/**
 * The bound the words just after a figure (and its percent sign) put on it, if any.
 * @example boundAfter(" trở lên") // "ge"
 */
export function boundAfter(rest: string): Bound | undefined {
  const after = fold(rest);
  if (/^tro ?len/.test(after)) return "ge";
  if (/^tro ?xuong/.test(after)) return "le";
  return undefined;
}
