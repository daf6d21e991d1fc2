/**
 * Draft wording as plain-text templates with named Vietnamese placeholders
 * (`{Chỉ tiêu}`, `{Kế hoạch}`...). Officials edit them; the workbook keeps them. Rendering
 * only substitutes text: a template is never evaluated as code.
 */
import { BoundedCache } from "../boundedCache";

const ROW = ["Chỉ tiêu", "chỉ tiêu", "Đơn vị tính", "Năm", "Kỳ báo cáo", "Kỳ còn lại"] as const;
const FIGURES = [
  "Kế hoạch",
  "Kế hoạch vốn",
  "Tỷ lệ kế hoạch vốn",
  "Thực hiện",
  "Tỷ lệ đạt",
  "Còn lại",
  "Vượt",
  "Năm trước",
  "So với năm trước",
  "Dự báo",
] as const;
/** Every placeholder a row sentence may use, in the order `rowValues` lists them. */
export const ROW_FIELDS = [...ROW, ...FIGURES] as const;
const DOC = [
  "Năm",
  "Kỳ báo cáo",
  "KỲ BÁO CÁO",
  "Kỳ còn lại",
  "Tỷ lệ thời gian",
  "Cơ quan tổng hợp",
  "Hạn",
] as const;

/** The plan's opening counts of indicators (units: a row with its `trong đó` rows). */
const COUNTS = [
  "Số chỉ tiêu",
  "Số chỉ tiêu đạt",
  "Số chỉ tiêu chậm",
  "Số chỉ tiêu khó đạt",
] as const;

/** Each template and the placeholders it may use. */
export const TEMPLATE_FIELDS = {
  "plan.title": [...DOC],
  "plan.subtitle": [...DOC],
  "plan.opening": [...DOC, ...COUNTS],
  "plan.opening.lagging": [...DOC, ...COUNTS],
  "plan.opening.missed": [...DOC, ...COUNTS],
  "plan.intro": [...DOC],
  "plan.section1": [...DOC],
  "plan.section1.onTrack": [...DOC],
  "plan.section1.closing": [...DOC],
  "plan.section2": [...DOC],
  "plan.agency": [...DOC, "Số thứ tự", "Cơ quan chủ trì", "Cơ quan phối hợp"],
  "plan.indicators": [...DOC],
  "plan.solutions": [...DOC],
  "plan.solutions.missing": [...DOC, "Cơ quan chủ trì"],
  "plan.closing": [...DOC],
  "plan.appendix": [...DOC, "Số phụ lục"],
  "row.done.cumulative": [...ROW_FIELDS],
  "row.done.level": [...ROW_FIELDS],
  "row.done.qualitative": [...ROW],
  "row.target": [...ROW_FIELDS],
  "row.target.share": [...ROW_FIELDS],
  "row.actual": [...ROW_FIELDS],
  "row.actual.percent": [...ROW_FIELDS],
  "row.actual.share": [...ROW_FIELDS],
  "row.remaining.up": [...ROW_FIELDS],
  "row.remaining.level": [...ROW_FIELDS],
  "row.remaining.down": [...ROW_FIELDS],
  "row.remaining.maintain": [...ROW_FIELDS],
  "row.remaining.none": [...ROW_FIELDS],
  "row.remaining.share": [...ROW_FIELDS],
  "row.remaining.below": [...ROW_FIELDS],
  "row.remaining.above": [...ROW_FIELDS],
  "row.noData": [...ROW_FIELDS],
  "row.sub.target": [...ROW_FIELDS],
  "row.sub.actual": [...ROW_FIELDS],
  "row.sub.remaining": [...ROW_FIELDS],
  "letter.subject": [...DOC],
  "letter.intro": [...DOC],
  "letter.agency": [...DOC, "Cơ quan", "Chỉ tiêu chủ trì", "Phối hợp"],
  "letter.agency.lead": [...DOC, "Cơ quan", "Chỉ tiêu chủ trì"],
  "letter.agency.support": [...DOC, "Cơ quan", "Phối hợp"],
  "letter.support": [...DOC, "Cơ quan chủ trì", "Chỉ tiêu"],
  "letter.deadline": [...DOC],
} as const;

export type TemplateId = keyof typeof TEMPLATE_FIELDS;
export type Templates = Record<TemplateId, string>;

/** The seeds' own wording (Plan 65/KH-UBND and the 2023 request letter). */
export const DEFAULT_TEMPLATES: Templates = {
  "plan.title": "KẾ HOẠCH",
  "plan.subtitle":
    "Phân công thực hiện nhiệm vụ phát triển kinh tế - xã hội từ nay đến cuối năm {Năm}",
  "plan.opening":
    "Triển khai thực hiện Nghị quyết Hội đồng nhân dân tỉnh về nhiệm vụ phát triển kinh tế - xã hội năm {Năm}, trong {Kỳ báo cáo} có {Số chỉ tiêu đạt}/{Số chỉ tiêu} chỉ tiêu chủ yếu đạt và vượt tiến độ kế hoạch.",
  "plan.opening.lagging":
    "Tuy nhiên, vẫn còn {Số chỉ tiêu chậm} chỉ tiêu chưa đạt yêu cầu tiến độ.",
  "plan.opening.missed":
    "Trong đó, {Số chỉ tiêu khó đạt} chỉ tiêu khó có khả năng hoàn thành kế hoạch năm {Năm}.",
  "plan.intro":
    "Để đảm bảo các chỉ tiêu đến cuối năm đều đạt và vượt kế hoạch đề ra, từ nay đến cuối năm cần tập trung lãnh đạo, chỉ đạo tổ chức thực hiện quyết liệt; Ủy ban nhân dân tỉnh ban hành kế hoạch phân công các sở, ngành và địa phương phụ trách các chỉ tiêu thực hiện từ nay đến cuối năm như sau:",
  "plan.section1": "I. MỘT SỐ CHỈ TIÊU ĐẠT TRÊN {Tỷ lệ thời gian} KẾ HOẠCH TRONG {KỲ BÁO CÁO}",
  "plan.section1.onTrack": "I. MỘT SỐ CHỈ TIÊU ĐẠT TIẾN ĐỘ KẾ HOẠCH TRONG {KỲ BÁO CÁO}",
  "plan.section1.closing":
    "Đối với các chỉ tiêu này, cần tập trung duy trì, phấn đấu, quyết tâm hoàn thành đạt và vượt chỉ tiêu Nghị quyết.",
  "plan.section2":
    "II. CÁC CHỈ TIÊU CHƯA ĐẠT THEO YÊU CẦU TIẾN ĐỘ, CÁC SỞ NGÀNH VÀ ĐỊA PHƯƠNG CẦN TẬP TRUNG THỰC HIỆN",
  "plan.agency": "{Số thứ tự}. {Cơ quan chủ trì}",
  "plan.indicators": "a) Chỉ tiêu chủ yếu",
  "plan.solutions": "b) Nhiệm vụ, giải pháp",
  "plan.solutions.missing":
    "[{Cơ quan chủ trì} bổ sung nhiệm vụ, giải pháp thực hiện các chỉ tiêu trên từ nay đến cuối năm.]",
  "plan.closing":
    "Trên đây là Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội những tháng cuối năm {Năm}, yêu cầu Thủ trưởng các sở, ban, ngành tỉnh và địa phương xây dựng kế hoạch chi tiết, có lộ trình, nội dung, cách thức phối hợp cụ thể, gửi về {Cơ quan tổng hợp} trước ngày {Hạn} để tổng hợp, báo cáo Ủy ban nhân dân tỉnh. Đề nghị Thủ trưởng các sở, ban, ngành và địa phương nghiêm túc, tích cực thực hiện, đảm bảo hoàn thành đạt và vượt các chỉ tiêu Nghị quyết Hội đồng nhân dân tỉnh năm {Năm} đã đề ra./.",
  "plan.appendix": "Phụ lục {Số phụ lục}",
  "row.done.cumulative": "{Chỉ tiêu} {Thực hiện} {Đơn vị tính}, đạt {Tỷ lệ đạt} kế hoạch;",
  "row.done.level":
    "{Chỉ tiêu} đạt {Thực hiện} {Đơn vị tính} (chỉ tiêu năm {Năm} là {Kế hoạch} {Đơn vị tính});",
  "row.done.qualitative": "{Chỉ tiêu};",
  "row.target": "{Chỉ tiêu} năm {Năm} là {Kế hoạch} {Đơn vị tính}{So với năm trước}",
  "row.actual": "Thực hiện {Kỳ báo cáo} đạt {Thực hiện} {Đơn vị tính} (đạt {Tỷ lệ đạt} kế hoạch)",
  "row.actual.percent": "{Kỳ báo cáo} đạt {Thực hiện} {Đơn vị tính}",
  "row.target.share":
    "{Chỉ tiêu} năm {Năm} đạt {Kế hoạch} kế hoạch vốn (kế hoạch vốn {Kế hoạch vốn} {Đơn vị tính})",
  "row.actual.share":
    "Thực hiện {Kỳ báo cáo} giải ngân {Thực hiện} {Đơn vị tính}, đạt {Tỷ lệ kế hoạch vốn} kế hoạch vốn",
  "row.remaining.share": "{Kỳ còn lại} cần giải ngân thêm ít nhất {Còn lại} {Đơn vị tính}",
  "row.remaining.below": "{Kỳ còn lại} phấn đấu giảm xuống {Kế hoạch} {Đơn vị tính}",
  "row.remaining.above": "{Kỳ còn lại} phấn đấu đạt {Kế hoạch} {Đơn vị tính}",
  "row.remaining.up": "nhiệm vụ {Kỳ còn lại} tăng thêm {Còn lại} {Đơn vị tính}",
  "row.remaining.level": "{Kỳ còn lại} phấn đấu tăng thêm {Còn lại} {Đơn vị tính}",
  "row.remaining.down": "{Kỳ còn lại} phấn đấu giảm thêm {Còn lại} {Đơn vị tính}",
  "row.remaining.maintain": "{Kỳ còn lại} phấn đấu khôi phục {Còn lại} {Đơn vị tính}",
  "row.remaining.none": "{Kỳ còn lại} tiếp tục duy trì, phấn đấu vượt chỉ tiêu",
  "row.noData": "{Chỉ tiêu} năm {Năm} là {Kế hoạch} {Đơn vị tính} (chưa có số liệu {Kỳ báo cáo}).",
  "row.sub.target": "trong đó, {chỉ tiêu} {Kế hoạch} {Đơn vị tính}{So với năm trước}",
  "row.sub.actual": "trong đó {chỉ tiêu} đạt {Thực hiện} {Đơn vị tính}",
  "row.sub.remaining": "trong đó, {chỉ tiêu} tăng thêm {Còn lại} {Đơn vị tính}",
  "letter.subject":
    "V/v đề xuất các nhiệm vụ, giải pháp thực hiện các chỉ tiêu {Năm} còn thấp, khả năng không đạt",
  "letter.intro":
    "Căn cứ kết quả thực hiện các chỉ tiêu chủ yếu của kế hoạch phát triển kinh tế - xã hội năm {Năm} trong {Kỳ báo cáo}; để có cơ sở tổng hợp, tham mưu Ủy ban nhân dân tỉnh, {Cơ quan tổng hợp} đề nghị quý cơ quan theo nhiệm vụ được giao đề xuất các nhiệm vụ, giải pháp tập trung thực hiện từ nay đến cuối năm nhằm thực hiện đạt và vượt các chỉ tiêu còn thấp, khả năng không đạt, cụ thể như sau:",
  "letter.agency": "- {Cơ quan}: chủ trì {Chỉ tiêu chủ trì}; {Phối hợp};",
  "letter.agency.lead": "- {Cơ quan}: chủ trì {Chỉ tiêu chủ trì};",
  "letter.agency.support": "- {Cơ quan}: {Phối hợp};",
  "letter.support": "phối hợp với {Cơ quan chủ trì} đối với {Chỉ tiêu}",
  "letter.deadline":
    "Nội dung đề xuất các nhiệm vụ, giải pháp thực hiện gửi về {Cơ quan tổng hợp} chậm nhất ngày {Hạn} để tổng hợp báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.",
};

/** A template that cannot be used, in words an official can act on. */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    message: string
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

type Piece = { text: string } | { field: string };

/** Splits a template into text and `{field}` pieces; throws TemplateError on a stray brace. */
export function parseTemplate(id: string, text: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    const close = text.indexOf("}", i);
    if (close !== -1 && (open === -1 || close < open)) {
      throw new TemplateError(
        id,
        `Mẫu "${id}" bị lỗi: dấu "}" ở vị trí ${close + 1} không có dấu "{" mở tương ứng.`
      );
    }
    if (open === -1) {
      pieces.push({ text: text.slice(i) });
      break;
    }
    if (open > i) pieces.push({ text: text.slice(i, open) });
    const end = text.indexOf("}", open);
    const nested = text.indexOf("{", open + 1);
    if (end === -1 || (nested !== -1 && nested < end)) {
      throw new TemplateError(
        id,
        `Mẫu "${id}" bị lỗi: dấu "{" ở vị trí ${open + 1} chưa được đóng bằng "}".`
      );
    }
    pieces.push({ field: text.slice(open + 1, end).trim() });
    i = end + 1;
  }
  return pieces;
}

/** Checks a template against the placeholders its id allows; throws TemplateError naming the first unknown one. */
export function validateTemplate(id: TemplateId, text: string): void {
  const allowed: readonly string[] = TEMPLATE_FIELDS[id];
  for (const piece of parseTemplate(id, text)) {
    if ("field" in piece && !allowed.includes(piece.field)) {
      throw new TemplateError(
        id,
        `Mẫu "${id}" có trường không có: {${piece.field}}. Các trường dùng được: ${allowed.map((f) => `{${f}}`).join(", ")}.`
      );
    }
  }
}

/** Fills a template's placeholders with text; a placeholder with no value renders empty. */
export function fill(
  id: TemplateId,
  text: string,
  values: Partial<Record<string, string>>
): string {
  // Own keys only: `{constructor}` must not reach Object.prototype.
  return fillWith(id, text, (field) => (Object.hasOwn(values, field) ? (values[field] ?? "") : ""));
}

/**
 * `fill` with each placeholder's value asked for when the template uses it: a row
 * sentence needs three or four of its fourteen values, and each costs a formatted number.
 */
export function fillWith(id: TemplateId, text: string, value: (field: string) => string): string {
  const { texts, fields } = compiled(id, text);
  const parts = [texts[0]];
  for (let i = 0; i < fields.length; i++) parts.push(value(fields[i]), texts[i + 1]);
  // Joined, not concatenated: `tidy` reads a flat string, and a chain of `+=` pieces would
  // be copied into one at its first character anyway, after a node per piece.
  return tidy(parts.join(""));
}

/** A template ready to fill: the texts around its fields, one more text than fields. */
interface Compiled {
  texts: string[];
  fields: string[];
}

/**
 * Templates already split, by their text: a draft fills the same few dozen templates once
 * per row. Bounded, so templates edited over a long session cannot grow it without end.
 */
const COMPILED = new BoundedCache<string, Compiled>(512);

function compiled(id: TemplateId, text: string): Compiled {
  // Parsed under its own id, so a stray brace is reported against the template that has it.
  return COMPILED.get(text) ?? COMPILED.set(text, compile(parseTemplate(id, text)));
}

/**
 * Every placeholder name, as the literal a `switch` on it names: a name cut from a
 * template's text is a fresh string, compared with each case character by character.
 */
const FIELD_NAMES = new Map<string, string>(
  Object.values(TEMPLATE_FIELDS).flatMap((names: readonly string[]) => names.map((n) => [n, n]))
);

function compile(pieces: Piece[]): Compiled {
  const texts = [""];
  const fields: string[] = [];
  for (const piece of pieces) {
    if ("text" in piece) texts[texts.length - 1] += piece.text;
    else {
      fields.push(FIELD_NAMES.get(piece.field) ?? piece.field);
      texts.push("");
    }
  }
  return { texts, fields };
}

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const OPEN = 0x28;

/** `%`, `,`, `;`, `:`, `.`, `)`: no space before them. */
function takesNoSpaceBefore(code: number): boolean {
  return (
    code === 0x25 ||
    code === 0x2c ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x2e ||
    code === 0x29
  );
}

/**
 * Vietnamese typography after substitution: no space before `%`, `,`, `;`, `:`, `)` nor a
 * line break, none after `(`; single spaces (tabs count as spaces). In one pass over the
 * text, copying only when a run of spaces changes: most sentences come out as they went in.
 * @example tidy("đạt 12,5 %  kế hoạch ( đạt ) ;") // "đạt 12,5% kế hoạch (đạt);"
 */
export function tidy(text: string): string {
  let out = "";
  let copied = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB) continue;
    let end = i + 1;
    while (end < length && (text.charCodeAt(end) === SPACE || text.charCodeAt(end) === TAB)) end++;
    const next = end < length ? text.charCodeAt(end) : -1;
    const drop =
      takesNoSpaceBefore(next) || next === NEWLINE || (i > 0 && text.charCodeAt(i - 1) === OPEN);
    // A single space that stays needs no copy.
    if (drop || end - i > 1 || code !== SPACE) {
      out += text.slice(copied, i) + (drop ? "" : " ");
      copied = end;
    }
    i = end - 1;
  }
  return (copied === 0 ? text : out + text.slice(copied)).trim();
}

export function isTemplateId(id: string): id is TemplateId {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_FIELDS, id);
}

/**
 * Reads templates as saved (JSON: `{ "version": 1, "templates": { id: text } }`) over the
 * defaults. A bad entry is reported and its default kept, so a draft can always be made.
 */
export function loadTemplates(json: string | null | undefined): {
  templates: Templates;
  errors: string[];
} {
  const templates: Templates = { ...DEFAULT_TEMPLATES };
  const errors: string[] = [];
  if (json === null || json === undefined || json.trim() === "") return { templates, errors };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { templates, errors: ["Tệp mẫu không phải JSON hợp lệ; dùng mẫu mặc định."] };
  }
  const entries = (data as { templates?: unknown })?.templates ?? data;
  if (typeof entries !== "object" || entries === null) {
    return { templates, errors: ["Tệp mẫu không có danh sách mẫu; dùng mẫu mặc định."] };
  }
  for (const [id, text] of Object.entries(entries as Record<string, unknown>)) {
    if (id === "version") continue;
    if (!isTemplateId(id)) {
      errors.push(`Không có mẫu tên "${id}"; bỏ qua.`);
      continue;
    }
    if (typeof text !== "string") {
      errors.push(`Mẫu "${id}" phải là một đoạn văn bản; dùng mẫu mặc định.`);
      continue;
    }
    try {
      validateTemplate(id, text);
      templates[id] = text;
    } catch (error) {
      errors.push(`${(error as Error).message} Dùng mẫu mặc định.`);
    }
  }
  return { templates, errors };
}

/** Only what differs from the defaults, so that new defaults reach old workbooks. */
export function saveTemplates(templates: Templates): string {
  const changed: Partial<Templates> = {};
  for (const id of Object.keys(DEFAULT_TEMPLATES) as TemplateId[]) {
    if (templates[id] !== DEFAULT_TEMPLATES[id]) changed[id] = templates[id];
  }
  return JSON.stringify({ version: 1, templates: changed }, null, 2);
}
