import { PAYLOAD_LIMIT } from "./payload";

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Rows weighed in a chunk: enough for a close average, few enough to cost nothing. */
const SAMPLE_ROWS = 1024;

/** A first guess of a cell's bytes (value and format) when no row has been weighed yet. */
const GUESS_CELL_BYTES = 64;

/**
 * Rows for the next chunk: as few chunks as the bytes left need, all of the same size,
 * so that each has room for rows a little longer than the estimate.
 * @example chunkRows(100000, 250) // 16667: 25 MB left is six chunks of about 4,2 MB
 */
export function chunkRows(left: number, bytesPerRow: number): number {
  const chunks = Math.ceil((left * bytesPerRow) / PAYLOAD_LIMIT);
  return Math.max(1, Math.min(left, Math.ceil(left / chunks)));
}

/**
 * Indices of rows spread evenly over `count` rows, the last always among them.
 * @example sampleRows(10, 4) // [0, 3, 6, 9]
 */
export function sampleRows(count: number, size = SAMPLE_ROWS): number[] {
  const stride = Math.max(1, Math.ceil(count / size));
  const rows: number[] = [];
  for (let i = count - 1; i >= 0; i -= stride) rows.push(i);
  return rows.reverse();
}

/**
 * How many rows the next read takes, learned from the rows read so far: rows differ
 * (headings, long notes), so each chunk is sized from the one before it, and the rows of
 * a chunk Excel refused are known to weigh over the limit until they are read.
 */
export class ChunkSizer {
  /** Bytes per row of the rows just read, or a guess before any. */
  private measured: number;
  /**
   * After a refusal: the next `rows` rows are known to hold over `bytes`, a round trip's
   * worth less what has been read of them since.
   */
  private heavy: { rows: number; bytes: number } | null = null;

  constructor(columns: number) {
    this.measured = GUESS_CELL_BYTES * Math.max(1, columns);
  }

  next(left: number): number {
    // Rows known to be heavy are taken as twice their known weight: each try halves them.
    const heavy = this.heavy ? (2 * this.heavy.bytes) / this.heavy.rows : 0;
    return chunkRows(left, Math.max(this.measured, heavy));
  }

  /**
   * `count` rows came back; `sample` holds the bytes (values and formats) of rows spread
   * evenly over them, in order (`sampleRows`).
   */
  read(count: number, sample: readonly number[]): void {
    if (count === 0 || sample.length === 0) return;
    const average = sum(sample) / sample.length;
    const total = average * count;
    const heavy = this.heavy;
    this.heavy =
      heavy && heavy.rows > count && heavy.bytes > total
        ? { rows: heavy.rows - count, bytes: heavy.bytes - total }
        : null;
    // Rows far longer at the end of a chunk than over it: the next rows are likely long too.
    const tail = Math.max(1, Math.floor(sample.length / 8));
    const recent = sum(sample.slice(sample.length - tail)) / tail;
    this.measured = Math.max(1, recent > 1.5 * average ? recent : average);
  }

  /** Excel refused `count` rows for their size. */
  refused(count: number): void {
    this.heavy = { rows: count, bytes: PAYLOAD_LIMIT };
  }
}
