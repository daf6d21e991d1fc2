import {
  AlignmentType,
  BorderStyle,
  IBorderOptions,
  IIndentAttributesProperties,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { Block, blockText, DraftPart, DraftTable } from "../core/draft/document";
import { subtitle } from "./blocks";
import {
  BLACK,
  BODY_LINE,
  FIRST_LINE,
  PARAGRAPH_GAP,
  run,
  SINGLE_LINE,
  SIZE,
  TEXT_WIDTH,
} from "./layout";
import { textWidth } from "./metrics";

/** Where `Kính gửi:` starts: 2 cm in, as Mẫu 1.5 sets it off from the body. */
const ADDRESSEE_INDENT = 1134;

const KEEP = new Set<Block["style"]>(["title", "subtitle", "heading", "subheading", "addressee"]);

/** Space above a block beyond the 6 pt every paragraph leaves below it. */
const BEFORE: Partial<Record<Block["style"], number>> = {
  title: 360,
  heading: 120,
  addressee: 360,
};

/** Where a paragraph sits among its neighbours. */
interface Context {
  afterTable: boolean;
  /** A paragraph that a table follows: it introduces the table, and stays on its page. */
  beforeTable: boolean;
  /** Where the last `Kính gửi:` has its colon, for the recipients' dashes. */
  colon: number;
  /** The body's last paragraph, which goes with the signature. */
  last: boolean;
}

/** `Kính gửi: Sở Y tế.` as its label (`Kính gửi`) and the recipient on its line, if any. */
function addressee(text: string): { label: string; rest: string } {
  const colon = text.indexOf(":");
  return colon < 0
    ? { label: text, rest: "" }
    : { label: text.slice(0, colon), rest: text.slice(colon + 1).trim() };
}

/**
 * Where a block's lines start. Under `Kính gửi:` each recipient's dash sits under the colon
 * (Decree 30, Phụ lục I); one recipient shares the line and wraps under its own name.
 */
function indent(block: Block, context: Context): IIndentAttributesProperties {
  if (block.style === "addressee") {
    const { label, rest } = addressee(block.text);
    if (rest === "") return { left: ADDRESSEE_INDENT };
    const width = textWidth(`${label}: `, SIZE.text, false);
    return { left: ADDRESSEE_INDENT + width, hanging: width };
  }
  if (block.style === "recipient") {
    const dash = textWidth("- ", SIZE.text, false);
    return { left: context.colon + dash, hanging: dash };
  }
  return { firstLine: FIRST_LINE };
}

function paragraph(block: Block, context: Context): Paragraph {
  const style = block.style;
  const centred = style === "title";
  return new Paragraph({
    alignment: centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: centred ? undefined : indent(block, context),
    spacing: {
      before: Math.max(BEFORE[style] ?? 0, context.afterTable ? PARAGRAPH_GAP : 0),
      after: PARAGRAPH_GAP,
      ...BODY_LINE,
    },
    keepNext: KEEP.has(style) || context.last || context.beforeTable || undefined,
    keepLines: KEEP.has(style) || context.last || undefined,
    children: [
      run(style === "title" ? block.text.toLocaleUpperCase("vi-VN") : blockText(block), {
        size: SIZE.text,
        bold: style === "title" || style === "heading" || style === "subheading",
        italics: style === "note",
      }),
    ],
  });
}

const HAIRLINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const GRID = {
  top: HAIRLINE,
  bottom: HAIRLINE,
  left: HAIRLINE,
  right: HAIRLINE,
  insideHorizontal: HAIRLINE,
  insideVertical: HAIRLINE,
};
/** Word's default cell padding, left and right. */
const PADDING = 108;

const ALIGN = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

/**
 * Column widths filling the text width: each column gets at least its longest word, and the
 * rest goes to the columns whose cells (the header's aside) would wrap, in proportion to
 * how much of them would.
 */
function columnWidths(table: DraftTable): number[] {
  const rows = [table.header, ...table.rows, ...(table.total ? [table.total] : [])];
  const count = Math.max(...rows.map((row) => row.length));
  const least: number[] = Array(count).fill(0);
  const most: number[] = Array(count).fill(0);
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      // 5% over the estimate: a renderer's own font may be a little wider than the metrics.
      const width = (text: string): number =>
        Math.ceil(textWidth(text, SIZE.table, true) * 1.05) + 2 * PADDING;
      const longestWord = Math.max(...cell.split(/\s+/).map(width));
      least[c] = Math.max(least[c], longestWord);
      // A header may wrap onto a few lines; the figures and names under it should not.
      most[c] = Math.max(most[c], r === 0 ? longestWord : width(cell));
    })
  );
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const spare = TEXT_WIDTH - sum(least);
  const wanted = sum(most) - sum(least);
  const widths =
    spare <= 0
      ? least.map((w) => (w * TEXT_WIDTH) / sum(least))
      : wanted <= spare
        ? most.map((w) => (w * TEXT_WIDTH) / sum(most))
        : least.map((w, c) => w + ((most[c] - w) * spare) / wanted);
  const rounded = widths.map(Math.floor);
  rounded[count - 1] += TEXT_WIDTH - sum(rounded);
  return rounded;
}

/**
 * A table of figures: single 0,5 pt rules at the text width, 13 pt; the header row bold,
 * centred and repeated on every page, the totals row bold.
 */
function dataTable(table: DraftTable): Table {
  const widths = columnWidths(table);
  const row = (cells: string[], kind: "header" | "body" | "total"): TableRow =>
    new TableRow({
      // No `cantSplit`: LibreOffice drops the body rows of a table whose rows carry it
      // when the table starts at the foot of a page (seen with the sample's districts).
      tableHeader: kind === "header" ? true : undefined,
      cantSplit: kind === "header" ? true : undefined,
      children: widths.map(
        (width, c) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            verticalAlign: kind === "header" ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
            children: [
              new Paragraph({
                alignment:
                  kind === "header" ? AlignmentType.CENTER : ALIGN[table.align[c] ?? "left"],
                spacing: { before: 40, after: 40, ...SINGLE_LINE },
                children: [run(cells[c] ?? "", { size: SIZE.table, bold: kind !== "body" })],
              }),
            ],
          })
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      row(table.header, "header"),
      ...table.rows.map((cells) => row(cells, "body")),
      ...(table.total ? [row(table.total, "total")] : []),
    ],
  });
}

/**
 * The body: every block of every part, in order; a block with no text leaves no gap. The last
 * paragraph is kept with the closing block, so the signature never stands on a page alone.
 */
export function body(parts: readonly DraftPart[]): (Paragraph | Table)[] {
  const blocks = parts
    .flatMap((part) => part.blocks)
    .filter((block) => (block.style === "table" && block.table) || blockText(block) !== "");
  const out: (Paragraph | Table)[] = [];
  const context: Context = {
    afterTable: false,
    beforeTable: false,
    colon: ADDRESSEE_INDENT,
    last: false,
  };
  blocks.forEach((block, i) => {
    if (block.style === "table" && block.table) {
      out.push(dataTable(block.table));
      context.afterTable = true;
      return;
    }
    if (block.style === "addressee")
      context.colon = ADDRESSEE_INDENT + textWidth(addressee(block.text).label, SIZE.text, false);
    context.last = i === blocks.length - 1;
    // The sentence that introduces a table (`…; cụ thể:`) goes with the table.
    context.beforeTable = blocks[i + 1]?.style === "table";
    if (block.style === "subtitle") out.push(...subtitle(block.text));
    else out.push(paragraph(block, context));
    context.afterTable = false;
  });
  return out;
}
