import { useQuery } from "@tanstack/react-query";
import { Link, Navigate } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import type { SignInState } from "../auth/SignInPage.tsx";
import { laporApi } from "./api.ts";
import { deleteFromOutbox, type OutboxItem, retryOutboxItem, syncOutbox, useOutbox } from "./outbox.ts";
import { categoryName, ReportCard, useOnline, useOwner } from "./parts.tsx";
import "./lapor.css";

function OutboxEntry({ item, owner }: { item: OutboxItem; owner: string }) {
  const { t, lang } = usePreferences();
  const attention = item.status === "attention";
  return (
    <li
      className={`lapor-card lapor-outbox-item${attention ? " lapor-outbox-attention" : ""}`}
      data-testid="lapor-outbox-item"
      data-status={item.status}
      data-key={item.clientRequestId}
    >
      <div className="lapor-card-body">
        <h3 className="lapor-card-title">{categoryName(lang, item.categoryName)}</h3>
        <p className="lapor-card-desc">{item.body.description}</p>
        <p className="lapor-card-meta">
          <span className={`badge ${attention ? "badge-danger" : "badge-warning"}`}>
            {attention ? t("lapor.my.outboxAttention") : t("lapor.my.outboxWaiting")}
          </span>
          <span className="muted small">{formatDateTimeWIB(item.createdAt, lang)}</span>
          {item.photos.length ? (
            <span className="muted small">{t("lapor.my.photos", { n: item.photos.length })}</span>
          ) : null}
        </p>
        {attention ? (
          <p className="field-error" data-testid="lapor-outbox-problem">
            {item.problem}
          </p>
        ) : (
          <p className="muted small">{t("lapor.my.outboxNext")}</p>
        )}
        <p className="lapor-head-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void retryOutboxItem(item.clientRequestId).then(() => syncOutbox(owner, true))}
            data-testid="lapor-outbox-retry"
          >
            {t("lapor.my.retry")}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              if (window.confirm(t("lapor.my.deleteConfirm"))) void deleteFromOutbox(item.clientRequestId);
            }}
            data-testid="lapor-outbox-delete"
          >
            {t("lapor.my.delete")}
          </button>
        </p>
      </div>
    </li>
  );
}

/** `/lapor/saya`: the reports waiting on this phone, then my reports and the ones I follow. */
export function MyReportsPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("lapor.my.title"));
  const { session, ownerId, pending } = useOwner();
  const online = useOnline();
  const outbox = useOutbox().filter((i) => i.ownerUserId === ownerId);
  const waitingCount = outbox.length;
  const reports = useQuery({
    queryKey: ["lapor", "mine", ownerId, waitingCount],
    queryFn: laporApi.myReports,
    enabled: Boolean(session),
  });
  if (!pending && session === null) {
    const state: SignInState = { from: "/lapor/saya" };
    return <Navigate to="/masuk" replace state={state} />;
  }
  return (
    <div className="lapor-page" data-testid="lapor-mine">
      <p>
        <Link to="/lapor">← {t("lapor.backToFeed")}</Link>
      </p>
      <h1 id="page-title">{t("lapor.my.title")}</h1>
      <p className="lapor-head-actions">
        <Link to="/lapor/baru" className="button button-primary" data-testid="lapor-new-button">
          {t("lapor.new")}
        </Link>
      </p>
      {outbox.length > 0 && ownerId ? (
        <section className="card" aria-labelledby="lapor-outbox-title" data-testid="lapor-outbox">
          <h2 id="lapor-outbox-title" className="section-title">
            {t("lapor.my.outbox")}
          </h2>
          {!online ? <p className="muted">{t("lapor.saved.offline")}</p> : null}
          <ul className="lapor-list">
            {outbox.map((item) => (
              <OutboxEntry key={item.clientRequestId} item={item} owner={ownerId} />
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="lapor-my-title">
        <h2 id="lapor-my-title" className="section-title">
          {t("lapor.my.reports")}
        </h2>
        {session ? (
          <QueryState query={reports} isEmpty={(d) => d.items.length === 0} empty={t("lapor.my.empty")}>
            {(data) => (
              <ul className="lapor-list" data-testid="lapor-my-list">
                {data.items.map((r) => (
                  <ReportCard
                    key={r.id}
                    report={r}
                    extra={
                      <span className="badge badge-hub" data-testid="lapor-my-kind">
                        {r.mine ? t("lapor.my.own") : t("lapor.my.following")}
                      </span>
                    }
                  />
                ))}
              </ul>
            )}
          </QueryState>
        ) : null}
      </section>
    </div>
  );
}
