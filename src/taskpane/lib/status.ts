import type { BadgeProps } from "@fluentui/react-components";
import type { RowStatus } from "../../core/statuses";

/** The order statuses are listed in, and the rows a lagging list shows (docs/rules.md §5). */
export { STATUSES as STATUS_ORDER, LAGGING } from "../../core/statuses";

/** Fluent's semantic badge colours: the theme decides the actual colour. */
export const STATUS_COLOR: Record<RowStatus | "mismatches", NonNullable<BadgeProps["color"]>> = {
  achieved: "success",
  on_track: "brand",
  at_risk: "warning",
  off_track: "danger",
  no_data: "informative",
  qualitative: "subtle",
  mismatches: "severe",
};
