/**
 * A small ZIP reader and writer for .xlsx packages, on Node's zlib alone.
 *
 * Why not exceljs: rewriting a whole workbook through its model is slow (1.3 GiB of memory
 * on a 100.000-row file) and drops the parts it does not model. The CLI instead keeps every
 * part and replaces only the XML it changes, so the writer copies an untouched entry's
 * compressed bytes as they are and deflates only the new content.
 *
 * Scope: what APPNOTE 6.3 allows in one buffer: stored and deflated entries, data
 * descriptors, zip64 records, UTF-8 and legacy (CP437) names, Info-ZIP Unicode path fields,
 * comments, leading bytes such as a self-extractor's stub. Encrypted and multi-disk archives
 * are refused with a ZipError rather than half-read, as is any malformed input (bytes after
 * the end record, names that are absolute or climb out with "..", sizes that disagree): every
 * offset and length is checked before it is used. test/cli/zipCorpus.test.ts holds the
 * proof: yauzl's own test archives, generated ones and every truncation of them.
 */
import { constants as bufferConstants } from "buffer";
import zlib from "zlib";
import { Utf8Batches } from "./utf8Batches";

/**
 * A file this module cannot read: not a zip, truncated or corrupt, encrypted, multi-disk,
 * an unsafe entry name. The message is plain English; the CLI translates the fact.
 */
export class ZipError extends Error {
  override name = "ZipError";
}

/** One entry as the central directory describes it, with its compressed bytes. */
export interface ZipEntry {
  /** Decoded: UTF-8 when flagged or given by a Unicode path field, else CP437; `\` made `/`. */
  readonly name: string;
  /** 0 stored, 8 deflate; other methods are copied verbatim but cannot be read. */
  readonly method: number;
  /** General-purpose bits: 3 data descriptor (cleared on write), 11 UTF-8 name. */
  readonly flags: number;
  readonly crc: number;
  /** Sizes and offsets are read from zip64 fields when the 32-bit ones say so. */
  readonly compressedSize: number;
  readonly size: number;
  /** MS-DOS time and date words, as stored. */
  readonly time: number;
  readonly date: number;
  /** Version made by: its high byte says how to read the external attributes. */
  readonly madeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  /** The name as stored: copied verbatim, since a legacy code-page name would not survive UTF-8. */
  readonly rawName: Buffer;
  /** The central and local extra fields and the entry comment, as stored; kept on write. */
  readonly extra: Buffer;
  readonly localExtra: Buffer;
  readonly comment: Buffer;
  /** The compressed bytes: a view into the archive's buffer, not a copy. */
  readonly raw: Buffer;
}

export interface ZipArchive {
  /** In central-directory order, which writeZip keeps ([Content_Types].xml first stays first). */
  readonly entries: readonly ZipEntry[];
  has(name: string): boolean;
  /** The inflated size the directory declares, without inflating. */
  size(name: string): number | undefined;
  /** The inflated content, checked against the size and CRC-32; a stored entry's is a view. */
  bytes(name: string): Buffer | undefined;
  /** The content as UTF-8 without its byte order mark. */
  text(name: string): string | undefined;
}

export interface WriteOptions {
  /**
   * Zip64 records for every entry and the end, as `zip -fz` writes them. Without it they are
   * written only where a size, offset or count needs them.
   */
  readonly forceZip64?: boolean;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_FIELD = 0x0001;
const UNICODE_PATH_FIELD = 0x7075;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
/** Bit 0 encrypted, bit 6 strong encryption, bit 13 masked central directory. */
const ENCRYPTED = 0x0001 | 0x0040 | 0x2000;
const DESCRIPTOR = 0x0008;
/** Bits 1–2 record the deflate level used; ours is the normal one, so they are cleared. */
const LEVEL_BITS = 0x0006;
const UTF8 = 0x0800;
const NONE = Buffer.alloc(0);
/** What an added entry claims: made by zip 2.0 on MS-DOS, so attributes 0 mean a plain file. */
const FRESH = {
  flags: 0,
  madeBy: 20,
  internalAttributes: 0,
  externalAttributes: 0,
  extra: NONE,
  localExtra: NONE,
  comment: NONE,
};
/**
 * Below zlib's default (6). On the 46 MB computed sheet of 100.000 rows, level 6 takes
 * 0,68–0,86 s for 6,1 MiB, level 4 0,25 s for 6,8 MiB, level 1 0,19 s for 7,9 MiB: level 4
 * keeps most of the size for a third of the time.
 */
const LEVEL = 4;

/** Throws unless `length` bytes from `at` lie inside `[0, limit)`. */
function need(at: number, length: number, limit: number, what: string): void {
  if (at < 0 || at + length > limit)
    throw new ZipError(`truncated or corrupt zip: ${what} at byte ${at} runs past its bounds`);
}

/** An unsigned 64-bit field: exact below 2^53, and any larger value fails a bounds check. */
const u64 = (data: Buffer, at: number): number =>
  data.readUInt32LE(at) + data.readUInt32LE(at + 4) * 0x100000000;

/**
 * The End Of Central Directory record's offset. It is the last 22 bytes plus a comment of
 * up to 65535 bytes, and its comment must end the file exactly, as yauzl requires: trailing
 * bytes would make a `PK\5\6` inside a comment pass for the record.
 */
function findEnd(data: Buffer): number {
  if (data.length < 22)
    throw new ZipError("not a zip: too short for an end-of-central-directory record");
  const stop = Math.max(0, data.length - 22 - MAX16);
  let misfit = -1;
  for (let at = data.lastIndexOf(END_SIGNATURE, data.length - 22); at >= stop;) {
    if (at + 22 + data.readUInt16LE(at + 20) === data.length) return at;
    if (misfit < 0) misfit = at;
    at = at > 0 ? data.lastIndexOf(END_SIGNATURE, at - 1) : -1;
  }
  if (misfit >= 0)
    throw new ZipError(
      `corrupt zip: its end record at byte ${misfit} declares a ${data.readUInt16LE(misfit + 20)}-byte ` +
        `comment but ${data.length - misfit - 22} bytes follow it (bytes after the archive, or a truncated one)`
    );
  throw new ZipError("not a zip, or truncated: no end-of-central-directory record");
}

interface Directory {
  readonly count: number;
  /** Where the central directory lies, in the buffer. */
  readonly start: number;
  readonly end: number;
  /** Bytes before the archive proper, which its offsets do not count (a stub, say). */
  readonly prefix: number;
}

/** The central directory's place and size, from the end record and the zip64 one if any. */
function readDirectory(data: Buffer, end: number): Directory {
  let count = data.readUInt16LE(end + 10);
  let size = data.readUInt32LE(end + 12);
  let offset = data.readUInt32LE(end + 16);
  let disks = [data.readUInt16LE(end + 4), data.readUInt16LE(end + 6)];
  let onThisDisk = data.readUInt16LE(end + 8);
  let directoryEnd = end;
  const locator = end - 20;
  if (locator >= 0 && data.readUInt32LE(locator) === END64_LOCATOR) {
    if (data.readUInt32LE(locator + 4) !== 0 || data.readUInt32LE(locator + 16) > 1)
      throw new ZipError("multi-disk archives are not supported");
    // The locator says where the zip64 record is; behind leading bytes that is off, and
    // the record (without extensible data) lies just before the locator.
    const claimed = u64(data, locator + 8);
    let at = claimed;
    if (!(at + 56 <= locator && data.readUInt32LE(at) === END64)) at = locator - 56;
    if (at < 0 || data.readUInt32LE(at) !== END64)
      throw new ZipError(
        `corrupt zip: no zip64 end-of-central-directory record where its locator points (byte ${claimed})`
      );
    disks = [data.readUInt32LE(at + 16), data.readUInt32LE(at + 20)];
    onThisDisk = u64(data, at + 24);
    count = u64(data, at + 32);
    size = u64(data, at + 40);
    offset = u64(data, at + 48);
    directoryEnd = at;
  }
  if (disks[0] !== 0 || disks[1] !== 0 || onThisDisk !== count)
    throw new ZipError("multi-disk archives are not supported");
  // The directory ends where the end records begin; any gap is bytes before the archive,
  // unless the offsets already count them (`zip -A`), which a record at `offset` shows.
  let prefix = directoryEnd - size - offset;
  if (prefix < 0)
    throw new ZipError(
      `truncated or corrupt zip: a central directory of ${size} bytes at byte ${offset} overruns its end record at byte ${directoryEnd}`
    );
  if (
    prefix > 0 &&
    count > 0 &&
    offset + 4 <= directoryEnd &&
    data.readUInt32LE(offset) === CENTRAL
  )
    prefix = 0;
  if (count * 46 > size)
    throw new ZipError(
      `corrupt zip: ${count} entries cannot fit a central directory of ${size} bytes`
    );
  return { count, start: offset + prefix, end: offset + prefix + size, prefix };
}

interface Field {
  readonly id: number;
  readonly data: Buffer;
}

/** An extra field's records; undefined when one runs past the end (up to 3 stray bytes pass, as in yauzl). */
function parseFields(extra: Buffer): Field[] | undefined {
  const fields: Field[] = [];
  let at = 0;
  while (at + 4 <= extra.length) {
    const end = at + 4 + extra.readUInt16LE(at + 2);
    if (end > extra.length) return undefined;
    fields.push({ id: extra.readUInt16LE(at), data: extra.subarray(at + 4, end) });
    at = end;
  }
  return fields;
}

/** The fields of `extra` whose id `keep` accepts, re-encoded; nothing when it does not parse. */
function keepFields(extra: Buffer, keep: (id: number) => boolean): Buffer {
  const fields = extra.length === 0 ? [] : parseFields(extra);
  if (fields === undefined) return NONE;
  const kept = fields.filter((field) => keep(field.id));
  return Buffer.concat(kept.map(({ id, data }) => Buffer.concat([u16s(id, data.length), data])));
}

function u16s(...values: number[]): Buffer {
  const buffer = Buffer.alloc(2 * values.length);
  values.forEach((value, i) => buffer.writeUInt16LE(value, 2 * i));
  return buffer;
}

/** CP437's upper half; the lower is ASCII, as Python and Info-ZIP read it. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
  "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function cp437(raw: Buffer): string {
  if (raw.every((byte) => byte < 0x80)) return raw.toString("latin1");
  return Array.from(raw, (byte) =>
    byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]
  ).join("");
}

/**
 * The entry's name: a valid Info-ZIP Unicode path field (0x7075, version 1, CRC-32 of the
 * stored name) wins, then bit 11 says UTF-8, else CP437. Backslashes become slashes, as
 * some Windows writers use them.
 */
function decodeName(rawName: Buffer, flags: number, fields: readonly Field[]): string {
  const unicode = fields.find(
    ({ id, data }) =>
      id === UNICODE_PATH_FIELD &&
      data.length >= 6 &&
      data[0] === 1 &&
      data.readUInt32LE(1) === crc32(rawName)
  );
  const name = unicode
    ? unicode.data.subarray(5).toString("utf8")
    : flags & UTF8
      ? rawName.toString("utf8")
      : cp437(rawName);
  return name.includes("\\") ? name.replace(/\\/g, "/") : name;
}

/** Reads the central-directory record at `at`; returns the entry and the next record's offset. */
function readEntry(data: Buffer, at: number, directory: Directory) {
  need(at, 46, directory.end, "central directory record");
  if (data.readUInt32LE(at) !== CENTRAL)
    throw new ZipError(`corrupt zip: no central directory record at byte ${at}`);
  const flags = data.readUInt16LE(at + 8);
  const method = data.readUInt16LE(at + 10);
  let compressedSize = data.readUInt32LE(at + 20);
  let size = data.readUInt32LE(at + 24);
  let offset = data.readUInt32LE(at + 42);
  const nameEnd = at + 46 + data.readUInt16LE(at + 28);
  const extraEnd = nameEnd + data.readUInt16LE(at + 30);
  const next = extraEnd + data.readUInt16LE(at + 32);
  need(at, next - at, directory.end, "central directory record");
  const rawName = data.subarray(at + 46, nameEnd);
  const extra = data.subarray(nameEnd, extraEnd);
  const fields = parseFields(extra);
  if (fields === undefined)
    throw new ZipError(
      `corrupt zip: the extra field of ${decodeName(rawName, flags, [])} runs past its bounds`
    );
  const name = decodeName(rawName, flags, fields);
  if (flags & ENCRYPTED)
    throw new ZipError(
      `encrypted entries are not supported (${name}${flags & 0x0040 ? ", strong encryption" : ""})`
    );
  if (size === MAX32 || compressedSize === MAX32 || offset === MAX32) {
    const zip64 = fields.find((field) => field.id === ZIP64_FIELD)?.data;
    if (zip64 === undefined)
      throw new ZipError(`corrupt zip: ${name} has zip64 sizes or offset but no zip64 extra field`);
    let field = 0;
    const take = (what: string): number => {
      if (field + 8 > zip64.length)
        throw new ZipError(
          `corrupt zip: the zip64 extra field of ${name} does not include its ${what}`
        );
      field += 8;
      return u64(zip64, field - 8);
    };
    if (size === MAX32) size = take("uncompressed size");
    if (compressedSize === MAX32) compressedSize = take("compressed size");
    if (offset === MAX32) offset = take("local header offset");
  }
  if (/^[a-zA-Z]:/.test(name) || name.startsWith("/") || name.split("/").includes(".."))
    throw new ZipError(
      `unsafe entry name ${JSON.stringify(name)}: absolute, or reaching outside with ".."`
    );
  if (method === STORED && compressedSize !== size)
    throw new ZipError(
      `corrupt zip: stored entry ${name} has ${compressedSize} bytes but declares ${size}`
    );
  // Only the local header says where the data starts: its name and extra field lengths may
  // differ from the central record's, and its sizes are zero when bit 3 defers them.
  const local = offset + directory.prefix;
  need(local, 30, directory.start, `local header of ${name}`);
  if (data.readUInt32LE(local) !== LOCAL)
    throw new ZipError(`corrupt zip: no local header for ${name} at byte ${local}`);
  const localExtraStart = local + 30 + data.readUInt16LE(local + 26);
  const start = localExtraStart + data.readUInt16LE(local + 28);
  need(start, compressedSize, directory.start, `data of ${name}`);
  const entry: ZipEntry = {
    name,
    method,
    flags,
    crc: data.readUInt32LE(at + 16),
    compressedSize,
    size,
    time: data.readUInt16LE(at + 12),
    date: data.readUInt16LE(at + 14),
    madeBy: data.readUInt16LE(at + 4),
    internalAttributes: data.readUInt16LE(at + 36),
    externalAttributes: data.readUInt32LE(at + 38),
    rawName,
    extra,
    localExtra: data.subarray(localExtraStart, start),
    comment: data.subarray(extraEnd, next),
    raw: data.subarray(start, start + compressedSize),
  };
  return { entry, next };
}

/** Reads an archive's directory; contents are inflated on demand by `bytes` and `text`. */
export function readZip(data: Buffer): ZipArchive {
  const directory = readDirectory(data, findEnd(data));
  const entries: ZipEntry[] = [];
  for (let i = 0, at = directory.start; i < directory.count; i++) {
    const { entry, next } = readEntry(data, at, directory);
    entries.push(entry);
    at = next;
  }
  // The first of two same-named entries wins, as in most readers.
  const index = new Map<string, ZipEntry>();
  for (const entry of entries) if (!index.has(entry.name)) index.set(entry.name, entry);
  const bytes = (name: string): Buffer | undefined => {
    const entry = index.get(name);
    return entry && contentOf(entry);
  };
  return {
    entries,
    has: (name) => index.has(name),
    size: (name) => index.get(name)?.size,
    bytes,
    text(name) {
      const content = bytes(name);
      if (content === undefined) return undefined;
      const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
      return (bom ? content.subarray(3) : content).toString("utf8");
    },
  };
}

/**
 * An entry's content; the declared size caps inflation, so a lying entry cannot balloon.
 * Inflating into one buffer of that size rather than 16 KiB chunks joined at the end takes
 * a cold 30 MB sheet from 0,7–1 s to 0,3–0,5 s; the 64 MiB cap bounds what a lie allocates.
 */
function contentOf({ name, method, raw, size, crc }: ZipEntry): Buffer {
  if (method !== STORED && method !== DEFLATED)
    throw new ZipError(`compression method ${method} is not supported (${name})`);
  if (size > bufferConstants.MAX_LENGTH)
    throw new ZipError(`${name} declares ${size} bytes, more than a buffer here can hold`);
  const chunkSize = Math.min(Math.max(size, 64), 1 << 26);
  let content = raw;
  if (method === DEFLATED)
    try {
      content = zlib.inflateRawSync(raw, { chunkSize, maxOutputLength: Math.max(1, size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        throw new ZipError(
          `corrupt zip: ${name} inflates to more than the ${size} bytes it declares`
        );
      throw new ZipError(`corrupt deflate data in ${name}: ${(error as Error).message}`);
    }
  if (content.length !== size)
    throw new ZipError(
      `corrupt zip: ${name} has ${content.length} bytes, not the ${size} it declares`
    );
  if (crc32(content) !== crc)
    throw new ZipError(`corrupt zip: the CRC-32 of ${name} does not match`);
  return content;
}

/**
 * A new archive: every entry of `from` in its order, with `replace` (name → new content)
 * deflated in place of the old one, and `add` entries appended (new names). Untouched
 * entries keep their compressed bytes, extra fields and comments; replaced and added ones
 * get the current time. Data descriptors become sizes in the local header; zip64 records
 * are written where a size, offset or count needs them (or everywhere with `forceZip64`).
 */
export function writeZip(
  from: ZipArchive,
  replace: ReadonlyMap<string, Content>,
  add: ReadonlyMap<string, Content> = new Map(),
  options: WriteOptions = {}
): Buffer {
  for (const name of replace.keys())
    if (!from.has(name)) throw new Error(`writeZip: no entry ${name} to replace`);
  for (const name of add.keys())
    if (from.has(name)) throw new Error(`writeZip: ${name} exists; replace it instead`);
  const force = options.forceZip64 === true;
  const now = dosDateTime(new Date());
  const plan = from.entries.map((entry) => {
    const content = replace.get(entry.name);
    return content === undefined ? entry : compress(entry, content, now);
  });
  for (const [name, content] of add)
    plan.push(compress({ name, rawName: Buffer.from(name, "utf8"), ...FRESH }, content, now));
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of plan) {
    const { local, record } = headers(entry, offset, force);
    parts.push(local, entry.raw);
    central.push(record);
    offset += local.length + entry.raw.length;
  }
  const cdSize = central.reduce((sum, record) => sum + record.length, 0);
  const end = endRecords(plan.length, cdSize, offset, force);
  const total = offset + cdSize + end.length;
  if (total > bufferConstants.MAX_LENGTH)
    throw new ZipError(`the archive would take ${total} bytes, more than a buffer here can hold`);
  return Buffer.concat([...parts, ...central, end], total);
}

/** The local header and central record of `entry`, whose local header goes at `offset`. */
function headers(entry: ZipEntry, offset: number, force: boolean) {
  const bigSizes = force || entry.size >= MAX32 || entry.compressedSize >= MAX32;
  const bigOffset = force || offset >= MAX32;
  const version = bigSizes || bigOffset ? 45 : entry.method === STORED ? 10 : 20;
  const sizes = bigSizes ? [entry.size, entry.compressedSize] : [];
  const notZip64 = (id: number) => id !== ZIP64_FIELD;
  // The local zip64 field carries both sizes; the central one whichever fields overflow.
  let localExtra = keepFields(entry.localExtra, notZip64);
  let extra = keepFields(entry.extra, notZip64);
  const localZip64 = zip64Field(sizes);
  const centralZip64 = zip64Field(bigOffset ? [...sizes, offset] : sizes);
  if (localZip64.length + localExtra.length > MAX16) localExtra = NONE;
  if (centralZip64.length + extra.length > MAX16) extra = NONE;
  localExtra = Buffer.concat([localZip64, localExtra]);
  extra = Buffer.concat([centralZip64, extra]);

  const local = Buffer.alloc(30 + entry.rawName.length + localExtra.length);
  local.writeUInt32LE(LOCAL, 0);
  common(local, 4, entry, version, bigSizes, localExtra.length);
  entry.rawName.copy(local, 30);
  localExtra.copy(local, 30 + entry.rawName.length);

  const record = Buffer.alloc(46 + entry.rawName.length + extra.length + entry.comment.length);
  record.writeUInt32LE(CENTRAL, 0);
  record.writeUInt16LE(entry.madeBy, 4);
  common(record, 6, entry, version, bigSizes, extra.length);
  record.writeUInt16LE(entry.comment.length, 32);
  record.writeUInt16LE(entry.internalAttributes, 36);
  record.writeUInt32LE(entry.externalAttributes, 38);
  record.writeUInt32LE(bigOffset ? MAX32 : offset, 42);
  entry.rawName.copy(record, 46);
  extra.copy(record, 46 + entry.rawName.length);
  entry.comment.copy(record, 46 + entry.rawName.length + extra.length);
  return { local, record };
}

/** A zip64 extended information field with these 64-bit values; nothing without any. */
function zip64Field(values: readonly number[]): Buffer {
  if (values.length === 0) return NONE;
  const field = Buffer.alloc(4 + 8 * values.length);
  field.writeUInt16LE(ZIP64_FIELD, 0);
  field.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => field.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return field;
}

/**
 * Writes the fields a local header (at 4) and a central record (at 6) share, from
 * "version needed" to the extra field length. Sizes and CRC go in the header itself, so
 * bit 3 (data descriptor) is cleared.
 */
function common(
  buffer: Buffer,
  at: number,
  entry: ZipEntry,
  version: number,
  bigSizes: boolean,
  extraLength: number
): void {
  const ascii = entry.rawName.every((byte) => byte < 0x80);
  const utf8 = !ascii && Buffer.from(entry.name, "utf8").equals(entry.rawName);
  buffer.writeUInt16LE(version, at);
  buffer.writeUInt16LE((entry.flags & ~DESCRIPTOR) | (utf8 ? UTF8 : 0), at + 2);
  buffer.writeUInt16LE(entry.method, at + 4);
  buffer.writeUInt16LE(entry.time, at + 6);
  buffer.writeUInt16LE(entry.date, at + 8);
  buffer.writeUInt32LE(entry.crc, at + 10);
  buffer.writeUInt32LE(bigSizes ? MAX32 : entry.compressedSize, at + 14);
  buffer.writeUInt32LE(bigSizes ? MAX32 : entry.size, at + 18);
  buffer.writeUInt16LE(entry.rawName.length, at + 22);
  buffer.writeUInt16LE(extraLength, at + 24);
}

/** The end record, after a zip64 end record and locator when the counts or offsets need them. */
function endRecords(count: number, cdSize: number, cdOffset: number, force: boolean): Buffer {
  const zip64 = force || count >= MAX16 || cdSize >= MAX32 || cdOffset >= MAX32;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(force ? MAX16 : Math.min(count, MAX16), 8);
  end.writeUInt16LE(force ? MAX16 : Math.min(count, MAX16), 10);
  end.writeUInt32LE(force ? MAX32 : Math.min(cdSize, MAX32), 12);
  end.writeUInt32LE(force ? MAX32 : Math.min(cdOffset, MAX32), 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56 + 20);
  record.writeUInt32LE(END64, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cdSize), 40);
  record.writeBigUInt64LE(BigInt(cdOffset), 48);
  record.writeUInt32LE(END64_LOCATOR, 56);
  record.writeBigUInt64LE(BigInt(cdOffset + cdSize), 64);
  record.writeUInt32LE(1, 72);
  return Buffer.concat([record, end]);
}

type Base = Pick<
  ZipEntry,
  | "name"
  | "rawName"
  | "flags"
  | "madeBy"
  | "internalAttributes"
  | "externalAttributes"
  | "extra"
  | "localExtra"
  | "comment"
>;

/** An entry's new content: bytes, text (written as UTF-8), or text deflated already. */
export type Content = Buffer | string | Deflated;

/** Text deflated as it was handed over, with what the entry's headers need of it. */
export interface Deflated {
  readonly deflated: Buffer;
  readonly crc: number;
  readonly size: number;
}

/**
 * Deflates text handed over in pieces (a patched sheet: slices of the old text and the new
 * rows) as it comes, holding only the deflated bytes and a few megabytes of UTF-8. Each
 * batch is deflated on its own and ends on a sync flush (byte-aligned, not final), so the
 * batches' outputs, followed by one final empty block, are one deflate stream; a fresh
 * dictionary per megabyte costs well under a percent of size.
 *
 * Being independent, the batches are deflated on libuv's thread pool while the writer goes
 * on making the next ones: on the 100.000-row sheet the deflate (a quarter of a second)
 * runs beside the patching instead of after each megabyte of it. The writer waits
 * (`caughtUp`) when `IN_FLIGHT` batches are still being deflated.
 */
export class PieceDeflater {
  private readonly out: Buffer[] = [];
  /** Batches being deflated, each settled (never rejected: a failure is kept for `finish`). */
  private readonly running = new Set<Promise<void>>();
  /** Batch buffers deflated and free to take the next batch. */
  private readonly spare: Buffer[] = [];
  private failure: unknown;
  private crc = 0;
  private size = 0;
  private readonly batches = new Utf8Batches((bytes) => {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    const index = this.out.length;
    this.out.push(NONE);
    // The batch is a view of a reused buffer: the thread pool gets a copy, in a buffer of
    // its own that goes back to `spare` once deflated. Copying into fresh memory cost
    // 50 ms over 46 MB in page faults alone; `Buffer.from` copies byte by byte (160 ms).
    const copy =
      bytes.length <= BATCH
        ? (this.spare.pop() ?? Buffer.allocUnsafe(BATCH))
        : Buffer.allocUnsafe(bytes.length);
    bytes.copy(copy);
    const deflating = deflateBatch(copy.subarray(0, bytes.length)).then(
      (deflated) => {
        this.out[index] = deflated;
        if (copy.length === BATCH) this.spare.push(copy);
      },
      (error: unknown) => {
        this.failure ??= error;
      }
    );
    const settled: Promise<void> = deflating.then(() => {
      this.running.delete(settled);
    });
    this.running.add(settled);
  }, BATCH);

  add(piece: string): void {
    this.batches.add(piece);
  }

  /** True when the writer should wait (`caughtUp`) before handing over more. */
  get behind(): boolean {
    return this.running.size >= IN_FLIGHT;
  }

  /** Resolves once fewer than `IN_FLIGHT` batches are being deflated. */
  async caughtUp(): Promise<void> {
    while (this.running.size >= IN_FLIGHT) await Promise.race(this.running);
  }

  /** The whole stream, closed; the deflater is not to be used again. */
  async finish(): Promise<Deflated> {
    this.batches.flush();
    await Promise.all(this.running);
    if (this.failure !== undefined) throw this.failure;
    this.out.push(zlib.deflateRawSync(NONE, { level: LEVEL }));
    return { deflated: Buffer.concat(this.out), crc: this.crc, size: this.size };
  }
}

/**
 * Batches being deflated at once: two cores' worth and a little queue, holding four
 * megabytes of text and their output.
 */
const IN_FLIGHT = 4;
/** A batch's size: what `Utf8Batches` holds before passing it on. */
const BATCH = 1 << 20;

/** One batch deflated on the thread pool, ending on a sync flush. */
function deflateBatch(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = {
      level: LEVEL,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      // Room for the whole output in one pass (deflate grows incompressible data by a few
      // bytes per 16 kB): a pass that fills its buffer waits for the main thread to be
      // given another, and the main thread is busy writing the next rows.
      chunkSize: bytes.length + (bytes.length >> 8) + 1024,
    };
    zlib.deflateRaw(bytes, options, (error, deflated) =>
      error ? reject(error) : resolve(deflated)
    );
  });
}

/** The text a deflated entry holds (for a part read again after it was written). */
export function inflatedText({ deflated }: Deflated): string {
  return zlib.inflateRawSync(deflated).toString("utf8");
}

const isDeflated = (content: Content): content is Deflated =>
  typeof content === "object" && !Buffer.isBuffer(content);

/**
 * An entry with new content: deflated, or stored when deflate would not make it smaller.
 * Of the old extra fields only a Unicode path stays: the name is the same, while times and
 * the like would now be wrong.
 */
function compress(base: Base, content: Content, now: { time: number; date: number }): ZipEntry {
  const { raw, method, crc, size } = packed(content);
  const flags = base.flags & ~(DESCRIPTOR | LEVEL_BITS);
  const sizes = { crc, compressedSize: raw.length, size };
  const unicodePath = (id: number) => id === UNICODE_PATH_FIELD;
  return {
    name: base.name,
    rawName: base.rawName,
    madeBy: base.madeBy,
    internalAttributes: base.internalAttributes,
    externalAttributes: base.externalAttributes,
    comment: base.comment,
    extra: keepFields(base.extra, unicodePath),
    localExtra: keepFields(base.localExtra, unicodePath),
    ...now,
    ...sizes,
    flags,
    method,
    raw,
  };
}

/**
 * An entry's bytes as stored, and how: deflated, or stored when deflate would not make
 * them smaller. Content deflated ahead stays deflated: its text is gone.
 */
function packed(content: Content): { raw: Buffer; method: number; crc: number; size: number } {
  if (isDeflated(content))
    return { raw: content.deflated, method: DEFLATED, crc: content.crc, size: content.size };
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const deflated = zlib.deflateRawSync(data, { level: LEVEL });
  const stored = deflated.length >= data.length;
  return {
    raw: stored ? data : deflated,
    method: stored ? STORED : DEFLATED,
    crc: crc32(data),
    size: data.length,
  };
}

/** MS-DOS local time at two-second resolution; the format starts in 1980. */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** CRC-32 (IEEE) by table, for Node before 20.15, which lacks `zlib.crc32`. */
function tableCrc32(): (data: Buffer, previous?: number) => number {
  const table = new Uint32Array(256).map((_, n) => {
    for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
    return n;
  });
  return (data, previous = 0) => {
    let crc = ~previous;
    for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
    return ~crc >>> 0;
  };
}

/**
 * `crc32(Buffer.from("123456789")) // 0xcbf43926`; with the CRC of the bytes before, the
 * CRC of both: `crc32(b, crc32(a))` is `crc32(a + b)`.
 */
const crc32: (data: Buffer, previous?: number) => number =
  typeof zlib.crc32 === "function"
    ? (data, previous = 0) => zlib.crc32(data, previous) >>> 0
    : tableCrc32();
