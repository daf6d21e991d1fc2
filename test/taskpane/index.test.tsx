/** @jest-environment jsdom */
import "./dom";

const globals = globalThis as { Office?: unknown; Excel?: unknown };

/** Runs the entry module afresh against the page's current body, until React settles. */
async function start(): Promise<HTMLElement> {
  await jest.isolateModulesAsync(async () => {
    // The act of the React that this fresh module registry loads, not the test file's.
    const { act } = await import("react");
    await act(async () => {
      await import("../../src/taskpane/index");
    });
  });
  const container = document.getElementById("container");
  if (!container) throw new Error("no container");
  return container;
}

describe("the task pane's entry", () => {
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  it("renders the first screen before Office is ready, and asks Excel nothing till then", async () => {
    document.body.innerHTML = '<div id="container"></div>';
    const settings = { get: jest.fn(), set: jest.fn() };
    const run = jest.fn();
    globals.Office = {
      onReady: () => new Promise(() => undefined), // Office still loading the host's scripts
      context: { document: { settings }, requirements: { isSetSupported: () => true } },
    };
    globals.Excel = { run };
    const container = await start();
    expect(container.textContent).toContain("Tính tiến độ");
    expect(settings.get).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it("leaves the old-webview message of taskpane.html alone", async () => {
    document.body.innerHTML =
      '<div id="container" data-unsupported="true"><p>không chạy được</p></div>';
    const container = await start();
    expect(container.innerHTML).toBe("<p>không chạy được</p>");
  });
});
