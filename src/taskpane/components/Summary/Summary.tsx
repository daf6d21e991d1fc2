import { Badge, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { Report } from "../../../core/engine";
import { formatNumber } from "../../../core/numbers";
import { useMessages } from "../../messages";
import { useSummaryStyles } from "./summary.styles";
import { useSummary } from "./useSummary";

/** The count of rows by status, announced when it changes. */
export function Summary({ report }: { report: Report }) {
  const m = useMessages();
  const styles = useSummaryStyles();
  const { items, rows, period } = useSummary(report);
  return (
    <section className={styles.root} aria-labelledby="summary-title">
      <Subtitle2 as="h2" id="summary-title">
        {m.summary.title}
      </Subtitle2>
      <Caption1 className={styles.muted}>
        {period} · {m.summary.rows(rows)}
      </Caption1>
      <ul className={styles.list} data-testid="summary">
        {items.map((item) => (
          <li key={item.key} className={styles.item} data-status={item.key}>
            <Badge appearance={item.count > 0 ? "filled" : "outline"} color={item.color}>
              {formatNumber(item.count, 0)}
            </Badge>
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
