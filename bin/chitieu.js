#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ so that `npx chitieu` works right after
// `npm ci`, with no build step: tsx compiles on the fly (esbuild, a few ms a file).
"use strict";
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Lỗi không mong đợi: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  }
);
