// The engine and the pane's helpers around it, in the chunk loaded after the first render
// (see hooks/useEngine.ts): the first screen shows no figure yet, and the core builds its
// lookup tables as it loads.
export { TableError } from "../../core/engine";
export { computeSheet, detectSheet, runWorkbookJob, workbookReport } from "../../core/job";
export { vi as coreVi } from "../../core/messages/vi";
export { columnLetter } from "../../core/text";
export { savedCorrections, withCorrection } from "./columns";
