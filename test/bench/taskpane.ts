/**
 * Goal 5: the task pane's JavaScript, gzipped, from a production build; and its time to
 * first render in Chromium as a ratio to a bare React page, when Chromium and
 * playwright-core are both there.
 */
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import path from "path";
import zlib from "zlib";
import { firstRenderRatio } from "./firstRender";
import { print, skippedTarget, target } from "./report";

const ROOT = path.resolve(__dirname, "..", "..");
const ENTRY = path.join(ROOT, "src", "taskpane", "index.tsx");
export const CHROMIUM = "/usr/bin/chromium";
const GZIP_TARGET_KB = 250;
const RENDER_TARGET = 1.5;

/** The scripts taskpane.html loads from the build (the entry and any chunk it names). */
async function taskpaneScripts(dist: string): Promise<string[]> {
  const html = await fs.readFile(path.join(dist, "taskpane.html"), "utf8");
  // Minified HTML drops the quotes: `<script defer src=taskpane.8b85c0e7.js>`.
  const sources = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => src.endsWith(".js") && !/^https?:/.test(src));
  if (sources.length === 0) throw new Error("taskpane.html loads no script from the build");
  return sources.map((src) => path.join(dist, src));
}

/** Builds the add-in into its own folder, so the build someone else is running keeps dist/. */
function build(dist: string): string | null {
  const result = spawnSync(
    "npx",
    ["webpack", "--mode", "production", "--output-path", dist, "--no-stats"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60 * 1000 }
  );
  if (result.status === 0) return null;
  const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}`;
  const error = output.split("\n").find((line) => /error/i.test(line)) ?? `exit ${result.status}`;
  return `webpack build failed: ${error.trim().slice(0, 200)}`;
}

export async function benchTaskpane(outDir: string): Promise<void> {
  if (!existsSync(ENTRY)) {
    print("taskpane-js-gzip", "skipped (src/taskpane/index.tsx does not exist)");
    skippedTarget("taskpane-js-gzip-kb", "no task pane yet");
    return;
  }
  const dist = path.join(outDir, "dist");
  const failure = build(dist);
  if (failure !== null) {
    print("taskpane-js-gzip", `skipped (${failure})`);
    skippedTarget("taskpane-js-gzip-kb", failure);
  } else {
    const scripts = await taskpaneScripts(dist);
    let raw = 0;
    let gzipped = 0;
    for (const file of scripts) {
      const bytes = await fs.readFile(file);
      raw += bytes.length;
      gzipped += zlib.gzipSync(bytes).length;
    }
    print("taskpane-js-bytes", raw);
    print("taskpane-js-gzip-kb", gzipped / 1000);
    target("taskpane-js-gzip-kb", gzipped / 1000, GZIP_TARGET_KB);
  }
  await benchFirstRender(failure === null ? dist : null, outDir);
}

async function benchFirstRender(dist: string | null, outDir: string): Promise<void> {
  const skip = (reason: string): void => {
    print("taskpane-first-render-ratio", `skipped (${reason})`);
    skippedTarget("taskpane-first-render-ratio", reason);
  };
  if (!existsSync(path.join(ROOT, "node_modules", "playwright-core")))
    return skip("playwright-core not installed");
  if (!existsSync(CHROMIUM)) return skip(`${CHROMIUM} not installed`);
  if (dist === null) return skip("no task pane build");
  try {
    const { taskpaneMs, bareMs } = await firstRenderRatio(dist, path.join(outDir, "bare"));
    print("taskpane-first-render-ms", taskpaneMs);
    print("bare-react-first-render-ms", bareMs);
    print("taskpane-first-render-ratio", taskpaneMs / bareMs);
    target("taskpane-first-render-ratio", taskpaneMs / bareMs, RENDER_TARGET);
  } catch (error) {
    skip(`could not measure: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  }
}
