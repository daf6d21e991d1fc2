import { Divider, Subtitle1 } from "@fluentui/react-components";
import { ReactNode, useDeferredValue } from "react";
import type { Report, ReportRow } from "../../../core/engine";
import type { WorkbookReport } from "../../../core/job";
import { useMessages } from "../../messages";
import { Checks } from "../Checks/Checks";
import { LaggingList } from "../LaggingList/LaggingList";
import { Summary } from "../Summary/Summary";
import { useResultsStyles } from "./results.styles";

export interface ResultsProps {
  workbook: WorkbookReport;
  onSelect(sheet: string, row: ReportRow): void;
  onSelectCell(sheet: string, row: number, cell: string): void;
}

/**
 * The answer, sheet by sheet: the count by status, the lagging rows by agency, the checks.
 * With several sheets each is headed by its name; the first takes the focus.
 */
export function Results({ workbook, onSelect, onSelectCell }: ResultsProps) {
  const m = useMessages();
  const styles = useResultsStyles();
  const several = workbook.sheets.length > 1;
  return (
    <>
      {workbook.sheets.map((report: Report, i) => {
        const id = i === 0 ? "" : `-${i}`;
        // With several sheets each part is named with its sheet: "Trang X – Tổng hợp".
        const sheetTitle = several ? `sheet-title${id}` : undefined;
        return (
          <section key={report.sheet} className={styles.sheet} aria-label={report.sheet}>
            <Divider className={styles.divider} />
            {several && (
              <Subtitle1 as="h2" id={`sheet-title${id}`} className={styles.sheetTitle}>
                {m.compute.sheetTitle(report.sheet)}
              </Subtitle1>
            )}
            <Summary report={report} id={id} focus={i === 0} sheetTitle={sheetTitle} />
            <AfterSummary report={report}>
              {(shown) => (
                <>
                  <LaggingList
                    report={shown}
                    disabled={false}
                    onSelect={(row) => onSelect(shown.sheet, row)}
                    id={id}
                    sheetTitle={sheetTitle}
                  />
                  <Checks
                    report={shown}
                    onSelectCell={(row, cell) => onSelectCell(shown.sheet, row, cell)}
                    id={id}
                    sheetTitle={sheetTitle}
                  />
                </>
              )}
            </AfterSummary>
          </section>
        );
      })}
    </>
  );
}

/**
 * The lists under the summary, drawn in a later, interruptible render: the summary is on
 * screen (and focused) first, and sorting thousands of rows does not hold up the page.
 */
function AfterSummary({
  report,
  children,
}: {
  report: Report;
  children: (report: Report) => ReactNode;
}) {
  const shown = useDeferredValue<Report | null>(report, null);
  return shown === null ? null : <>{children(shown)}</>;
}
