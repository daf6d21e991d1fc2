/** @jest-environment jsdom */
import "./dom";
import { screen } from "@testing-library/react";
import { lazy } from "react";
import { LaterPart } from "../../src/taskpane/components/lazy";
import { renderFluent } from "./render";

// A part whose chunk cannot be fetched, as when the network drops after the first screen.
const Unreachable = lazy(() => Promise.reject(new Error("Loading chunk later failed.")));

describe("a part loaded after the first screen", () => {
  let consoleError: jest.SpyInstance;
  // React reports the error the boundary caught; the test expects it.
  beforeEach(() => (consoleError = jest.spyOn(console, "error").mockImplementation(() => {})));
  afterEach(() => consoleError.mockRestore());

  it("says so in a message bar when its chunk does not load, and the rest stays", async () => {
    renderFluent(
      <main>
        <h1>Chỉ tiêu</h1>
        <LaterPart>
          <Unreachable />
        </LaterPart>
      </main>
    );
    expect(await screen.findByText("Không hiển thị được phần này của tiện ích")).toBeTruthy();
    expect(screen.getByText(/Loading chunk later failed/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Chỉ tiêu" })).toBeTruthy();
  });

  it("shows nothing when quiet (the toaster)", async () => {
    const { container } = renderFluent(
      <div data-testid="host">
        <LaterPart quiet>
          <Unreachable />
        </LaterPart>
      </div>
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector("[data-testid=host]")?.textContent).toBe("");
  });
});
