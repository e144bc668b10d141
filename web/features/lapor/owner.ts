/**
 * Who the reports waiting on this phone belong to. Kept apart from the Lapor pages: the app shell uses it on
 * every page to send waiting reports when the connection returns, without loading the Lapor feature.
 */
import { useEffect } from "react";
import type { Session } from "../../lib/api.ts";
import { useSession } from "../auth/session.ts";

const OWNER_KEY = "lumbung.lapor.owner";

/**
 * The signed-in user, remembered on the device so the form and the outbox still work when the page
 * is opened without a signal (the session check then fails). Only the user id and name are kept.
 */
export function useOwner(): {
  session: Session | null | undefined;
  ownerId: string | null;
  pending: boolean;
} {
  const session = useSession();
  const data = session.data;
  useEffect(() => {
    try {
      if (data) localStorage.setItem(OWNER_KEY, data.user.id);
      else if (data === null) localStorage.removeItem(OWNER_KEY);
    } catch {
      // Storage refused: the offline start only is lost.
    }
  }, [data]);
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(OWNER_KEY);
  } catch {
    stored = null;
  }
  // Without a signal the session check waits (or fails): the user last signed in on this device.
  const ownerId = data ? data.user.id : data === null ? null : stored;
  return { session: data, ownerId, pending: session.isPending };
}
