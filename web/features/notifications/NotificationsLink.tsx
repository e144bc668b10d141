import { NavLink } from "react-router";
import type { Session } from "../../lib/api.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { useNotifications } from "./api.ts";
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

/**
 * A bell linking to the inbox with the count of unread notifications (read state is kept on the
 * server). The console uses /konsol/notifikasi; citizen pages pass `to="/notifikasi"`.
 */
export function NotificationsLink({
  session,
  to = "/konsol/notifikasi",
  className,
}: {
  session: Session;
  to?: string;
  className?: string;
}) {
  const { t } = usePreferences();
  const query = useNotifications(session.user.id);
  const unread = query.data?.unread ?? 0;
  const count = unread > 99 ? "99+" : String(unread);
  return (
    <NavLink
      to={to}
      className={className}
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

/** The citizen's bell, for the home page and the citizen pages' headers. */
export function CitizenNotificationsLink({ session }: { session: Session }) {
  return <NotificationsLink session={session} to="/notifikasi" className="notif-citizen-link" />;
}
