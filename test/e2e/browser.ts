import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import { BrowserContext, chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./chromiumArgs";

/** Well-known places of a Chromium-based browser, per platform, in order of preference. */
function candidates(): string[] {
  if (process.platform === "win32") {
    const roots = [
      process.env["PROGRAMFILES"],
      process.env["PROGRAMFILES(X86)"],
      process.env["LOCALAPPDATA"],
    ].filter((dir): dir is string => Boolean(dir));
    return [
      ...roots.map((dir) => path.join(dir, "Google", "Chrome", "Application", "chrome.exe")),
      ...roots.map((dir) => path.join(dir, "Microsoft", "Edge", "Application", "msedge.exe")),
      ...roots.map((dir) => path.join(dir, "Chromium", "Application", "chrome.exe")),
    ];
  }
  if (process.platform === "darwin") {
    const apps = ["/Applications", path.join(os.homedir(), "Applications")];
    return apps.flatMap((dir) => [
      path.join(dir, "Google Chrome.app", "Contents", "MacOS", "Google Chrome"),
      path.join(dir, "Chromium.app", "Contents", "MacOS", "Chromium"),
      path.join(dir, "Microsoft Edge.app", "Contents", "MacOS", "Microsoft Edge"),
    ]);
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/microsoft-edge",
  ];
}

/**
 * The browser to drive: `CHROMIUM_PATH` if set (and it must exist), else a well-known path.
 * Throws with instructions when there is none: a missing browser must fail the suite, not
 * skip it silently (`SKIP_E2E=1` skips on purpose).
 */
export function findBrowser(): string {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (existsSync(given)) return given;
    throw new Error(`CHROMIUM_PATH is set to "${given}", but there is no file there.`);
  }
  const found = candidates().find((file) => existsSync(file));
  if (found) return found;
  throw new Error(
    "No Chromium, Chrome or Edge found for the browser tests (test/e2e). Install one " +
      "(Debian/Ubuntu: `apt-get install -y chromium`), or point CHROMIUM_PATH at its " +
      "executable, or set SKIP_E2E=1 to skip these tests on purpose. Looked in:\n  " +
      candidates().join("\n  ")
  );
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless persistent context on a fresh temp profile, removed again on close. */
export async function launchBrowser(executablePath = findBrowser()): Promise<Browser> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-e2e-profile-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      locale: "vi-VN",
      viewport: { width: 1400, height: 900 },
    });
    return {
      context,
      close: async () => {
        await context.close();
        await fs.rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fs.rm(profile, { recursive: true, force: true });
    throw error;
  }
}
