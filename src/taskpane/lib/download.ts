/** The media type Word's documents are served as. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Hands bytes to the browser as a file to save, under `name`: the webview's own download
 * (Excel on the web, Excel on Windows' WebView2, a browser). Nothing goes over the network:
 * the file is made in the page and given as an object URL.
 */
export function saveFile(bytes: Uint8Array, name: string, type: string, doc: Document = document) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some webviews start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
