// The baseline of `chitieu compute --out`: the same file read and written by exceljs alone,
// with nothing computed. Plain Node, no tsx, so the baseline pays no compile step.
/* global require, process */
"use strict";
const ExcelJS = require("exceljs");

const workbook = new ExcelJS.Workbook();
workbook.xlsx
  .readFile(process.argv[2])
  .then(() => workbook.xlsx.writeFile(process.argv[3]))
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  });
