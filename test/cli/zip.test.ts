import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import zlib from "zlib";
import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  Deflated,
  PieceDeflater,
  readZip,
  writeZip,
  ZipArchive,
  ZipError,
} from "../../src/cli/zip";
import { buildWorkbook, makeTempDir, removeTempDir } from "../fixtures/workbooks";

const SAMPLE = path.join(__dirname, "../../assets/samples/chi-tieu-2024.xlsx");
const SHEET1 = "xl/worksheets/sheet1.xml";
const NO_CHANGE = new Map<string, string>();

async function xlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A one-sheet workbook whose sheet XML the tests edit: a shared string and two numbers. */
function smallWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Chỉ tiêu");
  sheet.getCell("A1").value = "Tổng vốn đầu tư";
  sheet.getCell("B1").value = 4874.53;
  sheet.getCell("B2").value = 0.4146;
  return workbook;
}

/** Every cell value of every sheet, keyed `sheet!address`, as exceljs reads the file. */
async function cellValues(data: Buffer): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const values: Record<string, unknown> = {};
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => (values[`${sheet.name}!${cell.address}`] = cell.value))
    )
  );
  return values;
}

const names = (archive: ZipArchive): string[] => archive.entries.map((e) => e.name);

/** The general-purpose flags of the first local header. */
const firstLocalFlags = (data: Buffer): number => data.readUInt16LE(6);

function expectSameContents(from: ZipArchive, to: ZipArchive): void {
  expect(names(to)).toEqual(names(from));
  for (const name of names(from)) expect(to.bytes(name)).toEqual(from.bytes(name));
}

let sample: Buffer;
let built: Buffer;
let small: Buffer;
beforeAll(async () => {
  sample = await fs.readFile(SAMPLE);
  built = await xlsx(buildWorkbook());
  small = await xlsx(smallWorkbook());
});

describe("readZip", () => {
  it("lists the parts of an xlsx and gives their XML", () => {
    for (const data of [sample, built, small]) {
      const archive = readZip(data);
      expect(names(archive)).toEqual(
        expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", SHEET1])
      );
      expect(archive.has("xl/workbook.xml")).toBe(true);
      expect(archive.has("xl/nothing.xml")).toBe(false);
      expect(archive.bytes("xl/nothing.xml")).toBeUndefined();
      expect(archive.text("[Content_Types].xml")).toMatch(/^<\?xml[^]*<Types [^]*<\/Types>\s*$/);
      expect(archive.text("xl/workbook.xml")).toContain("<sheets>");
      expect(archive.text(SHEET1)).toContain("<sheetData>");
    }
  });

  it("inflates every part as jszip does", async () => {
    for (const data of [sample, built]) {
      const archive = readZip(data);
      const other = await JSZip.loadAsync(data);
      expect(names(archive).sort()).toEqual(Object.keys(other.files).sort()); // folders too
      for (const file of Object.values(other.files).filter((f) => !f.dir))
        expect(archive.bytes(file.name)).toEqual(await file.async("nodebuffer"));
    }
  });

  it("reads entries written with data descriptors (sizes after the data)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/big.xml", "<row>1</row>".repeat(5000), { createFolders: false });
    zip.file("empty.txt", "");
    const data = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      streamFiles: true,
    });
    expect(firstLocalFlags(data) & 0x0008).toBe(0x0008);
    expect(data.readUInt32LE(14)).toBe(0); // the CRC is not in the local header
    const archive = readZip(data);
    expect(names(archive)).toEqual(["[Content_Types].xml", "xl/big.xml", "empty.txt"]);
    expect(archive.text("xl/big.xml")).toBe("<row>1</row>".repeat(5000));
    expect(archive.text("empty.txt")).toBe("");

    const written = writeZip(archive, NO_CHANGE);
    expect(firstLocalFlags(written) & 0x0008).toBe(0);
    expect(written.readUInt32LE(14)).toBe(archive.entries[0].crc);
    expectSameContents(archive, readZip(written));
    const back = await JSZip.loadAsync(written);
    expect(await back.file("xl/big.xml")?.async("string")).toBe("<row>1</row>".repeat(5000));
  });

  it("finds the end record behind an archive comment", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a/>");
    const comment = "Báo cáo 6 tháng, PK\u0005\u0006 giả";
    const data = await zip.generateAsync({ type: "nodebuffer", comment });
    expect(readZip(data).text("a.xml")).toBe("<a/>");
  });

  it("strips a UTF-8 byte order mark from text, not from bytes", () => {
    const archive = readZip(
      writeZip(readZip(small), NO_CHANGE, new Map([["b.xml", "\uFEFF<b/>"]]))
    );
    expect(archive.text("b.xml")).toBe("<b/>");
    expect(archive.bytes("b.xml")?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("readZip refuses what it cannot read", () => {
  it.each<[string, () => Buffer]>([
    ["an empty buffer", () => Buffer.alloc(0)],
    ["garbage", () => Buffer.from("Đây không phải tệp Excel. ".repeat(40))],
    ["the first half of an xlsx", () => sample.subarray(0, sample.length >> 1)],
    ["an xlsx without its last byte", () => sample.subarray(0, sample.length - 1)],
    [
      "an xlsx with its first half zeroed",
      () => Buffer.concat([Buffer.alloc(sample.length >> 1), sample.subarray(sample.length >> 1)]),
    ],
  ])("%s", (_, data) => {
    expect(() => readZip(data())).toThrow(ZipError);
  });

  it("any truncation", () => {
    for (let length = 0; length < built.length; length += 97)
      expect(() => readZip(built.subarray(0, length))).toThrow(ZipError);
  });

  /** The offset of the end record and of the first central-directory record. */
  function landmarks(data: Buffer): { end: number; central: number } {
    const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    return { end, central: data.readUInt32LE(end + 16) };
  }

  it("broken zip64 fields, encrypted and corrupt entries", () => {
    const patched = (patch: (data: Buffer, at: { end: number; central: number }) => void) => {
      const data = Buffer.from(built);
      patch(data, landmarks(data));
      return data;
    };
    const zip64 = patched((data, at) => data.writeUInt32LE(0xffffffff, at.central + 20));
    expect(() => readZip(zip64)).toThrow(/zip64 sizes or offset but no zip64 extra field/);
    const count64 = patched((data, at) => data.writeUInt16LE(0xffff, at.end + 10));
    expect(() => readZip(count64)).toThrow(/multi-disk/); // 0xffff of all, but not on this disk
    const both = patched((data, at) => data.writeUInt32LE(0xffffffff, at.end + 8));
    expect(() => readZip(both)).toThrow(/cannot fit a central directory/); // and no zip64 record
    const encrypted = patched((data, at) => data.writeUInt16LE(0x0001, at.central + 8));
    expect(() => readZip(encrypted)).toThrow(/encrypted/);
    const farOffset = patched((data, at) => data.writeUInt32LE(0xfffffff0, at.central + 42));
    expect(() => readZip(farOffset)).toThrow(ZipError);

    const archive = readZip(built);
    const first = archive.entries[0];
    const bitFlip = patched((data) => (data[data.indexOf(first.raw) + 5] ^= 0x10));
    expect(() => readZip(bitFlip).bytes(first.name)).toThrow(ZipError);
    const method = patched((data, at) => data.writeUInt16LE(12, at.central + 10));
    expect(() => readZip(method).bytes(first.name)).toThrow(/method 12/);
  });

  it("a corrupt directory throws ZipError or reads, never anything else", () => {
    const { central, end } = landmarks(small);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: central, max: small.length - 1 }),
            fc.integer({ min: 0, max: 255 })
          ),
          { minLength: 1, maxLength: 4 }
        ),
        (flips) => {
          const data = Buffer.from(small);
          for (const [at, byte] of flips) data[at] = byte;
          try {
            const archive = readZip(data);
            for (const name of names(archive)) archive.bytes(name);
          } catch (error) {
            if (!(error instanceof ZipError)) throw error;
          }
        }
      ),
      { numRuns: 300 }
    );
    expect(end).toBeGreaterThan(central);
  });
});

describe("writeZip", () => {
  it("takes text deflated from pieces as they come: the same part as the whole text", async () => {
    const archive = readZip(small);
    const xml = archive.text(SHEET1) ?? "";
    const deflate = (pieces: string[]): Promise<Deflated> => {
      const deflater = new PieceDeflater();
      for (const piece of pieces) deflater.add(piece);
      return deflater.finish();
    };
    // Pieces over three batches of a megabyte, Vietnamese split mid-word.
    const filler = `<!-- Tiến độ ${"chỉ tiêu ".repeat(90000)}-->`;
    const pieces = [xml.slice(0, 40), filler, "Đạ", "t", filler, filler, xml.slice(40)];
    const deflated = await deflate(pieces);
    const whole = pieces.join("");
    expect(deflated.size).toBe(Buffer.byteLength(whole, "utf8"));
    expect(deflated.deflated.length).toBeLessThan(deflated.size / 20);
    const written = writeZip(archive, new Map([[SHEET1, deflated]]));
    // readZip checks the CRC-32 and the size against the headers as it inflates.
    const back = readZip(written);
    expect(back.text(SHEET1)).toBe(whole);
    expect(back.size(SHEET1)).toBe(deflated.size);
    // Another inflater (pako, under jszip) reads the batches as one stream too.
    expect(await (await JSZip.loadAsync(written)).file(SHEET1)?.async("string")).toBe(whole);
    const empty = await deflate([]);
    expect(empty.size).toBe(0);
    expect(readZip(writeZip(archive, new Map([[SHEET1, empty]]))).text(SHEET1)).toBe("");
  });

  it("deflates batches on other threads, the writer waiting when it is ahead: one stream, in order", async () => {
    const deflater = new PieceDeflater();
    const lines: string[] = [];
    let waits = 0;
    // Twelve megabytes of rows that differ, so a batch out of place would not inflate alike.
    for (let i = 0; i < 120000; i++) {
      const line = `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>Chỉ tiêu số ${i}</t></is></c></row>`;
      lines.push(line);
      deflater.add(line);
      if (deflater.behind) {
        waits++;
        await deflater.caughtUp();
        expect(deflater.behind).toBe(false);
      }
    }
    const deflated = await deflater.finish();
    const whole = lines.join("");
    expect(waits).toBeGreaterThan(0);
    expect(deflated.size).toBe(Buffer.byteLength(whole, "utf8"));
    expect(zlib.inflateRawSync(deflated.deflated).toString("utf8")).toBe(whole);
    expect(deflated.crc).toBe(zlib.crc32(Buffer.from(whole, "utf8")));
  });

  it("with no replacements keeps every part, its bytes and exceljs's values", async () => {
    for (const data of [sample, built]) {
      const archive = readZip(data);
      const written = writeZip(archive, NO_CHANGE);
      const back = readZip(written);
      expectSameContents(archive, back);
      back.entries.forEach((entry, i) => {
        const old = archive.entries[i];
        expect(entry.raw.equals(old.raw)).toBe(true); // copied, not recompressed
        expect([entry.method, entry.crc, entry.time, entry.date]).toEqual([
          old.method,
          old.crc,
          old.time,
          old.date,
        ]);
        expect(entry.externalAttributes).toBe(old.externalAttributes);
      });
      expect(await cellValues(written)).toEqual(await cellValues(data));
    }
  });

  it("puts a replaced worksheet in place of the old one, which exceljs then reads", async () => {
    const archive = readZip(small);
    const xml = archive.text(SHEET1) ?? "";
    expect(xml).toMatch(/<c r="B1"[^>]*><v>4874.53<\/v><\/c>/);
    const edited = xml
      .replace(/<v>4874.53<\/v>/, "<v>5000.25</v>")
      .replace(/<c r="B2"[^>]*>.*?<\/c>/, '<c r="B2" t="inlineStr"><is><t>Đạt 41,46%</t></is></c>');
    const written = writeZip(archive, new Map([[SHEET1, edited]]));

    const back = readZip(written);
    expect(names(back)).toEqual(names(archive));
    expect(back.text(SHEET1)).toBe(edited);
    const replaced = back.entries.find((e) => e.name === SHEET1);
    expect(replaced?.method).toBe(8);
    for (const entry of back.entries.filter((e) => e.name !== SHEET1))
      expect(
        entry.raw.equals(archive.entries.find((e) => e.name === entry.name)?.raw ?? Buffer.alloc(0))
      ).toBe(true);
    expect(await cellValues(written)).toEqual({
      "Chỉ tiêu!A1": "Tổng vốn đầu tư",
      "Chỉ tiêu!B1": 5000.25,
      "Chỉ tiêu!B2": "Đạt 41,46%",
    });
  });

  it("takes a replacement as a Buffer too", () => {
    const archive = readZip(small);
    const content = Buffer.from(archive.text(SHEET1)?.replace("4874.53", "1") ?? "");
    expect(readZip(writeZip(archive, new Map([[SHEET1, content]]))).bytes(SHEET1)).toEqual(content);
  });

  it("appends added entries, a non-ASCII name included, and stores what deflate cannot shrink", async () => {
    const archive = readZip(small);
    const name = "tài liệu/ghi chú.xml";
    const added = new Map([
      ["customXml/item1.xml", "<ghiChu>Số liệu 6 tháng</ghiChu>".repeat(20)],
      [name, "<a/>"],
    ]);
    const written = writeZip(archive, NO_CHANGE, added);
    const back = readZip(written);
    expect(names(back)).toEqual([...names(archive), "customXml/item1.xml", name]);
    expect(back.text("customXml/item1.xml")).toBe(added.get("customXml/item1.xml"));
    expect(back.text(name)).toBe("<a/>");
    const entry = back.entries.find((e) => e.name === name);
    expect(entry?.flags).toBe(0x0800);
    expect(entry?.method).toBe(0);
    const other = await JSZip.loadAsync(written);
    expect(await other.file(name)?.async("string")).toBe("<a/>");
    expect(await cellValues(written)).toEqual(await cellValues(small));
  });

  it("refuses to replace a missing part or add an existing one", () => {
    const archive = readZip(small);
    expect(() => writeZip(archive, new Map([["xl/nothing.xml", ""]]))).toThrow(/no entry/);
    expect(() => writeZip(archive, NO_CHANGE, new Map([[SHEET1, ""]]))).toThrow(/exists/);
  });

  it("writes the same CRC-32 with the table fallback (Node before 20.15)", () => {
    jest.isolateModules(() => {
      jest.doMock("zlib", () => ({ ...jest.requireActual("zlib"), crc32: undefined }));
      const old = require("../../src/cli/zip") as typeof import("../../src/cli/zip");
      const content = "<sheetData>Chỉ tiêu 2024</sheetData>".repeat(100);
      const written = old.writeZip(old.readZip(small), new Map([[SHEET1, content]]));
      expect(readZip(written).text(SHEET1)).toBe(content); // checked against zlib's CRC-32
    });
  });

  const unzip = spawnSync("which", ["unzip"]).status === 0;
  (unzip ? it : it.skip)("gives an archive that unzip -t accepts", async () => {
    const dir = await makeTempDir();
    try {
      const archive = readZip(built);
      const file = path.join(dir, "ket-qua.xlsx");
      const sheet = archive.text(SHEET1) ?? "";
      const added = new Map([["tài liệu/ghi chú.xml", "<a/>"]]);
      await fs.writeFile(file, writeZip(archive, new Map([[SHEET1, sheet]]), added));
      const result = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
      expect(result.stdout).toContain("No errors detected");
      expect(result.status).toBe(0);
    } finally {
      await removeTempDir(dir);
    }
  });
  if (!unzip) console.log("zip.test: no `unzip` on this machine; its check is skipped");
});
