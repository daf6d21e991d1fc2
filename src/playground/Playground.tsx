import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import { App } from "../taskpane/App";
import { BrowserHost, View } from "./browserHost";
import { Grid } from "./Grid";
import { gridModel } from "./grid";
import { playgroundMessages as m } from "./messages";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  body: { display: "flex", flex: 1, minHeight: 0 },
  sheet: { flex: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  drop: { flex: 1, minHeight: 0, outline: "none" },
  dropping: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  pane: {
    width: "var(--pane-width, 380px)",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    overflow: "auto",
  },
  hidden: { display: "none" },
});

export interface PlaygroundProps {
  /** The bundled sample, as bytes: one click away, with no network. */
  sample: () => Promise<ArrayBuffer>;
}

/** The task pane beside a grid of the workbook, for a browser without Excel. */
export function Playground({ sample }: PlaygroundProps) {
  const styles = useStyles();
  const [host, setHost] = useState<BrowserHost | null>(null);
  const [opened, setOpened] = useState(0);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dropping, setDropping] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A transition: redrawing the grid after a write must not hold the page up.
  useEffect(
    () => (host ? host.subscribe((next) => startTransition(() => setView(next))) : undefined),
    [host]
  );

  const open = async (bytes: Promise<ArrayBuffer>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await BrowserHost.open(await bytes);
      setHost(next);
      setView(next.view);
      setOpened((n) => n + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const openFile = (file: File | undefined) => {
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) return setError(m.notXlsx(file.name));
    void open(file.arrayBuffer());
  };
  const download = async () => {
    if (!host) return;
    const blob = new Blob([await host.save()], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "chi-tieu.tinh-toan.xlsx";
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const sheet = host && view ? host.worksheet(view.sheet) : null;
  // Rebuilt when the pane writes or the sheet changes (view.edits), not on a selection.
  const model = useMemo(() => (sheet ? gridModel(sheet) : null), [sheet, view?.edits]);
  return (
    <FluentProvider theme={webLightTheme} className={styles.page} lang="vi">
      <header className={styles.bar}>
        <Text weight="semibold">{m.title}</Text>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          {m.open}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          className={styles.hidden}
          aria-label={m.open}
          data-testid="file-input"
          onChange={(e) => openFile(e.target.files?.[0])}
        />
        <Button onClick={() => void open(sample())}>{m.sample}</Button>
        <Button disabled={!host} onClick={() => void download()}>
          {m.download}
        </Button>
        {busy && <Spinner size="tiny" label={m.opening} />}
      </header>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        {/* The pane is the page's one main landmark, as it is in Excel: the workbook beside it is a region. */}
        <section className={styles.sheet} aria-label={m.workbook}>
          {host && view && (
            <TabList
              selectedValue={view.sheet}
              onTabSelect={(_, data) => host.show(String(data.value))}
              aria-label={m.sheets}
              size="small"
            >
              {host.workbook.worksheets.map((s) => (
                <Tab key={s.name} value={s.name}>
                  {s.name}
                </Tab>
              ))}
            </TabList>
          )}
          <div
            className={dropping ? `${styles.drop} ${styles.dropping}` : styles.drop}
            onDragOver={(e) => {
              e.preventDefault();
              setDropping(true);
            }}
            onDragLeave={() => setDropping(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDropping(false);
              openFile(e.dataTransfer.files[0]);
            }}
          >
            {model && view ? (
              <Grid
                model={model}
                selectedRow={view.selectedRow}
                selectedCell={view.selectedCell}
                selection={view.version}
                label={m.grid}
              />
            ) : (
              <Text>{`${m.empty} ${m.drop}`}</Text>
            )}
          </div>
        </section>
        {host && (
          <div className={styles.pane} data-testid="pane">
            <App key={opened} host={host} />
          </div>
        )}
      </div>
    </FluentProvider>
  );
}
