import { promises as fs } from "fs";
import path from "path";
import { WorkbookReport } from "../core/job";
import { draft, DraftKind, renderText, unfilled, writeText } from "../core/draft";
import { documentDate, DraftSettings } from "../core/draft/settings";
import { cli } from "../core/messages/vi";
import { computeOptions, parseArgs, USAGE, UsageError } from "./options";
import { Workbook } from "./workbook";
import { writeInPieces } from "./writeFile";

/** `--kind`, `--year`, `--deadline` as draft options, refusing what a person would not write. */
export function draftFlags(flags: Record<string, string>): {
  kind: DraftKind;
  settings: Partial<DraftSettings>;
} {
  const kind = (flags.kind ?? "plan") as DraftKind;
  if (kind !== "plan" && kind !== "letter") {
    throw new UsageError(cli.badKind(String(flags.kind)));
  }
  const settings: Partial<DraftSettings> = {};
  if (flags.year !== undefined) {
    const year = Number(flags.year);
    if (!/^\d{4}$/.test(flags.year) || year < 1990 || year > 2100)
      throw new UsageError(cli.badYear(flags.year));
    settings.year = year;
  }
  if (flags.deadline !== undefined) {
    const deadline = documentDate(flags.deadline);
    if (deadline === null) throw new UsageError(cli.badDeadline(flags.deadline));
    settings.deadline = deadline;
  }
  return { kind, settings };
}

async function readTemplates(file: string | undefined): Promise<string | null> {
  if (file === undefined) return null;
  try {
    return await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(cli.unreadableTemplates(file));
  }
}

/**
 * Drafts from a report and writes text and/or .docx; returns the text as a function, made
 * only when asked for: written to a file, a draft of 100.000 rows is 15 million characters
 * handed over in pieces, never held as one string.
 */
export async function writeDraft(
  report: WorkbookReport,
  options: {
    kind: DraftKind;
    settings: Partial<DraftSettings>;
    templates: string | null;
    out?: string;
    docx?: string;
  }
): Promise<{ text: () => string; errors: string[]; blanks: string[] }> {
  const doc = draft(report, {
    kind: options.kind,
    settings: options.settings,
    templates: options.templates,
  });
  if (options.out !== undefined) writeInPieces(options.out, (write) => writeText(doc, write));
  if (options.docx !== undefined) {
    await fs.mkdir(path.dirname(path.resolve(options.docx)), { recursive: true });
    // The Word writer (the docx library, 60 ms to load) only when a .docx is asked for.
    const { renderDocx } = await import("../docx/render");
    await fs.writeFile(options.docx, await renderDocx(doc));
  }
  return { text: () => renderText(doc), errors: doc.errors, blanks: unfilled(doc) };
}

/** `chitieu draft`: computes every indicator sheet (or `--sheet`) and drafts the plan or the letter. */
export async function draftCommand(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, [
    "kind",
    "year",
    "deadline",
    "templates",
    "out",
    "docx",
    "sheet",
    "period",
    "tolerance",
  ]);
  if (positional.length !== 1) throw new UsageError(USAGE);
  const { kind, settings } = draftFlags(flags);
  const options = computeOptions(flags);
  const templates = await readTemplates(flags.templates);
  const workbook = await Workbook.open(positional[0]);
  const report = await workbook.compute(flags.sheet, options);
  const { text, errors, blanks } = await writeDraft(report, {
    kind,
    settings,
    templates,
    out: flags.out,
    docx: flags.docx,
  });
  for (const error of errors) process.stderr.write(`${cli.note(error)}\n`);
  // Said before anyone signs: what the workbook could not tell is still a mark to fill.
  if (blanks.length > 0) process.stderr.write(`${cli.note(cli.unfilled(blanks))}\n`);
  if (flags.out === undefined) process.stdout.write(text());
  return 0;
}
