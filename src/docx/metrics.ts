/**
 * How wide a line of Times New Roman is, so the heading block can be sized for the quốc hiệu
 * and a line under a name drawn at a share of the name's length (Decree 30, Phụ lục I).
 *
 * The advance widths (thousandths of an em) are Times New Roman's, as its metric twin
 * Liberation Serif carries them: Word and LibreOffice lay a line out to the same width.
 */

/** Printable ASCII, from the space (32) to the tilde (126). */
// prettier-ignore
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
  556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
  722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
  278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
// prettier-ignore
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
  611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
  722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
  278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/**
 * The Vietnamese letters wider than their base letter (the horn), and `đ`, which does not
 * decompose; every other accent sits on its letter without widening it. [regular, bold].
 */
const OWN_WIDTH: Record<string, readonly [number, number]> = {
  ơ: [529, 554],
  ư: [542, 600],
  Ơ: [722, 778],
  Ư: [776, 796],
  đ: [500, 556],
  Đ: [722, 722],
};

const HORN = "\u031b";
/** A character outside the tables (a dash, an ellipsis): half an em, as most figures are. */
const UNKNOWN = 500;

function glyph(char: string, bold: boolean): number {
  const parts = char.normalize("NFD");
  const key = parts[1] === HORN ? (parts[0] + HORN).normalize("NFC") : parts[0];
  const own = OWN_WIDTH[key];
  if (own) return own[bold ? 1 : 0];
  const code = key.charCodeAt(0);
  if (code === 0xa0) return 250;
  if (code < 32 || code > 126) return UNKNOWN;
  return (bold ? BOLD : REGULAR)[code - 32];
}

/**
 * The width of a line in twips at a size in half-points (Word's unit, 28 for 14 pt).
 * `textWidth("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26, true)` // 5424
 */
export function textWidth(text: string, halfPoints: number, bold: boolean): number {
  let em = 0;
  for (const char of text) em += glyph(char, bold);
  // thousandths of an em × half-points / 2 → points, × 20 → twips
  return Math.round((em * halfPoints) / 100);
}

/**
 * How far under a line's top its baseline sits, in twips: Times New Roman's ascent, 0,891 em.
 * Two sizes side by side read as one line when their baselines, not their tops, are level.
 */
export function ascent(halfPoints: number): number {
  return Math.round((891 * halfPoints) / 100);
}

/**
 * Room left for rounding: Word and LibreOffice place glyphs on device units, so a line the
 * metrics say fits exactly may still wrap.
 */
export const FIT = 0.97;

/** Words filled greedily into lines no wider than `limit`; a word wider than it stands alone. */
function fill(words: string[], limit: number, width: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && width(next) > limit) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * A centred text broken into as few lines as fit `room` (twips), of lengths as even as can
 * be, as a clerk breaks `ỦY BAN NHÂN DÂN` / `TỈNH TRÀ VINH` rather than leaving one word alone.
 */
export function balancedLines(
  text: string,
  halfPoints: number,
  bold: boolean,
  room: number
): string[] {
  const words = text.split(/\s+/).filter((word) => word !== "");
  const width = (line: string): number => textWidth(line, halfPoints, bold);
  const most = Math.floor(room * FIT);
  const count = fill(words, most, width).length;
  // The narrowest limit that still needs no more lines.
  let low = 0;
  let high = most;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fill(words, mid, width).length <= count) high = mid;
    else low = mid + 1;
  }
  return fill(words, high, width);
}
