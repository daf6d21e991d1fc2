/** @jest-environment node */
/**
 * The offline app (issue "For offices without Excel 2021"): dist/ as `npm run build` makes
 * it, served by a plain static server (not webpack), opened in Chromium; the sample is
 * computed, the browser goes offline, the page is reloaded and everything is done again:
 * the compute, the draft and its .docx. Every page's Content-Security-Policy is read from
 * the built files, and no request of the app leaves its own origin.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import { readZip } from "../../src/cli/zip";
import { playgroundMessages as pm } from "../../src/playground/messages";
import { vi as m } from "../../src/taskpane/messages/vi";
import { DOCX_NAME } from "../../src/taskpane/components/Draft/useDraft";
import { Browser, findBrowser, launchBrowser } from "./browser";
import { buildPlayground, serveDir, StaticServer } from "./server";

const skip = process.env.SKIP_E2E === "1";
const describeE2E = skip ? describe.skip : describe;
const SETUP_TIMEOUT = 180_000;
const TEST_TIMEOUT = 90_000;

/** The pages that load Office.js from Microsoft's CDN; every other page loads nothing from elsewhere. */
const OFFICE_PAGES = ["taskpane.html", "commands.html", "outcome.html"];
const CDN = "https://appsforoffice.microsoft.com";

/** A page's Content-Security-Policy, by directive, from its `<meta http-equiv>`. */
function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/i.exec(html);
  if (!meta) throw new Error("no Content-Security-Policy <meta>");
  const before = html.slice(0, meta.index);
  // A policy governs only what comes after it: nothing may load before it.
  if (/<script|<link/i.test(before)) throw new Error("a script or link comes before the policy");
  return new Map(
    meta[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

describeE2E("the offline app, served as static files", () => {
  let tmp: string;
  let out: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const executablePath = findBrowser();
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-offline-"));
    out = path.join(tmp, "dist");
    const [launched] = await Promise.all([
      launchBrowser(executablePath),
      buildPlayground(out, "development", true),
    ]);
    browser = launched;
    browser.context.setDefaultTimeout(20_000);
    server = await serveDir(out);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it("declares on every page a policy that connects to its own origin only", async () => {
    const pages = (await fs.readdir(out)).filter((name) => name.endsWith(".html"));
    expect(pages).toEqual(
      expect.arrayContaining(["index.html", "playground.html", ...OFFICE_PAGES])
    );
    for (const page of pages) {
      const html = await fs.readFile(path.join(out, page), "utf8");
      const policy = policyOf(html);
      const office = OFFICE_PAGES.includes(page);
      expect([page, policy.get("default-src")]).toEqual([page, ["'self'"]]);
      expect([page, policy.get("connect-src")]).toEqual([page, ["'self'"]]);
      // An inline script is allowed by its hash, the hash of the page's own script.
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
        (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`
      );
      expect([page, policy.get("script-src")]).toEqual([
        page,
        ["'self'", ...inline, ...(office ? [CDN] : [])],
      ]);
      expect([page, policy.get("worker-src")]).toEqual([page, ["'self'"]]);
      expect([page, policy.get("object-src")]).toEqual([page, ["'none'"]]);
      // No directive lets anything come from, or go to, another host.
      for (const [name, sources] of policy)
        for (const source of sources)
          expect([page, name, source]).toEqual([
            page,
            name,
            expect.stringMatching(office && name === "script-src" ? /^('[a-z-]+'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:|https:\/\/appsforoffice\.microsoft\.com)$/ : /^('[a-z-]+'|data:|blob:)$/), // prettier-ignore
          ]);
    }
  });

  /** Opens the sample, computes it, and saves the plan's .docx; returns the .docx's parts. */
  async function computeAndSave(page: Page): Promise<string[]> {
    const pane = page.locator("[data-testid=pane]");
    await page.getByRole("button", { name: pm.sample, exact: true }).click();
    await pane.locator("[data-testid=found]").waitFor();
    await pane.getByRole("button", { name: m.compute.button, exact: true }).click();
    await pane.locator("[data-testid=summary]").waitFor();
    await pane.getByRole("tab", { name: m.tabs.draft, exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pane
        .locator("#panel-draft")
        .getByRole("button", { name: m.draft.saveDocx, exact: true })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(DOCX_NAME.plan);
    const file = path.join(tmp, `${Date.now()}.docx`);
    await download.saveAs(file);
    return readZip(await fs.readFile(file)).entries.map((e) => e.name);
  }

  it(
    "opens from the folder's address, computes, then works again offline after a reload",
    async () => {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      const elsewhere: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text().slice(0, 300));
      });
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(url)) elsewhere.push(url);
      });
      await page.goto(`${server.origin}/`);
      // The service worker has kept the app's files and taken charge of the page.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const online = await computeAndSave(page);
      expect(online).toContain("word/document.xml");

      await browser.context.setOffline(true);
      try {
        await page.reload();
        await expect(page.title()).resolves.toBe("Chỉ tiêu");
        await expect(
          page.evaluate(() => navigator.serviceWorker.controller !== null)
        ).resolves.toBe(true);
        const offline = await computeAndSave(page);
        expect(offline).toEqual(online);
        expect(errors).toEqual([]);
        // Offline indeed: what the worker does not keep cannot be had.
        const probe = await page.evaluate(() =>
          fetch("not-kept.txt").then(
            () => "reached",
            () => "offline"
          )
        );
        expect(probe).toBe("offline");
      } finally {
        await browser.context.setOffline(false);
      }
      expect(elsewhere).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT
  );
});
