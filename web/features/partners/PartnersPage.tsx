import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type DeliveryStatus, type PartnerClient, partnersApi } from "./api.ts";
import { DeliveryStatusBadge, LastResponse, ReplayButton } from "./parts.tsx";
import "./partners.css";

const PAGE = 25;
const STATUSES: readonly DeliveryStatus[] = ["pending", "delivered", "failed"];

function ClientCard({ client }: { client: PartnerClient }) {
  const { t, lang } = usePreferences();
  return (
    <li className="card" data-testid={`partner-${client.clientId}`}>
      <div className="partners-client-head">
        <h3>{client.name}</h3>
        <span className={`badge ${client.revokedAt ? "badge-danger" : "badge-success"}`}>
          {client.revokedAt ? t("partners.client.revoked") : t("partners.client.active")}
        </span>
      </div>
      <p className="muted">
        <code>{client.clientId}</code> · {client.organisation.name}
      </p>
      <p>
        <strong>{t("partners.client.scopes")}:</strong> {client.scopes.join(", ")}
      </p>
      <p>{t("partners.client.counts", client.deliveries)}</p>
      <h4>{t("partners.endpoints")}</h4>
      {client.endpoints.length === 0 ? (
        <p className="muted">{t("partners.endpoints.none")}</p>
      ) : (
        <ul className="partners-endpoints">
          {client.endpoints.map((e) => (
            <li key={e.id}>
              <span className="partners-url">{e.url}</span>
              <span className="cell-sub">
                {t("partners.endpoint.events")}:{" "}
                {e.events.includes("*") ? t("partners.endpoint.all") : e.events.join(", ")}
                {e.description ? ` · ${e.description}` : ""} · {formatDateTimeWIB(e.createdAt, lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Deliveries({ clients }: { clients: PartnerClient[] }) {
  const { t, lang } = usePreferences();
  const [clientId, setClientId] = useState("");
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const [limit, setLimit] = useState(PAGE);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const filter = { ...(clientId ? { clientId } : {}), ...(status ? { status } : {}), limit };
  const query = useQuery({
    queryKey: ["partners", "deliveries", filter],
    queryFn: () => partnersApi.deliveries(filter),
    refetchInterval: 10_000,
  });
  return (
    <section className="partners-section" aria-labelledby="partners-deliveries">
      <h2 id="partners-deliveries">{t("partners.deliveries")}</h2>
      <div className="partners-filters">
        <SelectField
          label={t("partners.filter.client")}
          value={clientId}
          onChange={(e) => {
            setClientId(e.target.value);
            setLimit(PAGE);
          }}
        >
          <option value="">{t("partners.filter.all")}</option>
          {clients.map((c) => (
            <option key={c.clientId} value={c.clientId}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("partners.filter.status")}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as DeliveryStatus | "");
            setLimit(PAGE);
          }}
        >
          <option value="">{t("partners.filter.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`partners.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <StatusMessage message={notice} />
      <ErrorAlert message={failure} />
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("partners.deliveries.empty")}>
        {(data) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("partners.col.event")}</th>
                    <th scope="col">{t("partners.col.status")}</th>
                    <th scope="col">{t("partners.col.attempts")}</th>
                    <th scope="col">{t("partners.col.last")}</th>
                    <th scope="col">{t("partners.col.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <tr key={d.id} data-testid={`delivery-${d.id}`}>
                      <th scope="row">
                        <code>{d.eventType}</code>
                        <span className="cell-sub">
                          {d.clientId} · {formatDateTimeWIB(d.createdAt, lang)}
                        </span>
                        {d.orderId ? (
                          <span className="cell-sub">
                            {t("partners.col.order")} <code>{d.orderId}</code>
                          </span>
                        ) : null}
                        {d.replayOf ? (
                          <span className="cell-sub">
                            {t("partners.detail.replayOf")} <code>{d.replayOf}</code>
                          </span>
                        ) : null}
                      </th>
                      <td>
                        <DeliveryStatusBadge status={d.status} />
                      </td>
                      <td className="nowrap">{d.attempts}</td>
                      <td>
                        <LastResponse code={d.lastStatusCode} error={d.lastError} />
                        {d.lastAttemptAt ? (
                          <span className="cell-sub">{formatDateTimeWIB(d.lastAttemptAt, lang)}</span>
                        ) : null}
                      </td>
                      <td>
                        <div className="partners-actions">
                          <Link to={`/konsol/mitra/pengiriman/${d.id}`}>{t("partners.detail")}</Link>
                          <ReplayButton
                            id={d.id}
                            onDone={(event) => {
                              setFailure(null);
                              setNotice(t("partners.replayed", { event }));
                            }}
                            onError={(message) => {
                              setNotice(null);
                              setFailure(message);
                            }}
                          />
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {data.total > data.items.length ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setLimit(limit + PAGE)}
              >
                {t("partners.more")}
              </button>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

function Partners() {
  const { t } = usePreferences();
  const clients = useQuery({ queryKey: ["partners", "clients"], queryFn: partnersApi.clients });
  return (
    <>
      <section aria-labelledby="partners-clients">
        <h2 id="partners-clients">{t("partners.clients")}</h2>
        <QueryState query={clients} isEmpty={(d) => d.items.length === 0} empty={t("partners.clients.empty")}>
          {(data) => (
            <ul className="partners-clients">
              {data.items.map((c) => (
                <ClientCard key={c.clientId} client={c} />
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      <Deliveries clients={clients.data?.items ?? []} />
    </>
  );
}

/** /konsol/mitra: partner clients, their webhook endpoints and recent deliveries (admins). */
export function PartnersPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("partners.title")} intro={t("partners.lead")}>
      {(session) =>
        session.user.isAdmin || session.persona === "admin" ? (
          <Partners />
        ) : (
          <p className="alert alert-info">{t("partners.forbidden")}</p>
        )
      }
    </ConsolePage>
  );
}
