/**
 * Text handed over in pieces, encoded as UTF-8 into one reused buffer and passed on a
 * batch at a time: a report or a patched sheet of 100.000 rows is tens of MB, and joining
 * its pieces into strings only to encode them again cost a third of writing it.
 */
export class Utf8Batches {
  private readonly buffer: Buffer;
  private used = 0;
  /**
   * Short pieces not encoded yet, joined (a rope: no copy until it is encoded). A patched
   * sheet comes in 600.000 pieces of tens of characters, and one encoding call a piece
   * cost three times what one call per 16.000 characters does.
   */
  private pending = "";
  private readonly pendingLimit: number;

  /**
   * `send` gets each batch's bytes, a view of the reused buffer: valid during the call
   * only (write, hash or deflate it there).
   */
  constructor(
    private readonly send: (bytes: Buffer) => void,
    size = 1 << 20
  ) {
    this.buffer = Buffer.allocUnsafe(size);
    // At most a third of the buffer (a UTF-16 code unit takes at most three bytes in
    // UTF-8), so the pending text always fits in an emptied buffer.
    this.pendingLimit = Math.min(PENDING_CHARS, Math.floor(size / 3));
  }

  add(piece: string): void {
    if (this.pending.length + piece.length > this.pendingLimit) this.encodePending();
    if (piece.length > this.pendingLimit) this.encode(piece);
    else this.pending += piece;
  }

  /** Passes on what is left. */
  flush(): void {
    this.encodePending();
    if (this.used === 0) return;
    this.send(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private encodePending(): void {
    if (this.pending === "") return;
    this.encode(this.pending);
    this.pending = "";
  }

  private encode(text: string): void {
    if (this.used + text.length * 3 > this.buffer.length && this.used > 0) {
      this.send(this.buffer.subarray(0, this.used));
      this.used = 0;
    }
    if (text.length * 3 > this.buffer.length) this.send(Buffer.from(text, "utf8"));
    else this.used += this.buffer.write(text, this.used, "utf8");
  }
}

/** The most characters held before they are encoded. */
const PENDING_CHARS = 16384;
