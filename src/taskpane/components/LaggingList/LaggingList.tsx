import { Badge, Button, Caption1, Subtitle2, Text } from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { Report, ReportRow } from "../../../core/engine";
import { percentText, remainingText } from "../../lib/format";
import { STATUS_COLOR } from "../../lib/status";
import { useMessages } from "../../messages";
import { useLaggingListStyles } from "./laggingList.styles";
import { useLaggingList } from "./useLaggingList";

export interface LaggingListProps {
  report: Report;
  disabled: boolean;
  onSelect: Dispatch<ReportRow>;
}

/** The lagging rows as a list of buttons: each takes the user to its row in the sheet. */
export function LaggingList({ report, disabled, onSelect }: LaggingListProps) {
  const m = useMessages();
  const styles = useLaggingListStyles();
  const rows = useLaggingList(report);
  return (
    <section className={styles.root} aria-labelledby="lagging-title">
      <Subtitle2 as="h2" id="lagging-title">
        {m.lagging.title}
      </Subtitle2>
      {rows.length === 0 ? (
        <Text>{m.lagging.empty}</Text>
      ) : (
        <>
          <Caption1 className={styles.muted}>{m.lagging.hint}</Caption1>
          <ul className={styles.list} aria-labelledby="lagging-title">
            {rows.map((row) => (
              <li key={row.row}>
                <Button
                  className={styles.button}
                  appearance="subtle"
                  disabled={disabled}
                  onClick={() => onSelect(row)}
                  data-row={row.row}
                >
                  <span className={styles.content}>
                    <span className={styles.name}>{row.name}</span>
                    <span className={styles.figures}>
                      <Badge size="small" appearance="tint" color={STATUS_COLOR[row.status]}>
                        {m.status[row.status]}
                      </Badge>
                      {row.achievement !== null && (
                        <span>{m.lagging.achievement(percentText(row.achievement))}</span>
                      )}
                      {row.remaining !== null && (
                        <span>{m.lagging.remaining(remainingText(row, m))}</span>
                      )}
                      {row.likelyMissed && <span>({m.likelyMissed})</span>}
                      <span className={styles.muted}>{m.lagging.row(row.row)}</span>
                    </span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
