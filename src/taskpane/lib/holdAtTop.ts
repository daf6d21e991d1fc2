/** What ends a hold: the official scrolling, touching, clicking or typing. */
const USER_EVENTS = ["wheel", "touchstart", "keydown", "pointerdown"] as const;

/**
 * Scrolls the box around `element` (the pane, or the page) to put it at the top once the
 * frame that shows it is laid out, and holds it there for `ms` while the rest of the pane
 * settles, until the official scrolls, touches, clicks or types. Returns the cancel.
 *
 * Chromium 156 cuts short a scrollIntoView asked for while the rest of the answer is laid
 * out, and on a loaded machine the pane's settling scrolls it back: the answer's heading
 * was left at the foot of the pane. The hold answers scroll events rather than checking
 * every frame, which forced a layout a frame (the longest task while 12.000 rows are
 * computed went from about 80 to 105 ms).
 */
export function holdAtTop(element: HTMLElement, ms: number): () => void {
  let box: HTMLElement | null | undefined;
  const place = (): void => {
    if (box === undefined) box = scrollBoxOf(element);
    const top = element.getBoundingClientRect().top - (box?.getBoundingClientRect().top ?? 0);
    if (Math.abs(top) < 1) return;
    if (box) box.scrollTop += top;
    else window.scrollBy?.(0, top);
  };
  const frame = requestAnimationFrame(place);
  // A scroll of any box (scroll events do not bubble; they are caught on the way down).
  document.addEventListener("scroll", place, true);
  const timer = setTimeout(() => stop(), ms);
  const stop = (): void => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    document.removeEventListener("scroll", place, true);
    for (const event of USER_EVENTS) window.removeEventListener(event, stop);
  };
  for (const event of USER_EVENTS) window.addEventListener(event, stop);
  return stop;
}

/** The nearest box around `element` that scrolls; null when the page itself does. */
function scrollBoxOf(element: HTMLElement): HTMLElement | null {
  for (let box = element.parentElement; box; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if ((overflow === "auto" || overflow === "scroll") && box.scrollHeight > box.clientHeight)
      return box;
  }
  return null;
}
