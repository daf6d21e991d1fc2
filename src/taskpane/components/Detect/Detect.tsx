import { Button, Caption1, Dropdown, Field, Option } from "@fluentui/react-components";
import { useMessages } from "../../messages";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { LaterPart, Mapping } from "../lazy";
import { useDetectStyles } from "./detect.styles";
import type { DetectState } from "./useDetect";

/** Step 1: the sheet picker and the mapping of its columns. */
export function Detect({ detect, busy }: { detect: DetectState; busy: boolean }) {
  const m = useMessages();
  const styles = useDetectStyles();
  const { sheets, sheet, analysis } = detect;
  return (
    <div className={styles.root}>
      <div className={styles.sheetRow}>
        <Field className={styles.sheetField} label={m.detect.sheet}>
          <Dropdown
            className={styles.sheetDropdown}
            disabled={busy || sheets.length === 0}
            value={sheet ?? ""}
            selectedOptions={sheet === null ? [] : [sheet]}
            onOptionSelect={(_, data) => {
              if (data.optionValue !== undefined) detect.selectSheet(data.optionValue);
            }}
          >
            {sheets.map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button disabled={busy || sheet === null} onClick={detect.reread}>
          {m.detect.reread}
        </Button>
      </div>
      {detect.phase === null && sheets.length === 0 && !detect.failure && (
        <Caption1 className={styles.muted}>{m.detect.noSheets}</Caption1>
      )}
      {detect.failure && <ErrorBar failure={detect.failure} />}
      {analysis && !analysis.ok && (
        <ErrorBar failure={{ stage: "read", error: analysis.error, sheet: sheet ?? "" }} />
      )}
      {analysis && analysis.ok && (
        <LaterPart>
          <Mapping
            headerRows={analysis.report.headerRows}
            columns={analysis.report.columns}
            choices={analysis.choices}
            corrections={detect.corrections}
            disabled={busy}
            onCorrect={detect.correct}
          />
        </LaterPart>
      )}
    </div>
  );
}
