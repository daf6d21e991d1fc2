// Builds the Excel add-in into dist/: the task pane (React), the ribbon's function file and
// the manifest. Same shape as the Office add-in template: `npm run build`, `npm run dev-server`.
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Deployers set ADDIN_URL to the https address that serves dist/ (e.g.
// `ADDIN_URL=https://addin.example.gov.vn/chitieu/ npm run build`); every localhost URL in
// the production manifest is rewritten to it. The default is a placeholder that resolves
// nowhere, so a forgotten ADDIN_URL fails loudly in Excel instead of pointing at a stranger.
const urlProd = withTrailingSlash(process.env.ADDIN_URL || "https://chitieu.example.invalid/");

// Size budget for each production JS asset and entrypoint, minified but not gzipped. A React
// 19 + Fluent UI v9 pane fits with room to spare; the gzipped target (250 KB) is measured by
// the benchmark, not here. Over budget is a build error, not a warning nobody reads.
const JS_BUDGET_BYTES = 1200 * 1000;

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

module.exports = (env, options) => {
  const dev = options.mode === "development";
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
      // The task pane in a plain browser over an .xlsx (no Excel): `npm run playground`.
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Hashed names in production so Office's web cache never serves last release's bundle.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
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
          use: {
            loader: "ts-loader",
            options: {
              // Type errors are `npm run typecheck`'s job; the build only strips types.
              transpileOnly: true,
              // tsconfig says noEmit and commonjs for tsc and jest; webpack needs output, and
              // ES modules so it can tree-shake Fluent UI's barrel exports.
              compilerOptions: { noEmit: false, module: "es2020", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: `[name].${dev ? "dev" : "prod"}[ext]`,
            transform(content) {
              return dev ? content : content.toString().replaceAll(urlDev, urlProd);
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
    ],
    performance: dev
      ? { hints: false }
      : {
          hints: "error",
          maxAssetSize: JS_BUDGET_BYTES,
          maxEntrypointSize: JS_BUDGET_BYTES,
          // The budget is the add-in's; the playground carries exceljs and the sample on purpose.
          assetFilter: (file) => file.endsWith(".js") && !file.startsWith("playground"),
        },
    // Only `webpack serve` reads the certificates; a build never needs them.
    devServer: env.WEBPACK_SERVE
      ? {
          port: 3000,
          server: devServerProtocol(),
          headers: { "Access-Control-Allow-Origin": "*" },
          // `npm run playground` says where to go; the root serves nothing by itself.
          onListening(server) {
            const protocol = server.options.server.type === "https" ? "https" : "http";
            const { port } = server.server.address();
            console.log(
              `\n[chitieu] Playground: ${protocol}://localhost:${port}/playground.html\n`
            );
          },
        }
      : undefined,
  };
};
