/**
 * Excel on the web refuses a request or a response over 5 MB. Read as 5 000 000 bytes,
 * the stricter of its two readings (the other is 5 × 1024 × 1024).
 */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

/**
 * What a round trip is filled to: 5 % under the limit, for rows longer than those measured
 * before them and for Office.js's own wrapping of the data.
 */
export const PAYLOAD_LIMIT = 0.95 * WEB_PAYLOAD_LIMIT;

/**
 * UTF-8 bytes of a text, as it goes on the wire; a Vietnamese letter takes two or three.
 * @example utf8Length("Đạt") // 6
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Two bytes up to U+07FF, three up to U+FFFF; a surrogate pair is four for two units.
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Bytes of any value as Office.js sends it: JSON, in UTF-8. */
export function payloadBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** `\b \t \n \f \r` take two bytes in JSON; other control characters six (`\u0001`). */
const SHORT_ESCAPES = new Set([8, 9, 10, 12, 13]);

/**
 * One cell's bytes in JSON and UTF-8, counted without building the JSON, so that every
 * chunk read can be measured at little cost.
 * @example cellBytes("Đạt") // 8: two quotes, then 2 + 3 + 1
 */
export function cellBytes(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === "boolean") return value ? 4 : 5;
  if (typeof value !== "string") return 4; // null
  let bytes = value.length + 2;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate pair is four bytes; one alone is written `\udxxx`.
      const low = value.charCodeAt(i + 1);
      const pair = code < 0xdc00 && low >= 0xdc00 && low <= 0xdfff;
      bytes += pair ? 2 : 5;
      if (pair) i++;
    } else if (code >= 0x80) bytes += code >= 0x800 ? 2 : 1;
    else if (code === 0x22 || code === 0x5c) bytes += 1;
    else if (code < 0x20) bytes += SHORT_ESCAPES.has(code) ? 1 : 5;
  }
  return bytes;
}

/**
 * Bytes of a row in JSON and UTF-8, brackets and commas included.
 * @example rowBytes([1, "a"]) // 7, as `[1,"a"]`
 */
export function rowBytes(row: readonly unknown[]): number {
  let bytes = 1 + Math.max(1, row.length);
  for (const cell of row) bytes += cellBytes(cell);
  return bytes;
}

/**
 * Bytes of a block of rows in JSON and UTF-8, brackets and commas included.
 * @example blockBytes([[1, "a"], [2, "b"]]) // 17, as `[[1,"a"],[2,"b"]]`
 */
export function blockBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 1 + Math.max(1, rows.length);
  for (const row of rows) bytes += rowBytes(row);
  return bytes;
}

/** Excel's refusal of a round trip over the limit (a `RichApi.Error` with this code). */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? Reflect.get(error, "code") : null;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}
