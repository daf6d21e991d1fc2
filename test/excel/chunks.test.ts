import fc from "fast-check";
import { ChunkSizer, chunkRows, sampleRows } from "../../src/excel/chunks";
import { PAYLOAD_LIMIT } from "../../src/excel/payload";

const rows = (count: number, bytes: number): number[] => new Array<number>(count).fill(bytes);
/** Reads rows of these sizes, every one of them weighed. */
const read = (sizer: ChunkSizer, bytes: number[]): void => sizer.read(bytes.length, bytes);

describe("chunk sizes", () => {
  it("cuts what is left into as few equal chunks as the bytes need", () => {
    expect(chunkRows(100000, 250)).toBe(16667); // 25 MB: six chunks
    expect(chunkRows(1000, 250)).toBe(1000); // 250 KB: one
    expect(chunkRows(3, 1e9)).toBe(1); // a row over the limit still goes, alone
  });

  it("never asks for more bytes than a round trip holds, nor for no row", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e5 }),
        (left, bpr) => {
          const count = chunkRows(left, bpr);
          expect(count).toBeGreaterThanOrEqual(1);
          expect(count).toBeLessThanOrEqual(left);
          if (bpr <= PAYLOAD_LIMIT) expect(count * bpr).toBeLessThanOrEqual(PAYLOAD_LIMIT + bpr);
        }
      )
    );
  });

  it("weighs a thousand rows or so of a chunk, spread over it, the last among them", () => {
    expect(sampleRows(10, 4)).toEqual([0, 3, 6, 9]);
    expect(sampleRows(5)).toEqual([0, 1, 2, 3, 4]);
    const sample = sampleRows(18001);
    expect(sample.length).toBeLessThanOrEqual(1025);
    expect(sample[sample.length - 1]).toBe(18000);
    expect(new Set(sample.slice(1).map((r, i) => r - sample[i])).size).toBe(1);
  });

  it("estimates a chunk from its sample", () => {
    const sizer = new ChunkSizer(12);
    sizer.read(20000, rows(1000, 250)); // 5 MB: 20 000 rows of 250 bytes
    expect(sizer.next(100000)).toBe(16667);
  });

  it("sizes the next chunk from the rows just read", () => {
    const sizer = new ChunkSizer(12);
    read(sizer, rows(2000, 250));
    expect(sizer.next(100000)).toBe(16667);
  });

  it("takes half as many rows after Excel refused a chunk", () => {
    const sizer = new ChunkSizer(12);
    read(sizer, rows(2000, 250));
    sizer.refused(16667);
    expect(sizer.next(100000)).toBe(8334);
  });

  it("keeps the long rows a refusal found in mind when the rows read since were short", () => {
    const sizer = new ChunkSizer(12);
    sizer.refused(10000); // rows 0 to 9 999 hold over a round trip's worth
    read(sizer, rows(5000, 100)); // rows 0 to 4 999 held 0,5 MB: rows 5 000 on hold the rest
    expect(sizer.next(20000)).toBe(2500); // half of those 5 000 rows, not all of them
    read(sizer, rows(2500, 2000)); // the long rows, read: now they size the chunks
    expect(sizer.next(17500)).toBe(Math.ceil(17500 / Math.ceil((17500 * 2000) / PAYLOAD_LIMIT)));
  });

  it("follows rows that grow long at the end of a chunk", () => {
    const sizer = new ChunkSizer(12);
    read(sizer, [...rows(800, 100), ...rows(200, 5000)]);
    // Sized from the 5 000-byte rows at the end, not from the 1 080-byte average.
    expect(sizer.next(10000)).toBe(Math.ceil(10000 / Math.ceil((10000 * 5000) / PAYLOAD_LIMIT)));
  });
});
