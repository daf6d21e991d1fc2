import {
  AlignmentType,
  Document,
  Header,
  NumberFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from "docx";
import { DraftDocument } from "../core/draft/document";
import { body } from "./body";
import { closingBlock, headingBlock } from "./blocks";
import { BLACK, FONT, MARGIN, PAGE, SIZE } from "./layout";

/**
 * Page numbers in the top margin, centred, 14 pt; none on page 1, which gets a header of its
 * own (Word's "different first page") left empty.
 */
function headers(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.text })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({})] }),
  };
}

const PAGE_SETUP = {
  page: {
    size: { ...PAGE, orientation: PageOrientation.PORTRAIT },
    margin: MARGIN,
    pageNumbers: { formatType: NumberFormat.DECIMAL },
  },
};

/**
 * A draft as a Word document laid out as Decree 30/2020/NĐ-CP, Phụ lục I, has it: the heading
 * block, the body, then Nơi nhận beside the signature, in Times New Roman on A4.
 */
export async function renderDocx(doc: DraftDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: "Chỉ tiêu",
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.text, color: BLACK, language: { value: "vi-VN" } },
        },
      },
    },
    sections: [
      {
        properties: { ...PAGE_SETUP, titlePage: true },
        headers: headers(),
        children: [headingBlock(doc), ...body(doc.parts), closingBlock(doc)],
      },
      // Appendices start on a page of their own, numbered on from the document.
      ...(doc.appendices ?? [])
        .filter((appendix) => appendix.blocks.length > 0)
        .map((appendix) => ({
          properties: PAGE_SETUP,
          headers: headers(),
          children: body([appendix]),
        })),
    ],
  });
  // An ArrayBuffer, not a Node Buffer: the same renderer runs in the pane.
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
