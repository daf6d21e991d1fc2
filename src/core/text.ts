/**
 * Text folding for matching Vietnamese headers and labels: headers arrive with or
 * without diacritics, in any case, with line breaks and odd spacing.
 */

/** `fold('Đơn vị  tính\n')` // "don vi tinh" */
export function fold(text: string): string {
  // Character by character through a table, ten times faster than normalising a whole
  // sheet and without a string per character; anything the table does not know (or a
  // very long text) takes the reference path.
  if (text.length > BUFFER.length) return foldByNormalising(text);
  let length = 0;
  let space = false;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < FOLD_TABLE.length ? FOLD_TABLE[code] : UNKNOWN;
    if (folded === UNKNOWN) return foldByNormalising(text);
    if (folded === REMOVED) continue;
    if (folded === SPACE) {
      space = length > 0;
      if (code !== 0x20) changed = true;
      continue;
    }
    if (space) BUFFER[length++] = 0x20;
    space = false;
    if (folded !== code) changed = true;
    BUFFER[length++] = folded;
  }
  // Nothing dropped and nothing replaced: the text was already folded.
  if (!changed && length === text.length) return text;
  return String.fromCharCode.apply(null, view(length) as unknown as number[]);
}

/**
 * The first character of `fold(text)` without folding the rest: "" when the fold is
 * empty, null when a character outside the table comes first (then fold the text).
 * @example firstFolded("  Đơn vị") // "d"
 */
export function firstFolded(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < FOLD_TABLE.length ? FOLD_TABLE[code] : UNKNOWN;
    if (folded === UNKNOWN) return null;
    if (folded !== SPACE && folded !== REMOVED) return String.fromCharCode(folded);
  }
  return "";
}

/**
 * The length of `fold(text)` without making it, or -1 when the table cannot tell (a
 * character outside it, or a very long text): a cell can be turned away by its length.
 * @example foldedLength("  Đơn vị  tính ") // 11, the length of "don vi tinh"
 */
export function foldedLength(text: string): number {
  if (text.length > BUFFER.length) return -1;
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < FOLD_TABLE.length ? FOLD_TABLE[code] : UNKNOWN;
    if (folded === UNKNOWN) return -1;
    if (folded === REMOVED) continue;
    if (folded === SPACE) {
      space = length > 0;
      continue;
    }
    if (space) length++;
    space = false;
    length++;
  }
  return length;
}

/** The reference definition of `fold`; the table is built from these same steps. */
function foldByNormalising(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009\s]+/g, " ")
    .trim();
}

/** Table entries that are not a character code. */
const UNKNOWN = -1;
const SPACE = -2;
const REMOVED = -3;
/** The folded text's character codes, reused from one call to the next; longer texts fold the reference way. */
const BUFFER = new Uint16Array(4096);
/** The buffer's first n codes, one view per length made once: a new view per call is garbage. */
const VIEWS: Uint16Array[] = [];
function view(length: number): Uint16Array {
  return VIEWS[length] ?? (VIEWS[length] = BUFFER.subarray(0, length));
}
/** Latin letters (Vietnamese included), their combining marks, and the spaces `fold` collapses. */
const FOLD_RANGES: [number, number][] = [
  [0x0000, 0x024f],
  [0x0300, 0x036f],
  [0x1680, 0x1680],
  [0x1e00, 0x1eff],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

/**
 * Each character's fold on its own, as a character code: NFD only splits a Latin letter
 * from its marks (no reordering survives the marks' removal) and lower-casing needs no
 * context outside Greek, so a string of these characters folds to the concatenation of
 * their folds. Characters whose fold is not one plain character (or none) stay out.
 */
function buildFoldTable(): Int32Array {
  const table = new Int32Array(0x3001).fill(UNKNOWN);
  for (const [from, to] of FOLD_RANGES) {
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      if (/[\u00a0\u202f\u2009\s]/.test(ch)) {
        table[code] = SPACE;
        continue;
      }
      const stripped = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      const folded = stripped.replace(/[đĐ]/g, "d").toLowerCase();
      if (folded === "") table[code] = REMOVED;
      else if (folded.length === 1 && !/\p{M}|\s/u.test(folded)) table[code] = folded.charCodeAt(0);
    }
  }
  return table;
}
const FOLD_TABLE = buildFoldTable();

/** The text of a cell value, trimmed and NFC-normalised; "" for blanks. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string")
    return isTidy(value) ? value : value.normalize("NFC").replace(/\s+/g, " ").trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/**
 * True when `cellText` would return the text unchanged: Latin characters only (no mark
 * for NFC to compose, nothing it decomposes), single spaces, none at either end. Most
 * cells are, and the check costs less than normalising them.
 */
export function isTidy(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 0x20) return false;
    } else if (code < 0x21 || (code > 0x7e && code < 0xa1) || (code > 0x24f && code < 0x1e00)) {
      return false;
    } else if (code > 0x1eff) return false;
  }
  return true;
}

/** A cell's text with its line breaks kept (solutions, agency lists), each line trimmed. */
export function multilineText(value: unknown): string {
  if (typeof value !== "string") return cellText(value);
  // One tidy line has nothing to split, trim or normalise.
  if (isTidy(value)) return value;
  return value
    .normalize("NFC")
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Letters of the columns met so far: every cell address of a sheet needs one. */
const LETTERS: string[] = [];

/** Excel's column letters: `columnLetter(28)` // "AB" */
export function columnLetter(column: number): string {
  const known = Number.isInteger(column) && column > 0 && column <= 16384;
  if (known && LETTERS[column] !== undefined) return LETTERS[column];
  const letters = lettersOf(column);
  if (known) LETTERS[column] = letters;
  return letters;
}

function lettersOf(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `columnNumber('AB')` // 28, for letters known to be a column's (from an address) */
export function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    // Beyond ASCII, upper case may change the text's length: the long way.
    if (code > 0x7f) return columnNumberSlowly(letters);
    col = col * 26 + ((code >= 0x61 && code <= 0x7a ? code - 0x20 : code) - 64);
  }
  return col;
}

function columnNumberSlowly(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** A column typed or stored by a person: `parseColumn(' g ')` // 7; `parseColumn('7')` // null */
export function parseColumn(text: string): number | null {
  const letters = text.trim();
  return /^[A-Za-z]{1,3}$/.test(letters) ? columnNumber(letters) : null;
}

/** `address(12, 7)` // "G12" */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A section label such as `I`, `IV`, `A`, `B.`; not an ordinal (`1`, `1.2`) nor a sub-item (`a)`). */
export function isSectionLabel(label: string): boolean {
  const bare = label.trim().replace(/[.)]$/, "");
  return /^[IVXL]+$/.test(bare) || /^[A-H]$/.test(bare);
}
