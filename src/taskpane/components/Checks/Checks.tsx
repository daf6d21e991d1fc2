import {
  Button,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { Report } from "../../../core/engine";
import { amountText, percentText, plainNumber } from "../../lib/format";
import { labelledBy } from "../../lib/labels";
import { PaneMessages, useMessages } from "../../messages";
import { useChecksStyles } from "./checks.styles";
import { MismatchItem, useChecks } from "./useChecks";
import { ShowMore, useShown } from "../ShowMore/ShowMore";

export interface ChecksProps {
  report: Report;
  /** Selects a check's cell in the workbook. */
  onSelectCell(row: number, cell: string): void;
  /** Told apart when several sheets' answers are on the pane at once. */
  id?: string;
  /** The id of the sheet's heading, when several sheets are shown. */
  sheetTitle?: string;
}

/**
 * The workbook's own figures that the arithmetic does not give back, and each row's notes;
 * every cell named is a button that selects it in the workbook.
 */
export function Checks({ report, onSelectCell, id = "", sheetTitle }: ChecksProps) {
  const m = useMessages();
  const styles = useChecksStyles();
  const { mismatches, totals, problems } = useChecks(report, m);
  const mismatchesShown = useShown();
  const totalsShown = useShown();
  const problemsShown = useShown();
  return (
    <section className={styles.root} aria-labelledby={labelledBy(`checks-title${id}`, sheetTitle)}>
      <Subtitle2 as="h2" id={`checks-title${id}`}>
        {m.checks.title}
      </Subtitle2>
      {mismatches.length === 0 && totals.length === 0 && <Text>{m.checks.none}</Text>}
      {mismatches.length > 0 && (
        <Table size="extra-small" aria-labelledby={`checks-title${id}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>{m.checks.cell}</TableHeaderCell>
              <TableHeaderCell>{m.checks.indicator}</TableHeaderCell>
              <TableHeaderCell className={styles.figureHeader}>{m.checks.reported}</TableHeaderCell>
              <TableHeaderCell className={styles.figureHeader}>{m.checks.computed}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {mismatches.slice(0, mismatchesShown.shown).map((item) => (
              <TableRow key={item.cell} data-cell={item.cell}>
                <TableCell className={styles.cell}>
                  <CellButton cell={item.cell} row={item.row} onSelect={onSelectCell} />
                </TableCell>
                <TableCell>
                  {item.name} <span className={styles.muted}>({m.checks.field[item.field]})</span>
                </TableCell>
                <TableCell className={styles.figure}>{figure(item, item.reported, m)}</TableCell>
                <TableCell className={styles.figure}>{figure(item, item.computed, m)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ShowMore hidden={mismatches.length - mismatchesShown.shown} onMore={mismatchesShown.more} />
      {totals.length > 0 && (
        <>
          <Text weight="semibold">{m.checks.totals}</Text>
          <Table size="extra-small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.cell}>{m.checks.cell}</TableHeaderCell>
                <TableHeaderCell>{m.checks.indicator}</TableHeaderCell>
                <TableHeaderCell className={styles.figureHeader}>
                  {m.checks.reported}
                </TableHeaderCell>
                <TableHeaderCell className={styles.figureHeader}>{m.checks.sum}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {totals.slice(0, totalsShown.shown).map((total) => (
                <TableRow key={total.cell} data-cell={total.cell}>
                  <TableCell className={styles.cell}>
                    <CellButton cell={total.cell} row={total.row} onSelect={onSelectCell} />
                  </TableCell>
                  <TableCell>
                    {total.name}{" "}
                    <span className={styles.muted}>({m.checks.totalField[total.field]})</span>
                  </TableCell>
                  <TableCell className={styles.figure}>{plainNumber(total.reported)}</TableCell>
                  <TableCell className={styles.figure}>{plainNumber(total.sum)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ShowMore hidden={totals.length - totalsShown.shown} onMore={totalsShown.more} />
        </>
      )}
      {problems.length > 0 && (
        <>
          <Text weight="semibold">{m.checks.problems}</Text>
          <ul className={styles.list}>
            {problems.slice(0, problemsShown.shown).map((problem) => (
              <li key={problem.row}>
                <Text weight="semibold">{m.checks.rowLabel(problem.row, problem.name)}</Text>:{" "}
                {problem.texts.join(" ")}
              </li>
            ))}
          </ul>
          <ShowMore hidden={problems.length - problemsShown.shown} onMore={problemsShown.more} />
        </>
      )}
    </section>
  );
}

/** A cell's address as a button: Excel (or the playground's grid) selects the cell. */
function CellButton({
  cell,
  row,
  onSelect,
}: {
  cell: string;
  row: number;
  onSelect: ChecksProps["onSelectCell"];
}) {
  const m = useMessages();
  const styles = useChecksStyles();
  return (
    <Button
      className={styles.cellButton}
      appearance="transparent"
      size="small"
      aria-label={m.checks.goTo(cell)}
      onClick={() => onSelect(row, cell)}
    >
      {cell}
    </Button>
  );
}

/** An achievement is a fraction shown as a percentage; a remaining amount is in the row's unit. */
function figure(item: MismatchItem, value: number, m: PaneMessages): string {
  return item.field === "achievement"
    ? percentText(value)
    : amountText(value, item.decimals, item.unit, m);
}
