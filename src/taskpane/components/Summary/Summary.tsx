import { Badge, Caption1 } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Report } from "../../../core/engine";
import { formatNumber } from "../../../core/numbers";
import { holdAtTop } from "../../lib/holdAtTop";
import { labelledBy } from "../../lib/labels";
import { useMessages } from "../../messages";
import { useSummaryStyles } from "./summary.styles";
import { useSummary } from "./useSummary";

/**
 * The count of rows by status. Each new answer comes into view and takes the focus, so that
 * after "Tính tiến độ" the official reads it without scrolling and a screen reader starts there.
 */
export function Summary({
  report,
  id = "",
  focus = true,
  sheetTitle,
}: {
  report: Report;
  /** Told apart when several sheets' answers are on the pane at once. */
  id?: string;
  /** Whether this answer takes the focus (the first of several does). */
  focus?: boolean;
  /** The id of the sheet's heading, when several sheets are shown. */
  sheetTitle?: string;
}) {
  const m = useMessages();
  const styles = useSummaryStyles();
  const { items, rows, period } = useSummary(report);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = title.current;
    if (!heading || !focus) return;
    heading.focus({ preventScroll: true });
    // At the top of the pane, and kept there while the rest of the answer settles.
    return holdAtTop(heading, SETTLE_MS);
  }, [report, focus]);
  return (
    <section className={styles.root} aria-labelledby={labelledBy(`summary-title${id}`, sheetTitle)}>
      <h2 id={`summary-title${id}`} ref={title} tabIndex={-1} className={styles.title}>
        {m.summary.title}
      </h2>
      <Caption1 className={styles.muted}>
        {period} · {m.summary.rows(rows)}
      </Caption1>
      <ul className={styles.list} data-testid={`summary${id}`}>
        {items.map((item) => (
          <li key={item.key} className={styles.item} data-status={item.key}>
            <Badge appearance={item.count > 0 ? "filled" : "outline"} color={item.color}>
              {formatNumber(item.count, 0)}
            </Badge>
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
      <details className={styles.legend}>
        <summary>{m.summary.legendTitle}</summary>
        <dl className={styles.legendList}>
          {items
            .filter((item) => item.key !== "mismatches")
            .map((item) => (
              <div key={item.key}>
                <dt className={styles.term}>{item.label}</dt>
                <dd className={styles.meaning}>
                  {m.summary.legend[item.key as keyof typeof m.summary.legend]}
                </dd>
              </div>
            ))}
        </dl>
      </details>
    </section>
  );
}

/** How long the answer's heading is kept at the top after it appears. */
const SETTLE_MS = 1000;
