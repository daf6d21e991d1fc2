import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookHost } from "../../../core/host";
import type { Failure } from "../../lib/errors";
import type { ComputeState } from "../../hooks/useCompute";
import type { Notify } from "../../hooks/notify";
import type { SettingsState } from "../../hooks/useSettings";
import { PaneMessages, useMessages } from "../../messages";
import { Detect } from "../Detect/Detect";
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

/** Steps 1–3: pick the sheet and check its columns, set the period, compute and review. */
export function ProgressPanel({ host, settings, detect, compute, notify }: ProgressPanelProps) {
  const m = useMessages();
  const styles = useProgressPanelStyles();
  const options = useProgressOptions(detect, settings.settings);
  const [selectFailure, setSelectFailure] = useState<Failure | null>(null);
  const phase = compute.phase ?? detect.phase;
  const busy = phase !== null;
  const result = compute.result;

  const run = () => {
    if (detect.sheet === null) return;
    setSelectFailure(null);
    if (options.toleranceChanged)
      settings.save({ tolerance: options.tolerance }).catch(() => notify("error", m.errors.save));
    void compute.run(detect.sheet, {
      months: options.chosenMonths,
      tolerance: options.tolerance,
      columns: detect.corrections,
    });
  };

  const select = (sheet: string, row: number) => {
    setSelectFailure(null);
    host
      .selectRow(sheet, row)
      .catch((error: unknown) => setSelectFailure({ stage: "select", error }));
  };

  return (
    <div className={styles.root}>
      <Detect detect={detect} busy={busy} />
      <PeriodOptions
        months={options.months}
        monthsSource={options.monthsSource}
        tolerance={options.tolerance}
        disabled={busy}
        onMonths={options.setMonths}
        onTolerance={options.setTolerance}
      />
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
        {result && result.written && (
          <MessageBar intent="success">
            <MessageBarBody>{m.compute.written(result.report.sheet)}</MessageBarBody>
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
          />
        </LaterPart>
      )}
    </div>
  );
}

type BusyPhase = NonNullable<ComputeState["phase"] | DetectState["phase"]>;

function busyLabel(phase: BusyPhase, busy: PaneMessages["busy"]): string {
  return phase === "listing" ? busy.loading : busy[phase];
}
