// The parts of the pane shown after its first screen, loaded as one chunk: see lazy.tsx.
export { Toaster } from "@fluentui/react-components";
export { Draft } from "./Draft/Draft";
export { Mapping } from "./Mapping/Mapping";
export { Results } from "./Results/Results";
export { TemplateEditor } from "./TemplateEditor/TemplateEditor";
