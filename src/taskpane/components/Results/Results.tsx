import { Divider } from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { Report, ReportRow } from "../../../core/engine";
import { Checks } from "../Checks/Checks";
import { LaggingList } from "../LaggingList/LaggingList";
import { Summary } from "../Summary/Summary";
import { useResultsStyles } from "./results.styles";

export interface ResultsProps {
  report: Report;
  onSelect: Dispatch<ReportRow>;
  onSelectCell(row: number, cell: string): void;
}

/** Step 3's answer: the count by status, the lagging rows, and the checks. */
export function Results({ report, onSelect, onSelectCell }: ResultsProps) {
  const styles = useResultsStyles();
  return (
    <>
      <Divider className={styles.divider} />
      <Summary report={report} />
      <LaggingList report={report} disabled={false} onSelect={onSelect} />
      <Checks report={report} onSelectCell={onSelectCell} />
    </>
  );
}
