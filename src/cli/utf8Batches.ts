/**
 * Text handed over in pieces, encoded as UTF-8 into one reused buffer and passed on a
 * batch at a time: a report or a patched sheet of 100.000 rows is tens of MB, and joining
 * its pieces into strings only to encode them again cost a third of writing it.
 */
export class Utf8Batches {
  private readonly buffer: Buffer;
  private used = 0;

  /**
   * `send` gets each batch's bytes, a view of the reused buffer: valid during the call
   * only (write, hash or deflate it there).
   */
  constructor(
    private readonly send: (bytes: Buffer) => void,
    size = 1 << 20
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  add(piece: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    if (this.used + piece.length * 3 > this.buffer.length) this.flush();
    if (piece.length * 3 > this.buffer.length) this.send(Buffer.from(piece, "utf8"));
    else this.used += this.buffer.write(piece, this.used, "utf8");
  }

  /** Passes on what is left. */
  flush(): void {
    if (this.used === 0) return;
    this.send(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}
