import { Spinner } from "@fluentui/react-components";
import { Component, lazy, ReactNode, Suspense } from "react";
import type { Failure } from "../lib/errors";
import { useMessages } from "../messages";
import { ErrorBar } from "./ErrorBar/ErrorBar";

// What the first screen does not show comes in one chunk, "later", with the engine
// (hooks/useEngine.ts) and the Excel adapter (officeHost.ts): the pane's first render parses
// and runs only the compute tab's code. The toaster asks for the chunk during that first
// render, so the mapping, a result or a tab switch rarely waits for it.
const later = () => import(/* webpackChunkName: "later" */ "./later");

export const Draft = lazy(() => later().then((m) => ({ default: m.Draft })));
export const Mapping = lazy(() => later().then((m) => ({ default: m.Mapping })));
export const Results = lazy(() => later().then((m) => ({ default: m.Results })));
export const TemplateEditor = lazy(() => later().then((m) => ({ default: m.TemplateEditor })));
export const Toaster = lazy(() => later().then((m) => ({ default: m.Toaster })));

export interface LaterPartProps {
  children: ReactNode;
  /** Nothing on screen while loading or when loading failed (the toaster has nothing to show). */
  quiet?: boolean;
}

/** A lazy part: a spinner while its chunk loads; a message bar, not a blank pane, if it cannot. */
export function LaterPart({ children, quiet = false }: LaterPartProps) {
  return (
    <PartBoundary quiet={quiet}>
      <Suspense fallback={quiet ? null : <PartLoading />}>{children}</Suspense>
    </PartBoundary>
  );
}

function PartLoading() {
  const m = useMessages();
  return <Spinner size="tiny" labelPosition="after" label={m.busy.part} />;
}

/** Keeps a part that failed to load (or to render) from taking the whole pane down with it. */
class PartBoundary extends Component<LaterPartProps, { failure: Failure | null }> {
  override state: { failure: Failure | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: Failure } {
    return { failure: { stage: "part", error } };
  }

  override render() {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    return this.props.quiet ? null : <ErrorBar failure={failure} />;
  }
}
