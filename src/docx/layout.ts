import {
  AlignmentType,
  BorderStyle,
  IBorderOptions,
  ITableBordersOptions,
  LineRuleType,
  Paragraph,
  TextRun,
} from "docx";
import { balancedLines } from "./metrics";

/**
 * The page and type of Decree 30/2020/NĐ-CP, Phụ lục I, in Word's units: twips (1/20 pt,
 * 567 to the centimetre) for lengths, half-points for type sizes.
 */
export const FONT = "Times New Roman";
export const BLACK = "000000";

/** A4 portrait; margins 20 mm top and bottom, 30 mm left, 20 mm right. */
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = {
  top: 1134,
  bottom: 1134,
  left: 1701,
  right: 1134,
  header: 567,
  footer: 567,
};
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * The heading block's columns, 38/62 of the text width: the right one holds `CỘNG HÒA XÃ HỘI
 * CHỦ NGHĨA VIỆT NAM` at 13 pt bold (5424 twips) on one line, the left one `SỞ KẾ HOẠCH VÀ ĐẦU
 * TƯ` (3349), each with the rounding room of `FIT` to spare. The cells have no side padding,
 * so the whole column is the line's room.
 */
export const HEADING_COLUMNS = [3458, TEXT_WIDTH - 3458];
/** Nơi nhận left, the signature right. */
export const CLOSING_COLUMNS = [4082, TEXT_WIDTH - 4082];

/** Type sizes in half-points (28 is 14 pt), by what they set. */
export const SIZE = { copies: 22, copiesLabel: 24, subject: 24, heading: 26, table: 26, text: 28 };

/** 1 cm */
export const FIRST_LINE = 567;
/** 6 pt: the least the decree allows between paragraphs. */
export const PARAGRAPH_GAP = 120;
/** 1,25 lines: between the decree's single and 1,5. */
export const BODY_LINE = { line: 300, lineRule: LineRuleType.AUTO };
export const SINGLE_LINE = { line: 240, lineRule: LineRuleType.AUTO };

/** Lines under the issuing body and the trích yếu: 1/3 to 1/2 of the text's length. */
export const SHORT_LINE = 0.4;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "auto" };
export const NO_BORDERS: ITableBordersOptions = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
export const NO_SIDE_PADDING = { left: 0, right: 0, top: 0, bottom: 0 };

export interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/** A run that names its font, so a paste into another document keeps Times New Roman. */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size,
    bold: style.bold,
    italics: style.italics,
  });
}

/** Lines with a break between each, as one paragraph's runs. */
export function runLines(lines: readonly string[], style: RunStyle): TextRun[] {
  return lines.flatMap((line, i) =>
    i === 0 ? [run(line, style)] : [new TextRun({ break: 1 }), run(line, style)]
  );
}

/**
 * A centred heading line of the heading block: broken where a clerk would break it to fit
 * its column, so the line drawn under it can be sized to what is printed.
 */
export function centredLines(text: string, style: RunStyle, room: number): string[] {
  const lines = balancedLines(text, style.size, style.bold === true, room);
  return lines.length > 0 ? lines : [""];
}

export function centred(lines: readonly string[], style: RunStyle, before = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, after: 0, ...SINGLE_LINE },
    keepNext: true,
    keepLines: true,
    children: runLines(lines, style),
  });
}

/** The gap between a text and the line under it: clear of its descenders, not an underline. */
const RULE_GAP = 60;

/**
 * A solid line `length` twips long, centred in `room`: the top border of an empty paragraph
 * indented from both sides, which Word and LibreOffice both draw between the indents. Its
 * mark is 1 pt so the paragraph adds next to no height under the text it underlines.
 */
export function rule(length: number, room: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((room - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: RULE_GAP, after, ...SINGLE_LINE },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    keepNext: true,
    run: { size: 2 },
  });
}
