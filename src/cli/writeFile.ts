import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "fs";
import path from "path";
import { Utf8Batches } from "./utf8Batches";

/**
 * Writes a file from text handed over in pieces (a report of 100.000 rows is tens of MB:
 * it is written as it is made, never held whole), through a temporary file renamed into
 * place, so an interrupted run never leaves half a file where the user looks.
 */
export function writeInPieces(file: string, produce: (write: (text: string) => void) => void) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    try {
      const batches = new Utf8Batches((bytes) => {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      });
      produce((text) => batches.add(text));
      batches.flush();
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
