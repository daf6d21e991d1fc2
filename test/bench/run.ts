/**
 * `npm run bench`: the benchmark suite. Prints each figure as `name: value` as it is
 * measured, then one `target <name>: met|missed (...)` line per target. Exits 0 when a
 * target is missed (benchmarks report, they do not fail) and non-zero when anything crashes.
 * Generated workbooks go to out/bench/ (git-ignored).
 */
import { promises as fs } from "fs";
import path from "path";
import { benchCli, benchFarCell, benchLibreOffice, benchStartup, makeFiles } from "./cli";
import { spawnSync } from "child_process";
import { compiled } from "./compiled";
import { benchOfficeJs } from "./officejs";
import { adoptTargets, print, printTargets, since, Target } from "./report";
import { benchTaskpane } from "./taskpane";
import { benchLongTask } from "./longTask";

const OUT = path.resolve(__dirname, "..", "..", "out", "bench");

/** The core benchmark, compiled, in a process of its own; its targets join this run's. */
function benchCore(): void {
  const result = spawnSync(process.execPath, [compiled("coreMain")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the core benchmark failed (${result.status})`);
  for (const line of result.stdout.split("\n")) {
    if (line.startsWith("targets: ")) adoptTargets(JSON.parse(line.slice(9)) as Target[]);
    else if (line !== "") process.stdout.write(`${line}\n`);
  }
}

async function main(): Promise<void> {
  const start = performance.now();
  await fs.mkdir(OUT, { recursive: true });
  benchCore();
  const files = await makeFiles(OUT);
  benchStartup();
  const ours = benchCli(files, OUT);
  await benchLibreOffice(files, ours);
  await benchFarCell(OUT);
  await benchOfficeJs();
  await benchTaskpane(OUT);
  await benchLongTask(OUT);
  print("bench-total-s", since(start) / 1000);
  printTargets();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench crashed: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  }
);
