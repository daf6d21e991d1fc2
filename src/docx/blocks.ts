import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { COPIES_LABEL, DraftDocument, NATIONAL_MOTTO } from "../core/draft/document";
import {
  centred,
  centredLines,
  CLOSING_COLUMNS,
  HEADING_COLUMNS,
  NO_BORDERS,
  NO_SIDE_PADDING,
  PARAGRAPH_GAP,
  rule,
  run,
  RunStyle,
  SHORT_LINE,
  SINGLE_LINE,
  SIZE,
  TEXT_WIDTH,
} from "./layout";
import { ascent, textWidth } from "./metrics";

const upper = (text: string): string => text.toLocaleUpperCase("vi-VN");

/** Space above a line of `size` that sets its baseline level with one of `beside` spaced `before`. */
const level = (before: number, size: number, beside: number): number =>
  before + ascent(beside) - ascent(size);

/** A borderless table of two columns, one row a line of paragraphs per cell. */
function twoColumns(widths: readonly number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: NO_SIDE_PADDING,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i], type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.TOP,
                children: children.length > 0 ? children : [new Paragraph({})],
              })
          ),
        })
    ),
  });
}

/** Centred lines with a line under them, `share` of the widest one's length. */
function underlined(
  text: string,
  style: RunStyle,
  room: number,
  share: number
): { lines: string[]; length: number } {
  const lines = centredLines(text, style, room);
  const widest = Math.max(...lines.map((line) => textWidth(line, style.size, style.bold === true)));
  return { lines, length: Math.round(widest * share) };
}

/** The second row's distance from the lines under the first. */
const NUMBER_BEFORE = 120;

/**
 * The heading block (Decree 30, Phụ lục I): the issuer with a short line under it left, the
 * quốc hiệu and the tiêu ngữ with a line as long as it right; then a second row so that
 * `Số: …` and the place and date share a line, the letter's `V/v …` under the number.
 */
export function headingBlock(doc: DraftDocument): Table {
  const h = doc.header;
  const [left, right] = HEADING_COLUMNS;
  const parentStyle = { size: SIZE.heading };
  const bodyStyle = { size: SIZE.heading, bold: true };
  const issuer = underlined(upper(h.issuingBody), bodyStyle, left, SHORT_LINE);
  const issuerCell = [
    ...(h.parentBody
      ? [centred(centredLines(upper(h.parentBody), parentStyle, left), parentStyle)]
      : []),
    centred(issuer.lines, bodyStyle),
    rule(issuer.length, left),
  ];
  const mottoStyle = { size: SIZE.text, bold: true };
  const mottoCell = [
    centred([NATIONAL_MOTTO[0]], { size: SIZE.heading, bold: true }),
    centred([NATIONAL_MOTTO[1]], mottoStyle),
    rule(textWidth(NATIONAL_MOTTO[1], mottoStyle.size, true), right),
  ];
  const numberCell = [
    centred([h.number], { size: SIZE.heading }, level(NUMBER_BEFORE, SIZE.heading, SIZE.text)),
    ...(h.subject
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: PARAGRAPH_GAP, after: 0, ...SINGLE_LINE },
            children: [run(h.subject, { size: SIZE.subject })],
          }),
        ]
      : []),
  ];
  const dateCell = [centred([h.placeDate], { size: SIZE.text, italics: true }, NUMBER_BEFORE)];
  return twoColumns(HEADING_COLUMNS, [
    [issuerCell, mottoCell],
    [numberCell, dateCell],
  ]);
}

/** The trích yếu under the type name: bold, centred, a short line under it. */
export function subtitle(text: string): Paragraph[] {
  const style = { size: SIZE.text, bold: true };
  const { lines, length } = underlined(text, style, TEXT_WIDTH, SHORT_LINE);
  return [centred(lines, style, 0), rule(length, TEXT_WIDTH, 240)];
}

/** `- ` at 11 pt. */
const DASH = textWidth("- ", SIZE.copies, false);
/** Room left above the signer's name for the signature and the seal: 2 cm. */
const SIGNATURE_ROOM = 1134;
/** The closing block's distance from the body. */
const CLOSING_BEFORE = 240;

/**
 * The closing block: Nơi nhận and its list left, flush left; the signer's authority and
 * title right, then room for the signature and the name. Both start on the same line.
 */
export function closingBlock(doc: DraftDocument): Table {
  const copies =
    doc.copies.length === 0
      ? []
      : [
          new Paragraph({
            spacing: {
              before: level(CLOSING_BEFORE, SIZE.copiesLabel, SIZE.text),
              after: 0,
              ...SINGLE_LINE,
            },
            children: [run(COPIES_LABEL, { size: SIZE.copiesLabel, bold: true, italics: true })],
          }),
          ...doc.copies.map(
            (line) =>
              new Paragraph({
                spacing: { before: 0, after: 0, ...SINGLE_LINE },
                // A recipient that wraps continues under its name, not under its dash.
                indent: { left: DASH, hanging: DASH },
                children: [run(line, { size: SIZE.copies })],
              })
          ),
        ];
  const style = { size: SIZE.text, bold: true };
  const signature = [
    ...doc.signature.lines.map((line, i) =>
      centred([upper(line)], style, i === 0 ? CLOSING_BEFORE : 0)
    ),
    centred([doc.signature.name], style, SIGNATURE_ROOM),
  ];
  return twoColumns(CLOSING_COLUMNS, [[copies, signature]]);
}
