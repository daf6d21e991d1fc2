/**
 * A streaming deflater for a part the writer makes in pieces (a patched sheet), deflated on
 * libuv's thread pool as it comes; writeZip takes its result as content already deflated.
 */
import zlib from "zlib";
import { Utf8Batches } from "../utf8Batches";
import { crc32, LEVEL, NONE } from "./format";

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
