import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookHost } from "../../../core/host";
import type { Failure } from "../../lib/errors";
import { computeInputs, ComputeState } from "../../hooks/useCompute";
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

  const chosen = {
    months: options.chosenMonths,
    tolerance: options.tolerance,
    columns: detect.corrections,
  };
  // Results computed with another sheet, period, band or columns than those now chosen.
  const stale = result !== null && result.inputs !== computeInputs(detect.sheet, chosen);

  const run = () => {
    if (detect.sheet === null) return;
    setSelectFailure(null);
    if (options.toleranceChanged)
      settings.save({ tolerance: options.tolerance }).catch(() => notify("error", m.errors.save));
    void compute.run(detect.sheet, chosen);
  };

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
      <div className={styles.status} role="status" aria-live="polite">
        {phase !== null && (
          <Spinner size="tiny" labelPosition="after" label={busyLabel(phase, m.busy)} />
        )}
        {result && result.written && result.report.rows.length > 0 && (
          <MessageBar intent="success">
            <MessageBarBody>{m.compute.written(result.report.sheet)}</MessageBarBody>
          </MessageBar>
        )}
        {result && compute.phase === null && result.report.rows.length === 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>{m.compute.noRows(result.report.sheet)}</MessageBarBody>
          </MessageBar>
        )}
        {stale && compute.phase === null && (
          <MessageBar intent="warning" data-testid="stale">
            <MessageBarBody>{m.compute.stale}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={run} disabled={busy || detect.sheet === null}>
                {m.compute.again}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {result && compute.phase === null && (
          <span className={styles.srOnly}>{summarySentence(result.report, m)}</span>
        )}
        {result && !result.written && compute.phase === null && (
          <MessageBar intent="warning">
            <MessageBarBody>{m.compute.notWritten}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {compute.failure && <ErrorBar failure={compute.failure} />}
      {selectFailure && <ErrorBar failure={selectFailure} />}
      {result && (
        <LaterPart>
          <Results
            report={result.report}
            onSelect={(row) => select(result.report.sheet, row.row)}
            onSelectCell={(row, cell) => select(result.report.sheet, row, cell)}
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
