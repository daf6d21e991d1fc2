/**
 * The core benchmark as its own process, compiled (see compiled.ts): its figures go to
 * stdout as they are measured, then one `targets: [...]` line for the parent to adopt.
 */
import { benchCore } from "./core";
import { recordedTargets } from "./report";

benchCore();
process.stdout.write(`targets: ${JSON.stringify(recordedTargets())}\n`);
