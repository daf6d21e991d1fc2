/**
 * An `aria-labelledby` list: the part's own heading, after its sheet's when several sheets
 * are shown, so that each landmark has a name of its own ("Trang X Tổng hợp").
 */
export function labelledBy(own: string, sheetTitle?: string): string {
  return sheetTitle === undefined ? own : `${sheetTitle} ${own}`;
}
