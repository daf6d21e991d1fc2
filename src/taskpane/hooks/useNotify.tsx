import { useCallback } from "react";
import { Toast, ToastTitle, useToastController } from "@fluentui/react-components";
import { Notify, TOASTER_ID } from "./notify";

/** Short confirmations (copied, saved, written) as Fluent toasts, read out by screen readers. */
export function useNotify(): Notify {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (intent, text) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, politeness: intent === "error" ? "assertive" : "polite" }
      ),
    [dispatchToast]
  );
}
