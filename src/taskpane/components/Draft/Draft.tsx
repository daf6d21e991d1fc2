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
import type { DraftPart } from "../../../core/draft";
import { blockText } from "../../../core/draft/document";
import type { WorkbookReport } from "../../../core/job";
import type { StoredSettings, WorkbookHost } from "../../../core/host";
import type { Notify } from "../../hooks/notify";
import { useMessages } from "../../messages";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { useDraftStyles } from "./draft.styles";
import { useDraft } from "./useDraft";
import { DraftSettingsForm } from "../DraftSettings/DraftSettingsForm";

export interface DraftProps {
  host: WorkbookHost;
  report: WorkbookReport;
  settings: StoredSettings;
  saveSettings(change: Partial<StoredSettings>): Promise<void>;
  notify: Notify;
}

/** The draft, part by part, with a copy button for each agency's part and for the whole. */
export function Draft({ host, report, settings, saveSettings, notify }: DraftProps) {
  const m = useMessages();
  const styles = useDraftStyles();
  const state = useDraft(host, report, settings, notify);
  const { doc } = state;
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
      </div>
      {state.failure && <ErrorBar failure={state.failure} />}
      {doc.parts.map((part) => (
        <DraftPartView key={part.id} part={part} onCopy={() => state.copyPart(part)} />
      ))}
    </div>
  );
}

function DraftPartView({ part, onCopy }: { part: DraftPart; onCopy(): void }) {
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
      {part.blocks.map((block, i) => (
        <p
          key={i}
          className={mergeClasses(
            styles.text,
            (block.style === "heading" || block.style === "subheading") && styles.heading
          )}
        >
          {blockText(block)}
        </p>
      ))}
    </article>
  );
}
