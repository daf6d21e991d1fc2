import { WritePlan } from "../../core/writePlan";
import { columnLetter, columnNumber } from "../../core/text";
import { cellSource, NewCell, newCells, rowsWithValues } from "./cells";
import { writeWidths } from "./cols";
import { writeConditional } from "./conditional";
import { writeDimension } from "./dimension";
import { ElementSpan, SheetSkeleton } from "./skeleton";
import { StyleBook } from "./styles";
import { attr, dropAttr, escapeRegExp, setAttr } from "./xml";

/*
 * A write plan applied to a worksheet's XML text, the rest of the text kept as it was:
 * the result cells go into their rows, the header cells into the header row, widths into
 * `<cols>`, the status colours into one `<conditionalFormatting>`. Nothing else of the
 * sheet is read into memory as objects, so a 100.000-row sheet costs a scan, not a model,
 * and whatever the sheet holds that this code does not know (drawings, validations,
 * extensions) is carried over byte for byte.
 */

/** The two parts a write plan changes, as their new texts. */
export interface PatchedParts {
  sheet: string;
  styles: string;
}

/**
 * The sheet and style sheet with the plan written: the rows patched here; `<dimension>`,
 * `<cols>` and `<conditionalFormatting>` by their own modules, on the parsed elements
 * around the rows. `parts` names the parts in errors.
 */
export function applyPlanToXml(
  sheetXml: string,
  stylesXml: string,
  plan: WritePlan,
  parts = { sheet: "worksheet", styles: "xl/styles.xml" }
): PatchedParts {
  const pieces: string[] = [];
  const patching = patchingSheet(sheetXml, stylesXml, plan, (piece) => pieces.push(piece), parts);
  for (;;) {
    const step = patching.next();
    if (step.done) return { sheet: pieces.join(""), styles: step.value };
  }
}

/**
 * `applyPlanToXml` with the sheet handed to `emit` as it is written, piece by piece (slices
 * of the old text and the new rows), a thousand rows a step: a sheet of 100.000 rows is
 * tens of MB of text, which the writer deflates as it comes rather than holding it, and
 * between steps the writer may wait for its deflater (on other threads) to catch up.
 * Returns the style sheet, grown by the formats the rows needed.
 */
export function* patchingSheet(
  sheetXml: string,
  stylesXml: string,
  plan: WritePlan,
  emit: (piece: string) => void,
  parts = { sheet: "worksheet", styles: "xl/styles.xml" }
): Generator<void, string> {
  const sheet = new SheetSkeleton(sheetXml, parts.sheet);
  const styles = new StyleBook(stylesXml, parts.styles);
  const { data, prefix } = sheet;
  const span = { start: data.start, end: data.end, tag: sheet.tag(data) };
  sheet.edits.add(data.start, data.end, (piece) =>
    writeCells(sheetXml, span, styles, plan, prefix, piece)
  );
  writeDimension(sheet, plan);
  writeWidths(sheet, plan);
  writeConditional(sheet, styles, plan);
  yield* sheet.edits.steps(sheetXml, emit);
  // After the rows: their number formats are in the book now.
  return styles.toXml();
}

/** Rows written between two steps of `patchingSheet`: about 0,4 MB of a results sheet. */
const ROWS_PER_STEP = 1000;

/**
 * The `<sheetData>` element with the result cells, handed to `emit` piece by piece; it
 * stops (yields) every `ROWS_PER_STEP` rows.
 */
function* writeCells(
  text: string,
  data: ElementSpan,
  styles: StyleBook,
  plan: WritePlan,
  p: string,
  emit: (piece: string) => void
): Generator<void, void> {
  const cellsOf = cellSource(plan);
  const needed = rowsWithValues(plan);
  const ours = new Set(plan.columns.map((c) => c.col));
  const firstOurs = Math.min(...ours);
  let copied = data.start;
  let next = 0;
  const insertMissing = (before: number, at: number): void => {
    while (next < needed.length && needed[next] < before) {
      const row = needed[next++];
      const cells = patchRow("", ours, cellsOf(row) ?? [], undefined, row, styles, p);
      emit(text.slice(copied, at));
      emit(`<${p}row r="${row}">${cells}</${p}row>`);
      copied = at;
    }
  };
  if (data.tag.endsWith("/>")) {
    emit(text.slice(copied, data.end - 2));
    emit(">");
    copied = data.end;
    insertMissing(Infinity, data.end);
    emit(`</${p}sheetData>`);
  } else {
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const close = data.end - `</${p}sheetData>`.length;
    let at = text.indexOf(rowOpen, data.start + data.tag.length);
    let previous = 0;
    let written = 0;
    while (at >= 0 && at < close) {
      const tagEnd = text.indexOf(">", at) + 1;
      const tag = text.slice(at, tagEnd);
      const selfClosed = tag.endsWith("/>");
      const end = selfClosed ? tagEnd : text.indexOf(rowClose, tagEnd) + rowClose.length;
      const row = Number(attr(tag, "r")) || previous + 1;
      previous = row;
      insertMissing(row, at);
      if (next < needed.length && needed[next] === row) next++;
      const cells = cellsOf(row);
      if (cells !== null) {
        const inner = selfClosed ? "" : text.slice(tagEnd, end - rowClose.length);
        const rowStyle = attr(tag, "customFormat") === "1" ? attr(tag, "s") : undefined;
        const body = patchRow(inner, ours, cells, rowStyle, row, styles, p, firstOurs);
        let head = dropAttr(tag, "spans");
        if (selfClosed) head = head.slice(0, -2) + ">";
        emit(text.slice(copied, at));
        emit(head);
        emit(body);
        emit(rowClose);
        copied = end;
      }
      at = text.indexOf(rowOpen, end);
      if (++written === ROWS_PER_STEP) {
        written = 0;
        yield;
      }
    }
    insertMissing(Infinity, close);
  }
  emit(text.slice(copied, data.end));
}

/**
 * A row's cells with the result cells put in: cells of other columns kept as they are,
 * in column order; a result cell that was there (an earlier run's) replaced, its style
 * kept as the base of the new number format.
 */
function patchRow(
  inner: string,
  ours: Set<number>,
  cells: NewCell[],
  rowStyle: string | undefined,
  row: number,
  styles: StyleBook,
  p: string,
  firstOurs = Infinity
): string {
  // Most rows end left of the result columns: their cells stay as one slice.
  const last = lastCellColumn(inner, p);
  if (last !== null && last < firstOurs) {
    const tail = tailAfterCells(inner, p);
    const fresh = newCells(cells, new Map(), rowStyle, row, styles, p).join("");
    return inner.slice(0, tail) + fresh + inner.slice(tail);
  }
  const kept: { col: number; xml: string }[] = [];
  const existing = new Map<number, string | undefined>();
  const pattern = new RegExp(`<${escapeRegExp(p)}c(?=[\\s/>])`, "g");
  const close = `</${p}c>`;
  let col = 0;
  let tail = 0;
  for (let found = pattern.exec(inner); found; found = pattern.exec(inner)) {
    const tagEnd = inner.indexOf(">", found.index) + 1;
    const tag = inner.slice(found.index, tagEnd);
    const end = tag.endsWith("/>") ? tagEnd : inner.indexOf(close, tagEnd) + close.length;
    const ref = attr(tag, "r");
    col = ref ? columnNumber(ref.replace(/\d+$/, "")) : col + 1;
    if (ours.has(col)) existing.set(col, attr(tag, "s"));
    // A cell with no address takes its place from the previous one: given one, it keeps it.
    else
      kept.push({
        col,
        xml: ref ? inner.slice(found.index, end) : withRef(inner.slice(found.index, end), row, col),
      });
    pattern.lastIndex = end;
    tail = end;
  }
  const fresh = newCells(cells, existing, rowStyle, row, styles, p);
  const merged: string[] = [];
  let k = 0;
  cells.forEach((cell, i) => {
    while (k < kept.length && kept[k].col < cell.col) merged.push(kept[k++].xml);
    merged.push(fresh[i]);
  });
  while (k < kept.length) merged.push(kept[k++].xml);
  return merged.join("") + inner.slice(tail);
}

/** A cell that had no address, given the one its place in the row implies. */
function withRef(cell: string, row: number, col: number): string {
  const tagEnd = cell.indexOf(">") + 1;
  return setAttr(cell.slice(0, tagEnd), "r", `${columnLetter(col)}${row}`) + cell.slice(tagEnd);
}

/** The column of a row's last cell, or null when it has no address (or no cell). */
function lastCellColumn(inner: string, p: string): number | null {
  const at = inner.lastIndexOf(`<${p}c `);
  if (at < 0) return inner.includes(`<${p}c`) ? null : 0;
  const tag = inner.slice(at, inner.indexOf(">", at) + 1);
  const ref = attr(tag, "r");
  return ref ? columnNumber(ref.replace(/\d+$/, "")) : null;
}

/** Where a row's cells end: a row may close with `<extLst>` after them. */
function tailAfterCells(inner: string, p: string): number {
  const ext = inner.lastIndexOf(`<${p}extLst`);
  return ext >= 0 ? ext : inner.length;
}
