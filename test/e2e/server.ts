import { execFile } from "child_process";
import { promises as fs } from "fs";
import http from "http";
import { AddressInfo } from "net";
import path from "path";

/** The repository root: webpack.config.js and src/ are read from here. */
export const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Builds the playground (development mode, no source maps) into `outDir` with webpack's
 * Node API, in a child process: jest's module sandbox is slow to load webpack and ts-loader,
 * and dist/ is left alone so a developer's build or dev server is not disturbed.
 * Only the playground entry and its page are built (about 7 s here instead of 9).
 */
export function buildPlayground(
  outDir: string,
  mode: "development" | "production" = "development",
  whole = false
): Promise<void> {
  // `whole`: every page, as `npm run build` makes dist/ (the add-in's and the offline app's).
  const narrow = whole
    ? ""
    : `config.entry = { playground: config.entry.playground };
    config.plugins = config.plugins.filter(
      (p) => !(p.userOptions && typeof p.userOptions.filename === "string" &&
        p.userOptions.filename !== "playground.html")
    );`;
  const script = `
    const webpack = require("webpack");
    const make = require("./webpack.config.js");
    const config = make({}, { mode: "${mode}" });
    config.mode = "${mode}";
    config.devtool = false;
    config.output = { ...config.output, path: process.env.E2E_OUT };
    ${narrow}
    webpack(config, (err, stats) => {
      if (err) { console.error(err.stack || String(err)); process.exit(1); }
      if (stats.hasErrors()) { console.error(stats.toString({ all: false, errors: true })); process.exit(1); }
      process.exit(0);
    });
  `;
  return new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ["-e", script],
      { cwd: ROOT, env: { ...process.env, E2E_OUT: outDir }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`webpack build of the playground failed:\n${stderr}${stdout}`));
        else resolve();
      }
    );
  }).then(async () => {
    await fs.access(path.join(outDir, "playground.html")).catch(() => {
      throw new Error(`webpack ran but wrote no playground.html into ${outDir}`);
    });
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "text/xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/**
 * A plain static file server over `root` on a free port, bound to the loopback interface
 * only: what an office's web server does with dist/, and no more.
 */
export function serveDir(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (pathname === "/favicon.ico") {
      res.writeHead(204).end(); // the page has none; a 404 would log a console error
      return;
    }
    // A folder is its index.html, as IIS, nginx and `npx serve` answer.
    const file = path.resolve(
      base,
      `.${pathname.endsWith("/") ? `${pathname}index.html` : pathname}`
    );
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file).then(
      (data) => {
        res.writeHead(200, {
          "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        });
        res.end(data);
      },
      () => res.writeHead(404).end()
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
