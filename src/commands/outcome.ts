/**
 * The ribbon's outcome page: Excel shows it in a small dialog after **Tính tiến độ**, with
 * the outcome in the address's fragment (never sent to a server). The text is set as text,
 * never as markup.
 */
function outcome(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    // A fragment cut or changed on the way (some hosts append their own parameters).
    return fragment;
  }
}

const text = outcome(window.location.hash.slice(1));
const message = document.getElementById("outcome");
if (message) message.textContent = text;
