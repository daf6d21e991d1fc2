/** Files webpack inlines as data URLs (the bundled sample workbook). */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}

/** True in a build that writes the offline app's service worker (dist/sw.js); false under `webpack serve`. */
declare const __OFFLINE_APP__: boolean;
