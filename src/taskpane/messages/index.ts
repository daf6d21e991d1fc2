import { createContext, useContext } from "react";
import { vi, PaneMessages } from "./vi";

export type Language = "vi" | "en";
export type { PaneMessages };

/**
 * The messages of a language. English loads with the chunk the pane fetches after its first
 * screen, so that a Vietnamese pane's first screen does not carry a second catalog.
 */
export async function loadMessages(language: Language): Promise<PaneMessages> {
  if (language === "vi") return vi;
  return (await import(/* webpackChunkName: "later" */ "./en")).en;
}

export const MessagesContext = createContext<PaneMessages>(vi);

/** The messages of the language the user picked. */
export function useMessages(): PaneMessages {
  return useContext(MessagesContext);
}
