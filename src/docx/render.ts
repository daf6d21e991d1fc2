import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { Block, blockText, DraftDocument, NATIONAL_MOTTO } from "../core/draft/document";

/**
 * A draft as a Word document laid out as a Vietnamese administrative text (Decree
 * 30/2020/NĐ-CP): Times New Roman 14, justified body with a first-line indent, and the
 * heading block in two columns (issuing body and number left, national motto and date right).
 */
const FONT = "Times New Roman";
const SIZE = 28; // half-points: 14 pt
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

function line(
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number } = {}
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({
        text,
        font: FONT,
        size: options.size ?? 26,
        bold: options.bold,
        italics: options.italics,
      }),
    ],
  });
}

function headingBlock(doc: DraftDocument): Table {
  const h = doc.header;
  const left = [
    line(h.issuingBody, { bold: !h.unit }),
    ...(h.unit ? [line(h.unit, { bold: true })] : []),
    line(h.number),
    ...(h.subject ? [line(h.subject, { size: 24 })] : []),
  ];
  const right = [
    line(NATIONAL_MOTTO[0], { bold: true }),
    line(NATIONAL_MOTTO[1], { bold: true, size: 28 }),
    line(h.placeDate, { italics: true }),
  ];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
  });
}

function paragraph(block: Block): Paragraph {
  const centred = block.style === "title" || block.style === "subtitle";
  const bold =
    block.style === "title" ||
    block.style === "subtitle" ||
    block.style === "heading" ||
    block.style === "subheading";
  return new Paragraph({
    alignment: centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: centred ? undefined : { firstLine: 567 }, // 1 cm
    spacing: { before: block.style === "title" ? 240 : 60, after: 60, line: 300 },
    children: [
      new TextRun({
        text: blockText(block),
        font: FONT,
        size: SIZE,
        bold,
        italics: block.style === "note",
      }),
    ],
  });
}

/** Builds the .docx bytes of a draft. */
export async function renderDocx(doc: DraftDocument): Promise<Uint8Array> {
  const body = doc.parts.flatMap((part) => part.blocks.map(paragraph));
  const signature = [
    new Paragraph({ text: "" }),
    ...doc.signer.map(
      (text) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ text, font: FONT, size: SIZE, bold: true })],
        })
    ),
    new Paragraph({ text: "" }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: doc.signerName, font: FONT, size: SIZE, bold: true })],
    }),
  ];
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [headingBlock(doc), ...body, ...signature],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
