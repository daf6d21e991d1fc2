#!/usr/bin/env node
// Compiles the `chitieu` command (src/cli/main.ts and what it imports from src/) into one
// CommonJS file, bin/lib/cli.js, with esbuild: the command then starts as plain JavaScript,
// not TypeScript compiled at every run. `npm ci` runs this (the `prepare` script), and
// bin/chitieu.js runs it again whenever src/ is newer than the build. The packages in
// node_modules stay outside the file, loaded by require as usual.
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(__dirname, "lib", "cli.js");

/** The newest modification time of the TypeScript sources, in ms. */
function newestSource(dir = path.join(ROOT, "src")) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** Is the build missing, or older than a source or this script? */
function stale() {
  if (!fs.existsSync(OUT)) return true;
  const built = fs.statSync(OUT).mtimeMs;
  return built < newestSource() || built < fs.statSync(__filename).mtimeMs;
}

/**
 * Bundles `entry` (TypeScript under src/ or test/) into one CommonJS file for Node, the
 * packages in node_modules left to require. Builds into a temporary file and renames it
 * into place: several commands started at once (the tests run them in parallel) may each
 * build, and none may read a half-written file.
 */
function bundle(entry, outfile) {
  const [output] = require("esbuild").buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "error",
    write: false,
  }).outputFiles;
  const temporary = `${outfile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(temporary, output.contents);
  fs.renameSync(temporary, outfile);
}

/** Builds the command. */
function build() {
  bundle(path.join(ROOT, "src", "cli", "main.ts"), OUT);
}

module.exports = { OUT, stale, build, bundle };

if (require.main === module) build();
