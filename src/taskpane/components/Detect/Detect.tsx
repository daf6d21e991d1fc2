import { Button, Caption1, Field, Select } from "@fluentui/react-components";
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
          {/* A native select, not a Dropdown: the first screen then carries no listbox,
              popup positioning or portal (the mapping's Dropdowns load with the later chunk). */}
          <Select
            className={styles.sheetSelect}
            disabled={busy || sheets.length === 0}
            value={sheet ?? ""}
            onChange={(_, data) => detect.selectSheet(data.value)}
          >
            {sheet === null && <option value="" />}
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
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
            headerRows={analysis.detection.header.rows}
            columns={analysis.detection.columns}
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
