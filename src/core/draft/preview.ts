import { WorkbookReport } from "../job";
import { documentLines } from "./document";
import { draftLetter } from "./letter";
import { draftPlan } from "./plan";
import { draftSettings, DraftSettings } from "./settings";
import { loadTemplates, TemplateId } from "./templates";

/** What stands for the template in the document drafted for comparison: one invisible mark. */
const STAND_IN = "\u2063";

/**
 * What a template, as the user is typing it, makes of the computed figures: the first
 * `most` lines of the document it writes into, drafted with the workbook's other templates.
 * The template's lines are told by drafting twice, once with a stand-in for it: the lines
 * that differ are its own, with the punctuation the document gives them. Empty when this
 * report gives the template nothing to write (no row of its kind).
 */
export function templatePreview(
  report: WorkbookReport,
  options: { templates?: string | null; settings?: Partial<DraftSettings> },
  id: TemplateId,
  text: string,
  most = 3
): string[] {
  const drafted = (template: string): string[] => {
    const { templates } = loadTemplates(options.templates);
    templates[id] = template;
    const settings = draftSettings(report, options.settings);
    const doc = id.startsWith("letter.")
      ? draftLetter(report, settings, templates)
      : draftPlan(report, settings, templates);
    return documentLines(doc);
  };
  const others = new Map<string, number>();
  for (const line of drafted(STAND_IN)) others.set(line, (others.get(line) ?? 0) + 1);
  const lines: string[] = [];
  for (const line of drafted(text)) {
    const left = others.get(line) ?? 0;
    if (left > 0) {
      others.set(line, left - 1);
      continue;
    }
    if (line.trim() !== "") lines.push(line.trim());
    if (lines.length === most) break;
  }
  return lines;
}
