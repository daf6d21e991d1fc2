/**
 * Text pieces encoded into one reused buffer and passed on in batches: the bytes are the
 * UTF-8 of the pieces joined, whatever their sizes and characters.
 */
import fc from "fast-check";
import { Utf8Batches } from "../../src/cli/utf8Batches";

/** The bytes a batcher of `size` passes on for `pieces`, each batch copied as it comes. */
function encoded(pieces: string[], size: number): { bytes: Buffer; batches: number[] } {
  const out: Buffer[] = [];
  const batcher = new Utf8Batches((bytes) => out.push(Buffer.from(bytes)), size);
  for (const piece of pieces) batcher.add(piece);
  batcher.flush();
  return { bytes: Buffer.concat(out), batches: out.map((b) => b.length) };
}

describe("Utf8Batches", () => {
  it("passes on the UTF-8 of the pieces joined, in batches no larger than its buffer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 8, max: 200 }),
        (pieces, size) => {
          const { bytes, batches } = encoded(pieces, size);
          expect(bytes.equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
          // A batch over the buffer's size is one piece too long for it, passed on alone.
          const alone = new Set(pieces.map((piece) => Buffer.byteLength(piece, "utf8")));
          for (const length of batches.filter((n) => n > size))
            expect(alone.has(length)).toBe(true);
        }
      )
    );
  });

  it("keeps Vietnamese, emoji and a piece longer than the buffer whole", () => {
    const pieces = ["Tiến độ ", "😀".repeat(10), "x".repeat(100), "đạt 41,46%"];
    const { bytes, batches } = encoded(pieces, 32);
    expect(bytes.toString("utf8")).toBe(pieces.join(""));
    expect(batches).toContain(100);
    expect(encoded([], 32).batches).toEqual([]);
  });
});
