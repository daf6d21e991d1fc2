/**
 * Goals 2 and 3: `chitieu compute --out` end to end on the 100.000-row file, against
 * exceljs reading and writing the same file with nothing computed, and against the way a
 * user does it without this product: the workbook with `=G9/F9` and `=F9-G9` on every row,
 * recalculated by LibreOffice headless.
 */
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { COLS, FIRST_BODY_ROW, writeBenchWorkbook } from "./generate";
import { addIndicatorTable } from "../cli/foreignTable";
import { compiled } from "./compiled";
import { print, since, skippedTarget, target } from "./report";

const ROOT = path.resolve(__dirname, "..", "..");
const TIME = "/usr/bin/time";
const SIZE = 100000;
const RUNS = 2;

interface Timed {
  ms: number;
  maxRssKiB: number | null;
  /** Fresh memory pages the system gave the process (see core.ts: each costs here). */
  minorFaults: number | null;
}

/** Runs a command to completion; throws with its output when it fails. */
function timed(command: string, args: string[]): Timed {
  const wrapped = existsSync(TIME);
  const start = performance.now();
  const result = spawnSync(wrapped ? TIME : command, wrapped ? ["-v", command, ...args] : args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = since(start);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? "");
  const faults = /Minor \(reclaiming a frame\) page faults: (\d+)/.exec(result.stderr ?? "");
  return {
    ms,
    maxRssKiB: rss ? Number(rss[1]) : null,
    minorFaults: faults ? Number(faults[1]) : null,
  };
}

/** The fastest of a few runs: the figure least disturbed by whatever else the machine does. */
function best(runs: Timed[]): Timed {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

export interface BenchFiles {
  plain: string;
  formulas: string;
  small: string;
  smallFormulas: string;
}

export async function makeFiles(dir: string): Promise<BenchFiles> {
  const files = {
    plain: path.join(dir, `bench-${SIZE}.xlsx`),
    formulas: path.join(dir, `bench-${SIZE}-formulas.xlsx`),
    small: path.join(dir, "bench-1000.xlsx"),
    smallFormulas: path.join(dir, "bench-1000-formulas.xlsx"),
  };
  await writeBenchWorkbook(files.plain, SIZE);
  await writeBenchWorkbook(files.formulas, SIZE, { formulas: true });
  await writeBenchWorkbook(files.small, 1000);
  await writeBenchWorkbook(files.smallFormulas, 1000, { formulas: true });
  return files;
}

/** The command's start-up: `chitieu --help`, compiled JavaScript, best of five. */
export function benchStartup(): void {
  const runs = Array.from({ length: 5 }, () =>
    timed(process.execPath, [path.join("bin", "chitieu.js"), "--help"])
  );
  print("cli-startup-ms", best(runs).ms);
}

/**
 * Goal 2, and issue 17's floors: our `compute --out` against exceljs, `compute --out --json`
 * against the floor (inflating the sheet and walking its cells, compiled as ours is) and
 * against the copy floor (the same, writing the package back and a JSON of the values:
 * copyFloor.ts), and the peak memory of all. Returns our `compute --out` time for goal 3.
 */
export function benchCli(files: BenchFiles, dir: string): number {
  const floorScript = compiled("floor");
  const copyScript = compiled("copyFloor");
  const ours: Timed[] = [];
  const withJson: Timed[] = [];
  const baseline: Timed[] = [];
  const floor: Timed[] = [];
  const copyFloor: Timed[] = [];
  const out = path.join(dir, `bench-${SIZE}.out.xlsx`);
  const json = path.join(dir, `bench-${SIZE}.json`);
  const copy = path.join(dir, `bench-${SIZE}.exceljs.xlsx`);
  const copyOut = path.join(dir, `bench-${SIZE}.copy.xlsx`);
  const copyJson = path.join(dir, `bench-${SIZE}.copy.json`);
  const chitieu = [path.join("bin", "chitieu.js"), "compute", files.plain, "--out", out];
  // Alternated, so a slow spell of the machine falls on every side.
  for (let i = 0; i < RUNS; i++) {
    baseline.push(
      timed(process.execPath, [path.join("test", "bench", "roundtrip.js"), files.plain, copy])
    );
    floor.push(timed(process.execPath, [floorScript, files.plain]));
    copyFloor.push(timed(process.execPath, [copyScript, files.plain, copyOut, copyJson]));
    ours.push(timed(process.execPath, chitieu));
    withJson.push(timed(process.execPath, [...chitieu, "--json", json]));
  }
  const a = best(ours);
  const b = best(baseline);
  print(`cli-compute-ms-${SIZE}`, a.ms);
  print(`exceljs-read-write-ms-${SIZE}`, b.ms);
  const ratio = a.ms / b.ms;
  print("cli-compute-vs-exceljs-ratio", ratio);
  target("cli-compute-vs-exceljs-ratio", ratio, 1.25);
  const floorMs = best(floor).ms;
  const jsonMs = best(withJson).ms;
  print(`floor-inflate-walk-ms-${SIZE}`, floorMs);
  print(`cli-compute-json-ms-${SIZE}`, jsonMs);
  print("cli-compute-json-vs-floor-ratio", jsonMs / floorMs);
  // Both sides pay the machine for each fresh page (core.ts): the floor mostly does that.
  const floorFaults = best(floor).minorFaults;
  const jsonFaults = best(withJson).minorFaults;
  if (floorFaults !== null && jsonFaults !== null) {
    print(`floor-inflate-walk-page-faults-${SIZE}`, floorFaults);
    print(`cli-compute-json-page-faults-${SIZE}`, jsonFaults);
  }
  target("cli-compute-json-vs-floor-ratio", jsonMs / floorMs, 4);
  // No target: how much of the command is writing at all, and how much is the rules'.
  const copyMs = best(copyFloor).ms;
  print(`copy-floor-ms-${SIZE}`, copyMs);
  print("copy-floor-vs-floor-ratio", copyMs / floorMs);
  print("cli-compute-json-vs-copy-floor-ratio", jsonMs / copyMs);
  const peakOf = (runs: Timed[]): number => Math.max(...runs.map((r) => r.maxRssKiB ?? 0)) / 1024;
  if (peakOf(ours) > 0) {
    print(`floor-inflate-walk-max-rss-mib-${SIZE}`, peakOf(floor));
    print(`copy-floor-max-rss-mib-${SIZE}`, peakOf(copyFloor));
    print(`exceljs-read-write-max-rss-mib-${SIZE}`, peakOf(baseline));
    print(`cli-compute-max-rss-mib-${SIZE}`, peakOf(ours));
    print(`cli-compute-json-max-rss-mib-${SIZE}`, peakOf(withJson));
    target(`cli-compute-max-rss-mib-${SIZE}`, peakOf(ours), 300);
    target(`cli-compute-json-max-rss-mib-${SIZE}`, peakOf(withJson), 300);
  } else {
    skippedTarget(`cli-compute-max-rss-mib-${SIZE}`, "no /usr/bin/time to measure it");
    skippedTarget(`cli-compute-json-max-rss-mib-${SIZE}`, "no /usr/bin/time to measure it");
  }
  return a.ms;
}

/**
 * Issue 15: a workbook of other writers' with cells far out (FOO100000…FOO100009, from the
 * Open XML SDK's tests) and an indicator table below them. The reader holds a sheet by its
 * cells, so the CLI's peak stays near a small file's, not the 3,6 GB of a dense grid.
 */
export async function benchFarCell(dir: string): Promise<void> {
  const source = path.join(ROOT, "test", "fixtures", "foreign", "openxmlsdk--filterbycf.xlsx");
  const file = path.join(dir, "far-cell.xlsx");
  await fs.writeFile(file, addIndicatorTable(await fs.readFile(source)).data);
  const run = timed(process.execPath, [
    path.join("bin", "chitieu.js"),
    "compute",
    file,
    "--out",
    path.join(dir, "far-cell.out.xlsx"),
    "--json",
    path.join(dir, "far-cell.json"),
  ]);
  print("cli-far-cell-ms", run.ms);
  if (run.maxRssKiB === null) {
    skippedTarget("cli-far-cell-max-rss-mib", "no /usr/bin/time to measure it");
    return;
  }
  print("cli-far-cell-max-rss-mib", run.maxRssKiB / 1024);
  target("cli-far-cell-max-rss-mib", run.maxRssKiB / 1024, 200, "under");
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A throwaway LibreOffice profile that recalculates every formula on load (ENVIRONMENT.md). */
async function recalcProfile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-lo-"));
  await fs.mkdir(path.join(dir, "user"), { recursive: true });
  await fs.writeFile(path.join(dir, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  return dir;
}

function convert(profile: string, file: string, outDir: string): Timed {
  return timed("soffice", [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--convert-to",
    "xlsx",
    "--outdir",
    outDir,
    file,
  ]);
}

/** True when LibreOffice wrote a computed achievement (=G/F) for the first indicator row. */
async function recalculated(file: string): Promise<boolean> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cell = workbook.worksheets[0].findCell(FIRST_BODY_ROW + 1, COLS.achievement);
  // The formula's cached result: what LibreOffice computed on load.
  const result: unknown = cell ? cell.result : undefined;
  return typeof result === "number" && Number.isFinite(result);
}

function hasSoffice(): boolean {
  return spawnSync("which", ["soffice"], { encoding: "utf8" }).status === 0;
}

/** Goal 3: our end-to-end time as a share of LibreOffice's recalculation of the same rows. */
export async function benchLibreOffice(files: BenchFiles, oursMs: number): Promise<void> {
  if (!hasSoffice()) {
    print(`libreoffice-recalc-ms-${SIZE}`, "skipped (soffice not installed)");
    skippedTarget("cli-compute-vs-libreoffice-ratio", "soffice not installed");
    return;
  }
  const profile = await recalcProfile();
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-lo-out-"));
  try {
    // The first start builds the profile; a user's LibreOffice has one already.
    convert(profile, files.smallFormulas, outDir);
    const small = path.join(outDir, path.basename(files.smallFormulas));
    // soffice exits 0 even when it cannot load the file (Calc missing: Writer alone installed).
    if (!existsSync(small)) {
      print(`libreoffice-recalc-ms-${SIZE}`, "skipped (soffice wrote nothing: is Calc installed?)");
      skippedTarget("cli-compute-vs-libreoffice-ratio", "LibreOffice Calc not available");
      return;
    }
    print("libreoffice-recalculated", (await recalculated(small)) ? "yes" : "no");
    const lo = convert(profile, files.formulas, outDir);
    if (!existsSync(path.join(outDir, path.basename(files.formulas))))
      throw new Error("LibreOffice wrote no output for the 100.000-row workbook");
    print(`libreoffice-recalc-ms-${SIZE}`, lo.ms);
    if (lo.maxRssKiB !== null) print(`libreoffice-max-rss-mib-${SIZE}`, lo.maxRssKiB / 1024);
    const ratio = oursMs / lo.ms;
    print("cli-compute-vs-libreoffice-ratio", ratio);
    target("cli-compute-vs-libreoffice-ratio", ratio, 0.5, "under");
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
    await fs.rm(outDir, { recursive: true, force: true });
  }
}
