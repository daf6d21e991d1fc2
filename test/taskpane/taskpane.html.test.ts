/** @jest-environment jsdom */
import { readFileSync } from "fs";
import path from "path";

const HTML = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
/** The feature check: the one script that must run in Internet Explorer, a file of its own. */
const CHECK = readFileSync(path.join(__dirname, "../../src/taskpane/unsupported.js"), "utf8");

/** Loads the page's body and runs the check with the given globals hidden. */
function runCheck(hidden: Record<string, unknown>): HTMLElement {
  document.body.innerHTML = '<div id="container"></div>';
  const names = Object.keys(hidden);
  // Parameters named like the globals shadow them, as an old engine would lack them.
  new Function(...names, CHECK)(...names.map((n) => hidden[n]));
  const container = document.getElementById("container");
  if (!container) throw new Error("no container");
  return container;
}

describe("taskpane.html", () => {
  it("loads office.js from Microsoft's CDN and has the React container", () => {
    expect(HTML).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(HTML).toMatch(/<div id="container"><\/div>/);
    expect(HTML).toMatch(/<meta charset="UTF-8"/i);
  });

  it("writes the feature check inline from unsupported.js, after the container it fills", () => {
    expect(HTML).toContain("<script><%= htmlWebpackPlugin.options.inlineScript %></script>");
    expect(HTML.indexOf("inlineScript")).toBeGreaterThan(HTML.indexOf('<div id="container">'));
    // Its only inline script: the policy allows that one by its hash (webpack.config.js).
    expect(HTML.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toHaveLength(1);
  });

  it("keeps the feature check to ES5", () => {
    const code = CHECK.replace(/\/\*[\s\S]*?\*\//g, "") // its comments
      .replace(/\/\/.*$/gm, "") // the script's comments hold no `//` inside strings
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""'); // strings may say anything
    expect(code).not.toMatch(/=>|\blet\b|\bconst\b|`|\bclass\b|\.\.\./);
  });

  it("writes a Vietnamese message where Promise or Proxy is missing", () => {
    for (const missing of ["Promise", "Proxy"]) {
      const container = runCheck({ [missing]: undefined });
      expect(container.getAttribute("data-unsupported")).toBe("true");
      expect(container.textContent).toContain("không chạy được trên phiên bản Excel này");
    }
  });

  it("leaves the container to the bundle in a modern webview", () => {
    const container = runCheck({});
    expect(container.getAttribute("data-unsupported")).toBeNull();
    expect(container.innerHTML).toBe("");
  });

  it("says in a noscript block that JavaScript is needed", () => {
    expect(HTML).toMatch(/<noscript>[\s\S]*cần JavaScript[\s\S]*<\/noscript>/);
  });
});
