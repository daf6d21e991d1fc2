import { createContext, useContext } from "react";
import { en } from "./en";
import { vi, PaneMessages } from "./vi";

export type Language = "vi" | "en";
export type { PaneMessages };

export const MESSAGES: Record<Language, PaneMessages> = { vi, en };

export const MessagesContext = createContext<PaneMessages>(vi);

/** The messages of the language the user picked. */
export function useMessages(): PaneMessages {
  return useContext(MessagesContext);
}
