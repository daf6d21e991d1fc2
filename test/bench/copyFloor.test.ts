import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { readZip } from "../../src/cli/zip";
import { copyFloor } from "./copyFloor";
import { writeBenchWorkbook } from "./generate";

describe("the copy floor (issue 17's bench)", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "copy-floor-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the package back unchanged and a JSON line of values per row", async () => {
    const book = path.join(dir, "book.xlsx");
    await writeBenchWorkbook(book, 2500);
    const [out, json] = [path.join(dir, "out.xlsx"), path.join(dir, "out.json")];
    const seen = await copyFloor(book, out, json);
    const [before, after] = [book, out].map((file) => readZip(readFileSync(file)));
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    for (const { name } of before.entries) expect(after.text(name)).toBe(before.text(name));
    const sheet = before.text("xl/worksheets/sheet1.xml") ?? "";
    expect(seen.rows).toBe(sheet.split("<row ").length - 1);
    expect(seen.cells).toBe(sheet.split("<c ").length - 1);
    const lines = readFileSync(json, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(seen.rows);
    // Shared strings are looked up, numbers kept as written: the header row reads as words.
    const rows = lines.map((line) => JSON.parse(line) as (string | null)[]);
    expect(rows.some((row) => row[0] === "STT" && row[1] === "Chỉ tiêu")).toBe(true);
    expect(rows.flat().filter((v) => v !== null)).toHaveLength(sheet.split("</v>").length - 1);
  });
});
