/**
 * `npm run bench`: the benchmark suite. Prints each figure as `name: value` as it is
 * measured, then one `target <name>: met|missed (...)` line per target. Exits 0 when a
 * target is missed (benchmarks report, they do not fail) and non-zero when anything crashes.
 * Generated workbooks go to out/bench/ (git-ignored).
 */
import { promises as fs } from "fs";
import path from "path";
import { benchCli, benchFarCell, benchLibreOffice, benchStartup, makeFiles } from "./cli";
import { benchCore } from "./core";
import { benchOfficeJs } from "./officejs";
import { print, printTargets, since } from "./report";
import { benchTaskpane } from "./taskpane";
import { benchLongTask } from "./longTask";

const OUT = path.resolve(__dirname, "..", "..", "out", "bench");

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
