import {
  FluentProvider,
  mergeClasses,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../core/host";
import { useAppStyles } from "./app.styles";
import { ErrorBar } from "./components/ErrorBar/ErrorBar";
import { Header, HeaderProps } from "./components/Header/Header";
import { Draft, LaterPart, TemplateEditor, Toaster } from "./components/lazy";
import { ProgressPanel } from "./components/ProgressPanel/ProgressPanel";
import { useDetect } from "./components/Detect/useDetect";
import { useCompute } from "./hooks/useCompute";
import { TOASTER_ID } from "./hooks/notify";
import { useNotify } from "./hooks/useNotify";
import { useSettings } from "./hooks/useSettings";
import { Language, loadMessages, MessagesContext, PaneMessages, useMessages } from "./messages";
import { vi } from "./messages/vi";

export interface AppProps {
  host: WorkbookHost;
  initialLanguage?: Language;
}

type PaneTab = "progress" | "draft" | "templates";
const TABS: readonly PaneTab[] = ["progress", "draft", "templates"];

/** The task pane: Vietnamese first, English on a switch; every step talks to the workbook through `host`. */
export function App({ host, initialLanguage = "vi" }: AppProps) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [messages, setMessages] = useState<PaneMessages>(vi);
  useEffect(() => {
    let current = true;
    // A chunk that fails to load leaves the pane in the language it has.
    loadMessages(language)
      .then((loaded) => current && setMessages(loaded))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [language]);
  const styles = useAppStyles();
  return (
    <FluentProvider
      theme={webLightTheme}
      className={styles.provider}
      lang={messages.language}
      // The pane's full-height grey would otherwise be copied onto Fluent's portal layer,
      // which then covers the pane whenever a dropdown or a toast opens.
      applyStylesToPortals={false}
    >
      <MessagesContext.Provider value={messages}>
        <LaterPart quiet>
          <Toaster toasterId={TOASTER_ID} position="bottom" />
        </LaterPart>
        <Pane host={host} language={language} onLanguage={setLanguage} />
      </MessagesContext.Provider>
    </FluentProvider>
  );
}

interface PaneProps {
  host: WorkbookHost;
  language: Language;
  onLanguage: HeaderProps["onLanguage"];
}

function Pane({ host, language, onLanguage }: PaneProps) {
  const styles = useAppStyles();
  const m = useMessages();
  const notify = useNotify();
  const settings = useSettings(host);
  const detect = useDetect(host, settings);
  const compute = useCompute(host);
  const [tab, setTab] = useState<PaneTab>("progress");
  // The draft is made when its tab is first opened, not at every compute: on a large sheet
  // drafting and drawing the document takes as long as the compute itself.
  // The templates' preview drafts too: only once the official has looked at the templates.
  const [opened, setOpened] = useState<ReadonlySet<PaneTab>>(() => new Set(["progress"]));
  const open = (next: PaneTab) => {
    setTab(next);
    setOpened((was) => (was.has(next) ? was : new Set([...was, next])));
  };
  const draftOpened = opened.has("draft");
  const templatesOpened = opened.has("templates");
  const report = compute.result?.workbook ?? null;

  // Panels stay mounted (hidden) so that a half-edited template or the chosen draft survive a tab switch.
  return (
    <main className={styles.root}>
      <Header language={language} onLanguage={onLanguage} />
      {settings.loadError !== null && (
        <ErrorBar failure={{ stage: "load", error: settings.loadError }} />
      )}
      <TabList
        aria-label={m.app.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => open(TABS.find((t) => t === data.value) ?? "progress")}
      >
        {TABS.map((t) => (
          <Tab key={t} value={t} id={`tab-${t}`} aria-controls={`panel-${t}`}>
            {m.tabs[t]}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id="panel-progress"
        aria-labelledby="tab-progress"
        hidden={tab !== "progress"}
        className={mergeClasses(tab !== "progress" && styles.hidden)}
      >
        <ProgressPanel
          host={host}
          settings={settings}
          detect={detect}
          compute={compute}
          notify={notify}
        />
      </div>
      <div
        role="tabpanel"
        id="panel-draft"
        aria-labelledby="tab-draft"
        hidden={tab !== "draft"}
        className={mergeClasses(styles.panel, tab !== "draft" && styles.hidden)}
      >
        {report && draftOpened ? (
          <LaterPart>
            <Draft
              host={host}
              report={report}
              settings={settings.settings}
              saveSettings={settings.save}
              notify={notify}
            />
          </LaterPart>
        ) : report ? null : (
          <Text className={styles.muted}>{m.draft.needCompute}</Text>
        )}
      </div>
      <div
        role="tabpanel"
        id="panel-templates"
        aria-labelledby="tab-templates"
        hidden={tab !== "templates"}
        className={mergeClasses(styles.panel, tab !== "templates" && styles.hidden)}
      >
        {settings.loaded && (
          <LaterPart>
            <TemplateEditor
              report={templatesOpened ? report : null}
              settings={settings.settings}
              saveSettings={settings.save}
              notify={notify}
            />
          </LaterPart>
        )}
      </div>
    </main>
  );
}
