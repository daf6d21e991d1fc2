import { useCallback, useEffect, useMemo, useState } from "react";
import type { ColumnRole } from "../../../core/columns";
import type { ComputeOptions } from "../../../core/engine";
import type { WorkbookHost } from "../../../core/host";
import type { Detection, SkipReason } from "../../../core/job";
import type { Table } from "../../../core/types";
import type { Failure } from "../../lib/errors";
import { Engine, loadEngine, useEngine } from "../../hooks/useEngine";
import type { SettingsState } from "../../hooks/useSettings";

/** A column the user may give a role: its letter and header text. */
export interface ColumnChoice {
  col: number;
  letter: string;
  text: string;
}

export type Analysis =
  | {
      ok: true;
      detection: Extract<Detection, { ok: true }>;
      choices: ColumnChoice[];
    }
  /** `reason` when the sheet simply holds no indicator table (notes, a cover, nothing). */
  | { ok: false; error: unknown; reason?: SkipReason };

export interface DetectState {
  sheets: string[];
  sheet: string | null;
  selectSheet(name: string): void;
  reread(): void;
  /** Null while nothing is read yet. */
  analysis: Analysis | null;
  corrections: NonNullable<ComputeOptions["columns"]>;
  correct(role: ColumnRole, col: number): void;
  phase: "listing" | "reading" | null;
  failure: Failure | null;
  /** Sheets passed over on opening because they hold no indicator table, in order. */
  skipped: { sheet: string; reason: SkipReason }[];
}

/**
 * Step 1: which sheet, and what its columns mean. The detection (header, columns, period,
 * indicator count; nothing computed) re-runs on the snapshot already read whenever a
 * correction changes; only a new sheet or "read again" re-reads.
 */
export function useDetect(host: WorkbookHost, { settings, save }: SettingsState): DetectState {
  const engine = useEngine();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [table, setTable] = useState<Table | null>(null);
  const [phase, setPhase] = useState<DetectState["phase"]>("listing");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [reads, setReads] = useState(0);
  // The pane opens on the active sheet; when that holds no table (notes, a cover) it moves
  // on to the next that might, until the user picks a sheet.
  const [auto, setAuto] = useState(true);
  const [skipped, setSkipped] = useState<DetectState["skipped"]>([]);

  useEffect(() => {
    let live = true;
    host
      .sheets()
      .then(({ names, active }) => {
        if (!live) return;
        setSheets(names);
        setSheet(active !== null && names.includes(active) ? active : (names[0] ?? null));
      })
      .catch((error: unknown) => {
        if (live) setFailure({ stage: "load", error });
      })
      .finally(() => {
        if (live) setPhase((p) => (p === "listing" ? null : p));
      });
    return () => {
      live = false;
    };
  }, [host]);

  useEffect(() => {
    if (sheet === null) return;
    let live = true;
    setPhase("reading");
    setTable(null);
    setFailure(null);
    // The sheet stays "reading" until the engine that analyses it has loaded too.
    Promise.all([host.readSheet(sheet), loadEngine()])
      .then(([read]) => {
        if (live) setTable(read);
      })
      .catch((error: unknown) => {
        if (live) setFailure({ stage: "read", error, sheet });
      })
      .finally(() => {
        if (live) setPhase(null);
      });
    return () => {
      live = false;
    };
  }, [host, sheet, reads]);

  const corrections = useMemo(
    () => (engine ? engine.savedCorrections(settings, sheet) : NO_CORRECTIONS),
    [engine, settings, sheet]
  );
  const analysis = useMemo(
    () => (table && engine ? analyseTable(engine, table, corrections) : null),
    [engine, table, corrections]
  );

  useEffect(() => {
    // The analysis of the sheet in view: after a move, the last sheet's lingers one render.
    if (!auto || sheet === null || table?.sheet !== sheet) return;
    if (analysis === null || analysis.ok || !analysis.reason) return;
    const next = sheets[sheets.indexOf(sheet) + 1];
    if (next === undefined) return;
    const reason = analysis.reason;
    setSkipped((before) => [...before, { sheet, reason }]);
    setSheet(next);
  }, [auto, sheet, sheets, table, analysis]);

  const selectSheet = useCallback((name: string) => {
    setAuto(false);
    setSkipped([]);
    setSheet(name);
  }, []);

  const correct = useCallback(
    (role: ColumnRole, col: number) => {
      if (sheet === null || engine === null) return;
      const columns = engine.withCorrection(settings, sheet, role, engine.columnLetter(col));
      save({ columns }).catch((error: unknown) => setFailure({ stage: "save", error }));
    },
    [engine, save, settings, sheet]
  );

  return {
    sheets,
    sheet,
    selectSheet,
    reread: () => setReads((n) => n + 1),
    analysis,
    corrections,
    correct,
    phase,
    failure,
    skipped,
  };
}

const NO_CORRECTIONS: NonNullable<ComputeOptions["columns"]> = {};

/** Detects the table for the mapping; a sheet with no header is a value here, not a crash. */
function analyseTable(
  engine: Engine,
  table: Table,
  corrections: NonNullable<ComputeOptions["columns"]>
): Analysis {
  const { detectSheet, columnLetter, TableError, coreVi } = engine;
  try {
    const detection = detectSheet(table, corrections);
    if (!detection.ok)
      return {
        ok: false,
        error: new TableError("noHeader", coreVi.error.noHeader(table.sheet)),
        reason: detection.reason,
      };
    const { header } = detection;
    const choices: ColumnChoice[] = [];
    for (let col = detection.firstCol; col <= detection.lastCol; col++)
      choices.push({
        col,
        letter: columnLetter(col),
        text: (header.texts[col] ?? "").replace(/\s+/g, " ").trim(),
      });
    return { ok: true, detection, choices };
  } catch (error) {
    return { ok: false, error };
  }
}
