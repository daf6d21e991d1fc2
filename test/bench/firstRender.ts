/**
 * Time to first render in Chromium: from navigation start to the first element React puts
 * in `#container`, for the task pane and for a bare React page built the same way. Only
 * run when playwright-core is installed (it is loaded by name, so the bench compiles
 * without it) and Debian's Chromium is there.
 */
import { promises as fs } from "fs";
import http from "http";
import os from "os";
import path from "path";
import { AddressInfo } from "net";
import { CHROMIUM_ARGS } from "../e2e/chromiumArgs";
import { median } from "./report";

const ROOT = path.resolve(__dirname, "..", "..");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const RUNS = 7;

/** The few playwright-core calls used here. */
interface Route {
  request(): { url(): string };
  fulfill(response: { status: number; body: Buffer; contentType: string }): Promise<void>;
}
interface Page {
  addInitScript(script: string): Promise<void>;
  goto(url: string): Promise<unknown>;
  waitForFunction(expression: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  close(): Promise<void>;
}
interface Context {
  route(pattern: string, handler: (route: Route) => Promise<void>): Promise<void>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: {
    launchPersistentContext(dir: string, options: Record<string, unknown>): Promise<Context>;
  };
}

// Records when React first fills the container, measured from navigation start.
const OBSERVE = `
  new MutationObserver((_, observer) => {
    const container = document.getElementById("container");
    if (container && container.firstElementChild && window.__firstRender === undefined) {
      window.__firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** Builds the bare React page with webpack's API, the loader the add-in uses. */
async function buildBare(outDir: string): Promise<void> {
  const webpack = require("webpack") as (
    config: object,
    cb: (e: Error, s: unknown) => void
  ) => void;
  const HtmlWebpackPlugin = require("html-webpack-plugin") as new (options: object) => object;
  const config = {
    mode: "production",
    entry: { bare: path.join(__dirname, "bare", "index.tsx") },
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "es2020" } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: path.join(__dirname, "bare", "index.html"),
      }),
    ],
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      const failed = (stats as { hasErrors(): boolean } | undefined)?.hasErrors();
      if (error || failed) reject(error ?? new Error("bare page build failed"));
      else resolve();
    })
  );
}

/** Serves a folder over http on a free port. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent((req.url ?? "/").split("?")[0]));
    fs.readFile(file).then(
      (body) => {
        const type = file.endsWith(".html") ? "text/html" : "application/javascript";
        res.writeHead(200, { "Content-Type": type });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      }
    );
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Office.js from the local package instead of Microsoft's CDN, which the bench cannot reach. */
async function officeFromDisk(route: Route): Promise<void> {
  const name = new URL(route.request().url()).pathname.split("/").pop() ?? "";
  const body = await fs.readFile(path.join(OFFICE_JS, name)).catch(() => Buffer.from(""));
  await route.fulfill({ status: 200, body, contentType: "application/javascript" });
}

/** One load of a page in a fresh tab: milliseconds from navigation start to first render. */
async function loadOnce(context: Context, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(url);
  await page.waitForFunction("window.__firstRender !== undefined");
  const ms = Number(await page.evaluate("window.__firstRender"));
  await page.close();
  return ms;
}

/**
 * The median first render of each page. Loads alternate between the two, so that a change in
 * the machine's load while the bench runs weighs on both alike; the first load of each only
 * warms the cache, as a pane opened a second time is.
 */
async function firstRenders(context: Context, urls: [string, string]): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i <= RUNS; i++) {
    for (const k of [0, 1] as const) {
      const ms = await loadOnce(context, urls[k]);
      if (i > 0) times[k].push(ms);
    }
  }
  return [median(times[0]), median(times[1])];
}

export async function firstRenderRatio(
  dist: string,
  bareDir: string
): Promise<{ taskpaneMs: number; bareMs: number }> {
  await buildBare(bareDir);
  const playwright = require("playwright-core") as Playwright;
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "chitieu-chromium-"));
  const servers = [await serve(dist), await serve(bareDir)];
  const [pane, bare] = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await context.route("https://appsforoffice.microsoft.com/**", officeFromDisk);
    const [taskpaneMs, bareMs] = await firstRenders(context, [
      `${pane}/taskpane.html`,
      `${bare}/index.html`,
    ]);
    return { taskpaneMs, bareMs };
  } finally {
    await context.close();
    servers.forEach((s) => s.close());
    await fs.rm(profile, { recursive: true, force: true });
  }
}
