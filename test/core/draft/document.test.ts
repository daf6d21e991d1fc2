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
  documentLines,
  NATIONAL_MOTTO,
  COPIES_LABEL,
  partsText,
  renderText,
  writeText,
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

/** Parts of blocks whose texts come from `text`. */
function partsOf(text: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<DraftPart[]> {
  const block: fc.Arbitrary<Block> = fc.record({
    style: fc.constantFrom("title", "paragraph", "bullet", "note"),
    text,
  });
  const part: fc.Arbitrary<DraftPart> = fc.record({
    id: fc.constant("part"),
    blocks: fc.array(block, { maxLength: 4 }),
  });
  return fc.array(part, { maxLength });
}

/** Documents whose every text comes from `text`; with appendices when asked. */
function documentsOf(text: fc.Arbitrary<string>, appendices = false): fc.Arbitrary<DraftDocument> {
  return fc.record({
    kind: fc.constant("plan"),
    header: fc.record({
      parentBody: fc.option(text, { nil: undefined }),
      issuingBody: text,
      number: text,
      subject: fc.option(text, { nil: undefined }),
      placeDate: text,
    }),
    parts: partsOf(text, 5),
    copies: fc.array(text, { maxLength: 3 }),
    signature: fc.record({ lines: fc.array(text, { maxLength: 3 }), name: text }),
    appendices: appendices ? partsOf(text, 2) : fc.constant(undefined),
    errors: fc.constant([]),
  });
}

const doc = documentsOf(line);

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
      fc.property(partsOf(line, 6), (p) => partsText(p) === partsByDefinition(p)),
      { numRuns: 2000 }
    );
  });

  it("give the same text as lines, none with a break of its own", () => {
    fc.assert(
      fc.property(doc, (d) => {
        const lines = documentLines(d);
        return (
          lines.join("\n") + "\n" === renderByDefinition(d) && !lines.some((l) => l.includes("\n"))
        );
      }),
      { numRuns: 3000 }
    );
  });

  it("hand a writer the same text in pieces", () => {
    fc.assert(
      fc.property(doc, (d) => {
        const pieces: string[] = [];
        writeText(d, (piece) => pieces.push(piece));
        return pieces.join("") === renderByDefinition(d);
      }),
      { numRuns: 3000 }
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
  const markedDoc = documentsOf(marked, true);
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
