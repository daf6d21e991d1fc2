import { runDemo } from "./demo";
import { draftCommand } from "./draft";
import { cli } from "../core/messages/vi";
import { computeOptions, parseArgs, USAGE, UsageError } from "./options";
import { renderWorkbookSummary } from "./summary";
import { Workbook } from "./workbook";
import { writeInPieces } from "./writeFile";
import { writeReportJson } from "../core/reportJson";

async function compute(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args, ["sheet", "period", "tolerance", "out", "json"]);
  if (positional.length !== 1) throw new UsageError(USAGE);
  const options = computeOptions(flags);
  const workbook = await Workbook.open(positional[0]);
  const report = await workbook.compute(flags.sheet, options);
  if (flags.out !== undefined) await workbook.save(flags.out);
  if (flags.json !== undefined)
    writeInPieces(flags.json, (write) => writeReportJson(report, write));
  if (flags.out === undefined && flags.json === undefined)
    process.stdout.write(renderWorkbookSummary(report) + "\n");
  return 0;
}

/** The `chitieu` command. Returns the exit code; prints one Vietnamese line on a user error. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "compute":
        return await compute(rest);
      case "draft":
        return await draftCommand(rest);
      case "demo":
        return await runDemo(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE + "\n");
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`${cli.unknownCommand(command)}\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(error.message + "\n");
      return 2;
    }
    throw error;
  }
}
