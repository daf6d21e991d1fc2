import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import { GridModel } from "./grid";

const useStyles = makeStyles({
  scroller: { overflow: "auto", height: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    maxWidth: "320px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "top",
  },
  numeric: { textAlign: "right" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  selectedCell: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
  },
});

export interface GridProps {
  model: GridModel;
  selectedRow: number | null;
  /** A cell of the selected row to outline (`H14`). */
  selectedCell?: string;
  label: string;
}

/** The sheet as a read-only grid; the row the pane selects is outlined and scrolled into view. */
export function Grid({ model, selectedRow, selectedCell, label }: GridProps) {
  const styles = useStyles();
  const selected = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    // A block body: Chromium's scrollIntoView returns a Promise React would take for a cleanup.
    selected.current?.scrollIntoView?.({ block: "center" });
  }, [selectedRow, model]);
  const header = useMemo(
    () =>
      model.columns.map((letter) => (
        <th key={letter} className={styles.head} scope="col">
          {letter}
        </th>
      )),
    [model.columns, styles.head]
  );
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table} data-testid="grid">
        <thead>
          <tr>
            <th className={styles.head} />
            {header}
          </tr>
        </thead>
        <tbody>
          {model.rows.map(({ row, cells }) => (
            <tr
              key={row}
              ref={row === selectedRow ? selected : undefined}
              className={row === selectedRow ? styles.selected : undefined}
              aria-selected={row === selectedRow}
              data-row={row}
            >
              <th scope="row" className={mergeClasses(styles.head, styles.rowHead)}>
                {row}
              </th>
              {cells.map((cell, c) => (
                <td
                  key={c}
                  className={mergeClasses(
                    styles.cell,
                    cell.numeric && styles.numeric,
                    `${model.columns[c]}${row}` === selectedCell && styles.selectedCell
                  )}
                  // Not aria-selected: that belongs to grid cells, and this is a plain table.
                  data-selected={`${model.columns[c]}${row}` === selectedCell || undefined}
                  // Status colours come from the sheet's own rules (data), as Excel would paint them.
                  style={cell.fill ? { backgroundColor: cell.fill, color: cell.font } : undefined}
                  title={cell.text}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {model.truncated && <Caption1>…</Caption1>}
    </div>
  );
}
