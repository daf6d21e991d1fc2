/// <reference types="office-js" />
// tsconfig's `types: ["node", "jest"]` hides the global Office namespace; this brings it back.
import type { WorkbookReport } from "../core/job";
import { ribbon, vi } from "../core/messages/vi";
import { computeEverySheet } from "../excel/compute";

/** What the click did, in Vietnamese: the sheets computed and the counts, or the failure. */
export function outcomeText(outcome: WorkbookReport | { error: unknown }): string {
  if ("error" in outcome) {
    const { error } = outcome;
    return ribbon.failed(error instanceof Error ? error.message : String(error));
  }
  return [
    ribbon.done(
      outcome.sheets.map((sheet) => sheet.sheet),
      vi.counts(outcome.summary)
    ),
    ...outcome.skipped.map(({ sheet, reason }) => ribbon.skipped(sheet, vi.skipped[reason])),
  ].join(" ");
}

/**
 * The ribbon's Tính tiến độ button (manifest FunctionName `computeProgress`): computes the
 * indicator sheets without opening the pane, then says what it did in a small dialog, the
 * one surface Office gives a function command in Excel (notification messages are
 * Outlook's). Excel queues later clicks until `completed()` is called, so it is called
 * whatever happens, once the dialog is asked for.
 */
export async function computeProgress(event: Office.AddinCommands.Event): Promise<void> {
  let text: string;
  try {
    text = outcomeText(await computeEverySheet());
  } catch (error) {
    text = outcomeText({ error });
  }
  try {
    await showOutcome(text);
  } catch (error) {
    // No dialog (DialogApi missing, or a dialog already open): the console is what is left.
    console.error(error, text);
  } finally {
    event.completed();
  }
}

/** The outcome dialog of the last click while it is open: a second click replaces it. */
let openDialog: Office.Dialog | null = null;

/**
 * Opens the outcome page beside this function file, the text in its fragment. A dialog
 * still open from an earlier click is closed first: Office opens one dialog at a time
 * (error 12007), and the new outcome is the one to read.
 */
function showOutcome(text: string): Promise<void> {
  const url = new URL("outcome.html", window.location.href);
  url.hash = encodeURIComponent(text);
  if (openDialog !== null) {
    openDialog.close();
    openDialog = null;
  }
  return new Promise((resolve, reject) =>
    Office.context.ui.displayDialogAsync(
      url.href,
      { height: 30, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new Error(result.error?.message ?? "displayDialogAsync failed"));
          return;
        }
        const dialog = result.value;
        openDialog = dialog;
        // Closed by the user (or gone with its page): nothing left to replace.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
          if (openDialog === dialog) openDialog = null;
        });
        resolve();
      }
    )
  );
}

Office.onReady(() => {
  Office.actions.associate("computeProgress", computeProgress);
});
