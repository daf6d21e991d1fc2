/** @jest-environment jsdom */
import "./dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { DEFAULT_TEMPLATES, loadTemplates, saveTemplates } from "../../src/core/draft/templates";
import type { Table } from "../../src/core/types";
import { FakeHost, loadSampleTables } from "./fakeHost";
import { renderFluent } from "./render";

let tables: Table[];

beforeAll(async () => {
  tables = await loadSampleTables();
});

const tab = (label: string) => screen.getByRole("tab", { name: new RegExp(`^${label}`) });
const textarea = () => screen.getByRole("textbox", { name: "Nội dung mẫu" }) as HTMLTextAreaElement;
const saveButton = () => screen.getByRole("button", { name: "Lưu mẫu" });

async function openEditor(host: FakeHost) {
  renderFluent(<App host={host} />);
  await screen.findByRole("combobox", { name: "Tên chỉ tiêu" });
  fireEvent.click(tab("Mẫu câu chữ"));
  await screen.findByRole("textbox", { name: "Nội dung mẫu" });
}

describe("the template editor", () => {
  it("shows the core's Vietnamese error for an unknown placeholder and cannot save it", async () => {
    const host = new FakeHost(tables);
    await openEditor(host);
    expect(textarea().value).toBe(DEFAULT_TEMPLATES["row.target"]);
    fireEvent.change(textarea(), { target: { value: "{Chỉ tiêu} là {Không có}" } });
    expect(
      await screen.findByText(/Mẫu "row.target" có trường không có: \{Không có\}/)
    ).toBeTruthy();
    expect(saveButton()).toHaveProperty("disabled", true);
    fireEvent.click(saveButton());
    expect(host.calls.saveSettings).toHaveLength(0);
  });

  it("reports an unclosed brace as typed", async () => {
    await openEditor(new FakeHost(tables));
    fireEvent.change(textarea(), { target: { value: "{Chỉ tiêu năm" } });
    expect(await screen.findByText(/chưa được đóng bằng "\}"/)).toBeTruthy();
    expect(saveButton()).toHaveProperty("disabled", true);
  });

  it("previews the template being typed with the figures just computed", async () => {
    const host = new FakeHost(tables);
    await openEditor(host);
    const preview = () => screen.getByTestId("template-preview");
    expect(preview().textContent).toContain("Bấm “Tính tiến độ” để xem mẫu");
    fireEvent.click(tab("Tiến độ"));
    fireEvent.click(screen.getByRole("button", { name: "Tính tiến độ" }));
    await screen.findAllByRole("heading", { name: "Tổng hợp" });
    fireEvent.click(tab("Mẫu câu chữ"));
    // The default "row.target" template, written out for the sample's indicators.
    await waitFor(() => expect(preview().textContent).toContain("34.000 tỷ đồng"));
    fireEvent.change(textarea(), { target: { value: "XEM THỬ {Kế hoạch} {Đơn vị tính}" } });
    await waitFor(() => expect(preview().textContent).toContain("XEM THỬ 34.000 tỷ đồng"));
  });

  it("inserts a placeholder at the caret", async () => {
    await openEditor(new FakeHost(tables));
    fireEvent.change(textarea(), { target: { value: "Kế hoạch: ." } });
    textarea().setSelectionRange(10, 10);
    fireEvent.click(screen.getByRole("button", { name: "Chèn {Kế hoạch}" }));
    expect(textarea().value).toBe("Kế hoạch: {Kế hoạch}.");
  });

  it("saves the templates in the workbook and the draft uses them", async () => {
    const host = new FakeHost(tables);
    await openEditor(host);
    const text = "Chỉ tiêu {chỉ tiêu} năm {Năm}: {Kế hoạch} {Đơn vị tính}";
    fireEvent.change(textarea(), { target: { value: text } });
    expect(saveButton()).toHaveProperty("disabled", false);
    fireEvent.click(saveButton());
    await waitFor(() => expect(host.calls.saveSettings).toHaveLength(1));
    const saved = host.calls.saveSettings[0].templates;
    expect(saved).toBe(saveTemplates({ ...DEFAULT_TEMPLATES, "row.target": text }));
    expect(loadTemplates(saved).templates["row.target"]).toBe(text);
    expect(await screen.findByText("Đã lưu mẫu “Phần II: chỉ tiêu năm”.")).toBeTruthy();

    fireEvent.click(tab("Tiến độ"));
    fireEvent.click(screen.getByRole("button", { name: "Tính tiến độ" }));
    await screen.findAllByRole("heading", { name: "Tổng hợp" });
    fireEvent.click(tab("Dự thảo"));
    expect(
      await screen.findByText(/^- Chỉ tiêu tổng vốn đầu tư toàn xã hội năm 2024: 34\.000 tỷ đồng/)
    ).toBeTruthy();
  });

  it("loads saved templates at start and restores one to its default", async () => {
    const custom = saveTemplates({ ...DEFAULT_TEMPLATES, "row.target": "{Chỉ tiêu}: {Kế hoạch}" });
    const host = new FakeHost(tables, { settings: { templates: custom, tolerance: 10 } });
    await openEditor(host);
    expect(textarea().value).toBe("{Chỉ tiêu}: {Kế hoạch}");
    expect(screen.getByText("Khác mặc định")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Khôi phục mặc định" }));
    // Asked once more before the wording is lost; "Thôi" keeps it.
    expect(screen.getByText(/Câu chữ đang có của mẫu này sẽ mất/)).toBeTruthy();
    // The question takes focus on its safe answer; answered, focus goes back where it was.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Thôi" }));
    fireEvent.click(screen.getByRole("button", { name: "Thôi" }));
    expect(host.calls.saveSettings).toHaveLength(0);
    expect(textarea().value).toBe("{Chỉ tiêu}: {Kế hoạch}");
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("button", { name: "Khôi phục mặc định" })
      )
    );
    fireEvent.click(screen.getByRole("button", { name: "Khôi phục mặc định" }));
    fireEvent.click(screen.getByRole("button", { name: "Khôi phục" }));
    await waitFor(() => expect(host.calls.saveSettings).toHaveLength(1));
    // Restored, the button is off: focus is on the wording itself.
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    // Other settings survive; the templates go back to holding no change.
    expect(host.calls.saveSettings[0]).toEqual({
      templates: saveTemplates(DEFAULT_TEMPLATES),
      tolerance: 10,
    });
    await waitFor(() => expect(textarea().value).toBe(DEFAULT_TEMPLATES["row.target"]));
  });

  it("lists the placeholders of the template picked", async () => {
    await openEditor(new FakeHost(tables));
    fireEvent.change(screen.getByRole("combobox", { name: "Mẫu" }), {
      target: { value: "letter.agency" },
    });
    await waitFor(() => expect(textarea().value).toBe(DEFAULT_TEMPLATES["letter.agency"]));
    expect(screen.getByRole("button", { name: "Chèn {Chỉ tiêu chủ trì}" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Chèn {Kế hoạch}" })).toBeNull();
  });
});
