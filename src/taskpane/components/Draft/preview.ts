import type { DraftPart } from "../../../core/draft";

/**
 * Lines of the draft the pane shows at first, and adds at each "Hiện thêm": a province's
 * plan is a few hundred lines, while one drafted from a commune table of 100.000 rows is
 * tens of thousands, which would take the webview seconds to lay out as paragraphs. The
 * copy, the sheet and the .docx always hold the whole document.
 */
export const PREVIEW_LINES = 400;

/** The parts to show, each with how many of its blocks fit, and the blocks left out. */
export interface PreviewWindow {
  parts: { part: DraftPart; shown: number }[];
  hidden: number;
}

/**
 * The first `budget` blocks of the document's parts, in order: a part is shown while the
 * budget lasts, the one it runs out in is cut, the rest are counted as hidden.
 * `previewWindow([a (3 blocks), b (5 blocks)], 4)` // a whole, 1 block of b, 4 hidden
 */
export function previewWindow(parts: readonly DraftPart[], budget: number): PreviewWindow {
  const shown: PreviewWindow["parts"] = [];
  let left = Math.max(0, budget);
  let hidden = 0;
  for (const part of parts) {
    const count = part.blocks.length;
    const take = Math.min(count, left);
    // A part with no blocks is shown in its place while nothing before it is cut.
    if (take > 0 || (count === 0 && left > 0)) shown.push({ part, shown: take });
    left -= take;
    hidden += count - take;
  }
  return { parts: shown, hidden };
}

/** Lines of Nơi nhận shown at most: a plan sent to every commune names thousands. */
export const PREVIEW_COPIES = 40;

/**
 * The Nơi nhận lines shown: the first ones and the last (`Lưu: VT, …`), and how many are
 * left out between them; all of them when there are `most` or fewer.
 */
export function previewCopies(
  copies: readonly string[],
  most = PREVIEW_COPIES
): { first: readonly string[]; hidden: number; last: readonly string[] } {
  if (copies.length <= most) return { first: copies, hidden: 0, last: [] };
  const first = copies.slice(0, Math.max(0, most - 1));
  return { first, hidden: copies.length - first.length - 1, last: copies.slice(-1) };
}
