/**
 * Writing figures the Vietnamese way (docs/rules.md §4): `.` for thousands, `,` for decimals,
 * half away from zero on the digits a person reads. Pure: no host, no Intl locale data.
 */

const DOT = 0x2e;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Non-negative finite number as plain decimal digits, without exponent: 1e-7 → `0.0000001`. */
function toPlain(abs: number): string {
  // JavaScript writes an exponent only below 1e-6 and from 1e21 on.
  if (abs === 0 || (abs >= 1e-6 && abs < 1e21)) return String(abs);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(String(abs));
  if (!m) return String(abs);
  const digits = m[1] + (m[2] ?? "");
  const point = 1 + Number(m[3]);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A number rounded for reading: its sign, integer digits and decimal digits. */
interface Rounded {
  negative: boolean;
  whole: string;
  frac: string;
}

/** Rounds half away from zero on the decimal digits a person would read (2.675 → 2.68). */
function roundDigits(value: number, decimals: number): Rounded {
  const d = Number.isFinite(decimals) ? Math.min(Math.max(Math.floor(decimals), 0), 340) : 0;
  const abs = Math.abs(value);
  // An integer below 10^15 has at most 15 digits, all kept: nothing to round, no text to read.
  if (Number.isInteger(value) && abs < 1e15)
    return { negative: value < 0, whole: String(abs), frac: zeros(d) };
  // 15 significant digits: 2.675 is stored as 2.67499999…, and computed values carry noise.
  const plain = fifteenDigits(value);
  const dot = plain.indexOf(".");
  const intPart = dot < 0 ? plain : plain.slice(0, dot);
  const fracPart = dot < 0 ? "" : plain.slice(dot + 1);
  if (fracPart.length <= d) return padded(value, intPart, fracPart, d);
  // More digits than asked for: cut, and carry when the first one dropped is 5 or more.
  let digits = intPart + fracPart.slice(0, d);
  if (fracPart.charCodeAt(d) >= 53) digits = plusOne(digits);
  const head = digits.length - d;
  // Leading zeros go, but not the last digit of the integer part.
  let lead = 0;
  while (lead < head - 1 && digits.charCodeAt(lead) === 0x30) lead++;
  const whole = digits.slice(lead, head) || "0";
  const frac = digits.slice(head);
  return { negative: value < 0 && hasNonZero(digits), whole, frac };
}

/**
 * `toPlain(Math.abs(Number(value.toPrecision(15))))` without reading the digits back: a
 * decimal of at most 15 significant digits is the shortest one its double prints as, so
 * the fixed-point text of `toPrecision`, less its sign and trailing zeros, is that text.
 * @example fifteenDigits(-2.675) // "2.675"
 */
function fifteenDigits(value: number): string {
  const text = value.toPrecision(15);
  // Exponent notation (below 1e-6, from 1e15): the long way.
  if (text.includes("e")) return toPlain(Math.abs(Number(text)));
  const start = text.charCodeAt(0) === 0x2d ? 1 : 0;
  let end = text.length;
  if (text.includes(".")) {
    while (text.charCodeAt(end - 1) === 0x30) end--;
    if (text.charCodeAt(end - 1) === DOT) end--;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** True when a text has a digit other than 0 (`/[1-9]/`): "Infinity", from an overflow, has none. */
function hasNonZero(digits: string): boolean {
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i);
    if (code > 0x30 && code <= 0x39) return true;
  }
  return false;
}

/** `d` zeros, the common counts made once. */
const ZEROS = ["", "0", "00", "000", "0000", "00000", "000000"];
function zeros(d: number): string {
  return d < ZEROS.length ? ZEROS[d] : "0".repeat(d);
}

/** Adds one to a string of digits: `plusOne("1299")` // "1300", `plusOne("99")` // "100". */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  const zeros = "0".repeat(digits.length - 1 - i);
  if (i < 0) return `1${zeros}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + zeros;
}

/**
 * `roundDigits` when the number has no more digits than asked for: nothing to round.
 * A plain number's integer part has no leading zero and its fraction ends in a non-zero
 * digit: the integer part alone is the whole number.
 */
function padded(value: number, intPart: string, fracPart: string, d: number): Rounded {
  return {
    negative: value < 0 && (fracPart !== "" || hasNonZero(intPart)),
    whole: intPart,
    frac: fracPart.length === 0 ? zeros(d) : fracPart.padEnd(d, "0"),
  };
}

/**
 * Vietnamese-style text, `.` for thousands and `,` for decimals, half away from zero.
 * @example formatNumber(4874.53, 2) // "4.874,53"
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const d = Number.isFinite(decimals) ? Math.min(Math.max(Math.floor(decimals), 0), 340) : 0;
  const abs = Math.abs(value);
  // An integer below 10^15 has at most 15 digits, all kept: nothing to round.
  if (Number.isInteger(value) && abs < 1e15)
    return (value < 0 ? "-" : "") + grouped(abs) + (d === 0 ? "" : `,${zeros(d)}`);
  // Worked out each time, not remembered: the arithmetic costs less than a look-up by value.
  return (d <= 2 ? fewDigits(value, abs, d) : null) ?? vietnamese(value, d);
}

/** 10^d, exact, for the decimals `roundedUnits` can round. */
const SCALE = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/**
 * `|value|` rounded half away from zero to `d` decimals, in units of 10^-d, by arithmetic
 * rather than by digits: -1 when the value is too large or too close to a half for a
 * double to tell which way it rounds. A value's 15 significant digits and the double
 * `abs * 10^d` differ by less than 10^-2 of a unit below 10^12, so a fraction further
 * than that from a half rounds as those digits do.
 * @example roundedUnits(2.675, 2) // -1: 267.49999… is too close to a half
 */
function roundedUnits(abs: number, d: number): number {
  if (d >= SCALE.length) return -1;
  const scaled = abs * SCALE[d];
  if (!(scaled < 1e12)) return -1;
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  if (rest > 0.49 && rest < 0.51) return -1;
  return rest > 0.5 ? floor + 1 : floor;
}

/** `vietnamese` for most figures of a sheet (two decimals at most), or null (see `roundedUnits`). */
function fewDigits(value: number, abs: number, d: number): string | null {
  const units = roundedUnits(abs, d);
  if (units < 0) return null;
  const scale = SCALE[d];
  const frac = units % scale;
  const whole = grouped((units - frac) / scale);
  // -0,00 is not a figure: a negative that rounds to nothing is written without its sign.
  const sign = value < 0 && units !== 0 ? "-" : "";
  if (d === 0) return sign + whole;
  return `${sign}${whole},${d === 1 ? String(frac) : DIGIT_PAIRS[frac]}`;
}

/** `00` to `99`: two decimals, made once rather than per figure. */
const DIGIT_PAIRS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** `000` to `999`: a group of thousands after the first, made once rather than per figure. */
const GROUPS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

/** A whole number below 10^15 grouped by three: `grouped(1234567)` // "1.234.567" */
function grouped(whole: number): string {
  if (whole < 1000) return String(whole);
  const group = whole % 1000;
  return `${grouped((whole - group) / 1000)}.${GROUPS[group]}`;
}

function vietnamese(value: number, decimals: number): string {
  const { negative, whole, frac } = roundDigits(value, decimals);
  return `${negative ? "-" : ""}${thousands(whole)}${frac ? `,${frac}` : ""}`;
}

/** Digits grouped by three from the right: `thousands("1234567")` // "1.234.567" */
function thousands(whole: string): string {
  if (whole.length <= 3) return whole;
  // Not digits: "Infinity", when 15 significant digits overflow. Only digits are grouped.
  for (let i = 0; i < whole.length; i++) if (!isDigit(whole.charCodeAt(i))) return whole;
  const first = whole.length % 3 || 3;
  let out = whole.slice(0, first);
  for (let i = first; i < whole.length; i += 3) out += `.${whole.slice(i, i + 3)}`;
  return out;
}

/**
 * A fraction as a Vietnamese percentage.
 * @example formatPercent(0.503125) // "50,31%"
 */
export function formatPercent(fraction: number, decimals = 2): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/**
 * The rounding of formatNumber, as a number.
 * @example roundTo(2.675, 2) // 2.68
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // An integer below 10^15 rounds to itself (and -0 to 0, as the text "0" reads).
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value === 0 ? 0 : value;
  // Most values by arithmetic: units / 10^d is the double nearest that decimal, as its
  // text read back would be (both exact, and division rounds correctly).
  const d = Number.isFinite(decimals) ? Math.max(Math.floor(decimals), 0) : 0;
  const units = roundedUnits(Math.abs(value), d);
  if (units === 0) return 0;
  if (units > 0) return value < 0 ? -units / SCALE[d] : units / SCALE[d];
  const { negative, whole, frac } = roundDigits(value, decimals);
  return Number(`${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`);
}
