/**
 * What a benchmark prints: one `name: value` line per figure as it is measured, then one
 * `target <name>: met|missed (value vs target)` line per target at the end.
 */
export interface Target {
  name: string;
  met: boolean;
  value: string;
  target: string;
}

const targets: Target[] = [];

/** Numbers as plain decimals with a dot, at most three places. */
export function plain(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

export function print(name: string, value: number | string): void {
  process.stdout.write(`${name}: ${typeof value === "number" ? plain(value) : value}\n`);
}

/** Records a target: `atMost` (≤) or `under` (<) the limit. */
export function target(
  name: string,
  value: number,
  limit: number,
  compare: "atMost" | "under" = "atMost"
): void {
  const met = compare === "atMost" ? value <= limit : value < limit;
  targets.push({
    name,
    met,
    value: plain(value),
    target: `${compare === "atMost" ? "<=" : "<"} ${plain(limit)}`,
  });
}

/** A target that could not be measured here. */
export function skippedTarget(name: string, reason: string): void {
  targets.push({ name, met: false, value: "skipped", target: reason });
}

/** The targets recorded so far, for a benchmark run as a child process to hand its parent. */
export function recordedTargets(): readonly Target[] {
  return targets;
}

/** Targets a child process recorded, printed with this process's own at the end. */
export function adoptTargets(list: readonly Target[]): void {
  targets.push(...list);
}

export function printTargets(): void {
  for (const t of targets) {
    const verdict = t.value === "skipped" ? "skipped" : t.met ? "met" : "missed";
    process.stdout.write(`target ${t.name}: ${verdict} (${t.value} vs ${t.target})\n`);
  }
}

/** Milliseconds since an earlier `performance.now()`. */
export function since(start: number): number {
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
