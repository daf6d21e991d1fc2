import { createDOMRenderer, RendererProvider } from "@fluentui/react-components";
import { render, RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";

/**
 * Renders with Griffel's styles kept out of the test document. jsdom's getComputedStyle
 * walks every CSS rule in the document, and accessible-name queries call it for each node,
 * so a Fluent pane with its styles in the document makes one role query take seconds.
 */
export function renderFluent(ui: ReactElement): RenderResult {
  const styles = document.implementation.createHTMLDocument("styles");
  return render(<RendererProvider renderer={createDOMRenderer(styles)}>{ui}</RendererProvider>);
}
