/** @jest-environment jsdom */
import "./dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { analyse } from "../../src/core/engine";
import { blockText, DraftPart } from "../../src/core/draft/document";
import { draft } from "../../src/core/draft";
import { workbookReport, WorkbookReport } from "../../src/core/job";
import { formatNumber } from "../../src/core/numbers";
import * as drafts from "../../src/core/draft";
import { Draft } from "../../src/taskpane/components/Draft/Draft";
import { LaterPart } from "../../src/taskpane/components/lazy";
import {
  PREVIEW_COPIES,
  PREVIEW_LINES,
  previewCopies,
  previewWindow,
} from "../../src/taskpane/components/Draft/preview";
import { LARGE_REPORT_ROWS } from "../../src/taskpane/components/Draft/useDraft";
import { benchTable } from "../bench/generate";
import { FakeHost } from "./fakeHost";
import { renderFluent } from "./render";

/** The Draft tab's content for a report, with no settings saved and nothing to notify. */
function draftOf(report: WorkbookReport) {
  return (
    <Draft
      host={new FakeHost([])}
      report={report}
      settings={{}}
      saveSettings={async () => {}}
      notify={() => {}}
    />
  );
}

/** A part of `count` bullet blocks named `id 1`, `id 2`… */
function part(id: string, count: number): DraftPart {
  const blocks = Array.from({ length: count }, (_, i) => ({
    style: "bullet" as const,
    text: `${id} ${i + 1}`,
  }));
  return { id, blocks };
}

describe("the draft preview's window", () => {
  const parts = [part("a", 3), part("empty", 0), part("b", 5), part("c", 2)];

  it("shows whole parts while the budget lasts and cuts the one it runs out in", () => {
    const window = previewWindow(parts, 4);
    expect(window.parts.map((p) => [p.part.id, p.shown])).toEqual([
      ["a", 3],
      ["empty", 0],
      ["b", 1],
    ]);
    expect(window.hidden).toBe(4 + 2);
  });

  it("shows everything, empty parts in their places, when the budget covers it", () => {
    const window = previewWindow(parts, 10);
    expect(window.parts.map((p) => [p.part.id, p.shown])).toEqual([
      ["a", 3],
      ["empty", 0],
      ["b", 5],
      ["c", 2],
    ]);
    expect(window.hidden).toBe(0);
  });

  it("leaves out an empty part that comes after the cut", () => {
    const window = previewWindow([part("a", 2), part("b", 2), part("empty", 0)], 3);
    expect(window.parts.map((p) => p.part.id)).toEqual(["a", "b"]);
    expect(window.hidden).toBe(1);
  });
});

describe("the Nơi nhận shown", () => {
  const copies = ["- A;", "- B;", "- C;", "- D;", "- Lưu: VT, X."];

  it("is the whole list when it is short enough", () => {
    expect(previewCopies(copies, 5)).toEqual({ first: copies, hidden: 0, last: [] });
  });

  it("keeps the first lines and the archive line, and counts those between", () => {
    expect(previewCopies(copies, 3)).toEqual({
      first: ["- A;", "- B;"],
      hidden: 2,
      last: ["- Lưu: VT, X."],
    });
  });
});

describe("a long draft in the pane", () => {
  // A commune table: its plan is longer than the pane shows at first.
  const report = workbookReport([analyse(benchTable(1000)).report]);
  const doc = draft(report);
  const total = doc.parts.reduce((sum, p) => sum + p.blocks.length, 0);
  const lines = doc.parts.flatMap((p) => p.blocks.map(blockText));

  it("shows its first lines, says how many are left out, and shows more on request", () => {
    expect(total).toBeGreaterThan(2 * PREVIEW_LINES);
    renderFluent(draftOf(report));
    const shown = () => document.querySelectorAll("article p").length;
    expect(shown()).toBe(PREVIEW_LINES);
    const more = screen.getByTestId("draft-more");
    const hidden = formatNumber(total - PREVIEW_LINES, 0);
    expect(more.textContent).toContain(`Còn ${hidden} dòng chưa hiện ở đây`);
    // The last line shown is the document's, in its place; the next is not on screen yet.
    const paragraphs = document.querySelectorAll("article p");
    expect(paragraphs[PREVIEW_LINES - 1].textContent).toBe(lines[PREVIEW_LINES - 1]);

    fireEvent.click(screen.getByRole("button", { name: `Hiện thêm ${PREVIEW_LINES} dòng` }));
    expect(shown()).toBe(2 * PREVIEW_LINES);
    expect(document.querySelectorAll("article p")[PREVIEW_LINES].textContent).toBe(
      lines[PREVIEW_LINES]
    );
    // The signature still closes the page, after the first recipients and the archive line.
    const foot = screen.getByTestId("draft-foot");
    expect(doc.copies.length).toBeGreaterThan(PREVIEW_COPIES);
    const hiddenCopies = formatNumber(doc.copies.length - PREVIEW_COPIES, 0);
    expect(screen.getByTestId("copies-more").textContent).toBe(
      `(… và ${hiddenCopies} nơi nhận khác, có đủ trong bản sao chép)`
    );
    expect(foot.textContent).toContain(doc.copies[doc.copies.length - 1]);
    expect(foot.textContent).not.toContain(doc.copies[PREVIEW_COPIES - 1]);
  });
});

describe("a draft of a large report", () => {
  it("says it is drafting before the page is taken up with it, then shows the draft", async () => {
    const report = workbookReport([analyse(benchTable(LARGE_REPORT_ROWS)).report]);
    expect(report.sheets[0].rows.length).toBeGreaterThanOrEqual(LARGE_REPORT_ROWS);
    renderFluent(draftOf(report));
    // The first render has the busy line and no document yet.
    expect(screen.getByText("Đang soạn dự thảo…")).toBeTruthy();
    expect(document.querySelectorAll("article p").length).toBe(0);
    await waitFor(() => expect(document.querySelectorAll("article p").length).toBe(PREVIEW_LINES));
    expect(screen.queryByText("Đang soạn dự thảo…")).toBeNull();
    const first = draft(report).parts.flatMap((p) => p.blocks.map(blockText))[0];
    expect(document.querySelector("article p")?.textContent).toBe(first);
  });
});

describe("a large report whose drafting fails", () => {
  let consoleError: jest.SpyInstance;
  // React reports the error the boundary caught; the test expects it.
  beforeEach(() => (consoleError = jest.spyOn(console, "error").mockImplementation(() => {})));
  afterEach(() => {
    consoleError.mockRestore();
    jest.restoreAllMocks();
  });

  it("shows the failure where the draft would be, as a draft made at once would", async () => {
    const report = workbookReport([analyse(benchTable(LARGE_REPORT_ROWS)).report]);
    jest.spyOn(drafts, "drafting").mockImplementation(function* () {
      yield;
      throw new Error("mẫu hỏng");
    });
    renderFluent(<LaterPart>{draftOf(report)}</LaterPart>);
    expect(screen.getByText("Đang soạn dự thảo…")).toBeTruthy();
    expect(await screen.findByText("Không hiển thị được phần này của tiện ích")).toBeTruthy();
    expect(screen.getByText(/mẫu hỏng/)).toBeTruthy();
  });
});
