import type { TableError } from "../../core/engine";
import { HostError } from "../../core/host";
import type { PaneMessages } from "../messages";

/** Which step failed: it names the message bar's title. */
export type Stage =
  | "load"
  | "read"
  | "compute"
  | "write"
  | "save"
  | "select"
  | "draft"
  /** Making the .docx file. */
  | "docx"
  /** "Xoá kết quả". */
  | "clear"
  /** A part of the pane that could not be loaded or shown. */
  | "part";

/** A failure as the pane keeps it: translated when shown, so the language switch applies. */
export interface Failure {
  stage: Stage;
  error: unknown;
  /** The sheet concerned, for messages that name it. */
  sheet?: string;
}

/** What to tell the user about any thrown value, in the pane's language. */
export function describeError(failure: Failure, m: PaneMessages): { title: string; text: string } {
  const { error, stage } = failure;
  const title = m.errors[stage];
  if (error instanceof HostError) return { title, text: m.errors.host(error.failure) };
  if (isTableError(error))
    return { title, text: m.errors.noHeader(failure.sheet ?? "", error.message) };
  const detail = error instanceof Error ? error.message : String(error);
  return { title, text: m.errors.unexpected(detail) };
}

/**
 * The engine's "no header" error, told by its name: `instanceof` would need the engine's
 * class, and the engine loads after the first render while the error bar is on it.
 */
function isTableError(error: unknown): error is TableError {
  return error instanceof Error && error.name === "TableError";
}
