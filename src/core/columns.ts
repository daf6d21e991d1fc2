import { fold } from "./text";

/** What a column of the indicator table holds (docs/rules.md §1). */
export type ColumnRole =
  | "label"
  | "name"
  | "unit"
  | "target"
  | "actual"
  | "lastYear"
  | "samePeriod"
  | "agency"
  | "partners"
  | "reportedAchievement"
  | "reportedRemaining"
  | "solutions"
  | "kind";

export const COLUMN_ROLES: readonly ColumnRole[] = [
  "label",
  "name",
  "unit",
  "target",
  "actual",
  "lastYear",
  "samePeriod",
  "agency",
  "partners",
  "reportedAchievement",
  "reportedRemaining",
  "solutions",
  "kind",
];

/** Headers of the columns this product writes; the reader must never take them for input. */
export const OWN_HEADER_PREFIX = "Chỉ tiêu · ";

/**
 * Ordered rules over folded header text: the first that matches names the role.
 * Order matters: `Tiến độ so Kế hoạch (%)` is a reported achievement before it is a
 * target; `Chỉ tiêu NQ` is a target before `Chỉ tiêu` is a name; `Đơn vị tính` is a unit
 * before `Đơn vị` is a name; `So cùng kỳ (%)` is a growth ratio, not a figure.
 */
const RULES: readonly [ColumnRole | null, RegExp][] = [
  ["label", /^(stt|tt|so tt|so thu tu|thu tu|no\.?|#|ma so|ma)$/],
  ["solutions", /giai phap|solution/],
  ["partners", /phoi hop|partner|coordinat|support/],
  [
    "agency",
    /chu tri|phu trach|co quan thuc hien|don vi thuc hien|co quan giao|\blead\b|responsible|owner/,
  ],
  ["kind", /^(phan loai|loai|tinh chat|cach tinh|kieu)( chi tieu)?$|^(kind|type)$/],
  ["unit", /don vi tinh|\bdvt\b|^unit$|^units?\b/],
  // `TH/CK`: this year over the same period, a ratio like `So cùng kỳ (%)`.
  [null, /(so|tang|giam) (voi )?(cung ky|ck\b)|cung ky.*%|\/ ?(ck|cung ky)\b|growth|yoy/],
  [
    "reportedAchievement",
    /(\bso\b|\bdat\b|ty le|tien do).*(\bkh\b|ke hoach|chi tieu|\bnq\b|nghi quyet|du toan|%)|^dat$|ty le dat|muc dat|\(%\)|\/ ?(kh|ke hoach|nq)\b|achievement|% of (plan|target)/,
  ],
  [
    "reportedRemaining",
    /nhiem vu.*(cuoi nam|con lai|thang cuoi|quy iv|tiep theo)|con lai|con phai|phan dau them|(can|phai) (dat|thuc hien|tang) them|remaining|to go/,
  ],
  ["samePeriod", /cung ky|same period/],
  [
    "target",
    /ke hoach|\bkh\b|chi tieu (nq|nghi quyet|giao|ke hoach|hdnd|(nam )?(19|20)\d{2})|nghi quyet|\bnq\b|so giao|du toan|muc tieu|\btarget\b|\bplan\b/,
  ],
  ["lastYear", /nam truoc|last year|previous year|prior year/],
  ["actual", /thuc hien|\bth\b|\buoc\b|ket qua|luy ke|so lieu|actual|result/],
  [
    "name",
    /chi tieu|noi dung|^ten|danh muc|dia phuong|xa,? phuong|^don vi$|huyen|linh vuc|indicator|^name$|locality/,
  ],
];

/** `roleOfHeader('Tiến độ so Kế hoạch (%)')` // "reportedAchievement" */
export function roleOfHeader(text: string): ColumnRole | null {
  return roleOfFolded(fold(text));
}

function roleOfFolded(folded: string): ColumnRole | null {
  if (folded === "") return null;
  for (const [role, pattern] of RULES) {
    if (pattern.test(folded)) return role;
  }
  return null;
}

/** Each role's own rule (each role has one). */
const RULE_OF = new Map(
  RULES.filter((rule): rule is [ColumnRole, RegExp] => rule[0] !== null).map(([r, p]) => [r, p])
);

/**
 * `roleOfHeader(text) === role`, testing that role's rule first: a data cell matches none,
 * so the scan of every row for a repeated header runs one pattern a cell, not fourteen.
 */
export function isHeaderOf(text: string, role: ColumnRole): boolean {
  return mayName(text) && isFoldedHeaderOf(fold(text), role);
}

/** `isHeaderOf` for a text already folded (check `mayName` on the text first, to spare the fold). */
export function isFoldedHeaderOf(folded: string, role: ColumnRole): boolean {
  const rule = RULE_OF.get(role);
  if (folded === "" || rule === undefined || !rule.test(folded)) return false;
  return roleOfFolded(folded) === role;
}

/**
 * False for a text no rule can match, told without folding it: every rule needs a letter
 * except `#` (a label) and `(%)` (a reported achievement). Figures such as `34.000` or
 * `-12,5` are most of a sheet's cells.
 */
export function mayName(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A–Z, a–z, anything beyond ASCII (a Vietnamese letter), `#` or `%`.
    if (code >= 0x80 || code === 0x23 || code === 0x25) return true;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  }
  return false;
}

/** True for a header this product wrote (re-running replaces these columns). */
export function isOwnHeader(text: string): boolean {
  return fold(text).startsWith(fold(OWN_HEADER_PREFIX));
}

/** Four-digit years mentioned in a text: `yearsIn('KH năm 2024')` // [2024] */
export function yearsIn(text: string): number[] {
  return (text.match(/\b(19|20)\d{2}\b/g) ?? []).map(Number);
}

/** A header that speaks of a part of the year (`6 tháng`, `Quý I`). */
export function mentionsMonths(text: string): boolean {
  return monthsIn(text) !== null;
}

const QUARTERS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

/**
 * The months a period header covers: `monthsIn('TH 6 tháng đầu năm')` // 6,
 * `monthsIn('Quý I')` // 3, `monthsIn('Ước TH cả năm')` // 12.
 */
export function monthsIn(text: string): number | null {
  const folded = fold(text);
  // Not the day of a date: `ngày 5 tháng 7` is no 5-month period (a year may follow: `6 tháng 2025`).
  const months = folded.match(/(?<!ngay )\b(\d{1,2}) ?thang\b(?! ?\d{1,2}\b)/);
  if (months) {
    const n = Number(months[1]);
    if (n >= 1 && n <= 12) return n;
  }
  // `TH 6T/2026`, `Lũy kế đến tháng 10`: the abbreviations of period headers.
  const short = folded.match(/\b(\d{1,2}) ?t\b|\bden (het )?thang (\d{1,2})\b/);
  if (short) {
    const n = Number(short[1] ?? short[3]);
    if (n >= 1 && n <= 12) return n;
  }
  const quarter = folded.match(/\bquy (iv|iii|ii|i|[1-4])\b/);
  if (quarter) return 3 * QUARTERS[quarter[1]];
  const english = folded.match(/\b(\d{1,2}) ?months?\b/);
  if (english && Number(english[1]) >= 1 && Number(english[1]) <= 12) return Number(english[1]);
  const q = folded.match(/\bq([1-4])\b/);
  if (q) return 3 * Number(q[1]);
  if (/\b(6 thang dau nam|nua dau nam|first half|h1)\b/.test(folded)) return 6;
  if (/\bca nam\b|full year/.test(folded)) return 12;
  return null;
}
