/**
 * Puts formatted text (HTML) and its plain text on the clipboard together, so that Word keeps
 * the layout and a plain editor gets the text. Where the webview has no `ClipboardItem`
 * (old Edge, Safari in some Office builds), the plain text alone, as `copyText` puts it.
 */
export async function copyRich(
  html: string,
  text: string,
  doc: Document = document
): Promise<boolean> {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  if (clipboard && typeof clipboard.write === "function" && typeof ClipboardItem !== "undefined") {
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return true;
    } catch {
      // Denied, or no HTML on this clipboard: the plain text below.
    }
  }
  return copyText(text, doc);
}

/**
 * Puts text on the clipboard; resolves to false when the webview lets neither way work.
 * Office's webviews (old Edge, Safari on Mac, Excel on the web in an iframe) often lack
 * `navigator.clipboard` or deny it without a permission policy, so a hidden textarea and
 * `execCommand("copy")` remain the fallback there.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  if (clipboard && typeof clipboard.writeText === "function") {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Denied (no permission in an iframe): try the old way below.
    }
  }
  return copyWithTextarea(text, doc);
}

function copyWithTextarea(text: string, doc: Document): boolean {
  if (!doc.body || typeof doc.execCommand !== "function") return false;
  const previous = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  // Off screen but not display:none, which some engines refuse to select from.
  area.style.position = "fixed";
  area.style.top = "0";
  area.style.left = "-9999px";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  try {
    area.focus();
    area.select();
    area.setSelectionRange(0, text.length);
    return doc.execCommand("copy");
  } catch {
    return false;
  } finally {
    doc.body.removeChild(area);
    previous?.focus();
  }
}
