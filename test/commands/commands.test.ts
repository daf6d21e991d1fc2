/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/commands.html"}
 */
/**
 * The ribbon's Tính tiến độ says what its click did (PANE.md "The ribbon button"): in a
 * small dialog, the sheets computed and the counts, or the failure in Vietnamese; and the
 * click is always completed, so that the button never goes dead.
 */
import type { WorkbookReport } from "../../src/core/job";
import { HostError } from "../../src/core/host";

const computeEverySheet = jest.fn<Promise<WorkbookReport>, []>();
jest.mock("../../src/excel/compute", () => ({ computeEverySheet: () => computeEverySheet() }));

interface DialogCall {
  url: string;
  options: Office.DialogOptions;
  closed: boolean;
  /** What Office calls when the user closes the dialog. */
  onEvent?: () => void;
}
const dialogs: DialogCall[] = [];
let dialogFails = false;

beforeAll(() => {
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: () => Promise.resolve({}),
    actions: { associate: jest.fn() },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogEventReceived: "dialogEventReceived" },
    context: {
      ui: {
        displayDialogAsync: (
          url: string,
          options: Office.DialogOptions,
          callback: (result: {
            status: string;
            error?: { message: string };
            value?: Partial<Office.Dialog>;
          }) => void
        ) => {
          const call: DialogCall = { url, options, closed: false };
          dialogs.push(call);
          // Office opens one dialog at a time: 12007 while another is open.
          const busy = dialogs.some((d) => d !== call && !d.closed);
          if (dialogFails || busy) {
            call.closed = true;
            callback({ status: "failed", error: { message: "12007: a dialog is already open" } });
            return;
          }
          const value = {
            close: () => (call.closed = true),
            addEventHandler: (_: unknown, handler: () => void) => (call.onEvent = handler),
          };
          callback({ status: "succeeded", value: value as unknown as Partial<Office.Dialog> });
        },
      },
    },
  };
});

beforeEach(() => {
  // What a user does between clicks: read the outcome and close it.
  for (const dialog of dialogs)
    if (!dialog.closed) {
      dialog.closed = true;
      dialog.onEvent?.();
    }
  dialogs.length = 0;
  dialogFails = false;
  computeEverySheet.mockReset();
});

/** The text the dialog shows: the fragment of the page it opens. */
const shown = (call: DialogCall): string => decodeURIComponent(new URL(call.url).hash.slice(1));

async function click(): Promise<jest.Mock> {
  const { computeProgress } = await import("../../src/commands/commands");
  const completed = jest.fn();
  await computeProgress({ completed } as unknown as Office.AddinCommands.Event);
  return completed;
}

const summary = {
  achieved: 7,
  on_track: 6,
  at_risk: 9,
  off_track: 6,
  no_data: 2,
  qualitative: 1,
  mismatches: 5,
};

it("shows the sheets computed and the counts by status, then completes the click", async () => {
  computeEverySheet.mockResolvedValue({
    sheets: [{ sheet: "Biểu 01" }, { sheet: "Biểu 02" }],
    skipped: [{ sheet: "Ghi chú", reason: "notes" }],
    summary,
  } as unknown as WorkbookReport);
  const completed = await click();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(dialogs).toHaveLength(1);
  expect(new URL(dialogs[0].url).pathname).toMatch(/\/outcome\.html$/);
  expect(shown(dialogs[0])).toBe(
    "Đã tính tiến độ 2 trang (Biểu 01, Biểu 02) và ghi kết quả vào các cột bên phải bảng: 7 đã đạt/vượt · 6 đúng tiến độ · 9 có nguy cơ không đạt · 6 chậm tiến độ · 2 thiếu số liệu · 1 định tính · 5 số liệu ghi sai. Bỏ qua trang “Ghi chú”: chỉ có chữ, không có bảng số liệu."
  );
});

it("says in Vietnamese what went wrong, and still completes the click", async () => {
  computeEverySheet.mockRejectedValue(new HostError({ code: "protected", sheet: "Biểu 01" }));
  const completed = await click();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown(dialogs[0])).toMatch(
    /^Chưa tính được tiến độ: Trang "Biểu 01" đang được bảo vệ nên không ghi được kết quả/
  );
});

it("completes the click even when no dialog can be shown", async () => {
  computeEverySheet.mockRejectedValue(new Error("boom"));
  dialogFails = true;
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const completed = await click();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(error).toHaveBeenCalled();
  error.mockRestore();
});

it("replaces the outcome of an earlier click still open, instead of failing with 12007", async () => {
  computeEverySheet.mockResolvedValue({ sheets: [{ sheet: "Biểu 01" }], skipped: [], summary } as unknown as WorkbookReport); // prettier-ignore
  await click();
  computeEverySheet.mockRejectedValue(new HostError({ code: "protected", sheet: "Biểu 01" }));
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const completed = await click();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(error).not.toHaveBeenCalled();
  error.mockRestore();
  expect(dialogs.map((d) => d.closed)).toEqual([true, false]);
  expect(shown(dialogs[1])).toMatch(/^Chưa tính được tiến độ/);
});
