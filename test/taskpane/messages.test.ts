import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { COLUMN_ROLES } from "../../src/core/columns";
import { HostError } from "../../src/core/host";
import { TableError } from "../../src/core/engine";
import { describeError } from "../../src/taskpane/lib/errors";

/** Every key path of a messages object, functions as leaves. */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("pane messages", () => {
  it("English has exactly the Vietnamese keys", () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it("names every column role in both languages", () => {
    for (const role of COLUMN_ROLES) {
      expect(vi.roles[role]).not.toBe("");
      expect(en.roles[role]).not.toBe("");
    }
  });
});

describe("describeError", () => {
  const noHeader = new TableError("noHeader", 'Không tìm thấy dòng tiêu đề ... trang "Ghi chú"');
  const locked = new HostError({ code: "protected", sheet: "Biểu 01" });

  it("keeps the host's and the engine's Vietnamese words in Vietnamese", () => {
    expect(describeError({ stage: "write", error: locked }, vi)).toEqual({
      title: "Không ghi được kết quả vào bảng tính",
      text: expect.stringMatching(/^Trang "Biểu 01" đang được bảo vệ/),
    });
    expect(describeError({ stage: "read", error: noHeader, sheet: "Ghi chú" }, vi).text).toBe(
      noHeader.message
    );
  });

  it("translates them by code in English", () => {
    expect(describeError({ stage: "write", error: locked }, en).text).toMatch(
      /^Sheet “Biểu 01” is protected/
    );
    expect(describeError({ stage: "read", error: noHeader, sheet: "Ghi chú" }, en).text).toMatch(
      /“Ghi chú”/
    );
  });

  it("words an unexpected error instead of failing silently", () => {
    expect(describeError({ stage: "compute", error: new Error("boom") }, vi).text).toBe(
      "Lỗi không lường trước: boom"
    );
    expect(describeError({ stage: "compute", error: "boom" }, en).text).toBe(
      "Unexpected error: boom"
    );
  });
});
