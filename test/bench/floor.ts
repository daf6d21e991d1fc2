/**
 * The floor of any `.xlsx` job (issue 17): open the package, inflate the first sheet and
 * the shared strings, and walk every cell once, reading its value. Nothing is computed
 * and nothing written; `chitieu compute` is measured against this, run as a process the
 * same way. Usage: `node out/bench/floor.js book.xlsx` prints the cells and values seen.
 */
import { readFileSync } from "fs";
import { readZip } from "../../src/cli/zip";

function walk(file: string): { cells: number; values: number; strings: number } {
  const archive = readZip(readFileSync(file));
  const sheet = archive.text("xl/worksheets/sheet1.xml");
  if (sheet === undefined) throw new Error(`${file} has no xl/worksheets/sheet1.xml`);
  const shared = archive.text("xl/sharedStrings.xml") ?? "";
  let strings = 0;
  for (let at = shared.indexOf("<si"); at >= 0; at = shared.indexOf("<si", at + 3)) strings++;
  let cells = 0;
  let values = 0;
  for (let at = sheet.indexOf("<c "); at >= 0; at = sheet.indexOf("<c ", at + 3)) {
    cells++;
    const end = sheet.indexOf(">", at);
    if (sheet.charCodeAt(end - 1) === 0x2f) continue;
    const open = sheet.indexOf("<v>", end);
    if (open < 0 || open > sheet.indexOf("</c>", end)) continue;
    // The value's text, as any reader must take it out of the XML.
    if (sheet.slice(open + 3, sheet.indexOf("</v>", open)) !== "") values++;
  }
  return { cells, values, strings };
}

const file = process.argv[2];
if (file === undefined) throw new Error("usage: floor book.xlsx");
process.stdout.write(JSON.stringify(walk(file)) + "\n");
