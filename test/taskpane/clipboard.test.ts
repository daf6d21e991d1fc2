/** @jest-environment jsdom */
import { copyText } from "../../src/taskpane/lib/clipboard";

describe("copyText", () => {
  const execCommand = jest.fn<boolean, [string]>();

  beforeEach(() => {
    execCommand.mockReset();
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
  });

  it("uses the Clipboard API when the webview has it", async () => {
    const writeText = jest.fn<Promise<void>, [string]>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    expect(await copyText("Thu nội địa")).toBe(true);
    expect(writeText).toHaveBeenCalledWith("Thu nội địa");
    expect(execCommand).not.toHaveBeenCalled();
  });

  it("falls back to a hidden textarea and execCommand without the Clipboard API", async () => {
    let copied = "";
    execCommand.mockImplementation(() => {
      const area = document.activeElement;
      copied =
        area instanceof HTMLTextAreaElement
          ? area.value.slice(area.selectionStart, area.selectionEnd)
          : "";
      return true;
    });
    const button = document.createElement("button");
    document.body.appendChild(button);
    button.focus();
    expect(await copyText("1. Sở Y tế\na) Chỉ tiêu chủ yếu")).toBe(true);
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(copied).toBe("1. Sở Y tế\na) Chỉ tiêu chủ yếu");
    expect(document.querySelector("textarea")).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("falls back when the Clipboard API is denied, and reports a refusal", async () => {
    const writeText = jest
      .fn<Promise<void>, [string]>()
      .mockRejectedValue(new Error("NotAllowedError"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    execCommand.mockReturnValue(false);
    expect(await copyText("x")).toBe(false);
    expect(execCommand).toHaveBeenCalledWith("copy");
  });
});
