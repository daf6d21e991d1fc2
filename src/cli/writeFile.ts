import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "fs";
import path from "path";

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
      produce((text) => {
        const bytes = Buffer.from(text, "utf8");
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      });
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
