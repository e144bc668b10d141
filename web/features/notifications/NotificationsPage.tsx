import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type AppNotification, fetchNotifications, markSeen, seenUpTo, stabilityLinkOf } from "./api.ts";
import "./notifications.css";

function levelTone(level: unknown): string {
  if (level === "waspada") return "badge-warning";
  if (level === "siaga" || level === "krisis") return "badge-danger";
  return "badge-success";
}

function Item({ n, fresh }: { n: AppNotification; fresh: boolean }) {
  const { t, td, lang } = usePreferences();
  const link = stabilityLinkOf(n);
  const level = n.payload.alertLevel;
  return (
    <li className={fresh ? "notif notif-new" : "notif"} data-testid="notification" data-new={fresh}>
      <div className="notif-head">
        <h2 className="notif-title">{lang === "en" ? n.title.en : n.title.id}</h2>
        {fresh ? <span className="badge badge-hub">{t("notifications.new")}</span> : null}
        {typeof level === "string" ? (
          <span className={`badge ${levelTone(level)}`}>{td(`stability.level.${level}`, level)}</span>
        ) : null}
      </div>
      <p>{lang === "en" ? n.body.en : n.body.id}</p>
      <p className="notif-meta muted small">
        <time dateTime={n.createdAt}>{formatDateTimeWIB(n.createdAt, lang)}</time>
        {link ? (
          <>
            {" · "}
            <Link to={link} data-testid="notification-link">
              {t("notifications.open")}
            </Link>
          </>
        ) : null}
      </p>
    </li>
  );
}

function Inbox({ session }: { session: Session }) {
  const { t } = usePreferences();
  const userId = session.user.id;
  // What counted as new when the inbox opened stays marked while it is open.
  const [seenBefore] = useState(() => seenUpTo(userId));
  const query = useInfiniteQuery({
    queryKey: ["notifications", userId, "inbox"],
    queryFn: ({ pageParam }) => fetchNotifications(pageParam),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const newest = query.data?.pages[0]?.items[0]?.createdAt;
  useEffect(() => {
    if (newest) markSeen(userId, newest);
  }, [userId, newest]);
  return (
    <section className="card" data-testid="notifications">
      <QueryState
        query={query}
        isEmpty={(d) => d.pages.every((p) => p.items.length === 0)}
        empty={t("notifications.empty")}
      >
        {(data) => (
          <>
            <ul className="notif-list">
              {data.pages
                .flatMap((p) => p.items)
                .map((n) => (
                  <Item key={n.id} n={n} fresh={!seenBefore || n.createdAt > seenBefore} />
                ))}
            </ul>
            {query.hasNextPage ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => void query.fetchNextPage()}
                aria-disabled={query.isFetchingNextPage || undefined}
              >
                {t("notifications.more")}
              </button>
            ) : null}
            <p className="muted small">{t("notifications.seenNote")}</p>
          </>
        )}
      </QueryState>
    </section>
  );
}

/** /konsol/notifikasi: the signed-in person's in-app notifications, newest first. */
export function NotificationsPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("notifications.title")} intro={t("notifications.intro")}>
      {(session) => <Inbox session={session} />}
    </ConsolePage>
  );
}
