/**
 * The browser's install offer (`beforeinstallprompt`, Chromium only), kept from the moment the app
 * starts so the home screen can offer an "install" button whenever it is shown. The module is
 * imported by the home page, which is in the first chunk, so the event is never missed.
 */
import { useSyncExternalStore } from "react";

interface InstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

let deferred: InstallPromptEvent | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== "undefined") {
  window.addEventListener("beforeinstallprompt", (event) => {
    // Keep the offer for our own button instead of the browser's mini bar.
    event.preventDefault();
    deferred = event as InstallPromptEvent;
    notify();
  });
  window.addEventListener("appinstalled", () => {
    deferred = null;
    notify();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the browser offers to install the app now, and the function that asks the person. */
export function useInstallPrompt(): { available: boolean; install: () => Promise<void> } {
  const available = useSyncExternalStore(
    subscribe,
    () => deferred !== null,
    () => false,
  );
  return {
    available,
    install: async () => {
      const event = deferred;
      if (!event) return;
      deferred = null;
      notify();
      await event.prompt();
      await event.userChoice.catch(() => undefined);
    },
  };
}
