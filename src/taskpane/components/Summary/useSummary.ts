import type { BadgeProps } from "@fluentui/react-components";
import type { Report } from "../../../core/engine";
import { formatNumber } from "../../../core/numbers";
import type { RowStatus } from "../../../core/progress";
import { STATUS_COLOR, STATUS_ORDER } from "../../lib/status";
import { PaneMessages, useMessages } from "../../messages";

export interface SummaryItem {
  key: RowStatus | "mismatches";
  label: string;
  count: number;
  color: NonNullable<BadgeProps["color"]>;
}

/** The counts by status, in reading order, then the workbook's own figures that do not add up. */
export function summaryItems(report: Report, m: PaneMessages): SummaryItem[] {
  const items: SummaryItem[] = STATUS_ORDER.map((status) => ({
    key: status,
    label: m.status[status],
    count: report.summary[status],
    color: STATUS_COLOR[status],
  }));
  items.push({
    key: "mismatches",
    label: m.summary.mismatches,
    count: report.summary.mismatches + report.totals.length,
    color: STATUS_COLOR.mismatches,
  });
  return items;
}

/** The summary in one sentence, for screen readers: `7 Đã đạt/vượt, 6 Đúng tiến độ, …`. */
export function summarySentence(report: Report, m: PaneMessages): string {
  return summaryItems(report, m)
    .filter((item) => item.count > 0)
    .map((item) => `${formatNumber(item.count, 0)} ${item.label}`)
    .join(", ");
}

export function useSummary(report: Report): { items: SummaryItem[]; rows: number; period: string } {
  const m = useMessages();
  const year = report.year === null ? "" : String(report.year);
  return {
    items: summaryItems(report, m),
    rows: report.rows.length,
    period: m.compute.period(report.period.months, year),
  };
}
