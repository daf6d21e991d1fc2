/**
 * Flags for a quiet headless Chromium in CI and containers (ENVIRONMENT.md, "Browser
 * tests"), shared by the browser tests and the first-render benchmark. A module of its
 * own, free of playwright-core, so the bench compiles without it.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
