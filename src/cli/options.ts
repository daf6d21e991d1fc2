import { ComputeOptions } from "../core/engine";
import { cli, vi } from "../core/messages/vi";

/** A failure the user caused or can fix: printed as one Vietnamese line, exit code 2. */
export class UsageError extends Error {}

export const USAGE = cli.usage;

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string>;
}

/** `--name value` and `--name=value` flags; everything else is positional. */
export function parseArgs(args: string[], known: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new UsageError(cli.unknownOption(name));
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(cli.missingValue(name));
    flags[name] = value;
  }
  return { positional, flags };
}

/** Reads `--period` and `--tolerance` into engine options, refusing nonsense. */
export function computeOptions(flags: Record<string, string>): ComputeOptions {
  const options: ComputeOptions = {};
  if (flags.period !== undefined) {
    // Digits only: Number() would also take "0x9", "1e1" and "".
    if (!/^\s*\d{1,2}([.,]0+)?\s*$/.test(flags.period))
      throw new UsageError(vi.error.badPeriod(flags.period));
    const months = Number(flags.period.trim().replace(",", "."));
    if (months < 1 || months > 12) throw new UsageError(vi.error.badPeriod(flags.period));
    options.months = months;
  }
  if (flags.tolerance !== undefined) {
    if (!/^\s*\d{1,3}([.,]\d+)?\s*$/.test(flags.tolerance))
      throw new UsageError(vi.error.badTolerance(flags.tolerance));
    const points = Number(flags.tolerance.trim().replace(",", "."));
    if (points > 100) throw new UsageError(vi.error.badTolerance(flags.tolerance));
    options.tolerance = points;
  }
  return options;
}
