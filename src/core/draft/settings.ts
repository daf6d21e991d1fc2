import { WorkbookReport } from "../job";
import { fold } from "../text";

/**
 * Who issues the draft, where and when (docs/rules.md §6): settings, defaulting to what the
 * workbook's title block says, and to visible placeholders where it says nothing.
 */
export interface DraftSettings {
  year: number | null;
  /** Reply or report deadline, as written (`15/07/2026`). */
  deadline: string;
  /** `ỦY BAN NHÂN DÂN TỈNH ...`, the body that issues the plan. */
  issuingBody: string;
  /** The department that compiles the figures and signs the letter. */
  compilingAgency: string;
  /** The plan's document number line, e.g. `Số:      /KH-UBND`. */
  planNumber: string;
  letterNumber: string;
  place: string;
  date: string;
  planSigner: string[];
  letterSigner: string[];
  signerName: string;
  /** The drafting unit's short name, closing Nơi nhận: `- Lưu: VT, THKTKG.` */
  archiveUnit: string;
}

export const PLACEHOLDER = {
  issuingBody: "[CƠ QUAN BAN HÀNH]",
  compilingAgency: "[Cơ quan tổng hợp]",
  place: "[Địa danh]",
  deadline: "[ngày/tháng/năm]",
  signerName: "[Họ và tên]",
  archiveUnit: "[đơn vị soạn thảo]",
  symbol: "[ký hiệu]",
};

/** The blanks of a document number a clerk fills at issue: `Số:       /KH-UBND`. */
export const NUMBER_BLANK = "       ";

/** Defaults from the workbook's title blocks, overridden by what the user set. */
export function draftSettings(
  report: WorkbookReport,
  given: Partial<DraftSettings> = {}
): DraftSettings {
  const issuingBody = report.title.find((text) =>
    /^(uy ban nhan dan|ubnd|hoi dong nhan dan)\b/.test(fold(text))
  );
  const unit = report.title.find((text) => /^(so|cuc|ban|van phong) /.test(fold(text)));
  const year = given.year ?? report.year;
  const defaults: DraftSettings = {
    year,
    deadline: PLACEHOLDER.deadline,
    issuingBody: issuingBody ? issuingBody.toUpperCase() : PLACEHOLDER.issuingBody,
    compilingAgency: unit ? agencyCase(unit) : PLACEHOLDER.compilingAgency,
    planNumber: `Số:${NUMBER_BLANK}/KH-UBND`,
    letterNumber: `Số:${NUMBER_BLANK}/${unit ? symbolOf(agencyCase(unit)) : PLACEHOLDER.symbol}`,
    place: issuingBody ? placeOf(issuingBody) : PLACEHOLDER.place,
    date: `ngày     tháng     năm ${year ?? "    "}`,
    planSigner: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    letterSigner: ["GIÁM ĐỐC"],
    signerName: PLACEHOLDER.signerName,
    archiveUnit: PLACEHOLDER.archiveUnit,
  };
  const settings = { ...defaults };
  for (const [key, value] of Object.entries(given) as [keyof DraftSettings, unknown][]) {
    if (value !== undefined && value !== null && value !== "")
      (settings as Record<string, unknown>)[key] = value;
  }
  // A deadline typed `15/07/2024` prints `15/7/2024`; one that is not a date stays as typed.
  settings.deadline = documentDate(settings.deadline) ?? settings.deadline;
  return settings;
}

/**
 * A date typed as day/month/year, written as the seeds write dates: the day in two digits,
 * the month in two only for January and February (Decree 30 writes `tháng 01`, `tháng 7`).
 * null when it is not a date of the calendar.
 * @example documentDate("6/7/2023") // "06/7/2023"; documentDate("31/02/2024") // null
 */
export function documentDate(text: string): string | null {
  const match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(day)}/${month <= 2 ? pad(month) : month}/${year}`;
}

/**
 * An agency written in capitals as an official name is cased:
 * `agencyCase('SỞ KẾ HOẠCH VÀ ĐẦU TƯ')` // "Sở Kế hoạch và Đầu tư"
 */
export function agencyCase(text: string): string {
  if (text !== text.toUpperCase()) return text.trim();
  const lower = text.toLocaleLowerCase("vi").trim().replace(/\s+/g, " ");
  // The type word and the first word of each joined part are capitalised.
  return lower
    .split(/( và | - |, )/)
    .map((part, i) => (i % 2 === 1 ? part : capitalise(part)))
    .join("")
    .replace(
      /^(\S+) (\S)/,
      (_, type: string, first: string) => `${capitalise(type)} ${first.toLocaleUpperCase("vi")}`
    );
}

/**
 * A body's symbol as document numbers write it, the initials of its words but `và`:
 * `symbolOf("Sở Kế hoạch và Đầu tư")` // "SKHĐT"
 */
export function symbolOf(body: string): string {
  return body
    .split(/[\s,-]+/)
    .filter((word) => word !== "" && fold(word) !== "va")
    .map((word) => word[0].toLocaleUpperCase("vi"))
    .join("");
}

/** `placeOf('ỦY BAN NHÂN DÂN TỈNH TRÀ VINH')` // "Trà Vinh" */
export function placeOf(body: string): string {
  const match = /(?:TỈNH|THÀNH PHỐ|TINH|THANH PHO)\s+(.+)$/i.exec(body.trim());
  if (!match) return PLACEHOLDER.place;
  return match[1].toLocaleLowerCase("vi").split(/\s+/).map(capitalise).join(" ");
}

export function capitalise(word: string): string {
  return word === "" ? word : word[0].toLocaleUpperCase("vi") + word.slice(1);
}

/** Lower-cases an indicator's first letter for mid-sentence use, but not an acronym (`BHXH`). */
export function midSentence(name: string): string {
  if (name.length < 2) return name;
  if (!isLowerCase(name.charCodeAt(1), name[1])) return name;
  const code = name.charCodeAt(0);
  // An ASCII capital lower-cases alone; any other first letter through the locale's rules.
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20) + name.slice(1);
  return (code < 0x80 ? name[0] : name[0].toLocaleLowerCase("vi")) + name.slice(1);
}

/** A character that lower-casing leaves as it is: told without the locale for ASCII. */
function isLowerCase(code: number, char: string): boolean {
  if (code < 0x80) return code < 0x41 || code > 0x5a;
  // Through the locale once per character: a letter's names share a few dozen letters,
  // and the locale's call costs more than the rest of a row's clause.
  let known = LOWER_CASE[code];
  if (known === UNKNOWN) {
    known = char === char.toLocaleLowerCase("vi") ? YES : NO;
    LOWER_CASE[code] = known;
  }
  return known === YES;
}

/** Per UTF-16 code unit, whether `isLowerCase` holds, once told. */
const LOWER_CASE = new Uint8Array(0x10000);
const UNKNOWN = 0;
const YES = 1;
const NO = 2;
