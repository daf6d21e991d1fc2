/// <reference types="office-js" />
// tsconfig's `types: ["node", "jest"]` hides the global Office namespace; this brings it back.
import { computeEverySheet } from "../excel/compute";

/**
 * The ribbon's Tính tiến độ button (manifest FunctionName `computeProgress`): computes the
 * indicator sheets without opening the pane. Excel queues later clicks until `completed()` is
 * called, so one failure without it would leave the button dead: it is called whatever happens.
 */
export async function computeProgress(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await computeEverySheet();
  } catch (error) {
    // A ribbon command has no surface for messages (notification messages are Outlook-only),
    // so the error goes to the function file's console, where a developer can find it.
    console.error(error);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("computeProgress", computeProgress);
});
