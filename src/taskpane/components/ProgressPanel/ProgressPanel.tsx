import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../../../core/host";
import type { Failure } from "../../lib/errors";
import { computeInputs, ComputeState, PaneComputeOptions } from "../../hooks/useCompute";
import type { Notify } from "../../hooks/notify";
import type { SettingsState } from "../../hooks/useSettings";
import { PaneMessages, useMessages } from "../../messages";
import { Detect, missingRoles, ReadingFix } from "../Detect/Detect";
import type { DetectState } from "../Detect/useDetect";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { LaterPart, Results } from "../lazy";
import { PeriodOptions } from "../PeriodOptions/PeriodOptions";
import { summarySentence } from "../Summary/useSummary";
import { useProgressPanelStyles } from "./progressPanel.styles";
import { useProgressOptions } from "./useProgressOptions";

export interface ProgressPanelProps {
  host: WorkbookHost;
  settings: SettingsState;
  detect: DetectState;
  compute: ComputeState;
  notify: Notify;
}

/**
 * What was found and the one button first; the answer under it; how the table is read
 * (columns, period, band) behind "Sửa cách đọc bảng", open only when something is missing.
 */
export function ProgressPanel({ host, settings, detect, compute, notify }: ProgressPanelProps) {
  const m = useMessages();
  const styles = useProgressPanelStyles();
  const options = useProgressOptions(detect, settings.settings);
  const [selectFailure, setSelectFailure] = useState<Failure | null>(null);
  const phase = compute.phase ?? detect.phase;
  const busy = phase !== null;
  const result = compute.result;

  // The whole workbook by default; the sheet in view alone when the user narrows it.
  const [onlyThis, setOnlyThis] = useState(false);
  const several = detect.sheets.length > 1;
  const targets =
    detect.sheet === null ? [] : several && !onlyThis ? detect.sheets : [detect.sheet];
  const chosen: PaneComputeOptions = {
    months: options.chosenMonths,
    tolerance: options.tolerance,
    settings: settings.settings,
  };
  // Results computed with other sheets, period, band or columns than those now chosen.
  const stale = result !== null && result.inputs !== computeInputs(targets, chosen);

  const run = () => {
    if (targets.length === 0) return;
    setSelectFailure(null);
    if (options.toleranceChanged)
      settings.save({ tolerance: options.tolerance }).catch(() => notify("error", m.errors.save));
    void compute.run(targets, chosen);
  };
  const sheetsDone = result?.workbook.sheets ?? [];
  const rowsDone = sheetsDone.reduce((n, report) => n + report.rows.length, 0);

  const select = (sheet: string, row: number, cell?: string) => {
    setSelectFailure(null);
    host
      .selectRow(sheet, row, cell)
      .catch((error: unknown) => setSelectFailure({ stage: "select", error }));
  };

  const missing = missingRoles(detect);
  // Opens by itself only when something needed could not be found; then says what.
  const needsFix =
    missing.length > 0 ||
    (detect.analysis !== null && !detect.analysis.ok && detect.skipped.length === 0);
  const [fixOpen, setFixOpen] = useState<boolean | null>(null);
  // Once it opened by itself it stays open: choosing the missing column must not fold it
  // away under the official's hand.
  useEffect(() => {
    if (needsFix) setFixOpen((was) => was ?? true);
  }, [needsFix]);
  const open = fixOpen ?? needsFix;

  return (
    <div className={styles.root}>
      <Detect detect={detect} busy={busy} months={options.months} />
      <Button
        className={styles.compute}
        appearance="primary"
        size="large"
        disabled={busy || detect.sheet === null}
        onClick={run}
      >
        {m.compute.button}
      </Button>
      {several && detect.sheet !== null && (
        // A native checkbox: the first screen carries no more of Fluent than it must.
        <label className={styles.only}>
          <input
            type="checkbox"
            checked={onlyThis}
            disabled={busy}
            onChange={(event) => setOnlyThis(event.currentTarget.checked)}
          />
          <span>{m.compute.onlyThis(detect.sheet, detect.sheets.length)}</span>
        </label>
      )}
      <div className={styles.status} role="status" aria-live="polite">
        {phase !== null && (
          <div className={styles.busy}>
            <Spinner size="tiny" labelPosition="after" label={busyLabel(phase, m.busy)} />
            {(compute.phase === "reading" || compute.phase === "computing") && (
              // Until the write starts: after it, a half-done write is the one thing worse.
              <Button size="small" onClick={compute.cancel}>
                {m.compute.cancel}
              </Button>
            )}
          </div>
        )}
        {compute.cancelled && compute.phase === null && (
          <MessageBar intent="info">
            <MessageBarBody>{m.compute.cancelled}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.written && rowsDone > 0 && (
          <MessageBar intent="success">
            <MessageBarBody>
              {m.compute.written(sheetsDone.map((report) => report.sheet).join("”, “"))}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && compute.phase === null && rowsDone === 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>{m.compute.noRows(sheetsDone[0]?.sheet ?? "")}</MessageBarBody>
          </MessageBar>
        )}
        {result &&
          compute.phase === null &&
          result.workbook.skipped.map(({ sheet, reason }) => (
            <Caption1 key={sheet}>{m.detect.skipped(sheet, reason)}</Caption1>
          ))}
        {stale && compute.phase === null && (
          <MessageBar intent="warning" data-testid="stale">
            <MessageBarBody>
              {m.compute.stale}{" "}
              <Button size="small" onClick={run} disabled={busy || detect.sheet === null}>
                {m.compute.again}
              </Button>
            </MessageBarBody>
          </MessageBar>
        )}
        {result && compute.phase === null && (
          <span className={styles.srOnly}>
            {sheetsDone.map((report) => summarySentence(report, m)).join(". ")}
          </span>
        )}
        {result && !result.written && !result.cleared && compute.phase === null && (
          <MessageBar intent="warning">
            <MessageBarBody>{m.compute.notWritten}</MessageBarBody>
          </MessageBar>
        )}
        {result?.cleared && compute.phase === null && (
          <MessageBar intent="info">
            <MessageBarBody>{m.compute.cleared}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result?.written && (
        // Outside the live region: the way back is read when reached, not announced.
        <div className={styles.undo}>
          {result.undo === "excel" && <Caption1>{m.compute.undoExcel}</Caption1>}
          <Button
            size="small"
            disabled={busy}
            aria-describedby="clear-hint"
            onClick={() => void compute.clear()}
          >
            {m.compute.clear}
          </Button>
          <Caption1 id="clear-hint" className={styles.hint}>
            {m.compute.clearHint}
          </Caption1>
        </div>
      )}
      {compute.failure && <ErrorBar failure={compute.failure} />}
      {selectFailure && <ErrorBar failure={selectFailure} />}
      {result && (
        <LaterPart>
          <Results
            workbook={result.workbook}
            onSelect={(sheet, row) => select(sheet, row.row)}
            onSelectCell={(sheet, row, cell) => select(sheet, row, cell)}
          />
        </LaterPart>
      )}
      <details
        className={styles.fix}
        open={open}
        onToggle={(event) => {
          const now = event.currentTarget.open;
          if (now !== open) setFixOpen(now);
        }}
      >
        <summary className={styles.fixSummary}>{m.detect.fix}</summary>
        <div className={styles.fixBody}>
          {missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {m.detect.missing(
                  missing.map((role) => `“${m.roles[role]}”`).join(` ${m.detect.and} `)
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          <PeriodOptions
            months={options.months}
            monthsSource={options.monthsSource}
            tolerance={options.tolerance}
            disabled={busy}
            onMonths={options.setMonths}
            onTolerance={options.setTolerance}
          />
          <ReadingFix detect={detect} busy={busy} />
        </div>
      </details>
    </div>
  );
}

type BusyPhase = NonNullable<ComputeState["phase"] | DetectState["phase"]>;

function busyLabel(phase: BusyPhase, busy: PaneMessages["busy"]): string {
  return phase === "listing" ? busy.loading : busy[phase];
}
