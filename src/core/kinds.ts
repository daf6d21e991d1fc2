import { ParsedNumber } from "./types";
import { isNumber, parseNumber } from "./numbers";
import { fold } from "./text";

/** docs/rules.md §2: how an indicator's figures behave over the year. */
export type IndicatorKind = "cumulative" | "level" | "reduction" | "maintain" | "qualitative";
export type Direction = "up" | "down";

export interface KindInfo {
  kind: IndicatorKind;
  direction: Direction;
  /** For a percent-of-plan target (`trên 95% kế hoạch vốn`): the share of the plan, 0.95. */
  planShare?: number;
  /** The plan amount written beside such a target, when there is one. */
  planAmount?: number;
  planDecimals?: number;
}

export interface KindInput {
  name: string;
  unit: string;
  targetText: string;
  target: ParsedNumber | null;
  actual: ParsedNumber | null;
}

/**
 * Rates where less is better: unemployment, poverty, mortality (`tử vong`, `tỷ suất chết`),
 * labour still in farming, however the sector is worded (`làm việc trong ngành nông nghiệp`,
 * `nông, lâm nghiệp và thủy sản`).
 */
const LOWER_IS_BETTER =
  /that nghiep|ho ngheo|ty le ngheo|ho can ngheo|suy dinh duong|tu vong|ty suat chet|tai nan|toi pham|o nhiem|lao dong\b.{0,30}\bnong(, lam)? nghiep|lao dong khu vuc i\b|sinh con thu 3|ty suat sinh|bo hoc|lang phi|no xau|unemploy|poverty|mortality/;

/** Stocks and rates measured at a date rather than summed over the year. */
const LEVEL_UNIT =
  /%|‰|\/ ?(van|nghin|1\.?000|100\.?000|10\.?000) dan|\/ ?nguoi|giuong|bac si|usd\/nguoi|trieu dong\/nguoi|binh quan/;
const LEVEL_NAME =
  /^(ty le|ty trong|so giuong|so bac si|mat do|thu nhap binh quan|grdp binh quan|chi so|he so|toc do|muc tang|tang truong)|binh quan dau nguoi|\/ ?van dan|che phu|bao phu/;
const DIGIT = /\d/;
/**
 * Words that say a figure is missing (`chưa có`, `n/a`, `đang cập nhật`), folded: a target
 * written so is a figure still to come, not a qualitative target (docs/rules.md §2).
 */
const NO_FIGURE =
  /^(chua co( so lieu)?|khong co( so lieu)?|dang cap nhat|chua cap nhat|n\/?a|#n\/a|na)\.?$/;
const MAINTAIN = /\b(giu vung|duy tri|giu on dinh)\b/;
const DOWN_TO = /\bgiam (xuong |con )/;
const REDUCE = /\bgiam\b/;
const RAISE = /\btang\b/;
/** A target given as a share of a plan amount: `trên 95% kế hoạch vốn`. */
const PLAN = /ke hoach|\bkh\b|von giao|du toan/;

/** Flows that accumulate over the year even when written as a share of the plan. */
const FLOW_NAME =
  /giai ngan|thu ngan sach|thu noi dia|huy dong|tao viec lam|tang them|xay moi|phat trien moi|thanh lap moi/;

// A level's direction only when the cell states it: `Mức` alone leaves it to the row's words.
const EXPLICIT: readonly [RegExp, IndicatorKind, Direction?][] = [
  [/dinh tinh|qualitative/, "qualitative"],
  [/duy tri|giu vung|maintain/, "maintain"],
  [/muc giam|giam|reduction/, "reduction"],
  [/(muc|thoi diem).*(thap|giam)|thap hon (la )?tot|lower|down/, "level", "down"],
  [/(muc|thoi diem).*(cao|tang)|cao hon (la )?tot|higher|\bup\b/, "level", "up"],
  [/muc|thoi diem|ty le|level|stock|rate/, "level"],
  [/cong don|luy ke|dong|cumulative|flow|tong/, "cumulative"],
];

/**
 * Reads an explicit kind cell (`Cộng dồn`, `level`, `Duy trì`...); null when not understood.
 * What the cell leaves unsaid comes from `inferred`: a level's direction, a plan share.
 * @example kindFromCell("Mức", inferKind(unemployment)) // { kind: "level", direction: "down" }
 */
export function kindFromCell(text: string, inferred?: KindInfo): KindInfo | null {
  const folded = fold(text);
  if (folded === "") return null;
  const rule = EXPLICIT.find(([pattern]) => pattern.test(folded));
  if (rule === undefined) return null;
  const [, kind, stated] = rule;
  if (inferred?.kind === kind) return { ...inferred, direction: stated ?? inferred.direction };
  // Only a level has a direction of its own; the other kinds are read upwards.
  const fromRow = kind === "level" && inferred?.kind === "level" ? inferred.direction : "up";
  return { kind, direction: stated ?? fromRow };
}

/**
 * Infers kind and direction from the row's words (docs/rules.md §2):
 * `inferKind({ name: 'Tỷ lệ thất nghiệp', unit: '%', targetText: 'dưới 2%', ... })`
 * // { kind: "level", direction: "down" }
 */
export function inferKind(input: KindInput): KindInfo {
  return inferFoldedKind(input, {
    name: fold(input.name),
    unit: fold(input.unit),
    targetText: fold(input.targetText),
  });
}

/** The folds of a row's name, unit and target text. */
export interface FoldedKindInput {
  name: string;
  unit: string;
  targetText: string;
}

/** `inferKind` with the texts already folded: the row reader folds each cell once. */
export function inferFoldedKind(input: KindInput, folded: FoldedKindInput): KindInfo {
  const { name, unit, targetText } = folded;
  const words = `${name} ${targetText}`;
  if (
    input.target === null &&
    input.actual === null &&
    !DIGIT.test(targetText) &&
    !NO_FIGURE.test(targetText.trim())
  ) {
    return { kind: "qualitative", direction: "up" };
  }
  if (MAINTAIN.test(words)) return { kind: "maintain", direction: "up" };
  const bound = input.target?.bound;
  const boundDown = bound === "lt" || bound === "le";
  if (DOWN_TO.test(words) || boundDown) return { kind: "level", direction: "down" };
  const plan = planShareOf(input, folded);
  if (plan !== undefined) return { kind: "cumulative", direction: "up", ...plan };
  // Before `giảm`: a disbursement for a poverty-reduction (`giảm nghèo`) programme is still a flow.
  if (FLOW_NAME.test(name)) return { kind: "cumulative", direction: "up" };
  if (REDUCE.test(words) && !RAISE.test(words)) return { kind: "reduction", direction: "up" };
  const percent = unit === "%" || input.target?.percent === true;
  if (LOWER_IS_BETTER.test(name)) return { kind: "level", direction: "down" };
  // `85/85 xã`, `08/08 tiêu chí`: a count reached at a date.
  if (input.target?.fraction !== undefined) return { kind: "level", direction: "up" };
  if (percent || LEVEL_UNIT.test(unit) || LEVEL_NAME.test(name))
    return { kind: "level", direction: "up" };
  return { kind: "cumulative", direction: "up" };
}

/**
 * `trên 95% kế hoạch vốn (335,20 tỷ đồng)` in an amount unit: the target is a share of a
 * plan amount written beside it. Returns the share (0.95) and the amount when given.
 */
function planShareOf(
  input: KindInput,
  folded: FoldedKindInput
): Pick<KindInfo, "planShare" | "planAmount" | "planDecimals"> | undefined {
  const target = input.target;
  if (target === null || !target.percent) return undefined;
  const unit = folded.unit;
  if (unit === "%" || unit === "") return undefined;
  if (!PLAN.test(folded.targetText)) return undefined;
  const amount = secondFigure(input.targetText);
  return {
    planShare: target.value / 100,
    ...(amount ? { planAmount: amount.value, planDecimals: amount.decimals } : {}),
  };
}

/** The figure after the first one in a text: `95% KH (335,20 tỷ)` → 335.2. */
function secondFigure(text: string): ParsedNumber | undefined {
  const tokens = text.match(/\d[\d.,\u00a0 ]*\d|\d/g) ?? [];
  if (tokens.length < 2) return undefined;
  const parsed = parseNumber(tokens[1]);
  return isNumber(parsed) ? parsed : undefined;
}
