import { formatNumber, formatPercent } from "../../core/numbers";
import type { Report, ReportRow } from "../../core/engine";
import type { PaneMessages } from "../messages";

/**
 * Why a row has its status, in plain words from the report's facts: the achievement against
 * the calendar share and the band, the gap a level closed since last year, the forecast.
 * @example statusReason(row, report, vi) // "đạt 30,00%, thấp hơn mức 50% của 6 tháng quá 10 điểm"
 */
export function statusReason(row: ReportRow, report: Report, m: PaneMessages): string {
  const say = m.reason;
  const share = formatPercent(row.expectedShare, 0);
  const months = report.period.months;
  // The report keeps the band in percentage points (10), as the user set it.
  const band = formatNumber(report.tolerance, Number.isInteger(report.tolerance) ? 0 : 1);
  const figure = (value: number | null): string =>
    value === null ? "" : formatNumber(value, row.decimals);
  const T = figure(row.target);
  const A = figure(row.actual);
  let reason: string;
  switch (row.status) {
    case "no_data":
      return say.noData;
    case "qualitative":
      return say.qualitative;
    case "achieved":
      return say.achieved(T);
    default:
      if (row.kind === "maintain") {
        reason = say.notHeld(A, T);
      } else if (row.kind === "level") {
        if (row.baseline === null) reason = say.noBaseline(A, T);
        else if (row.gapClosure === null || row.gapClosure < 0)
          reason =
            row.actual === row.baseline
              ? say.unmoved(A, T)
              : say.awayFrom(figure(row.baseline), A, T);
        else if (row.gapClosure === 0) reason = say.unmoved(A, T);
        else reason = say.gapClosed(formatPercent(row.gapClosure, 0), share, months);
      } else if (row.achievement === null) {
        reason = say.noData;
      } else {
        const achievement = formatPercent(row.achievement);
        reason =
          row.status === "on_track"
            ? say.onPace(achievement, share, months)
            : row.status === "at_risk"
              ? say.withinBand(achievement, share, months, band)
              : say.belowBand(achievement, share, months, band);
      }
  }
  if (row.likelyMissed && row.forecast !== null) reason += say.forecast(figure(row.forecast), T);
  return reason;
}
