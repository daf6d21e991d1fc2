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
 *
 * format.ts holds what both sides share, read.ts the reader, write.ts the writer and
 * deflater.ts the streaming deflater it takes content from; this file is their public face.
 */

export { ZipError } from "./format";
export type { ZipArchive, ZipEntry } from "./format";
export { readZip } from "./read";
export { writeZip } from "./write";
export type { Content, WriteOptions } from "./write";
export { inflatedText, PieceDeflater } from "./deflater";
export type { Deflated } from "./deflater";
