/**
 * Benchmark code run as the command runs: compiled by esbuild into out/bench/, one file,
 * packages left to require. The core is timed compiled (issue 17), not through tsx.
 */
import { buildSync } from "esbuild";
import path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

/** Compiles test/bench/<name>.ts and returns the JavaScript file's path. */
export function compiled(name: string): string {
  const outfile = path.join(ROOT, "out", "bench", `${name}.js`);
  buildSync({
    entryPoints: [path.join(__dirname, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "error",
  });
  return outfile;
}
