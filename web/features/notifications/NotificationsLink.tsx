import { NavLink } from "react-router";
import type { Session } from "../../lib/api.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { unreadOf, useNotifications, useSeenUpTo } from "./api.ts";
import "./bell.css";

function Bell() {
  return (
    <svg
      className="icon"
      width={20}
      height={20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** The console's bell: a link to the inbox with the count of notifications not seen on this device. */
export function NotificationsLink({ session }: { session: Session }) {
  const { t } = usePreferences();
  const query = useNotifications(session.user.id);
  const seen = useSeenUpTo(session.user.id);
  const items = query.data?.items ?? [];
  const unread = unreadOf(items, seen);
  const more = unread === items.length && query.data?.nextOffset != null;
  const count = more ? `${unread}+` : String(unread);
  return (
    <NavLink
      to="/konsol/notifikasi"
      aria-label={unread > 0 ? t("notifications.navUnread", { n: count }) : undefined}
      data-testid="notifications-link"
    >
      <Bell />
      {t("notifications.nav")}
      {unread > 0 ? (
        <span className="notif-count" aria-hidden="true" data-testid="notifications-count">
          {count}
        </span>
      ) : null}
    </NavLink>
  );
}
