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
}

export const PLACEHOLDER = {
  issuingBody: "[CƠ QUAN BAN HÀNH]",
  compilingAgency: "[Cơ quan tổng hợp]",
  place: "[Địa danh]",
  deadline: "[ngày/tháng/năm]",
  signerName: "[Họ và tên]",
};

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
    planNumber: "Số:       /KH-UBND",
    letterNumber: "Số:       /",
    place: issuingBody ? placeOf(issuingBody) : PLACEHOLDER.place,
    date: `ngày     tháng     năm ${year ?? "    "}`,
    planSigner: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    letterSigner: ["GIÁM ĐỐC"],
    signerName: PLACEHOLDER.signerName,
  };
  const settings = { ...defaults };
  for (const [key, value] of Object.entries(given) as [keyof DraftSettings, unknown][]) {
    if (value !== undefined && value !== null && value !== "")
      (settings as Record<string, unknown>)[key] = value;
  }
  return settings;
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
  return char === char.toLocaleLowerCase("vi");
}
