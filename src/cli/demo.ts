import { promises as fs } from "fs";
import path from "path";
import { writeDraft } from "./draft";
import { fold } from "../core/text";
import { cli } from "../core/messages/vi";
import { computeOptions, parseArgs } from "./options";
import { renderWorkbookSummary } from "./summary";
import { Workbook } from "./workbook";
import { writeInPieces } from "./writeFile";
import { writeSheetJson } from "../core/reportJson";

const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE_WORKBOOK = path.join(ROOT, "assets", "samples", "chi-tieu-2024.xlsx");

const slug = (name: string): string =>
  fold(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * `npm run demo`: computes every indicator sheet of the bundled sample, writes the
 * computed workbook and one JSON report per sheet to `out/` (never over the sample),
 * and prints the summaries.
 */
export async function runDemo(args: string[]): Promise<number> {
  const { flags } = parseArgs(args, ["out", "period", "tolerance"]);
  const outDir = path.resolve(flags.out ?? path.join(ROOT, "out"));
  const options = computeOptions(flags);
  const workbook = await Workbook.open(SAMPLE_WORKBOOK);
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const report = await workbook.compute(undefined, options);
  for (const sheet of report.sheets) {
    const json = path.join(outDir, `bao-cao-${slug(sheet.sheet)}.json`);
    writeInPieces(json, (write) => writeSheetJson(sheet, write));
    written.push(json);
  }
  process.stdout.write(renderWorkbookSummary(report) + "\n\n");
  for (const [kind, name] of [
    ["plan", "du-thao-ke-hoach"],
    ["letter", "du-thao-cong-van"],
  ] as const) {
    const out = path.join(outDir, `${name}.txt`);
    const docx = path.join(outDir, `${name}.docx`);
    const { text } = await writeDraft(report, { kind, settings: {}, templates: null, out, docx });
    if (kind === "plan") process.stdout.write(text() + "\n");
    written.push(out, docx);
  }
  const xlsx = path.join(outDir, `${path.basename(SAMPLE_WORKBOOK, ".xlsx")}.tinh-toan.xlsx`);
  await workbook.save(xlsx);
  written.unshift(xlsx);
  process.stdout.write(
    `${cli.written}\n${written.map((file) => `  ${path.relative(process.cwd(), file)}`).join("\n")}\n`
  );
  return 0;
}
