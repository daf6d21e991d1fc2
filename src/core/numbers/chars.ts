/** Character tests shared by the readers of figures: they run on every character of a sheet. */

export const DOT = 0x2e;
export const COMMA = 0x2c;
export const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
export const isMark = (code: number): boolean => code === DOT || code === COMMA;

/**
 * NFC of a text, skipped when every character is below U+0300: none of them decomposes
 * and none composes with another, so most figures (`4.874,53`) are returned as they are.
 */
export function nfc(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x300) return text.normalize("NFC");
  }
  return text;
}
