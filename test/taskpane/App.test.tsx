/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from "util";
import { computeAccessibleDescription, computeAccessibleName } from "dom-accessibility-api";
import { workbookReport } from "../../src/core/job";
import "./dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { analyse } from "../../src/core/engine";
import { draft, partsText } from "../../src/core/draft";
import { HostError } from "../../src/core/host";
import { planWrite } from "../../src/core/writePlan";
import type { Table } from "../../src/core/types";
import { renderFluent } from "./render";
import { FakeHost, loadSampleTables, MAIN_SHEET, notesTable } from "./fakeHost";

let tables: Table[];
let main: Table;

beforeAll(async () => {
  tables = await loadSampleTables();
  const found = tables.find((t) => t.sheet === MAIN_SHEET);
  if (!found) throw new Error("the sample has no main sheet");
  main = found;
});

/** Renders the pane and waits until the active sheet's mapping is on screen. */
async function renderPane(host: FakeHost, language: "vi" | "en" = "vi") {
  const view = renderFluent(<App host={host} initialLanguage={language} />);
  await screen.findByRole("combobox", { name: language === "vi" ? "Tên chỉ tiêu" : "Indicator" });
  return view;
}

/** The option a column list shows as chosen. */
function chosen(name: string): string | undefined {
  const list = screen.getByRole("combobox", { name }) as HTMLSelectElement;
  return list.selectedOptions[0]?.textContent ?? undefined;
}

/** Picks the option of a list by its text, as a user's choice does. */
function pick(name: string, option: string): void {
  const list = screen.getByRole("combobox", { name }) as HTMLSelectElement;
  const found = Array.from(list.options).find((o) => o.textContent === option);
  if (!found) throw new Error(`no option ${option} in ${name}`);
  fireEvent.change(list, { target: { value: found.value } });
}

/** A Fluent tab by its label (its text is rendered twice, once to reserve the bold width). */
function tab(label: string): HTMLElement {
  return screen.getByRole("tab", { name: new RegExp(`^${label}`) });
}

/** Clicks the button and waits until every sheet is computed and written. */
async function compute(label = "Tính tiến độ") {
  fireEvent.click(screen.getByRole("button", { name: label }));
  await screen.findAllByRole("heading", { name: /Tổng hợp|Summary/ });
  await waitFor(() => expect(screen.queryByText(/^(Đang|Computing|Writing|Reading)/)).toBeNull());
  // The lists come in a render after the summary's.
  await screen.findAllByRole("heading", { name: /Số liệu cần kiểm tra|Figures to check/ });
}

/** The count shown beside a status in the summary. */
function summaryCount(label: string): string {
  const item = within(screen.getByTestId("summary")).getByText(label).closest("li");
  if (!item) throw new Error(`no summary item ${label}`);
  return (item.textContent ?? "").replace(label, "").trim();
}

describe("detecting the table", () => {
  it("shows each column found with its letter and header", async () => {
    await renderPane(new FakeHost(tables));
    const column = chosen;
    expect(column("Tên chỉ tiêu")).toBe("B · Chỉ tiêu");
    expect(column("Kế hoạch")).toBe("F · Năm 2024 Kế hoạch");
    expect(column("Thực hiện")).toBe("G · Năm 2024 Thực hiện 6 tháng đầu năm");
    expect(column("Cơ quan chủ trì")).toBe("J · Cơ quan chủ trì");
    expect(column("Loại chỉ tiêu")).toBe("Không thấy");
    expect(screen.getByRole("spinbutton", { name: "Kỳ báo cáo (số tháng)" })).toHaveProperty(
      "value",
      "6"
    );
  });

  it("saves a corrected column and re-runs the mapping with it", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    pick("Thực hiện", "E · Năm 2023 Cùng kỳ 6 tháng");
    await waitFor(() => expect(host.calls.saveSettings).toHaveLength(1));
    expect(host.calls.saveSettings[0].columns).toEqual({ [MAIN_SHEET]: { actual: "E" } });
    await waitFor(() =>
      // The label now carries a "corrected" badge.
      expect(chosen("Thực hiện đã chỉnh")).toBe("E · Năm 2023 Cùng kỳ 6 tháng")
    );
    // A column given a new role loses its old one.
    expect(chosen("Cùng kỳ năm trước")).toBe("Không thấy");
  });

  it("opens a notes-first workbook on its table, naming the sheet it passed over", async () => {
    renderFluent(<App host={new FakeHost([notesTable(), ...tables])} />);
    const picker = await screen.findByRole("combobox", { name: "Trang tính" });
    await waitFor(() => expect((picker as HTMLSelectElement).value).toBe(MAIN_SHEET));
    expect(
      await screen.findByText("Bỏ qua trang “Ghi chú”: chỉ có chữ, không có bảng số liệu.")
    ).toBeTruthy();
    expect(await screen.findByTestId("found")).toHaveProperty(
      "textContent",
      expect.stringMatching(
        new RegExp(`^${MAIN_SHEET} · \\d+ chỉ tiêu · 6 tháng năm 2024 · dòng tiêu đề `)
      )
    );
    expect(screen.queryByText(/Không tìm thấy dòng tiêu đề/)).toBeNull();
  });

  it("says in Vietnamese that a sheet the user picks has no header", async () => {
    renderFluent(<App host={new FakeHost([notesTable(), ...tables])} />);
    const picker = await screen.findByRole("combobox", { name: "Trang tính" });
    await waitFor(() => expect((picker as HTMLSelectElement).value).toBe(MAIN_SHEET));
    fireEvent.change(picker, { target: { value: "Ghi chú" } });
    expect(
      await screen.findByText(/Không tìm thấy dòng tiêu đề của bảng chỉ tiêu trong trang "Ghi chú"/)
    ).toBeTruthy();
  });
});

describe("computing progress", () => {
  it("writes each sheet's plan once and shows the summary, lagging rows and mismatches", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();

    // The whole workbook by default: the indicators, then the districts' breakdown.
    const { report, grid, header } = analyse(main, { tolerance: 10, columns: {} });
    expect(host.calls.writePlan).toHaveLength(2);
    expect(host.calls.writePlan[0]).toEqual(planWrite(grid, header, report));
    const names = tables.map((t) => t.sheet);
    expect(
      await screen.findByText(`Đã ghi kết quả vào trang “${names.join("”, “")}”.`)
    ).toBeTruthy();

    expect(summaryCount("Đã đạt/vượt")).toBe("7");
    expect(summaryCount("Đúng tiến độ")).toBe("6");
    expect(summaryCount("Có nguy cơ không đạt")).toBe("9");
    expect(summaryCount("Chậm tiến độ")).toBe("6");
    expect(summaryCount("Thiếu số liệu")).toBe("2");
    expect(summaryCount("Định tính")).toBe("1");
    expect(summaryCount("Số liệu ghi sai")).toBe("5");

    const [lagging] = screen.getAllByRole("list", { name: "Chỉ tiêu cần tập trung" });
    const buttons = within(lagging).getAllByRole("button");
    expect(buttons).toHaveLength(9 + 6 + 2);
    const investment = within(lagging).getByRole("button", { name: /Tổng vốn đầu tư toàn xã hội/ });
    expect(investment.textContent).toContain("đạt 41,46%");
    expect(investment.textContent).toContain("còn 19.904 tỷ đồng");
    expect(investment.textContent).toContain("Có nguy cơ không đạt");
    // Why, as the button's description: said after its name, not inside it.
    const reason = document.getElementById(investment.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).not.toBe("");
    expect(computeAccessibleDescription(investment)).toBe(reason?.textContent);
    expect(computeAccessibleName(investment)).not.toContain(reason?.textContent);
    expect(computeAccessibleName(investment)).toContain("Tổng vốn đầu tư toàn xã hội");
    expect(
      within(lagging).getByRole("button", { name: /Tỷ lệ thất nghiệp khu vực thành thị/ })
        .textContent
    ).toContain("Thiếu số liệu");

    const revenue = document.querySelector('tr[data-cell="H14"]');
    expect(revenue?.textContent).toContain("Thu nội địa");
    expect(revenue?.textContent).toContain("53,03%");
    expect(revenue?.textContent).toContain("53,05%");
    expect(document.querySelector('tr[data-cell="I14"]')?.textContent).toContain("2.920 tỷ đồng");
    expect(screen.getByText(/Thiếu số liệu thực hiện ở ô G25/)).toBeTruthy();
  });

  it("selects the sheet row of a lagging indicator", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    // After the compute, the first result cell of the first sheet is selected.
    const [shown] = host.calls.selectRow;
    const plan = host.calls.writePlan[0];
    expect(shown).toEqual({
      sheet: MAIN_SHEET,
      row: plan.firstRow,
      cell: `${plan.columns[0].letter}${plan.firstRow}`,
    });
    fireEvent.click(screen.getByRole("button", { name: /Tổng vốn đầu tư toàn xã hội/ }));
    await waitFor(() =>
      expect(host.calls.selectRow.slice(1)).toEqual([{ sheet: MAIN_SHEET, row: 11 }])
    );
  });

  it("selects the cell of a check in the workbook when its address is clicked", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    fireEvent.click(screen.getByRole("button", { name: "Chọn ô H14 trong bảng tính" }));
    await waitFor(() =>
      expect(host.calls.selectRow.at(-1)).toEqual({ sheet: MAIN_SHEET, row: 14, cell: "H14" })
    );
  });

  it("shows the host's error and never says the workbook was written", async () => {
    const protectedSheet = new HostError({ code: "protected", sheet: MAIN_SHEET });
    const host = new FakeHost(tables, { writePlanError: protectedSheet });
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Tính tiến độ" }));
    expect(await screen.findByText(/đang được bảo vệ nên không ghi được kết quả/)).toBeTruthy();
    expect(screen.getByText("Không ghi được kết quả vào bảng tính")).toBeTruthy();
    expect(await screen.findByText("Kết quả dưới đây chưa được ghi vào bảng tính.")).toBeTruthy();
    expect(screen.queryByText(/Đã ghi kết quả/)).toBeNull();
    // Every sheet in one call, so nothing is half written: no way back is offered.
    expect(host.calls.writePlans).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Xoá kết quả" })).toBeNull();
  });

  it("offers “Xoá kết quả” after a compute, and says when the columns are back", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    expect(host.calls.writePlans).toHaveLength(1);
    // Without Excel's undo group the pane does not promise Ctrl+Z.
    expect(screen.queryByText(/Ctrl\+Z/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Xoá kết quả" }));
    expect(await screen.findByText(/^Đã xoá kết quả/)).toBeTruthy();
    expect(host.calls.clearResults).toBe(1);
    expect(screen.queryByText(/Đã ghi kết quả/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Xoá kết quả" })).toBeNull();
    // The figures stay in the pane, said to be there only.
    expect(screen.getByTestId("summary")).toBeTruthy();
    expect(screen.queryByText("Kết quả dưới đây chưa được ghi vào bảng tính.")).toBeNull();
  });

  it("cancels a compute before anything is written, and says the workbook is unchanged", async () => {
    let release = () => undefined as void;
    const readGate = new Promise<void>((resolve) => (release = resolve));
    const host = new FakeHost(tables, { readGate });
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Tính tiến độ" }));
    fireEvent.click(await screen.findByRole("button", { name: "Huỷ" }));
    release();
    expect(await screen.findByText("Đã huỷ lần tính: bảng tính không bị thay đổi.")).toBeTruthy();
    expect(host.calls.writePlans).toHaveLength(0);
    expect(screen.queryByTestId("summary")).toBeNull();
    // The next compute runs as usual.
    await compute();
    expect(host.calls.writePlans).toHaveLength(1);
  });

  it("names Ctrl+Z when Excel made the compute one undo step", async () => {
    await renderPane(new FakeHost(tables, { undo: "excel" }));
    await compute();
    expect(screen.getByText(/Nhấn Ctrl\+Z trong Excel để hoàn tác cả lần tính này/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Xoá kết quả" })).toBeTruthy();
  });

  it("passes the period the user picks to the engine", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    const months = screen.getByRole("spinbutton", { name: "Kỳ báo cáo (số tháng)" });
    fireEvent.change(months, { target: { value: "9" } });
    fireEvent.blur(months);
    await compute();
    expect(host.calls.writePlan[0]).toEqual(planWrite(...planArgs(main, 9)));
  });

  it("says the results are out of date when the period changes after a compute", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    expect(screen.queryByTestId("stale")).toBeNull();
    const months = screen.getByRole("spinbutton", { name: "Kỳ báo cáo (số tháng)" });
    fireEvent.change(months, { target: { value: "9" } });
    fireEvent.blur(months);
    const stale = await screen.findByTestId("stale");
    expect(stale.textContent).toContain("Kết quả dưới đây tính theo trang, kỳ báo cáo hoặc cột");
    fireEvent.click(within(stale).getByRole("button", { name: "Tính lại" }));
    await waitFor(() => expect(host.calls.writePlan).toHaveLength(2));
    await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
  });

  it("computes only the sheet in view when the user narrows it to that sheet", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    fireEvent.click(
      screen.getByRole("checkbox", { name: new RegExp(`^Chỉ tính trang “${MAIN_SHEET}”`) })
    );
    await compute();
    expect(host.calls.writePlan).toHaveLength(1);
    expect(host.calls.writePlan[0].sheet).toBe(MAIN_SHEET);
    expect(await screen.findByText(`Đã ghi kết quả vào trang “${MAIN_SHEET}”.`)).toBeTruthy();
  });

  it("does not call a sheet with a header and no indicator a success", async () => {
    const empty: Table = {
      sheet: "Trống",
      origin: { row: 1, col: 1 },
      values: [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện 6 tháng"]],
      merges: [],
    };
    await renderPane(new FakeHost([empty]));
    fireEvent.click(screen.getByRole("button", { name: "Tính tiến độ" }));
    expect(
      await screen.findByText(/có dòng tiêu đề nhưng không có chỉ tiêu nào bên dưới/)
    ).toBeTruthy();
    expect(screen.queryByText(/Đã ghi kết quả/)).toBeNull();
  });
});

function planArgs(table: Table, months: number) {
  const { grid, header, report } = analyse(table, { months, tolerance: 10, columns: {} });
  return [grid, header, report] as const;
}

describe("the draft", () => {
  const clipboard = { writeText: jest.fn<Promise<void>, [string]>() };

  beforeEach(() => {
    clipboard.writeText.mockReset();
    clipboard.writeText.mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
  });

  it("drafts from the results and copies one agency's part", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    fireEvent.click(tab("Dự thảo"));
    expect(
      await within(document.getElementById("panel-draft") as HTMLElement).findByText(
        /nhiệm vụ 6 tháng cuối năm tăng thêm 19\.904 tỷ đồng/
      )
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Sao chép phần của Cục Thống kê tỉnh" }));
    const { report } = analyse(main, { tolerance: 10, columns: {} });
    const part = draft(workbookReport([report])).parts.find(
      (p) => p.agency === "Cục Thống kê tỉnh"
    );
    if (!part) throw new Error("no part for the statistics office");
    await waitFor(() => expect(clipboard.writeText).toHaveBeenCalledWith(partsText([part])));
    expect(await screen.findByText(/Đã sao chép phần của Cục Thống kê tỉnh/)).toBeTruthy();
  });

  it("writes the draft to a sheet named Dự thảo", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    fireEvent.click(tab("Dự thảo"));
    fireEvent.click(tab("Công văn đề nghị"));
    fireEvent.click(screen.getByRole("button", { name: "Ghi ra trang mới" }));
    await waitFor(() => expect(host.calls.writeDraft).toHaveLength(1));
    const [{ lines, sheetName }] = host.calls.writeDraft;
    expect(sheetName).toBe("Dự thảo");
    expect(lines).toContain("- Cục Thống kê tỉnh: chủ trì chỉ tiêu tổng vốn đầu tư toàn xã hội;");
    expect(await screen.findByText("Đã ghi dự thảo vào trang “Dự thảo”.")).toBeTruthy();
  });

  it("takes the deadline the user types, saves it in the workbook and drafts with it", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    fireEvent.click(tab("Dự thảo"));
    fireEvent.click(screen.getByRole("button", { name: "Thông tin văn bản" }));
    const deadline = screen.getByRole("textbox", { name: /Hạn gửi báo cáo/ });
    fireEvent.change(deadline, { target: { value: "15/07/2024" } });
    fireEvent.blur(deadline);
    await waitFor(() => expect(host.calls.saveSettings.at(-1)?.draft?.deadline).toBe("15/07/2024"));
    // Printed as the seeds print dates.
    expect(await screen.findByText(/trước ngày 15\/7\/2024/)).toBeTruthy();
  });

  it("refuses a deadline that is not a day of the calendar, and saves nothing", async () => {
    const host = new FakeHost(tables);
    await renderPane(host);
    await compute();
    fireEvent.click(tab("Dự thảo"));
    fireEvent.click(screen.getByRole("button", { name: "Thông tin văn bản" }));
    const deadline = screen.getByRole("textbox", { name: /Hạn gửi báo cáo/ });
    for (const text of ["31/02/2024", "tuần sau"]) {
      fireEvent.change(deadline, { target: { value: text } });
      fireEvent.blur(deadline);
      expect(await screen.findByText(/Không phải một ngày có thật/)).toBeTruthy();
    }
    expect(host.calls.saveSettings.some((s) => s.draft?.deadline !== undefined)).toBe(false);
  });

  it("saves the draft as a Word file made in the pane, named for its kind", async () => {
    // jsdom has no TextEncoder, which the Word writer uses; every browser and Node have it.
    Object.assign(globalThis, { TextEncoder, TextDecoder });
    const made: Blob[] = [];
    const saved: string[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      made.push(blob);
      return "blob:chitieu";
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      saved.push(this.download);
    });
    try {
      await renderPane(new FakeHost(tables));
      await compute();
      fireEvent.click(tab("Dự thảo"));
      fireEvent.click(await screen.findByRole("tab", { name: /^Công văn đề nghị/ }));
      fireEvent.click(screen.getByRole("button", { name: "Tải .docx" }));
      expect(
        await screen.findByText(
          "Đã tạo tệp “Dự thảo công văn.docx”: mở bằng Word từ thư mục tải về.",
          {},
          { timeout: 10_000 }
        )
      ).toBeTruthy();
      expect(saved).toEqual(["Dự thảo công văn.docx"]);
      expect(made[0].type).toBe(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      );
      // A ZIP package: Word's files start with "PK".
      const bytes = await new Promise<Uint8Array>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
        reader.readAsArrayBuffer(made[0]);
      });
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    } finally {
      click.mockRestore();
    }
  });

  it("says so when the clipboard refuses", async () => {
    clipboard.writeText.mockRejectedValue(new Error("denied"));
    await renderPane(new FakeHost(tables));
    await compute();
    fireEvent.click(tab("Dự thảo"));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sao chép toàn văn" }));
    });
    expect(
      await screen.findByText("Không sao chép được. Hãy chọn đoạn văn rồi bấm Ctrl+C.")
    ).toBeTruthy();
  });
});

describe("languages", () => {
  it("switches to English", async () => {
    await renderPane(new FakeHost(tables));
    expect(screen.getByRole("button", { name: "Tính tiến độ" })).toBeTruthy();
    fireEvent.click(screen.getByRole("switch", { name: "English" }));
    expect(await screen.findByRole("button", { name: "Compute progress" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Tính tiến độ" })).toBeNull();
  });

  it("shows the no-header error in English", async () => {
    renderFluent(<App host={new FakeHost([notesTable()])} initialLanguage="en" />);
    expect(
      await screen.findByText(/No header row of an indicator table was found on sheet “Ghi chú”/)
    ).toBeTruthy();
  });
});
