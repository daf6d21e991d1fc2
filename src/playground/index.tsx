import { createRoot } from "react-dom/client";
import sampleDataUrl from "../../assets/samples/chi-tieu-2024.xlsx";
import { Playground } from "./Playground";

/** The bundled sample is inlined as a data URL: decoded here, so opening it needs no network. */
async function sample(): Promise<ArrayBuffer> {
  const base64 = sampleDataUrl.slice(sampleDataUrl.indexOf(",") + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/**
 * Keeps the app's files for use without a network (dist/sw.js). Where the browser has no
 * service workers, or refuses one (a page opened from a file, plain http on a host that is
 * not this machine), the app still works while it is served.
 */
if (__OFFLINE_APP__ && "serviceWorker" in navigator)
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("sw.js").catch(() => undefined);
  });

const container = document.getElementById("container");
if (container) createRoot(container).render(<Playground sample={sample} />);
