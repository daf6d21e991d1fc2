import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
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
  /** Changes with each selection, the same row selected again included: it scrolls again. */
  selection?: number;
  label: string;
}

/** A row's height before one is measured: one line of the grid's text and its padding. */
const ROW_HEIGHT = 25;
/** Rows drawn above and below those in view, so that scrolling shows no blank. */
const OVERSCAN = 30;

/**
 * The sheet as a read-only grid; the row the pane selects is outlined and scrolled into view.
 * Only the rows in view (and a margin) are drawn, the others are one spacer above and one
 * below: 2.000 rows of a dozen cells each would take the page seconds to draw at each write.
 */
export function Grid({ model, selectedRow, selectedCell, selection, label }: GridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const selected = useRef<HTMLTableRowElement>(null);
  const measured = useRef<HTMLTableRowElement>(null);
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);
  const [view, setView] = useState({ top: 0, height: 900 });
  const count = model.count;
  const index = selectedRow === null || selectedRow > count ? -1 : selectedRow - 1;
  // The selected row's place first, so that it is drawn; then centred exactly once it is.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (index < 0 || !box) return;
    box.scrollTop = Math.max(0, index * rowHeight - box.clientHeight / 2);
    setView({ top: box.scrollTop, height: box.clientHeight || 900 });
  }, [index, model, rowHeight, selection]);
  useEffect(() => {
    // The grid's own box is scrolled, not the page: scrollIntoView scrolls every box around
    // the row, and in Chromium 156 it cuts short the pane's scroll to its answer.
    const box = scroller.current;
    const row = selected.current;
    if (!box || !row) return;
    const rowBox = row.getBoundingClientRect();
    const boxBox = box.getBoundingClientRect();
    box.scrollTop += rowBox.top - boxBox.top - (box.clientHeight - rowBox.height) / 2;
  }, [selectedRow, model, selection]);
  useLayoutEffect(() => {
    const height = measured.current?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - rowHeight) > 0.5) setRowHeight(height);
  });
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
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
    <div
      ref={scroller}
      className={styles.scroller}
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={(event) =>
        setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })
      }
    >
      <table className={styles.table} data-testid="grid">
        <thead>
          <tr>
            <th className={styles.head} />
            {header}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * rowHeight }} />}
          {rowsOf(model, first, last).map(({ row, cells }, i) => (
            <tr
              key={row}
              ref={row === selectedRow ? selected : i === 0 ? measured : undefined}
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
          {last < count && <tr aria-hidden="true" style={{ height: (count - last) * rowHeight }} />}
        </tbody>
      </table>
      {model.truncated && <Caption1>…</Caption1>}
    </div>
  );
}

/** Rows `first` to `last` (0-based, end excluded) of the model. */
function rowsOf(model: GridModel, first: number, last: number) {
  const rows: ReturnType<GridModel["row"]>[] = [];
  for (let i = first; i < last; i++) rows.push(model.row(i + 1));
  return rows;
}
