/**
 * A memo cleared when full: a sheet repeats the same few texts, figures and formats over
 * thousands of cells, and a workbook of distinct ones cannot grow it without end. `get`
 * and `set` rather than a compute callback, so a hot call site allocates no closure.
 * @example
 * const cache = new BoundedCache<string, number>(2);
 * cache.get("a") ?? cache.set("a", 1) // 1, then cache.get("a") // 1
 */
export class BoundedCache<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.values.get(key);
  }

  /** Remembers a value (forgetting everything first when full) and returns it. */
  set(key: K, value: V): V {
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
