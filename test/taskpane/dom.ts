import { configure } from "@testing-library/react";

/**
 * What Fluent UI v9 expects of a browser and jsdom lacks. Import first in each pane test.
 */
if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  if (!("ResizeObserver" in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub, writable: true });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}

export {};

// A Fluent pane is a large DOM: role queries over it take longer than the default 1 s.
// Visibility checks call getComputedStyle over every Griffel rule, which jsdom does slowly;
// the pane hides inactive tab panels with the `hidden` attribute, which tests click through anyway.
configure({ asyncUtilTimeout: 10000, defaultHidden: true });
