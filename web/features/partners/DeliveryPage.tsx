import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type DeliveryDetail, partnersApi } from "./api.ts";
import { DeliveryStatusBadge, LastResponse, ReplayButton } from "./parts.tsx";
import "./partners.css";

function Detail({ d }: { d: DeliveryDetail }) {
  const { t, lang } = usePreferences();
  const [failure, setFailure] = useState<string | null>(null);
  const none = t("partners.none");
  return (
    <>
      <dl className="partners-facts">
        <dt>{t("partners.detail.id")}</dt>
        <dd>
          <code>{d.id}</code>
        </dd>
        <dt>{t("partners.col.event")}</dt>
        <dd>
          <code>{d.eventType}</code>
        </dd>
        <dt>{t("partners.detail.eventId")}</dt>
        <dd>
          <code>{d.eventId}</code>
        </dd>
        <dt>{t("partners.filter.client")}</dt>
        <dd>{d.clientId}</dd>
        <dt>{t("partners.detail.url")}</dt>
        <dd className="partners-url">{d.url ?? none}</dd>
        <dt>{t("partners.col.order")}</dt>
        <dd>{d.orderId ? <code>{d.orderId}</code> : none}</dd>
        <dt>{t("partners.col.status")}</dt>
        <dd>
          <DeliveryStatusBadge status={d.status} /> · {t("partners.col.attempts")}: {d.attempts}
        </dd>
        <dt>{t("partners.col.last")}</dt>
        <dd>
          <LastResponse code={d.lastStatusCode} error={d.lastError} />
        </dd>
        <dt>{t("partners.detail.next")}</dt>
        <dd>{d.nextAttemptAt ? formatDateTimeWIB(d.nextAttemptAt, lang) : none}</dd>
        {d.replayOf ? (
          <>
            <dt>{t("partners.detail.replayOf")}</dt>
            <dd>
              <Link to={`/konsol/mitra/pengiriman/${d.replayOf}`}>{d.replayOf}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t("partners.col.created")}</dt>
        <dd>{formatDateTimeWIB(d.createdAt, lang)}</dd>
      </dl>
      <div className="partners-actions">
        <ReplayButton id={d.id} openNew onError={setFailure} />
      </div>
      <ErrorAlert message={failure} />

      <section className="partners-section" aria-labelledby="delivery-attempts">
        <h2 id="delivery-attempts">{t("partners.detail.attempts")}</h2>
        {d.attemptLog.length === 0 ? (
          <p className="empty">{t("partners.detail.noAttempts")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("partners.attempt.at")}</th>
                  <th scope="col">{t("partners.attempt.code")}</th>
                  <th scope="col">{t("partners.attempt.error")}</th>
                  <th scope="col">{t("partners.attempt.duration")}</th>
                  <th scope="col">{t("partners.attempt.response")}</th>
                </tr>
              </thead>
              <tbody>
                {d.attemptLog.map((a) => (
                  <tr key={a.at}>
                    <th scope="row" className="nowrap">
                      {formatDateTimeWIB(a.at, lang)}
                    </th>
                    <td>{a.statusCode ?? none}</td>
                    <td>{a.error ?? none}</td>
                    <td className="nowrap">{a.durationMs} ms</td>
                    <td>
                      <code>{a.responseBody?.slice(0, 200) || none}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="partners-section" aria-labelledby="delivery-payload">
        <h2 id="delivery-payload">{t("partners.detail.payload")}</h2>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the payload scrolls; keyboard users must reach it */}
        <pre className="partners-payload" tabIndex={0}>
          {JSON.stringify(d.payload, null, 2)}
        </pre>
      </section>
    </>
  );
}

/** /konsol/mitra/pengiriman/:id: one webhook delivery, its attempts and the payload (admins). */
export function DeliveryPage() {
  const { t } = usePreferences();
  const { id = "" } = useParams();
  const query = useQuery({ queryKey: ["partners", "delivery", id], queryFn: () => partnersApi.delivery(id) });
  return (
    <ConsolePage
      title={t("partners.detail.title")}
      actions={
        <Link to="/konsol/mitra" className="button button-secondary">
          {t("partners.detail.back")}
        </Link>
      }
    >
      {(session) =>
        session.user.isAdmin || session.persona === "admin" ? (
          <QueryState query={query} isEmpty={() => false} empty="">
            {(d) => <Detail d={d} />}
          </QueryState>
        ) : (
          <p className="alert alert-info">{t("partners.forbidden")}</p>
        )
      }
    </ConsolePage>
  );
}
