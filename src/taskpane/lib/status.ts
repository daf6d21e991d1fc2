import type { BadgeProps } from "@fluentui/react-components";
import type { RowStatus } from "../../core/progress";

/** The order statuses are listed in: best first, as the plan's sections read. */
export const STATUS_ORDER: readonly RowStatus[] = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "no_data",
  "qualitative",
];

/** The rows a lagging list shows: those section II of the plan assigns (DOMAIN §5). */
export const LAGGING: ReadonlySet<RowStatus> = new Set<RowStatus>([
  "at_risk",
  "off_track",
  "no_data",
]);

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
