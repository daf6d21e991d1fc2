/**
 * The floor of `compute --out --json` with no rule in it (issue 17): what any command that
 * reads the package, writes it back and reports on every row must do, and nothing more.
 * The floor's inflate and walk (floor.ts), with each cell's value taken (a shared string
 * looked up), then, a thousand rows a step: the rows' values written to a JSON file, one
 * line a row, and the rows' text handed unchanged to the command's own deflater (on
 * libuv's pool, overlapping the walk), the package written with the sheet so deflated.
 * Nothing is computed, no table or report is kept. `chitieu compute --out --json` is
 * measured against this too: what it takes beyond it is the rules' and the data's.
 * Usage: `node out/bench/copyFloor.js book.xlsx out.xlsx out.json`.
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "fs";
import { Utf8Batches } from "../../src/cli/utf8Batches";
import { PieceDeflater, readZip, writeZip } from "../../src/cli/zip";
import { readContext } from "../../src/xlsx/ooxml/package";

const SHEET = "xl/worksheets/sheet1.xml";
const ROWS_PER_STEP = 1000;

/** The value of the cell whose start tag ends at `gt`: its `<v>` text, a shared string looked up. */
function cellValue(sheet: string, at: number, gt: number, strings: string[]): string | null {
  if (sheet.charCodeAt(gt - 1) === 0x2f) return null;
  const open = sheet.indexOf("<v>", gt);
  const close = sheet.indexOf("</c>", gt);
  if (open < 0 || open > close) return null;
  const raw = sheet.slice(open + 3, sheet.indexOf("</v>", open));
  const shared = sheet.lastIndexOf(' t="s"', gt) > at;
  return shared ? (strings[Number(raw)] ?? null) : raw;
}

export async function copyFloor(
  file: string,
  out: string,
  json: string
): Promise<{ rows: number; cells: number }> {
  const archive = readZip(readFileSync(file));
  const { strings } = readContext({ text: (part) => archive.text(part) });
  const sheet = archive.text(SHEET);
  if (sheet === undefined) throw new Error(`${file} has no ${SHEET}`);
  const deflater = new PieceDeflater();
  const fd = openSync(json, "w");
  const report = new Utf8Batches((bytes) => {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
  });
  let [rows, cells, copied] = [0, 0, 0];
  for (let at = sheet.indexOf("<row"); at >= 0; at = sheet.indexOf("<row", at + 4)) {
    const end = sheet.indexOf("</row>", at);
    const values: (string | null)[] = [];
    for (let c = sheet.indexOf("<c ", at); c >= 0 && c < end; c = sheet.indexOf("<c ", c + 3)) {
      values.push(cellValue(sheet, c, sheet.indexOf(">", c), strings));
      cells++;
    }
    report.add(`${JSON.stringify(values)}\n`);
    if (++rows % ROWS_PER_STEP === 0) {
      // The step's rows, unchanged, to the deflater; wait when it is behind.
      deflater.add(sheet.slice(copied, end));
      copied = end;
      if (deflater.behind) await deflater.caughtUp();
    }
  }
  report.flush();
  closeSync(fd);
  deflater.add(sheet.slice(copied));
  writeFileSync(out, writeZip(archive, new Map([[SHEET, await deflater.finish()]])));
  return { rows, cells };
}

if (require.main === module) {
  const [file, out, json] = process.argv.slice(2);
  if (file === undefined || out === undefined || json === undefined)
    throw new Error("usage: copyFloor book.xlsx out.xlsx out.json");
  copyFloor(file, out, json).then(
    (seen) => process.stdout.write(`${JSON.stringify(seen)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
      process.exit(1);
    }
  );
}
