/**
 * Text folding for matching Vietnamese headers and labels: headers arrive with or
 * without diacritics, in any case, with line breaks and odd spacing.
 */

/** `fold('Đơn vị  tính\n')` // "don vi tinh" */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009\s]+/g, " ")
    .trim();
}

/** The text of a cell value, trimmed and NFC-normalised; "" for blanks. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.normalize("NFC").replace(/\s+/g, " ").trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** A cell's text with its line breaks kept (solutions, agency lists), each line trimmed. */
export function multilineText(value: unknown): string {
  if (typeof value !== "string") return cellText(value);
  return value
    .normalize("NFC")
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Excel's column letters: `columnLetter(28)` // "AB" */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `columnNumber('AB')` // 28 */
export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
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
