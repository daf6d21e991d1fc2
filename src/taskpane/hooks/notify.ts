/** The pane's one toaster; `App` renders it. */
export const TOASTER_ID = "chitieu-toaster";

/** Shows a short confirmation or failure (copied, saved, written). */
export type Notify = (intent: "success" | "error" | "info" | "warning", text: string) => void;
