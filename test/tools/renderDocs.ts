/**
 * `npm run render-docs`: drafts the plan and the letter from the bundled sample as
 * `npm run demo` does, and renders their pages to PNG with LibreOffice and poppler, so a
 * change to the layout can be looked at as an official would read it.
 *
 * Writes out/docs/du-thao-ke-hoach.docx, out/docs/du-thao-cong-van.docx and
 * docs/drafts/ke-hoach-<n>.png, docs/drafts/cong-van-<n>.png (80 dpi: small enough to commit).
 * Needs soffice (libreoffice-writer), pdftoppm (poppler-utils) and a Times New Roman or its
 * metric twin Liberation Serif (fonts-liberation): with another serif the lines would not
 * break where Word breaks them.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { writeDraft } from "../../src/cli/draft";
import { SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { computeOptions } from "../../src/cli/options";
import { Workbook } from "../../src/cli/workbook";

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "out", "docs");
const PAGES = path.join(ROOT, "docs", "drafts");

const DRAFTS = [
  { kind: "plan", file: "du-thao-ke-hoach", pages: "ke-hoach" },
  { kind: "letter", file: "du-thao-cong-van", pages: "cong-van" },
] as const;

function tool(name: string, apt: string): string {
  try {
    return execFileSync("which", [name], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`${name} is missing: apt-get install -y ${apt}`);
  }
}

function warnOnFont(): void {
  try {
    const font = execFileSync("fc-match", ["Times New Roman"], { encoding: "utf8" });
    if (!/Times|Liberation Serif/i.test(font))
      process.stderr.write(
        `Times New Roman is drawn as ${font.trim()}: apt-get install -y fonts-liberation\n`
      );
  } catch {
    // No fontconfig: LibreOffice will say what it can.
  }
}

async function main(): Promise<void> {
  const soffice = tool("soffice", "libreoffice-writer");
  const pdftoppm = tool("pdftoppm", "poppler-utils");
  warnOnFont();
  const workbook = await Workbook.open(SAMPLE_WORKBOOK);
  const report = await workbook.compute(undefined, computeOptions({}));
  await fs.mkdir(PAGES, { recursive: true });
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "lo-profile-"));
  const written: string[] = [];
  try {
    for (const { kind, file, pages } of DRAFTS) {
      const docx = path.join(OUT, `${file}.docx`);
      await writeDraft(report, { kind, settings: {}, templates: null, docx });
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          OUT,
          docx,
        ],
        { stdio: "pipe" }
      );
      for (const old of await fs.readdir(PAGES))
        if (new RegExp(`^${pages}-\\d+\\.png$`).test(old)) await fs.rm(path.join(PAGES, old));
      execFileSync(pdftoppm, [
        "-png",
        "-r",
        "80",
        path.join(OUT, `${file}.pdf`),
        path.join(PAGES, pages),
      ]);
      const images = (await fs.readdir(PAGES))
        .filter((name) => name.startsWith(`${pages}-`))
        .sort();
      written.push(docx, ...images.map((name) => path.join(PAGES, name)));
    }
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  process.stdout.write(written.map((file) => `${path.relative(process.cwd(), file)}\n`).join(""));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
