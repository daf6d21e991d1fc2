import { Badge, Button, Caption1, Subtitle2, Text } from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { Report, ReportRow } from "../../../core/engine";
import { percentText, remainingText } from "../../lib/format";
import { statusReason } from "../../lib/reason";
import { STATUS_COLOR } from "../../lib/status";
import { labelledBy } from "../../lib/labels";
import { useMessages } from "../../messages";
import { useLaggingListStyles } from "./laggingList.styles";
import { LaggingGroup, useLaggingList } from "./useLaggingList";
import { ShowMore, useShown } from "../ShowMore/ShowMore";

export interface LaggingListProps {
  report: Report;
  disabled: boolean;
  onSelect: Dispatch<ReportRow>;
  /** Told apart when several sheets' answers are on the pane at once. */
  id?: string;
  /** The id of the sheet's heading, when several sheets are shown. */
  sheetTitle?: string;
}

/**
 * The lagging rows by lead agency, as the plan assigns them, each a button that takes the
 * user to its row in the sheet, with its status and why.
 */
export function LaggingList({ report, disabled, onSelect, id = "", sheetTitle }: LaggingListProps) {
  const m = useMessages();
  const styles = useLaggingListStyles();
  const groups = useLaggingList(report);
  const { shown, more } = useShown();
  const visible = firstEntries(groups, shown);
  const total = groups.reduce((n, group) => n + group.entries.length, 0);
  return (
    <section className={styles.root} aria-labelledby={labelledBy(`lagging-title${id}`, sheetTitle)}>
      <Subtitle2 as="h2" id={`lagging-title${id}`}>
        {m.lagging.title}
      </Subtitle2>
      {groups.length === 0 ? (
        <Text>{m.lagging.empty}</Text>
      ) : (
        <>
          <Caption1 className={styles.muted}>{m.lagging.hint}</Caption1>
          <ul className={styles.list} aria-labelledby={`lagging-title${id}`}>
            {visible.map((group) => (
              <li key={group.agency} className={styles.group}>
                <h3 className={styles.agency} id={`agency${id}-${slug(group.agency)}`}>
                  {group.agency || m.lagging.noAgency}{" "}
                  <span className={styles.muted}>({group.count})</span>
                </h3>
                <ul className={styles.list} aria-labelledby={`agency${id}-${slug(group.agency)}`}>
                  {group.entries.map(({ row, parent }) => (
                    <li key={row.row}>
                      <Button
                        className={styles.button}
                        appearance="subtle"
                        disabled={disabled}
                        onClick={() => onSelect(row)}
                        data-row={row.row}
                        // The reason is the button's description, not part of its name: a
                        // screen reader says the indicator and its figures, then why.
                        aria-describedby={`reason${id}-${row.row}`}
                      >
                        <span className={styles.content}>
                          <span className={styles.name}>
                            {parent !== null && (
                              <span className={styles.muted}>{m.lagging.partOf(parent)} </span>
                            )}
                            {row.name}
                          </span>
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
                          <span
                            className={styles.reason}
                            id={`reason${id}-${row.row}`}
                            aria-hidden="true"
                          >
                            {statusReason(row, report, m)}
                          </span>
                        </span>
                      </Button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <ShowMore hidden={total - shown} onMore={more} />
        </>
      )}
    </section>
  );
}

/** The groups cut to their first `count` entries in all, each still counting all of its own. */
function firstEntries(
  groups: readonly LaggingGroup[],
  count: number
): (LaggingGroup & { count: number })[] {
  const out: (LaggingGroup & { count: number })[] = [];
  let left = count;
  for (const group of groups) {
    if (left <= 0) break;
    out.push({ ...group, entries: group.entries.slice(0, left), count: group.entries.length });
    left -= group.entries.length;
  }
  return out;
}

/** An id-safe form of an agency's name. */
function slug(text: string): string {
  return text === "" ? "none" : encodeURIComponent(text).replace(/%/g, "");
}
