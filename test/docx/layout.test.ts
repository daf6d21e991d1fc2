/**
 * The drafts' layout against DOCUMENTS.md §1 (Decree 30/2020/NĐ-CP, Phụ lục I), read back
 * from the .docx the renderer writes for the bundled sample: a test per rule.
 */
import path from "path";
import { draft } from "../../src/core/draft";
import {
  Block,
  blockText,
  COPIES_LABEL,
  DraftDocument,
  DraftTable,
  NATIONAL_MOTTO,
} from "../../src/core/draft/document";
import { Workbook } from "../../src/cli/workbook";
import { renderDocx } from "../../src/docx/render";
import { ascent, textWidth } from "../../src/docx/metrics";
import {
  align,
  all,
  attr,
  cells,
  columns,
  flat,
  indent,
  isBorderless,
  isRule,
  keeps,
  kid,
  kids,
  lines,
  look,
  MM,
  on,
  openPackage,
  Package,
  paragraphLook,
  paragraphs,
  relId,
  room,
  rows,
  rule,
  spacing,
  tableBorders,
  text,
} from "./ooxml";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "samples", "chi-tieu-2024.xlsx");
const FONT = "Times New Roman";
const A4 = { width: 11906, height: 16838 };

const upper = (s: string): string => s.toLocaleUpperCase("vi-VN");
/** Within [low, high] millimetres, a twip of rounding allowed. */
const withinMm = (twips: number, low: number, high: number): boolean =>
  twips >= low * MM - 1 && twips <= high * MM + 1;
const halfPoints = (pt: number): number => pt * 2;

interface Drafted {
  doc: DraftDocument;
  pkg: Package;
}

type Kind = DraftDocument["kind"];
const rendered = new Map<Kind, Drafted>();

/** The sample's plan or letter, drafted and rendered once for all the tests. */
function drafted(kind: Kind): Drafted {
  const found = rendered.get(kind);
  if (!found) throw new Error(`the ${kind} was not rendered`);
  return found;
}

beforeAll(async () => {
  const workbook = await Workbook.open(SAMPLE);
  const report = await workbook.compute(undefined, {});
  for (const kind of ["plan", "letter"] as const) {
    const doc = draft(report, { kind });
    rendered.set(kind, { doc, pkg: openPackage(await renderDocx(doc)) });
  }
});

/** The width between the page margins, as the section sets them. */
const pageTextWidth = (body: Element): number => {
  const sect = kid(body, "sectPr");
  const size = kid(sect, "pgSz");
  const margin = kid(sect, "pgMar");
  return Number(attr(size, "w")) - Number(attr(margin, "left")) - Number(attr(margin, "right"));
};

/** The body's blocks that print a paragraph, in order, with the paragraph each prints. */
function blockParagraphs({ doc, pkg }: Drafted): { block: Block; p: Element }[] {
  const blocks = doc.parts
    .flatMap((part) => part.blocks)
    .filter((block) => block.style !== "table" && blockText(block) !== "");
  const ps = kids(pkg.body, "p").filter((p) => !isRule(p));
  const expected = blocks.map((b) => (b.style === "title" ? upper(b.text) : blockText(b)));
  expect(ps.map(flat)).toEqual(expected);
  return blocks.map((block, i) => ({ block, p: ps[i] }));
}

/** Where a paragraph's first baseline sits under the top of its cell. */
const baseline = (p: Element): number =>
  spacing(p).before + ascent(halfPoints(paragraphLook(p).size));

/** The widest printed line of a paragraph, as the renderer and the reader both measure it. */
function widest(p: Element): number {
  const { size, bold } = paragraphLook(p);
  return Math.max(...lines(p).map((line) => textWidth(line, halfPoints(size), bold)));
}

describe.each(["plan", "letter"] as const)("the %s", (kind) => {
  const d = (): Drafted => drafted(kind);
  const headingTable = (): Element => kids(d().pkg.body, "tbl")[0];
  const closingTable = (): Element => {
    const tables = kids(d().pkg.body, "tbl");
    return tables[tables.length - 1];
  };

  describe("page", () => {
    it("is A4 portrait, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm", () => {
      const sect = kid(d().pkg.body, "sectPr");
      const size = kid(sect, "pgSz");
      expect([attr(size, "w"), attr(size, "h")]).toEqual([`${A4.width}`, `${A4.height}`]);
      expect(attr(size, "orient") ?? "portrait").toBe("portrait");
      const margin = (side: string): number => Number(attr(kid(sect, "pgMar"), side));
      expect(withinMm(margin("top"), 20, 25)).toBe(true);
      expect(withinMm(margin("bottom"), 20, 25)).toBe(true);
      expect(withinMm(margin("left"), 30, 35)).toBe(true);
      expect(withinMm(margin("right"), 15, 20)).toBe(true);
    });

    it("sets Times New Roman in black, by default and on every run", () => {
      const defaults = all(d().pkg.part("word/styles.xml"), "rPrDefault")[0];
      const fonts = all(defaults, "rFonts")[0];
      expect([attr(fonts, "ascii"), attr(fonts, "hAnsi"), attr(fonts, "cs")]).toEqual([
        FONT,
        FONT,
        FONT,
      ]);
      expect(attr(all(defaults, "color")[0])).toBe("000000");
      const parts = ["word/document.xml", "word/header1.xml", "word/header2.xml"];
      const runs = parts.flatMap((name) => all(d().pkg.part(name), "r"));
      expect(runs.length).toBeGreaterThan(20);
      for (const run of runs) {
        for (const f of all(run, "rFonts"))
          for (const a of ["ascii", "hAnsi", "cs", "eastAsia"])
            expect([null, FONT]).toContain(attr(f, a));
        for (const c of all(run, "color")) expect(["000000", "auto"]).toContain(attr(c));
      }
    });

    it("numbers the pages from page 2: centred 13–14 pt Arabic page numbers in the header, none on page 1", () => {
      const { pkg } = d();
      const sect = kid(pkg.body, "sectPr");
      expect(on(kid(sect, "titlePg"))).toBe(true);
      expect(attr(kid(sect, "pgNumType"), "fmt") ?? "decimal").toBe("decimal");
      const header = (type: string): Document => {
        const ref = kids(sect, "headerReference").find((h) => attr(h, "type") === type);
        if (!ref) throw new Error(`no ${type} header`);
        return pkg.part(pkg.target(relId(ref) ?? ""));
      };
      const first = header("first");
      expect(
        all(first, "t")
          .map((t) => t.textContent)
          .join("")
      ).toBe("");
      expect(all(first, "instrText").length + all(first, "fldSimple").length).toBe(0);
      const numbered = header("default");
      const fields = all(numbered, "instrText").map((i) => (i.textContent ?? "").trim());
      expect(fields).toEqual(["PAGE"]);
      const p = all(numbered, "p")[0];
      expect(align(p)).toBe("center");
      for (const run of all(p, "r")) {
        const { size, italic, font } = look(run);
        expect(size).toBeGreaterThanOrEqual(13);
        expect(size).toBeLessThanOrEqual(14);
        expect(italic).toBe(false);
        expect(font).toBe(FONT);
      }
      // One header for odd and even pages alike.
      const settings = pkg.part("word/settings.xml");
      expect(all(settings, "evenAndOddHeaders").every((e) => !on(e))).toBe(true);
    });
  });

  describe("heading block", () => {
    it("is a borderless table of two columns across the text width, in two rows", () => {
      const tbl = headingTable();
      expect(d().pkg.body.firstElementChild).toBe(tbl);
      expect(isBorderless(tbl)).toBe(true);
      expect(columns(tbl)).toHaveLength(2);
      expect(columns(tbl).reduce((a, b) => a + b)).toBe(pageTextWidth(d().pkg.body));
      expect(rows(tbl)).toHaveLength(2);
    });

    it("sets the issuer left: the parent body upright, the issuing body bold, upper case, 12–13 pt, centred, each line within the column", () => {
      const { doc } = d();
      const tbl = headingTable();
      const cell = cells(rows(tbl)[0])[0];
      const ps = paragraphs(cell).filter((p) => !isRule(p));
      const expected = [doc.header.parentBody, doc.header.issuingBody].filter(
        (t): t is string => t !== undefined
      );
      expect(ps.map(flat)).toEqual(expected.map(upper));
      ps.forEach((p, i) => {
        const { size, bold, italic } = paragraphLook(p);
        expect(size).toBeGreaterThanOrEqual(12);
        expect(size).toBeLessThanOrEqual(13);
        expect({ bold, italic }).toEqual({ bold: i === ps.length - 1, italic: false });
        expect(align(p)).toBe("center");
        expect(widest(p)).toBeLessThanOrEqual(room(tbl, 0));
      });
    });

    it("draws a solid line under the issuing body, centred, 1/3 to 1/2 as long as its text", () => {
      const tbl = headingTable();
      const ps = paragraphs(cells(rows(tbl)[0])[0]);
      const body = ps.findIndex((p) => flat(p) === upper(d().doc.header.issuingBody));
      const line = ps[body + 1];
      expect(isRule(line)).toBe(true);
      const { style, length } = rule(line, room(tbl, 0));
      expect(style).toBe("single");
      expect(Math.abs(indent(line).left - indent(line).right)).toBeLessThanOrEqual(1);
      const share = length / widest(ps[body]);
      expect(share).toBeGreaterThanOrEqual(1 / 3);
      expect(share).toBeLessThanOrEqual(1 / 2);
    });

    it("sets the quốc hiệu right, bold 12–13 pt, on one line in a column wide enough for it", () => {
      const tbl = headingTable();
      const p = paragraphs(cells(rows(tbl)[0])[1])[0];
      expect(text(p)).toBe(NATIONAL_MOTTO[0]);
      const { size, bold } = paragraphLook(p);
      expect(bold).toBe(true);
      expect(size).toBeGreaterThanOrEqual(12);
      expect(size).toBeLessThanOrEqual(13);
      // With a few per cent to spare for the word processors' rounding...
      expect(textWidth(NATIONAL_MOTTO[0], halfPoints(size), true)).toBeLessThanOrEqual(
        room(tbl, 1) * 0.97
      );
      // ...and by the rule of thumb: bold capitals ≈ 0,68 em, a space 0,25 em.
      const em = [...NATIONAL_MOTTO[0]].reduce((sum, c) => sum + (c === " " ? 0.25 : 0.68), 0);
      expect(em * size * 20).toBeLessThanOrEqual(room(tbl, 1));
    });

    it("sets the tiêu ngữ under it, bold 13–14 pt, centred, with a solid line as long as the text", () => {
      const tbl = headingTable();
      const ps = paragraphs(cells(rows(tbl)[0])[1]);
      expect(text(ps[1])).toBe(NATIONAL_MOTTO[1]);
      const { size, bold } = paragraphLook(ps[1]);
      expect(bold).toBe(true);
      expect(size).toBeGreaterThanOrEqual(13);
      expect(size).toBeLessThanOrEqual(14);
      expect(align(ps[1])).toBe("center");
      expect(isRule(ps[2])).toBe(true);
      const { style, length } = rule(ps[2], room(tbl, 1));
      expect(style).toBe("single");
      const width = textWidth(NATIONAL_MOTTO[1], halfPoints(size), true);
      expect(Math.abs(length - width)).toBeLessThanOrEqual(width * 0.01);
    });

    it("puts Số (13 pt upright) and the place and date (13–14 pt italic) level on the second row, centred", () => {
      const { doc } = d();
      const [top, second] = rows(headingTable());
      const numbers = (row: Element): string[] =>
        cells(row)
          .flatMap(paragraphs)
          .map(flat)
          .filter((t) => t.startsWith("Số:"));
      expect(numbers(top)).toEqual([]);
      const [left, right] = cells(second).map((c) => paragraphs(c)[0]);
      expect(flat(left)).toBe(doc.header.number);
      expect(paragraphLook(left)).toMatchObject({ size: 13, bold: false, italic: false });
      expect(flat(right)).toBe(doc.header.placeDate);
      const date = paragraphLook(right);
      expect(date.italic).toBe(true);
      expect(date.size).toBeGreaterThanOrEqual(13);
      expect(date.size).toBeLessThanOrEqual(14);
      expect([align(left), align(right)]).toEqual(["center", "center"]);
      expect(Math.abs(baseline(left) - baseline(right))).toBeLessThanOrEqual(1);
    });
  });

  describe("body", () => {
    it("sets every block 13–14 pt, at least 6 pt from the next, line spacing from single to 1,5", () => {
      for (const { p } of blockParagraphs(d())) {
        const { size } = paragraphLook(p);
        expect(size).toBeGreaterThanOrEqual(13);
        expect(size).toBeLessThanOrEqual(14);
        const s = spacing(p);
        expect(s.rule).toBe("auto");
        expect(s.line).toBeGreaterThanOrEqual(240);
        expect(s.line).toBeLessThanOrEqual(360);
        // A line drawn under a block belongs to it: the space comes after the line.
        const next = p.nextElementSibling;
        const after = next && isRule(next) ? spacing(next).after : s.after;
        expect(Math.max(after, next ? spacing(next).before : 0)).toBeGreaterThanOrEqual(120);
      }
    });

    it("justifies the text with a first-line indent of 1–1,27 cm", () => {
      const text = blockParagraphs(d()).filter(({ block }) =>
        ["paragraph", "bullet", "note", "heading", "subheading"].includes(block.style)
      );
      expect(text.length).toBeGreaterThan(5);
      for (const { p } of text) {
        expect(align(p)).toBe("both");
        const { left, firstLine } = indent(p);
        expect(left).toBe(0);
        expect(firstLine).toBeGreaterThanOrEqual(567);
        expect(firstLine).toBeLessThanOrEqual(720);
      }
    });

    it("sets headings bold, notes italic and the rest upright", () => {
      for (const { block, p } of blockParagraphs(d())) {
        const { bold, italic } = paragraphLook(p);
        expect({ style: block.style, bold, italic }).toEqual({
          style: block.style,
          bold: ["title", "subtitle", "heading", "subheading"].includes(block.style),
          italic: block.style === "note",
        });
      }
    });

    it("keeps every heading, and Kính gửi, with what follows it", () => {
      const headings = blockParagraphs(d()).filter(({ block }) =>
        ["title", "subtitle", "heading", "subheading", "addressee"].includes(block.style)
      );
      expect(headings.length).toBeGreaterThan(0);
      for (const { p } of headings) expect(keeps(p)).toEqual({ next: true, lines: true });
    });
  });

  describe("closing block", () => {
    it("is a borderless table of two columns across the text width, after the body, Nơi nhận level with the signer's first line", () => {
      const { doc, pkg } = d();
      const tbl = closingTable();
      expect(tbl.nextElementSibling?.localName).toBe("sectPr");
      expect(isBorderless(tbl)).toBe(true);
      expect(columns(tbl).reduce((a, b) => a + b)).toBe(pageTextWidth(pkg.body));
      expect(rows(tbl)).toHaveLength(1);
      const [left, right] = cells(rows(tbl)[0]).map((c) => paragraphs(c)[0]);
      expect(text(left)).toBe(COPIES_LABEL);
      expect(text(right)).toBe(upper(doc.signature.lines[0]));
      expect(Math.abs(baseline(left) - baseline(right))).toBeLessThanOrEqual(1);
    });

    it("keeps the body's last paragraph with it, so the signature never stands alone on a page", () => {
      const last = closingTable().previousElementSibling;
      if (!last || last.localName !== "p") throw new Error("no paragraph before the closing block");
      expect(text(last)).not.toBe("");
      expect(keeps(last)).toEqual({ next: true, lines: true });
    });

    it("sets Nơi nhận 12 pt bold italic flush left, then the copies 11 pt upright, one a line, ending `- Lưu: VT, ….`", () => {
      const { doc } = d();
      const [label, ...copies] = paragraphs(cells(rows(closingTable())[0])[0]);
      expect(paragraphLook(label)).toMatchObject({ size: 12, bold: true, italic: true });
      expect(["left", "start"]).toContain(align(label));
      expect(indent(label).start).toBe(0);
      expect(copies.map(text)).toEqual(doc.copies);
      expect(copies.length).toBeGreaterThanOrEqual(2);
      copies.forEach((p, i) => {
        expect(paragraphLook(p)).toMatchObject({ size: 11, bold: false, italic: false });
        expect(["left", "start"]).toContain(align(p));
        expect(indent(p).start).toBe(0);
        expect(text(p)).toMatch(i === copies.length - 1 ? /^- Lưu: VT, .+\.$/ : /^- .+;$/);
      });
    });

    it("signs in bold, 13–14 pt, centred: authority and title upper case, room for the signature, the name last", () => {
      const { doc } = d();
      const ps = paragraphs(cells(rows(closingTable())[0])[1]);
      const printed = ps.filter((p) => text(p) !== "");
      expect(printed.map(text)).toEqual([...doc.signature.lines.map(upper), doc.signature.name]);
      expect(ps[ps.length - 1]).toBe(printed[printed.length - 1]);
      for (const p of printed) {
        const { size, bold } = paragraphLook(p);
        expect(bold).toBe(true);
        expect(size).toBeGreaterThanOrEqual(13);
        expect(size).toBeLessThanOrEqual(14);
        expect(align(p)).toBe("center");
      }
      // 1,5 cm or more between the title and the name: the name's space above, or empty lines.
      const name = printed[printed.length - 1];
      const empty = ps.length - printed.length;
      expect(spacing(name).before + empty * 280).toBeGreaterThanOrEqual(15 * MM);
    });
  });
});

describe("the plan's type name", () => {
  it("is centred, bold, upper case, 13–14 pt, with spacing above it", () => {
    const { p } =
      blockParagraphs(drafted("plan")).find(({ block }) => block.style === "title") ?? {};
    if (!p) throw new Error("no title");
    expect(text(p)).toBe(upper(text(p)));
    expect(align(p)).toBe("center");
    const { size, bold } = paragraphLook(p);
    expect(bold).toBe(true);
    expect(size).toBeGreaterThanOrEqual(13);
    expect(size).toBeLessThanOrEqual(14);
    expect(spacing(p).before).toBeGreaterThan(0);
  });

  it("has its trích yếu under it, bold, centred, 13–14 pt, with a solid line 1/3 to 1/2 of its length", () => {
    const { p } =
      blockParagraphs(drafted("plan")).find(({ block }) => block.style === "subtitle") ?? {};
    if (!p) throw new Error("no trích yếu");
    expect(align(p)).toBe("center");
    const { size, bold } = paragraphLook(p);
    expect(bold).toBe(true);
    expect(size).toBeGreaterThanOrEqual(13);
    expect(size).toBeLessThanOrEqual(14);
    const width = pageTextWidth(drafted("plan").pkg.body);
    expect(widest(p)).toBeLessThanOrEqual(width);
    const line = p.nextElementSibling;
    if (!line || !isRule(line)) throw new Error("no line under the trích yếu");
    const { style, length } = rule(line, width);
    expect(style).toBe("single");
    expect(Math.abs(indent(line).left - indent(line).right)).toBeLessThanOrEqual(1);
    const share = length / widest(p);
    expect(share).toBeGreaterThanOrEqual(1 / 3);
    expect(share).toBeLessThanOrEqual(1 / 2);
  });
});

describe("the letter", () => {
  it("sets its trích yếu under Số: `V/v …`, 12–13 pt upright, centred, 6 pt below it", () => {
    const { doc, pkg } = drafted("letter");
    const [numberP, subject] = paragraphs(cells(rows(kids(pkg.body, "tbl")[0])[1])[0]);
    expect(flat(numberP)).toBe(doc.header.number);
    expect(flat(subject)).toBe(doc.header.subject);
    expect(flat(subject)).toMatch(/^V\/v /);
    const { size, bold, italic } = paragraphLook(subject);
    expect({ bold, italic }).toEqual({ bold: false, italic: false });
    expect(size).toBeGreaterThanOrEqual(12);
    expect(size).toBeLessThanOrEqual(13);
    expect(align(subject)).toBe("center");
    expect(spacing(numberP).after + spacing(subject).before).toBeGreaterThanOrEqual(120);
  });

  it("lists several recipients one a line under `Kính gửi:`, each dash under its colon, `;` after each, `.` after the last", () => {
    const paired = blockParagraphs(drafted("letter"));
    const at = paired.findIndex(({ block }) => block.style === "addressee");
    expect(text(paired[at].p)).toBe("Kính gửi:");
    const recipients = paired.slice(at + 1).filter(({ block }) => block.style === "recipient");
    expect(recipients.length).toBeGreaterThan(1);
    expect(paired.slice(at + 1, at + 1 + recipients.length)).toEqual(recipients);
    const colon = indent(paired[at].p).start + textWidth("Kính gửi", halfPoints(14), false);
    recipients.forEach(({ p }, i) => {
      expect(text(p)).toMatch(i === recipients.length - 1 ? /^- .+\.$/ : /^- .+;$/);
      expect(Math.abs(indent(p).start - colon)).toBeLessThanOrEqual(2);
      expect(indent(p).start).toBeGreaterThanOrEqual(567);
    });
  });

  it("puts one recipient on the `Kính gửi:` line, ending with `.`, a second line under the name", async () => {
    const doc: DraftDocument = {
      ...drafted("letter").doc,
      parts: [{ id: "recipients", blocks: [{ style: "addressee", text: "Kính gửi: Sở Y tế." }] }],
    };
    const p = kids(openPackage(await renderDocx(doc)).body, "p")[0];
    expect(text(p)).toMatch(/^Kính gửi: .+\.$/);
    expect(indent(p).hanging).toBe(textWidth("Kính gửi: ", halfPoints(14), false));
    expect(keeps(p).next).toBe(true);
  });
});

describe("a table block", () => {
  const TABLE: DraftTable = {
    header: ["STT", "Đơn vị", "Kế hoạch năm 2024", "Thực hiện 6 tháng"],
    rows: [
      ["1", "Huyện Càng Long", "1.200", "640"],
      ["2", "Thành phố Trà Vinh", "2.400", "1.310"],
    ],
    total: ["", "Tổng cộng", "3.600", "1.950"],
    align: ["center", "left", "right", "right"],
  };
  let tbl: Element;
  let pkg: Package;

  beforeAll(async () => {
    const doc: DraftDocument = {
      ...drafted("plan").doc,
      parts: [
        {
          id: "table",
          blocks: [
            { style: "paragraph", text: "Kết quả theo địa phương:" },
            { style: "table", text: "STT\tĐơn vị", table: TABLE },
            { style: "paragraph", text: "Các địa phương tiếp tục thực hiện." },
          ],
        },
      ],
    };
    pkg = openPackage(await renderDocx(doc));
    tbl = kids(pkg.body, "tbl")[1];
  });

  it("is a table with single 0,5 pt rules across the text width, its header row repeated on each page", () => {
    expect(tableBorders(tbl)).toEqual(Array(6).fill("single/4"));
    expect(columns(tbl).reduce((a, b) => a + b)).toBe(pageTextWidth(pkg.body));
    const [header, ...rest] = rows(tbl);
    expect(on(kid(kid(header, "trPr"), "tblHeader"))).toBe(true);
    for (const row of rest) expect(on(kid(kid(row, "trPr"), "tblHeader"))).toBe(false);
    expect(rest).toHaveLength(TABLE.rows.length + 1);
  });

  it("sets the cells 12–13 pt without a first-line indent: header bold and centred, figures aligned by column, the totals bold", () => {
    const table = rows(tbl).map((row) => cells(row).map((c) => paragraphs(c)[0]));
    expect(table.map((row) => row.map(text))).toEqual([TABLE.header, ...TABLE.rows, TABLE.total]);
    const sides: Record<string, string[]> = {
      left: ["left", "start"],
      right: ["right", "end"],
      center: ["center"],
    };
    table.forEach((row, r) =>
      row.forEach((p, c) => {
        expect(indent(p).firstLine).toBe(0);
        if (text(p) === "") return;
        const { size, bold } = paragraphLook(p);
        expect(size).toBeGreaterThanOrEqual(12);
        expect(size).toBeLessThanOrEqual(13);
        expect(bold).toBe(r === 0 || r === table.length - 1);
        expect(sides[r === 0 ? "center" : TABLE.align[c]]).toContain(align(p));
      })
    );
  });

  it("leaves 6 pt between the table and the text around it", () => {
    const before = tbl.previousElementSibling;
    const after = tbl.nextElementSibling;
    if (!before || !after) throw new Error("the table should sit between two paragraphs");
    expect(spacing(before).after).toBeGreaterThanOrEqual(120);
    expect(spacing(after).before).toBeGreaterThanOrEqual(120);
  });
});
