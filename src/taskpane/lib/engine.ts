// The engine and the pane's helpers around it, in the chunk loaded after the first render
// (see hooks/useEngine.ts): the first screen shows no figure yet, and the core builds its
// lookup tables as it loads.
export { analyse } from "../../core/engine";
export { columnLetter } from "../../core/text";
export { planWrite } from "../../core/writePlan";
export { savedCorrections, withCorrection } from "./columns";
