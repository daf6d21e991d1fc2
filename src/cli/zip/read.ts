/**
 * Reads a zip package held in one buffer: the end records, then the central directory, every
 * offset and length checked before use; an entry's content is inflated only when asked for.
 */
import { constants as bufferConstants } from "buffer";
import zlib from "zlib";
import {
  CENTRAL,
  crc32,
  DEFLATED,
  ENCRYPTED,
  END64,
  END64_LOCATOR,
  END_SIGNATURE,
  Field,
  LOCAL,
  MAX16,
  MAX32,
  parseFields,
  STORED,
  UNICODE_PATH_FIELD,
  UTF8,
  ZIP64_FIELD,
  ZipArchive,
  ZipEntry,
  ZipError,
} from "./format";

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
