import type { StoredSettings, WorkbookHost } from "../../src/core/host";
import { excelHost, hostWhenReady } from "../../src/taskpane/officeHost";

/** A promise with its resolver, to say when Office is ready. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe("hostWhenReady", () => {
  it("holds each call until the host is ready, then passes it on", async () => {
    const ready = deferred<WorkbookHost>();
    const host = hostWhenReady(ready.promise);
    const sheets = jest.fn(async () => ({ names: ["A"], active: "A" }));
    const pending = host.sheets();
    await settle();
    expect(sheets).not.toHaveBeenCalled();
    ready.resolve({ sheets } as unknown as WorkbookHost);
    await expect(pending).resolves.toEqual({ names: ["A"], active: "A" });
    expect(sheets).toHaveBeenCalledTimes(1);
  });

  it("rejects each call when the host could not be made", async () => {
    const host = hostWhenReady(Promise.reject(new Error("chunk failed")));
    await expect(host.loadSettings()).rejects.toThrow("chunk failed");
  });
});

describe("excelHost", () => {
  const globals = globalThis as { Office?: unknown; Excel?: unknown };
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  it("reads nothing from Office before Office.onReady has resolved", async () => {
    const ready = deferred<void>();
    const stored: StoredSettings = { tolerance: 5 };
    const settings = { get: jest.fn(() => JSON.stringify(stored)), set: jest.fn() };
    const run = jest.fn();
    globals.Office = {
      onReady: () => ready.promise,
      context: {
        document: { settings },
        requirements: { isSetSupported: () => true },
      },
    };
    globals.Excel = { run };
    const host = hostWhenReady(excelHost());
    const loaded = host.loadSettings();
    void host.sheets().catch(() => undefined);
    await settle();
    expect(settings.get).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();

    ready.resolve();
    await expect(loaded).resolves.toEqual(stored);
    await settle();
    expect(run).toHaveBeenCalled();
  });

  it("says in Vietnamese that Excel is out of reach outside Office", async () => {
    const host = hostWhenReady(excelHost());
    await expect(host.sheets()).rejects.toThrow("Không kết nối được với Excel");
  });
});
