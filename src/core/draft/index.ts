import { WorkbookReport } from "../job";
import { DraftDocument, finished } from "./document";
import { draftLetter } from "./letter";
import { draftingPlan } from "./plan";
import { draftSettings, DraftSettings } from "./settings";
import { loadTemplates } from "./templates";

export type DraftKind = "plan" | "letter";

export interface DraftOptions {
  kind?: DraftKind;
  settings?: Partial<DraftSettings>;
  /** Saved templates (JSON); the defaults fill whatever they lack or get wrong. */
  templates?: string | null;
}

/** Drafts the plan or the letter from a computed workbook: every indicator sheet it holds. */
export function draft(report: WorkbookReport, options: DraftOptions = {}): DraftDocument {
  return finished(drafting(report, options));
}

/**
 * `draft` a step at a time, for a page that must stay responsive on a large workbook: the
 * plan stops every few hundred sentences (`draftingPlan`); the letter, well under half the
 * plan's work, is one step.
 */
export function* drafting(
  report: WorkbookReport,
  options: DraftOptions = {}
): Generator<void, DraftDocument> {
  const { templates, errors } = loadTemplates(options.templates);
  const settings = draftSettings(report, options.settings);
  const doc =
    (options.kind ?? "plan") === "plan"
      ? yield* draftingPlan(report, settings, templates)
      : draftLetter(report, settings, templates);
  return { ...doc, errors };
}

export { documentLines, renderText, partsText, writeText } from "./document";
export { blanks, blankText, dateBlank, numberBlank, unfilled, VI_BLANK_WORDS } from "./unfilled";
export type { Blank, BlankWords } from "./unfilled";
export { renderHtml } from "./html";
export { templatePreview } from "./preview";
export type { DraftDocument, DraftPart, Block } from "./document";
