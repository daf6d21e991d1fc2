// Builds the Excel add-in into dist/: the task pane (React), the ribbon's function file and
// the manifest. Same shape as the Office add-in template: `npm run build`, `npm run dev-server`.
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Deployers set ADDIN_URL to the https address that serves dist/ (e.g.
// `ADDIN_URL=https://addin.example.gov.vn/chitieu/ npm run build`); every localhost URL in
// the production manifest is rewritten to it. The default is a placeholder that resolves
// nowhere, so a forgotten ADDIN_URL fails loudly in Excel instead of pointing at a stranger.
const urlProd = withTrailingSlash(process.env.ADDIN_URL || "https://chitieu.example.invalid/");

// Size budget for each add-in page's production JS, minified but not gzipped: its entry and
// every chunk it may load later, summed. A React 19 + Fluent UI v9 pane fits with room to
// spare; the gzipped target (250 KB) is measured by the benchmark, not here. Over budget is a
// build error, not a warning nobody reads.
const JS_BUDGET_BYTES = 1200 * 1000;
// The playground carries exceljs and the sample on purpose: the budget is the add-in's.
const BUDGETED_ENTRIES = ["taskpane", "commands"];

const certDir = path.join(os.homedir(), ".office-addin-dev-certs");

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The dev server's protocol: https with the certificates `npx office-addin-dev-certs install`
 * writes. They are read directly because getHttpsServerOptions() rejects when it cannot
 * trust the CA (no sudo); without them the server falls back to http, which Office refuses.
 */
function devServerProtocol() {
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.values(files).map((name) => path.join(certDir, name));
  if (!paths.every((file) => fs.existsSync(file))) {
    console.warn(
      `\n[chitieu] No dev certificates in ${certDir}: serving plain http. ` +
        "Office loads add-ins over https only; run `npx office-addin-dev-certs install` first.\n"
    );
    return "http";
  }
  const options = Object.fromEntries(
    Object.entries(files).map(([key, name]) => [key, fs.readFileSync(path.join(certDir, name))])
  );
  return { type: "https", options };
}

/**
 * Fails the build when an entry's JS, lazy chunks included, is over the budget. webpack's own
 * `performance` hints count an entrypoint's initial files only, so a pane split into lazy
 * chunks would pass them whatever it loads after its first render.
 */
class JsBudgetPlugin {
  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("JsBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "JsBudgetPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          for (const name of BUDGETED_ENTRIES) {
            const entry = compilation.entrypoints.get(name);
            if (entry === undefined) continue;
            const files = new Set();
            for (const group of withDescendants(entry))
              for (const chunk of group.chunks)
                for (const file of chunk.files) if (file.endsWith(".js")) files.add(file);
            const bytes = [...files].reduce(
              (sum, file) => sum + compilation.getAsset(file).source.size(),
              0
            );
            if (bytes > JS_BUDGET_BYTES)
              compilation.errors.push(
                new WebpackError(
                  `[chitieu] ${name}: ${bytes} bytes of JS in ${files.size} files, over the ` +
                    `${JS_BUDGET_BYTES}-byte budget`
                )
              );
          }
        }
      );
    });
  }
}

/**
 * Gives the task pane's own scripts high fetch priority. Deferred scripts are fetched at low
 * priority, and while office.js (a blocking script in <head>, as Office requires) is on its
 * way Chromium lets only one low-priority request run at a time: the pane's three scripts
 * then arrive one after the other.
 */
class HighPriorityScriptsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("HighPriorityScriptsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tap(
        "HighPriorityScriptsPlugin",
        (data) => {
          if (data.outputName === "taskpane.html")
            for (const tag of data.assetTags.scripts) tag.attributes.fetchpriority = "high";
          return data;
        }
      );
    });
  }
}

/*
 * Content-Security-Policy of every page: scripts, styles, images and workers from the page's
 * own origin only, and no connection anywhere else, so that no code (ours, or a dependency's
 * in a later release) can send a workbook away. The Office pages may load Office.js from
 * Microsoft's CDN, as Office requires. Styles may be inline: Fluent UI writes its styles at
 * run time. Under `webpack serve` the live-reload socket is allowed too.
 */
function contentSecurityPolicy({ office, serve, inline }) {
  const cdn = office ? " https://appsforoffice.microsoft.com" : "";
  // An inline script the page needs is allowed by its hash (InlineScriptHashPlugin writes
  // it once the page is final, minified), and no other.
  const hash = inline ? ` ${INLINE_HASHES}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${hash}${cdn}`,
    `connect-src 'self'${serve ? " ws://localhost:* wss://localhost:*" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The offline app: writes dist/sw.js, the service worker that keeps the app's files for use
 * without a network, from src/playground/serviceWorker.js with the list of those files (the
 * app's pages, its scripts and every chunk they may load, workers included, its web app
 * manifest and icons) and a version that changes whenever one of them does.
 */
class OfflineAppPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("OfflineAppPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "OfflineAppPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entry = compilation.entrypoints.get("playground");
          if (entry === undefined) return;
          const files = new Set(APP_PAGES);
          const groups = [...withDescendants(entry), ...(compilation.asyncEntrypoints ?? [])];
          for (const group of groups)
            for (const chunk of group.chunks)
              for (const file of chunk.files) if (file.endsWith(".js")) files.add(file);
          for (const name of Object.keys(compilation.assets))
            if (/^assets\/icon-\d+\.png$/.test(name) || name === "app.webmanifest") files.add(name);
          const list = [...files].filter((file) => compilation.getAsset(file)).sort();
          const hash = crypto.createHash("sha256");
          for (const file of list)
            hash.update(file).update(compilation.getAsset(file).source.buffer());
          const template = fs.readFileSync(
            path.join(__dirname, "src/playground/serviceWorker.js"),
            "utf8"
          );
          const worker = template
            .replace("__VERSION__", hash.digest("hex").slice(0, 12))
            .replace("__FILES__", JSON.stringify(list));
          compilation.emitAsset("sw.js", new sources.RawSource(worker));
        }
      );
    });
  }
}

/**
 * The task pane's feature check, written into its page as it is (ES5, for the webview that
 * cannot run the bundle): a script of its own would cost the pane's first render a request.
 */
const UNSUPPORTED = fs.readFileSync(path.join(__dirname, "src/taskpane/unsupported.js"), "utf8");

/** The offline app's pages: `index.html`, and `playground.html` for links made before it. */
const APP_PAGES = ["index.html", "playground.html"];

/** Where a page's policy lists the hashes of its inline scripts, until they are known. */
const INLINE_HASHES = "'inline-script-hashes'";

/**
 * Puts the SHA-256 of each inline script of a page into its policy, computed on the page
 * as it is emitted (a production build minifies inline scripts), so the policy allows
 * exactly those scripts.
 */
class InlineScriptHashPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("InlineScriptHashPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "InlineScriptHashPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          for (const asset of compilation.getAssets()) {
            if (!asset.name.endsWith(".html")) continue;
            const html = asset.source.source().toString();
            if (!html.includes(INLINE_HASHES)) continue;
            const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
              (m) => `'sha256-${crypto.createHash("sha256").update(m[1]).digest("base64")}'`
            );
            const done = html.replace(INLINE_HASHES, hashes.join(" "));
            compilation.updateAsset(asset.name, new sources.RawSource(done));
          }
        }
      );
    });
  }
}

/** A chunk group and every group it may load, each once. */
function withDescendants(group, seen = new Set()) {
  if (seen.has(group)) return seen;
  seen.add(group);
  for (const child of group.getChildren()) withDescendants(child, seen);
  return seen;
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const serve = Boolean(env.WEBPACK_SERVE);
  if (!dev && !urlProd.startsWith("https://")) {
    throw new Error(
      `ADDIN_URL must be an https URL (Office loads add-ins over https only): ${urlProd}`
    );
  }
  if (!dev && !process.env.ADDIN_URL) {
    console.warn(`[chitieu] ADDIN_URL is not set: dist/manifest.prod.xml points at ${urlProd}`);
  }
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      // The dialog the ribbon's button opens to say what its click did.
      outcome: "./src/commands/outcome.ts",
      // The task pane in a plain browser over an .xlsx (no Excel): `npm run playground`.
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Hashed names in production so Office's web cache never serves last release's bundle.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Lazy chunks load from wherever the page's script came from (the add-in's own origin
      // and folder, in Excel as in the playground), not from a URL fixed at build time.
      publicPath: "auto",
      clean: true,
    },
    optimization: {
      splitChunks: {
        // The task pane's first screen comes as three scripts (React, the Fluent UI it shows,
        // the pane) rather than one. Measured in Chromium on a busy 2-core machine: the three
        // are parsed in parallel off the main thread, and evaluating them took about 90 ms
        // where the one 700 KB scope-hoisted bundle took about 300 ms. React's chunk also
        // stays cached from one release to the next.
        // What the pane shows after its first screen is one lazy chunk, "later" (see
        // src/taskpane/components/lazy.tsx); webpack's default async groups would only split
        // it into more requests.
        cacheGroups: {
          defaultVendors: false,
          default: false,
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: (chunk) => chunk.name === "taskpane",
            priority: 20,
            enforce: true,
          },
          fluent: {
            test: /[\\/]node_modules[\\/]/,
            name: "fluent",
            chunks: (chunk) => chunk.name === "taskpane",
            priority: 10,
            enforce: true,
          },
        },
      },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs's browser build still names Node built-ins it never calls in a page.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        // The sample workbook rides inside the playground bundle: opening it needs no network.
        { test: /\.xlsx$/, type: "asset/inline" },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Loaders run last to first: the styles are worked out at build time, on what
            // ts-loader made, rather than by Griffel in the pane's first render. Fluent UI's
            // own styles already come so.
            {
              loader: "@griffel/webpack-loader",
              options: {
                modules: [{ moduleSource: "@fluentui/react-components", importName: "makeStyles" }],
              },
            },
            {
              loader: "ts-loader",
              options: {
                // Type errors are `npm run typecheck`'s job; the build only strips types.
                transpileOnly: true,
                // tsconfig says noEmit and commonjs for tsc and jest; webpack needs output, and
                // ES modules so it can tree-shake Fluent UI's barrel exports.
                compilerOptions: { noEmit: false, module: "es2020", sourceMap: dev },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/playground/app.webmanifest", to: "app.webmanifest" },
          {
            from: "manifest*.xml",
            to: `[name].${dev ? "dev" : "prod"}[ext]`,
            transform(content) {
              return dev ? content : content.toString().replaceAll(urlDev, urlProd);
            },
          },
        ],
      }),
      ...(dev ? [] : [new JsBudgetPlugin()]),
      new HighPriorityScriptsPlugin(),
      new InlineScriptHashPlugin(),
      // The offline app registers its service worker only where one was built (not under
      // `webpack serve`, whose reloads a cache would hide).
      new webpack.DefinePlugin({ __OFFLINE_APP__: JSON.stringify(!serve) }),
      ...(serve ? [] : [new OfflineAppPlugin()]),
      ...[
        ["taskpane.html", "./src/taskpane/taskpane.html", "taskpane", true, UNSUPPORTED],
        ...APP_PAGES.map((page) => [page, "./src/playground/playground.html", "playground", false]),
        ["commands.html", "./src/commands/commands.html", "commands", true],
        ["outcome.html", "./src/commands/outcome.html", "outcome", true],
      ].map(
        ([filename, template, chunk, office, inline]) =>
          new HtmlWebpackPlugin({
            filename,
            template,
            chunks: [chunk],
            // Written by each template as its first <meta> after the charset: a policy
            // governs only what the page loads after it.
            csp: contentSecurityPolicy({ office, serve, inline }),
            inlineScript: inline,
          })
      ),
    ],
    // JsBudgetPlugin checks the add-in's JS, lazy chunks included.
    performance: { hints: false },
    // Only `webpack serve` reads the certificates; a build never needs them.
    devServer: env.WEBPACK_SERVE
      ? {
          port: 3000,
          server: devServerProtocol(),
          headers: { "Access-Control-Allow-Origin": "*" },
          // `npm run playground` says where the app is first; the root serves it (index.html).
          onListening(server) {
            const protocol = server.options.server.type === "https" ? "https" : "http";
            const { port } = server.server.address();
            const root = `${protocol}://localhost:${port}/`;
            console.log(`\n[chitieu] Ứng dụng / App: ${root}index.html   (${root})\n`);
          },
        }
      : undefined,
  };
};
