/** Files webpack inlines as data URLs (the bundled sample workbook). */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}
