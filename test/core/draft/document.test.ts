/**
 * A draft as plain text (docs/rules.md §5): one line a block, bullets with their dash, and never
 * more than one blank line in a row, whatever the templates and settings hold.
 */
import fc from "fast-check";
import {
  Block,
  blockText,
  DraftDocument,
  DraftPart,
  NATIONAL_MOTTO,
  COPIES_LABEL,
  partsText,
  renderText,
} from "../../../src/core/draft/document";
import { blanks } from "../../../src/core/draft/unfilled";

/** The definitions the renderers are held to: lines joined, runs of blank lines cut to one. */
function partsByDefinition(parts: DraftPart[]): string {
  return parts
    .map((part) => part.blocks.map(blockText).join("\n"))
    .filter((text) => text !== "")
    .join("\n");
}

function renderByDefinition(doc: DraftDocument): string {
  const h = doc.header;
  const head = [
    h.parentBody,
    h.issuingBody,
    h.number,
    h.subject,
    "",
    ...NATIONAL_MOTTO,
    h.placeDate,
    "",
  ];
  const lines = head.filter((line): line is string => line !== undefined);
  const copies = doc.copies.length > 0 ? [COPIES_LABEL, ...doc.copies, ""] : [];
  const signature = ["", ...copies, ...doc.signature.lines, "", doc.signature.name];
  return (
    [...lines, partsByDefinition(doc.parts), ...signature].join("\n").replace(/\n{3,}/g, "\n\n") +
    "\n"
  );
}

const line = fc.oneof(
  fc.constantFrom("", "\n", "\n\n", "a\n\n\nb", "- y", "+ z", "• w", "x\n", "\n\n\n\n"),
  fc.string({ maxLength: 6 })
);
const block: fc.Arbitrary<Block> = fc.record({
  style: fc.constantFrom("title", "paragraph", "bullet", "note"),
  text: line,
});
const part: fc.Arbitrary<DraftPart> = fc.record({
  id: fc.constant("part"),
  blocks: fc.array(block, { maxLength: 4 }),
});
const doc: fc.Arbitrary<DraftDocument> = fc.record({
  kind: fc.constant("plan"),
  header: fc.record({
    parentBody: fc.option(line, { nil: undefined }),
    issuingBody: line,
    number: line,
    subject: fc.option(line, { nil: undefined }),
    placeDate: line,
  }),
  parts: fc.array(part, { maxLength: 5 }),
  copies: fc.array(line, { maxLength: 3 }),
  signature: fc.record({ lines: fc.array(line, { maxLength: 3 }), name: line }),
  errors: fc.constant([]),
});

describe("renderText and partsText", () => {
  it("print a bullet with its dash, and one the text already marks as it is", () => {
    const parts: DraftPart[] = [
      {
        id: "a",
        blocks: [
          { style: "bullet", text: "Một" },
          { style: "bullet", text: "- Hai" },
          { style: "paragraph", text: "Ba" },
        ],
      },
      { id: "empty", blocks: [] },
    ];
    expect(partsText(parts)).toBe("- Một\n- Hai\nBa");
  });

  it("give the lines joined, with runs of blank lines cut to one", () => {
    fc.assert(
      fc.property(doc, (d) => renderText(d) === renderByDefinition(d)),
      { numRuns: 3000 }
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (p) => partsText(p) === partsByDefinition(p)),
      { numRuns: 2000 }
    );
  });
});

describe("the blanks of a draft", () => {
  // Texts with marks to fill, broken ones and line breaks among them.
  const marked = fc.oneof(
    line,
    fc.constantFrom("[Họ và tên]", "[…]", "a [x] b [y]", "[a\nb]", "[", "]", "[]", "- [z];"),
    fc
      .array(fc.constantFrom("[", "]", "x", " ", "\n", "[…]"), { maxLength: 8 })
      .map((a) => a.join(""))
  );
  const markedBlock: fc.Arbitrary<Block> = fc.record({
    style: fc.constantFrom("paragraph", "bullet", "note"),
    text: marked,
  });
  const markedPart: fc.Arbitrary<DraftPart> = fc.record({
    id: fc.constant("part"),
    blocks: fc.array(markedBlock, { maxLength: 4 }),
  });
  const markedDoc: fc.Arbitrary<DraftDocument> = fc.record({
    kind: fc.constant("plan"),
    header: fc.record({
      parentBody: fc.option(marked, { nil: undefined }),
      issuingBody: marked,
      number: marked,
      subject: fc.option(marked, { nil: undefined }),
      placeDate: marked,
    }),
    parts: fc.array(markedPart, { maxLength: 4 }),
    copies: fc.array(marked, { maxLength: 3 }),
    signature: fc.record({ lines: fc.array(marked, { maxLength: 2 }), name: marked }),
    appendices: fc.array(markedPart, { maxLength: 2 }),
    errors: fc.constant([]),
  });
  const MARK = /\[[^\]\n]{1,120}\]/g;

  it("are the marks of the whole printed text but the notes', once each, in reading order", () => {
    fc.assert(
      fc.property(markedDoc, (d) => {
        const withoutNotes = (parts: DraftPart[]) =>
          parts.map((p) => ({ ...p, blocks: p.blocks.filter((b) => b.style !== "note") }));
        const rest = { ...d, parts: withoutNotes(d.parts) };
        const expected = [...new Set(renderText(rest).match(MARK) ?? [])];
        const found = blanks(d).flatMap((b) => (b.kind === "mark" ? [b.text] : []));
        return JSON.stringify(found) === JSON.stringify(expected);
      }),
      { numRuns: 3000 }
    );
  });
});
