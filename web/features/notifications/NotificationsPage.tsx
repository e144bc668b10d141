import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { useSession } from "../auth/session.ts";
import { type AppNotification, fetchNotifications, linkOf, useMarkRead } from "./api.ts";
import "./notifications.css";

function levelTone(level: unknown): string {
  if (level === "waspada") return "badge-warning";
  if (level === "siaga" || level === "krisis") return "badge-danger";
  return "badge-success";
}

function Item({ n, fresh }: { n: AppNotification; fresh: boolean }) {
  const { t, td, lang } = usePreferences();
  const link = linkOf(n);
  const level = n.payload.alertLevel;
  const title = lang === "en" ? n.title.en : n.title.id;
  return (
    <li className={fresh ? "notif notif-new" : "notif"} data-testid="notification" data-new={fresh}>
      <div className="notif-head">
        <h2 className="notif-title">
          {link ? (
            <Link to={link} data-testid="notification-link">
              {title}
            </Link>
          ) : (
            title
          )}
        </h2>
        {fresh ? <span className="badge badge-hub">{t("notifications.new")}</span> : null}
        {typeof level === "string" ? (
          <span className={`badge ${levelTone(level)}`}>{td(`stability.level.${level}`, level)}</span>
        ) : null}
      </div>
      <p>{lang === "en" ? n.body.en : n.body.id}</p>
      <p className="notif-meta muted small">
        <time dateTime={n.createdAt}>{formatDateTimeWIB(n.createdAt, lang)}</time>
      </p>
    </li>
  );
}

/**
 * The inbox: newest first, more on request. Opening it marks what it shows as read on the server;
 * what was unread when it opened keeps its "new" mark while the page is open.
 */
function Inbox({ session }: { session: Session }) {
  const { t, td } = usePreferences();
  const userId = session.user.id;
  const fresh = useRef(new Set<string>());
  const [, rerender] = useState(0);
  const markRead = useMarkRead(userId);
  const query = useInfiniteQuery({
    queryKey: ["notifications", userId, "inbox"],
    queryFn: ({ pageParam }) => fetchNotifications(pageParam),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadShown = items.filter((n) => !n.readAt && !fresh.current.has(n.id)).map((n) => n.id);
  const unreadKey = unreadShown.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the unread ids shown change
  useEffect(() => {
    if (unreadShown.length === 0) return;
    for (const id of unreadShown) fresh.current.add(id);
    rerender((n) => n + 1);
    markRead.mutate(unreadShown);
  }, [unreadKey]);
  const unread = query.data?.pages[0]?.unread ?? 0;
  return (
    <section className="card notif-inbox" data-testid="notifications">
      <div className="notif-toolbar">
        <p className="muted small" aria-live="polite" data-testid="notifications-unread">
          {unread > 0 ? t("notifications.unreadCount", { n: unread }) : t("notifications.allRead")}
        </p>
        {unread > 0 ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              if (!markRead.isPending) markRead.mutate(undefined);
            }}
            aria-disabled={markRead.isPending || undefined}
            data-testid="notifications-mark-all"
          >
            {t("notifications.markAll")}
          </button>
        ) : null}
      </div>
      {markRead.isError ? <ErrorAlert message={errorMessage(markRead.error, t, td)} /> : null}
      <QueryState
        query={query}
        isEmpty={(d) => d.pages.every((p) => p.items.length === 0)}
        empty={t("notifications.empty")}
      >
        {() => (
          <>
            <ul className="notif-list">
              {items.map((n) => (
                <Item key={n.id} n={n} fresh={fresh.current.has(n.id)} />
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
          </>
        )}
      </QueryState>
    </section>
  );
}

/** /konsol/notifikasi: an operator's notifications inside the console. */
export function NotificationsPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("notifications.title")} intro={t("notifications.intro")}>
      {(session) => <Inbox session={session} />}
    </ConsolePage>
  );
}

/** /notifikasi: a citizen's inbox in the mobile column (updates on their reports, news for their area). */
export function CitizenNotificationsPage() {
  const { t } = usePreferences();
  const session = useSession();
  useDocumentTitle(t("notifications.title"));
  return (
    <div className="notif-page">
      <h1 id="page-title">{t("notifications.title")}</h1>
      <p className="muted">{t("notifications.citizenIntro")}</p>
      {session.isPending ? (
        <p className="loading" aria-busy="true">
          <span className="spinner" aria-hidden="true" />
          {t("app.loading")}
        </p>
      ) : session.data ? (
        <>
          <Inbox session={session.data} />
          <p className="small">
            <Link to="/profil#notifikasi">{t("notifications.manageChannels")}</Link>
          </p>
        </>
      ) : (
        <p>
          <Link to="/masuk" state={{ from: "/notifikasi" }}>
            {t("signIn.title")}
          </Link>
        </p>
      )}
    </div>
  );
}
