import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Spinner,
  Tab,
  TabList,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  blanks as blanksOf,
  blankText,
  dateBlank,
  DraftDocument,
  DraftPart,
  numberBlank,
} from "../../../core/draft";
import { blockText, COPIES_LABEL, NATIONAL_MOTTO } from "../../../core/draft/document";
import type { WorkbookReport } from "../../../core/job";
import { formatNumber } from "../../../core/numbers";
import type { StoredSettings, WorkbookHost } from "../../../core/host";
import type { Notify } from "../../hooks/notify";
import { useMessages } from "../../messages";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useDraftStyles } from "./draft.styles";
import { DraftState, useDraft } from "./useDraft";
import { PREVIEW_LINES, previewCopies, previewWindow } from "./preview";
import { DraftSettingsForm } from "../DraftSettings/DraftSettingsForm";

export interface DraftProps {
  host: WorkbookHost;
  report: WorkbookReport;
  settings: StoredSettings;
  saveSettings(change: Partial<StoredSettings>): Promise<void>;
  notify: Notify;
}

/**
 * The whole document as it will be copied or written (heading, body, Nơi nhận, signature),
 * part by part with a copy button for each agency's part and for the whole; what is still
 * to fill is counted above and marked in the text.
 */
export function Draft({ host, report, settings, saveSettings, notify }: DraftProps) {
  const m = useMessages();
  const styles = useDraftStyles();
  const state = useDraft(host, report, settings, notify);
  const { doc } = state;
  if (doc === null)
    return (
      <div className={styles.root}>
        <Spinner size="tiny" labelPosition="after" label={m.busy.drafting} />
      </div>
    );
  return <DraftView state={{ ...state, doc }} settings={settings} saveSettings={saveSettings} />;
}

function DraftView({
  state,
  settings,
  saveSettings,
}: {
  state: DraftState & { doc: DraftDocument };
  settings: StoredSettings;
  saveSettings: DraftProps["saveSettings"];
}) {
  const m = useMessages();
  const styles = useDraftStyles();
  const { doc } = state;
  // Worked out once a document: the pane renders again on every notice and "Hiện thêm".
  const blanks = useMemo(
    () => blanksOf(doc).map((blank) => blankText(blank, m.draft.blankWords)),
    [doc, m]
  );
  return (
    <div className={styles.root}>
      <TabList
        aria-label={m.draft.kind}
        selectedValue={state.kind}
        onTabSelect={(_, data) => state.setKind(data.value === "letter" ? "letter" : "plan")}
      >
        <Tab value="plan">{m.draft.plan}</Tab>
        <Tab value="letter">{m.draft.letter}</Tab>
      </TabList>
      <DraftSettingsForm settings={settings} save={saveSettings} />
      {doc.errors.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{m.draft.templateProblems}</MessageBarTitle> {doc.errors.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {blanks.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="blanks">
          <MessageBarBody>
            <MessageBarTitle>{m.draft.blanks(blanks.length)}</MessageBarTitle> {blanks.join("; ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={state.copyAll}>
          {m.draft.copyAll}
        </Button>
        <Button
          disabled={state.writing}
          icon={state.writing ? <Spinner size="tiny" /> : undefined}
          onClick={state.writeSheet}
        >
          {m.draft.writeSheet}
        </Button>
        <Button
          disabled={state.saving}
          icon={state.saving ? <Spinner size="tiny" /> : undefined}
          onClick={state.saveDocx}
        >
          {m.draft.saveDocx}
        </Button>
      </div>
      {state.failure && <ErrorBar failure={state.failure} />}
      <DocumentHead doc={doc} />
      {/* A new kind of document starts from its first lines again. */}
      <DocumentBody key={state.kind} doc={doc} onCopy={state.copyPart} />
      <DocumentFoot doc={doc} />
    </div>
  );
}

/** The heading block as the document has it: issuer and number left, motto and date right. */
function DocumentHead({ doc }: { doc: DraftDocument }) {
  const styles = useDraftStyles();
  const h = doc.header;
  return (
    <div className={styles.columns} data-testid="draft-head">
      <div className={styles.column}>
        {h.parentBody && <p className={styles.text}>{h.parentBody}</p>}
        <p className={mergeClasses(styles.text, styles.heading)}>{h.issuingBody}</p>
        <p className={styles.text}>
          <Marked text={h.number} blank={numberBlank(h)} />
        </p>
        {h.subject && <p className={styles.text}>{h.subject}</p>}
      </div>
      <div className={styles.column}>
        <p className={mergeClasses(styles.text, styles.heading)}>{NATIONAL_MOTTO[0]}</p>
        <p className={mergeClasses(styles.text, styles.heading)}>{NATIONAL_MOTTO[1]}</p>
        <p className={mergeClasses(styles.text, styles.italic)}>
          <Marked text={h.placeDate} blank={dateBlank(h)} />
        </p>
      </div>
    </div>
  );
}

/**
 * The document's parts, the first lines of it at first: a long one (a plan drafted from a
 * commune table) shows a line saying how much is left out, and a button for more.
 */
function DocumentBody({ doc, onCopy }: { doc: DraftDocument; onCopy(part: DraftPart): void }) {
  const m = useMessages();
  const styles = useDraftStyles();
  const [budget, setBudget] = useState(PREVIEW_LINES);
  const shown = previewWindow(doc.parts, budget);
  return (
    <>
      {shown.parts.map(({ part, shown: blocks }) => (
        <DraftPartView key={part.id} part={part} blocks={blocks} onCopy={() => onCopy(part)} />
      ))}
      {shown.hidden > 0 && (
        <div className={styles.more} data-testid="draft-more">
          <p className={styles.text}>{m.draft.hidden(formatNumber(shown.hidden, 0))}</p>
          <Button onClick={() => setBudget(budget + PREVIEW_LINES)}>
            {m.draft.showMore(formatNumber(Math.min(PREVIEW_LINES, shown.hidden), 0))}
          </Button>
        </div>
      )}
    </>
  );
}

/** Nơi nhận beside the signature, as the document ends. */
function DocumentFoot({ doc }: { doc: DraftDocument }) {
  const m = useMessages();
  const styles = useDraftStyles();
  const copies = previewCopies(doc.copies);
  const line = (text: string) => (
    <p key={text} className={styles.text}>
      <Marked text={text} />
    </p>
  );
  return (
    <div className={styles.columns} data-testid="draft-foot">
      <div className={mergeClasses(styles.column, styles.start)}>
        {doc.copies.length > 0 && (
          <>
            <p className={mergeClasses(styles.text, styles.heading, styles.italic)}>
              {COPIES_LABEL}
            </p>
            {copies.first.map(line)}
            {copies.hidden > 0 && (
              <p className={mergeClasses(styles.text, styles.italic)} data-testid="copies-more">
                {m.draft.moreCopies(formatNumber(copies.hidden, 0))}
              </p>
            )}
            {copies.last.map(line)}
          </>
        )}
      </div>
      <div className={styles.column}>
        {doc.signature.lines.map((line) => (
          <p key={line} className={mergeClasses(styles.text, styles.heading)}>
            {line}
          </p>
        ))}
        <p className={mergeClasses(styles.text, styles.heading, styles.signer)}>
          <Marked text={doc.signature.name} />
        </p>
      </div>
    </div>
  );
}

/** Text with each `[…]` still to fill marked; the whole of it when `blank`. */
function Marked({ text, blank = false }: { text: string; blank?: boolean }) {
  const styles = useDraftStyles();
  if (blank) return <mark className={styles.blank}>{text}</mark>;
  const pieces = text.split(/(\[[^\]\n]+\])/);
  return (
    <>
      {pieces.map((piece, i) =>
        i % 2 === 1 ? (
          <mark key={i} className={styles.blank}>
            {piece}
          </mark>
        ) : (
          piece
        )
      )}
    </>
  );
}

/** A part of the draft, its first `blocks` blocks (all of them unless the preview is cut there). */
function DraftPartView({
  part,
  blocks,
  onCopy,
}: {
  part: DraftPart;
  blocks: number;
  onCopy(): void;
}) {
  const m = useMessages();
  const styles = useDraftStyles();
  return (
    <article className={styles.part} aria-label={part.agency}>
      {part.agency !== undefined && (
        <div className={styles.partHeader}>
          <Button size="small" aria-label={m.draft.copyPart(part.agency)} onClick={onCopy}>
            {m.draft.copy}
          </Button>
        </div>
      )}
      {part.blocks.slice(0, blocks).map((block, i) => (
        <p
          key={i}
          className={mergeClasses(
            styles.text,
            (block.style === "heading" || block.style === "subheading") && styles.heading
          )}
        >
          <Marked text={blockText(block)} />
        </p>
      ))}
    </article>
  );
}
