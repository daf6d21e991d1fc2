/**
 * src/cli/zip/ over a corpus: yauzl's own test archives (test/fixtures/zip/yauzl, MIT)
 * and generated ones (test/fixtures/zip/generated, made by make.py there). Each success
 * case must read to the expected names and contents, round-trip through writeZip (as is,
 * with one entry replaced, with zip64 records forced) and be accepted by an independent
 * reader, Python's zipfile; each failure case, and every truncation of a success case,
 * must end in a ZipError for the expected reason, never another exception.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { promises as fs, readFileSync } from "fs";
import os from "os";
import path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { readZip, writeZip, ZipArchive, ZipEntry, ZipError } from "../../src/cli/zip";

const ROOT = path.join(__dirname, "../fixtures/zip");

/** An expected entry: name, size and the SHA-256 of the content (left out when empty). */
type Expected = [name: string, size: number, sha256?: string];

interface Case {
  readonly file: string;
  readonly expect: "read" | "ZipError";
  readonly entries?: Expected[];
  /** Entries in a method the reader does not inflate: the SHA-256 is of the stored bytes. */
  readonly undecodable?: string[];
  /** Bytes before the archive proper. */
  readonly prefix?: number;
  readonly reason?: string;
  readonly note?: string;
}

interface Loaded extends Case {
  readonly id: string;
  readonly data: Buffer;
}

function load(dir: string): Loaded[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, dir, "expected.json"), "utf8")) as {
    cases: Case[];
  };
  return manifest.cases.map((c) => ({
    ...c,
    id: `${dir}/${c.file}`,
    data: readFileSync(path.join(ROOT, dir, c.file)),
  }));
}

const all = [...load("yauzl"), ...load("generated")];
const successes = all.filter((c) => c.expect === "read");
const failures = all.filter((c) => c.expect === "ZipError");

/** What each failure reason must say; the messages are src/cli/zip's. */
const REASONS: Record<string, RegExp> = {
  end: /no end-of-central-directory record|too short for an end-of-central-directory record/,
  trailing: /end record at byte \d+ declares a \d+-byte comment but \d+ bytes follow it/,
  zip64: /zip64/,
  "multi-disk": /multi-disk archives are not supported/,
  bounds: /runs past its bounds|overruns its end record|cannot fit a central directory/,
  signature: /no (central directory record|local header)/,
  extra: /the extra field of .* runs past its bounds/,
  encrypted: /encrypted entries are not supported/,
  name: /unsafe entry name/,
  method: /compression method \d+ is not supported/,
  deflate: /corrupt deflate data/,
  size: /declares|not the \d+ it declares|inflates to more than/,
  crc: /CRC-32 of .* does not match/,
};

const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");
const EMPTY = sha256(Buffer.alloc(0));

/** Reads the archive and inflates every entry; returns what was thrown, if anything. */
function outcome(data: Buffer): unknown {
  try {
    const archive = readZip(data);
    for (const entry of archive.entries) archive.bytes(entry.name);
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Fails unless `error` is a ZipError (a crash of another kind says so, with its stack). */
function expectZipError(error: unknown, context: string): asserts error is ZipError {
  if (error instanceof ZipError) return;
  if (error === undefined) throw new Error(`${context}: read without an error`);
  throw new Error(`${context}: threw ${(error as Error).stack ?? String(error)}`);
}

function isUndecodable(c: Case, name: string): boolean {
  return c.undecodable?.includes(name) ?? false;
}

/** Info-ZIP Unicode path fields name the entry where the stored name is a legacy one. */
function hasUnicodePath(entry: ZipEntry): boolean {
  for (let at = 0; at + 4 <= entry.extra.length; at += 4 + entry.extra.readUInt16LE(at + 2))
    if (entry.extra.readUInt16LE(at) === 0x7075) return true;
  return false;
}

/** A name every reader reads alike: UTF-8 flagged or ASCII, without backslashes. */
function isPlain(entry: ZipEntry): boolean {
  const ascii = entry.rawName.every((byte) => byte >= 0x20 && byte < 0x80 && byte !== 0x5c);
  return !hasUnicodePath(entry) && (ascii || (entry.flags & 0x0800) !== 0);
}

/** The extra field without its zip64 record, which the writer rewrites. */
function withoutZip64(extra: Buffer): Buffer {
  const kept: Buffer[] = [];
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2))
    if (extra.readUInt16LE(at) !== 0x0001)
      kept.push(extra.subarray(at, at + 4 + extra.readUInt16LE(at + 2)));
  return Buffer.concat(kept);
}

function expectContents(c: Loaded, archive: ZipArchive): void {
  const expected = c.entries ?? [];
  expect(archive.entries.map((e) => e.name).sort()).toEqual(expected.map(([name]) => name).sort());
  for (const [name, size, hash = EMPTY] of expected) {
    const entry = archive.entries.find((e) => e.name === name);
    if (isUndecodable(c, name)) {
      expect(sha256(entry?.raw ?? Buffer.alloc(0))).toBe(hash);
      const error = (() => {
        try {
          archive.bytes(name);
        } catch (e) {
          return e;
        }
      })();
      expectZipError(error, `${c.id}: ${name}`);
      expect(error.message).toMatch(REASONS.method);
    } else {
      const content = archive.bytes(name) ?? Buffer.from("missing");
      expect([name, content.length, sha256(content)]).toEqual([name, size, hash]);
      expect(entry?.size).toBe(size);
    }
  }
}

/** What must survive a round trip: all but the data descriptor flag and zip64 fields. */
const kept = (e: ZipEntry) => [
  e.name,
  e.rawName.toString("hex"),
  e.method,
  e.crc,
  e.size,
  e.compressedSize,
  e.time,
  e.date,
  e.madeBy,
  e.internalAttributes,
  e.externalAttributes,
  e.flags & ~0x0008,
  e.comment.toString("hex"),
  withoutZip64(e.extra).toString("hex"),
  sha256(e.raw), // copied, not recompressed
];

/** Two reads of the same entries, in the same order, with the same compressed bytes. */
function expectSameArchive(c: Loaded, from: ZipArchive, to: ZipArchive, replaced?: string): void {
  expect(to.entries.map((e) => e.name)).toEqual(from.entries.map((e) => e.name));
  expect(to.entries.filter((e) => e.flags & 0x0008)).toEqual([]); // sizes in the local header
  const others = (archive: ZipArchive) => archive.entries.filter((e) => e.name !== replaced);
  expect(others(to).map(kept)).toEqual(others(from).map(kept));
  const contents = (archive: ZipArchive) =>
    others(archive)
      .filter((e) => !isUndecodable(c, e.name))
      .map((e) => sha256(archive.bytes(e.name) as Buffer));
  expect(contents(to)).toEqual(contents(from));
}

/** What the independent reader must find in a written archive. */
interface Written {
  readonly id: string;
  readonly file: string;
  readonly entries: { name: string; sha?: string; unicodePath: boolean; plain: boolean }[];
}

const written: Written[] = [];
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-zip-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function keep(c: Loaded, kind: string, data: Buffer): Promise<void> {
  const archive = readZip(data);
  const file = path.join(tmp, `${written.length}-${kind}.zip`);
  await fs.writeFile(file, data);
  written.push({
    id: `${c.id} (${kind})`,
    file,
    entries: archive.entries.map((entry) => ({
      name: entry.name,
      sha: isUndecodable(c, entry.name) ? undefined : sha256(archive.bytes(entry.name) as Buffer),
      unicodePath: hasUnicodePath(entry),
      plain: isPlain(entry),
    })),
  });
}

describe("the corpus", () => {
  it("has every kind of case", () => {
    expect(successes.length).toBeGreaterThanOrEqual(45);
    expect(failures.length).toBeGreaterThanOrEqual(60);
    for (const c of failures) expect(Object.keys(REASONS)).toContain(c.reason);
    expect(new Set(failures.map((c) => c.reason))).toEqual(new Set(Object.keys(REASONS)));
  });
});

describe.each(successes.map((c) => [c.id, c] as const))("%s", (_, c) => {
  it("reads to the expected names and contents", () => {
    expectContents(c, readZip(c.data));
  });

  it("round-trips unchanged, keeping every compressed byte", async () => {
    const archive = readZip(c.data);
    const data = writeZip(archive, new Map());
    const back = readZip(data);
    expectSameArchive(c, archive, back);
    expectContents(c, back);
    expect(data.includes(Buffer.from("PK\x06\x06", "latin1"))).toBe(false); // small: no zip64
    await keep(c, "unchanged", data);
  });

  it("round-trips with one entry replaced", async () => {
    const archive = readZip(c.data);
    const target = archive.entries.find((e) => !e.name.endsWith("/"));
    const content = `<thay>${target?.name ?? "mới"}: đã sửa</thay>\n`.repeat(40);
    const data = target
      ? writeZip(archive, new Map([[target.name, content]]))
      : writeZip(archive, new Map(), new Map([["mới.xml", content]]));
    const back = readZip(data);
    if (target) {
      expectSameArchive(c, archive, back, target.name);
      expect(back.text(target.name)).toBe(content);
    } else {
      expect(back.entries.map((e) => e.name)).toEqual(["mới.xml"]);
      expect(back.text("mới.xml")).toBe(content);
    }
    await keep(
      { ...c, undecodable: c.undecodable?.filter((n) => n !== target?.name) },
      "replaced",
      data
    );
  });

  it("round-trips with zip64 records forced", async () => {
    const archive = readZip(c.data);
    const data = writeZip(archive, new Map(), new Map(), { forceZip64: true });
    expect(data.includes(Buffer.from("PK\x06\x06", "latin1"))).toBe(true);
    const back = readZip(data);
    expectSameArchive(c, archive, back);
    await keep(c, "zip64", data);
  });

  it("fails with a ZipError when truncated anywhere, and when cut in front", () => {
    const { data } = c;
    const step = data.length <= 1 << 16 ? 1 : Math.ceil(data.length / 4000);
    for (let length = 0; length < data.length; length += length > data.length - 200 ? 1 : step)
      expectZipError(outcome(data.subarray(0, length)), `${c.id} cut to ${length} bytes`);
    for (let cut = 1; cut < Math.min(data.length, 600); cut++) {
      const error = outcome(data.subarray(cut));
      if (error === undefined && cut <= (c.prefix ?? 0)) continue; // only some of the stub went
      expectZipError(error, `${c.id} without its first ${cut} bytes`);
    }
  });
});

describe.each(failures.map((c) => [c.id, c] as const))("%s", (_, c) => {
  it(`fails with a ZipError (${c.reason})`, () => {
    const error = outcome(c.data);
    expectZipError(error, c.id);
    expect(error.message).toMatch(REASONS[c.reason ?? ""]);
  });
});

describe("random damage", () => {
  /** Up to four bytes set anywhere, or in the last 400 bytes (directory and end records). */
  const damage = fc.tuple(
    fc.constantFrom(...successes.filter((c) => c.data.length > 0 && c.data.length < 1 << 16)),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 255 })
      ),
      { minLength: 1, maxLength: 4 }
    )
  );

  it("ends in a ZipError or a readable archive that writes back, never anything else", () => {
    fc.assert(
      fc.property(damage, ([c, flips]) => {
        const data = Buffer.from(c.data);
        for (const [where, inTail, byte] of flips) {
          const from = inTail ? Math.max(0, data.length - 400) : 0;
          data[Math.min(data.length - 1, from + Math.floor(where * (data.length - from)))] = byte;
        }
        const error = outcome(data);
        if (error !== undefined) return expectZipError(error, c.id);
        const archive = readZip(data);
        const back = readZip(writeZip(archive, new Map()));
        const same =
          JSON.stringify(back.entries.map(kept)) === JSON.stringify(archive.entries.map(kept));
        if (!same) throw new Error(`${c.id}: a damaged archive does not round-trip`);
      }),
      { numRuns: 2000 }
    );
  });
});

describe("writeZip", () => {
  it("writes zip64 end records when the entry count needs them", async () => {
    // An archive of 65546 copies of one entry, built directly: the writer takes any ZipArchive.
    const [one] = readZip(
      writeZip(readZip(all[0].data), new Map(), new Map([["x", "Chỉ tiêu"]]))
    ).entries.slice(-1);
    const entries = Array.from({ length: 0x10000 + 10 }, (_, i) => {
      const name = `d/${i}.txt`;
      return { ...one, name, rawName: Buffer.from(name) };
    });
    const names = new Set(entries.map((e) => e.name));
    const many: ZipArchive = {
      entries,
      has: (name) => names.has(name),
      size: () => undefined,
      bytes: () => undefined,
      text: () => undefined,
    };
    const data = writeZip(many, new Map());
    expect(data.includes(Buffer.from("PK\x06\x06", "latin1"))).toBe(true);
    expect(data.readUInt16LE(data.length - 12)).toBe(0xffff); // the end record defers to zip64
    const back = readZip(data);
    expect(back.entries.length).toBe(0x10000 + 10);
    expect(back.text("d/65545.txt")).toBe("Chỉ tiêu");
    const file = path.join(tmp, "many.zip");
    await fs.writeFile(file, data);
    const sha = sha256(Buffer.from("Chỉ tiêu"));
    written.push({
      id: "65546 entries",
      file,
      entries: back.entries.map((e) => ({ name: e.name, sha, unicodePath: false, plain: true })),
    });
  });
});

const python = spawnSync("python3", ["--version"]).status === 0;
if (!python) console.log("zipCorpus.test: no python3; the independent reader's check is skipped");

/** Python's zipfile: each entry's name and the SHA-256 of what it reads, or its error. */
const PYTHON_READER = String.raw`
import hashlib, json, sys, zipfile
out = []
for path in json.load(sys.stdin):
    try:
        with zipfile.ZipFile(path) as z:
            entries = []
            for info in z.infolist():
                try:
                    entries.append([info.filename, hashlib.sha256(z.read(info)).hexdigest()])
                except Exception as e:
                    entries.append([info.filename, None, type(e).__name__ + ": " + str(e)])
            out.append({"entries": entries})
    except Exception as e:
        out.append({"error": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout)
`;

describe("an independent reader", () => {
  it("jszip reads every written archive it can as we do", async () => {
    expect(written.length).toBe(3 * successes.length + 1);
    const problems: string[] = [];
    // jszip refuses a whole archive with an entry in a method it does not know.
    for (const w of written.filter((w) => w.entries.every((e) => e.sha !== undefined))) {
      const zip = await JSZip.loadAsync(await fs.readFile(w.file));
      const files = Object.values(zip.files);
      if (files.length !== w.entries.length) {
        problems.push(`${w.id}: ${files.length} entries, not ${w.entries.length}`);
        continue;
      }
      for (const [j, file] of files.entries()) {
        const ours = w.entries[j];
        // jszip reads unflagged names as UTF-8, not CP437, and keeps backslashes.
        if (ours.plain && file.name !== ours.name)
          problems.push(`${w.id}: entry ${j} is ${file.name}, not ${ours.name}`);
        if (ours.sha === undefined || file.dir) continue;
        const sha = sha256(await file.async("nodebuffer"));
        if (sha !== ours.sha) problems.push(`${w.id}: ${ours.name} reads otherwise in jszip`);
      }
    }
    expect(problems).toEqual([]);
  });

  (python ? it : it.skip)("Python's zipfile reads every written archive as we do", () => {
    expect(written.length).toBe(3 * successes.length + 1);
    const result = spawnSync("python3", ["-c", PYTHON_READER], {
      input: JSON.stringify(written.map((w) => w.file)),
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    expect(result.stderr).toBe("");
    const read = JSON.parse(result.stdout) as {
      entries?: [string, string | null, string?][];
      error?: string;
    }[];
    const problems: string[] = [];
    written.forEach((w, i) => {
      const { entries, error } = read[i];
      if (!entries) return problems.push(`${w.id}: ${error}`);
      if (entries.length !== w.entries.length)
        return problems.push(`${w.id}: ${entries.length} entries, not ${w.entries.length}`);
      entries.forEach(([name, sha, why], j) => {
        const ours = w.entries[j];
        // Python reads neither Unicode path fields nor backslashes as slashes.
        if (!ours.unicodePath && name.replace(/\\/g, "/") !== ours.name)
          problems.push(`${w.id}: entry ${j} is ${name}, not ${ours.name}`);
        if (ours.sha !== undefined && sha !== ours.sha)
          problems.push(`${w.id}: ${ours.name} reads ${sha ?? why} in Python`);
        if (ours.sha === undefined && sha !== null)
          problems.push(`${w.id}: Python inflates ${ours.name}`);
      });
    });
    expect(problems).toEqual([]);
  });

  const unzip = spawnSync("unzip", ["-v"]).status === 0;
  (unzip ? it : it.skip)("unzip -t finds no errors in the written archives it can read", () => {
    const problems: string[] = [];
    for (const w of written.filter((w) => w.entries.every((e) => e.sha !== undefined))) {
      const result = spawnSync("unzip", ["-tq", w.file], { encoding: "latin1" });
      const empty = w.entries.length === 0; // unzip warns of an empty archive, exit status 1
      const ok = empty
        ? result.status === 1 && /zipfile is empty/.test(result.stdout + result.stderr)
        : result.status === 0 && /No errors detected/.test(result.stdout);
      if (!ok)
        problems.push(`${w.id}: unzip -t says ${result.status}: ${result.stdout}${result.stderr}`);
    }
    expect(problems).toEqual([]);
  });
});
