/**
 * A draft as plain data: parts (one per agency where that matters) of styled blocks.
 * Renderers turn it into text for a paste into Word, or into a .docx.
 */
export type BlockStyle =
  "title" | "subtitle" | "heading" | "subheading" | "paragraph" | "bullet" | "note";

export interface Block {
  style: BlockStyle;
  text: string;
}

export interface DraftPart {
  /** `intro`, `section1`, `agency:Sở Y tế`, `closing`... */
  id: string;
  /** The agency this part assigns work to, for a per-agency copy. */
  agency?: string;
  blocks: Block[];
}

/** The heading block of a Vietnamese administrative document. */
export interface DocumentHeader {
  issuingBody: string;
  unit?: string;
  number: string;
  /** `V/v ...` under the number, for a letter. */
  subject?: string;
  placeDate: string;
}

export interface DraftDocument {
  kind: "plan" | "letter";
  header: DocumentHeader;
  parts: DraftPart[];
  signer: string[];
  signerName: string;
  /** Template problems met while drafting (defaults were used instead). */
  errors: string[];
}

export const NATIONAL_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

/** One block as a line of text: bullets keep their dash so numbering survives a paste. */
export function blockText(block: Block): string {
  return block.style === "bullet" && !/^[-+•]/.test(block.text) ? `- ${block.text}` : block.text;
}

/** The text of some parts, one paragraph per line. */
export function partsText(parts: DraftPart[]): string {
  return parts
    .map((part) => part.blocks.map(blockText).join("\n"))
    .filter((text) => text !== "")
    .join("\n");
}

/** The whole document as plain text: heading block, body, signature. */
export function renderText(doc: DraftDocument): string {
  const h = doc.header;
  const head = [
    h.issuingBody,
    h.unit,
    h.number,
    h.subject,
    "",
    ...NATIONAL_MOTTO,
    h.placeDate,
    "",
  ].filter((line): line is string => line !== undefined);
  const signature = ["", ...doc.signer, "", doc.signerName];
  return [...head, partsText(doc.parts), ...signature].join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}
