import { useCallback, useEffect, useMemo, useState } from "react";
import {
  documentLines,
  draft,
  drafting,
  DraftDocument,
  DraftPart,
  partsText,
  renderHtml,
  renderText,
} from "../../../core/draft";
import type { DraftKind, DraftOptions } from "../../../core/draft";
import type { DraftSettings } from "../../../core/draft/settings";
import type { WorkbookReport } from "../../../core/job";
import type { StoredSettings, WorkbookHost } from "../../../core/host";
import { copyRich, copyText } from "../../lib/clipboard";
import { DOCX_TYPE, saveFile } from "../../lib/download";
import type { Failure } from "../../lib/errors";
import type { Notify } from "../../hooks/notify";
import { useMessages } from "../../messages";

/** The draft goes into a Vietnamese workbook whatever the pane's language. */
export const DRAFT_SHEET = "Dự thảo";

/** The saved document's file name, Vietnamese like the document itself. */
export const DOCX_NAME: Record<DraftKind, string> = {
  plan: "Dự thảo kế hoạch.docx",
  letter: "Dự thảo công văn.docx",
};

/** Draft settings that are plain text, so a workbook's stored values can be taken as they are. */
const TEXT_SETTINGS = [
  "deadline",
  "issuingBody",
  "compilingAgency",
  "planNumber",
  "letterNumber",
  "place",
  "date",
  "signerName",
  "archiveUnit",
] as const satisfies readonly (keyof DraftSettings)[];

export interface DraftState {
  kind: DraftKind;
  setKind(kind: DraftKind): void;
  /** Null while a large report is being drafted, a slice at a time. */
  doc: DraftDocument | null;
  copyPart(part: DraftPart): void;
  copyAll(): void;
  writeSheet(): void;
  writing: boolean;
  /** "Tải .docx": the document as the CLI writes it (Decree 30 layout), saved by the browser. */
  saveDocx(): void;
  saving: boolean;
  failure: Failure | null;
}

/** Step 4: the plan or letter drafted from the report with the workbook's templates. */
export function useDraft(
  host: WorkbookHost,
  report: WorkbookReport,
  settings: StoredSettings,
  notify: Notify
): DraftState {
  const m = useMessages();
  const [kind, setKind] = useState<DraftKind>("plan");
  const [busy, setBusy] = useState<"writing" | "saving" | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const options = useMemo(
    () => ({ kind, templates: settings.templates, settings: typedDraftSettings(settings.draft) }),
    [kind, settings.templates, settings.draft]
  );
  // A large report is drafted a slice at a time, the busy line showing meanwhile: a commune
  // table of 100.000 rows takes the page about a second, which in one task would freeze it.
  const large = useMemo(() => rowCount(report) >= LARGE_REPORT_ROWS, [report]);
  const atOnce = useMemo(() => (large ? null : draft(report, options)), [large, report, options]);
  const sliced = useSlicedDraft(report, options, large);
  const doc = large ? sliced : atOnce;

  const copy = useCallback(
    async (text: string, what: string, html?: string) => {
      const ok = html === undefined ? await copyText(text) : await copyRich(html, text);
      notify(ok ? "success" : "error", ok ? m.draft.copied(what) : m.draft.copyFailed);
    },
    [notify, m]
  );

  /** Runs one of the draft's slow actions: busy meanwhile, its failure shown under it. */
  const act = useCallback(
    async (what: "writing" | "saving", stage: Failure["stage"], action: () => Promise<void>) => {
      setBusy(what);
      setFailure(null);
      try {
        await action();
      } catch (error) {
        setFailure({ stage, error });
      } finally {
        setBusy(null);
      }
    },
    []
  );

  const writeSheet = (doc: DraftDocument) =>
    act("writing", "draft", async () => {
      // The document's lines without the blank ones it ends with.
      const lines = documentLines(doc);
      while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
      const sheet = await host.writeDraft(lines, DRAFT_SHEET);
      notify("success", m.draft.written(sheet));
    });

  const saveDocx = (doc: DraftDocument) =>
    act("saving", "docx", async () => {
      // The Word writer is loaded on the first click, not with the pane.
      const { renderDocx } = await import(/* webpackChunkName: "docx" */ "../../../docx/render");
      const name = DOCX_NAME[kind];
      saveFile(await renderDocx(doc), name, DOCX_TYPE);
      notify("success", m.draft.saved(name));
    });

  return {
    kind,
    setKind,
    doc,
    copyPart: (part) => void copy(partsText([part]), m.draft.partOf(part.agency ?? part.id)),
    // The buttons are shown with the document only; without one they have nothing to do.
    copyAll: () => {
      if (doc) void copy(renderText(doc), m.draft.whole, renderHtml(doc));
    },
    writeSheet: () => {
      if (doc) void writeSheet(doc);
    },
    writing: busy === "writing",
    saveDocx: () => {
      if (doc) void saveDocx(doc);
    },
    saving: busy === "saving",
    failure,
  };
}

/** Rows from which a report is drafted in slices, a busy line showing meanwhile. */
export const LARGE_REPORT_ROWS = 5000;

const rowCount = (report: WorkbookReport): number =>
  report.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);

/** The longest slice of drafting work between two chances for the page to paint. */
const SLICE_MS = 40;

/**
 * The draft of a report made in slices of `SLICE_MS`, each its own task, once `run`; null
 * until it is done, and again while a new report or new options are drafted. What the
 * drafting throws is thrown where the draft is used, as a draft made at once would throw.
 */
function useSlicedDraft(
  report: WorkbookReport,
  options: DraftOptions,
  run: boolean
): DraftDocument | null {
  const [done, setDone] = useState<{
    report: WorkbookReport;
    options: DraftOptions;
    doc?: DraftDocument;
    error?: unknown;
  } | null>(null);
  useEffect(() => {
    if (!run) return;
    const steps = drafting(report, options);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const end = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) return setDone({ report, options, doc: step.value });
          if (performance.now() >= end) break;
        }
      } catch (error) {
        return setDone({ report, options, error });
      }
      timer = setTimeout(slice, 0);
    };
    // The first slice is a task of its own too: the busy line is on screen within a slice.
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [report, options, run]);
  if (done === null || done.report !== report || done.options !== options) return null;
  if (done.doc === undefined) throw done.error;
  return done.doc;
}

/** The draft settings the user typed, as the drafting takes them. */
export function typedDraftSettings(stored: StoredSettings["draft"]): Partial<DraftSettings> {
  const given: Partial<DraftSettings> = {};
  if (!stored) return given;
  for (const key of TEXT_SETTINGS) {
    const value = stored[key];
    if (typeof value === "string" && value.trim() !== "") given[key] = value;
  }
  return given;
}
