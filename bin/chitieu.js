#!/usr/bin/env node
// The `chitieu` command: runs the CLI compiled to plain JavaScript (bin/lib/cli.js, made by
// bin/build.js at `npm ci` and again here whenever src/ has changed since).
"use strict";
const { OUT, stale, build } = require("./build");

if (stale()) build();
const { main } = require(OUT);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Lỗi không mong đợi: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  }
);
