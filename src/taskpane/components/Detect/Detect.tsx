import { Button, Caption1, Field, Select, Text } from "@fluentui/react-components";
import { COLUMN_ROLES } from "../../../core/columns";
import { useMessages } from "../../messages";
import { ErrorBar } from "../ErrorBar/ErrorBar";
import { LaterPart, Mapping } from "../lazy";
import { useDetectStyles } from "./detect.styles";
import type { DetectState } from "./useDetect";

/** The roles without which nothing can be computed: names, and a target or an actual. */
const NEEDED = ["name", "target", "actual"] as const;

/**
 * The first screen's account of the workbook: the sheet, and in one line what was found on
 * it (indicators, period, header rows); the sheets passed over and why.
 */
export function Detect({
  detect,
  busy,
  months,
}: {
  detect: DetectState;
  busy: boolean;
  months: number;
}) {
  const m = useMessages();
  const styles = useDetectStyles();
  const { sheets, sheet, analysis } = detect;
  return (
    <div className={styles.root}>
      <Field label={m.detect.sheet}>
        {/* A native select: the first screen carries no listbox, popup or portal. */}
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
      {analysis && analysis.ok && (
        <Text className={styles.found} data-testid="found">
          {m.detect.found(
            analysis.detection.sheet,
            analysis.detection.indicators,
            months,
            analysis.detection.year,
            rowsText(analysis.detection.header.rows)
          )}
        </Text>
      )}
      {detect.skipped.map(({ sheet: name, reason }) => (
        <Caption1 key={name} className={styles.muted}>
          {m.detect.skipped(name, reason)}
        </Caption1>
      ))}
      {detect.phase === null && sheets.length === 0 && !detect.failure && (
        <Caption1 className={styles.muted}>{m.detect.noSheets}</Caption1>
      )}
      {detect.failure && <ErrorBar failure={detect.failure} />}
      {analysis && !analysis.ok && (
        <ErrorBar failure={{ stage: "read", error: analysis.error, sheet: sheet ?? "" }} />
      )}
    </div>
  );
}

/** `5–6` for consecutive header rows, `3, 5` otherwise. */
function rowsText(rows: number[]): string {
  const consecutive = rows.every((row, i) => i === 0 || row === rows[i - 1] + 1);
  return consecutive && rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : rows.join(", ");
}

/** The needed roles the reading of the sheet found no column for, in the pane's words. */
export function missingRoles(detect: DetectState): (typeof COLUMN_ROLES)[number][] {
  const analysis = detect.analysis;
  if (!analysis || !analysis.ok) return [];
  const columns = analysis.detection.columns;
  const missing = NEEDED.filter((role) => columns[role] === undefined);
  // A target or an actual is enough to compute something.
  if (columns.target !== undefined || columns.actual !== undefined)
    return missing.filter((role) => role === "name");
  return missing;
}

/** Inside "Sửa cách đọc bảng": read the sheet again, and each column's role. */
export function ReadingFix({ detect, busy }: { detect: DetectState; busy: boolean }) {
  const m = useMessages();
  const styles = useDetectStyles();
  const { analysis, sheet } = detect;
  return (
    <div className={styles.root}>
      <Button className={styles.reread} disabled={busy || sheet === null} onClick={detect.reread}>
        {m.detect.reread}
      </Button>
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
