/**
 * Benchmark code run as the command runs: compiled by the command's own bundler
 * (bin/build.js) into out/bench/, one file, packages left to require. The core is timed
 * compiled (issue 17), not through tsx.
 */
import path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const { bundle } = require(path.join(ROOT, "bin", "build.js")) as {
  bundle(entry: string, outfile: string): void;
};

/** Compiles test/bench/<name>.ts and returns the JavaScript file's path. */
export function compiled(name: string): string {
  const outfile = path.join(ROOT, "out", "bench", `${name}.js`);
  bundle(path.join(__dirname, `${name}.ts`), outfile);
  return outfile;
}
