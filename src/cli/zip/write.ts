/**
 * Writes a zip package from a read one: untouched entries keep their compressed bytes, replaced
 * and added ones are deflated, and zip64 records go where a size, offset or count needs them.
 */
import { constants as bufferConstants } from "buffer";
import zlib from "zlib";
import { Deflated } from "./deflater";
import {
  CENTRAL,
  crc32,
  DEFLATED,
  DESCRIPTOR,
  END,
  END64,
  END64_LOCATOR,
  LEVEL,
  LEVEL_BITS,
  LOCAL,
  MAX16,
  MAX32,
  NONE,
  parseFields,
  STORED,
  UNICODE_PATH_FIELD,
  UTF8,
  ZIP64_FIELD,
  ZipArchive,
  ZipEntry,
  ZipError,
} from "./format";

export interface WriteOptions {
  /**
   * Zip64 records for every entry and the end, as `zip -fz` writes them. Without it they are
   * written only where a size, offset or count needs them.
   */
  readonly forceZip64?: boolean;
}

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
