import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation, useParams } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Icon } from "../../components/Icon.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Shipment, shipmentsApi, suratJalanUrl } from "./api.ts";
import { formatKg, formatMinutes, statusTone } from "./format.ts";
import { ReceiveForm } from "./ReceiveForm.tsx";
import "./shipments.css";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function Actions({ shipment }: { shipment: Shipment }) {
  const { t, td } = usePreferences();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: (action: () => Promise<Shipment>) => action(),
    onSuccess: (s) => {
      client.setQueryData(["shipment", s.id], s);
      client.invalidateQueries({ queryKey: ["shipments"] });
    },
  });
  const { can, id } = shipment;
  return (
    <div className="sh-detail-actions">
      <ErrorAlert
        title={t("shipments.action.failed")}
        message={act.isError ? errorMessage(act.error, t, td) : null}
        testId="shipment-action-error"
      />
      <div className="sh-actions">
        {can.dispatch ? (
          <button
            type="button"
            className="button button-primary"
            disabled={act.isPending}
            onClick={() => act.mutate(() => shipmentsApi.dispatch(id))}
            data-testid="shipment-dispatch"
          >
            {t("shipments.action.dispatch")}
          </button>
        ) : null}
        {can.departLeg !== null ? (
          <button
            type="button"
            className="button button-primary"
            disabled={act.isPending}
            onClick={() => act.mutate(() => shipmentsApi.depart(id, can.departLeg as number))}
            data-testid="shipment-depart-leg"
          >
            {t("shipments.action.depart", { n: can.departLeg })}
          </button>
        ) : null}
        {can.arriveLeg !== null ? (
          <button
            type="button"
            className="button button-primary"
            disabled={act.isPending}
            onClick={() => act.mutate(() => shipmentsApi.arrive(id, can.arriveLeg as number))}
            data-testid="shipment-arrive-leg"
          >
            {t("shipments.action.arrive", { n: can.arriveLeg })}
          </button>
        ) : null}
        <a
          className="button button-secondary"
          href={suratJalanUrl(id)}
          target="_blank"
          rel="noopener"
          data-testid="shipment-surat-jalan"
        >
          <Icon name="list" size={20} />
          {t("shipments.action.suratJalan")}
          <span className="visually-hidden"> {t("shipments.newTab")}</span>
        </a>
        {can.cancel ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={act.isPending}
            onClick={() => {
              if (window.confirm(t("shipments.action.cancelConfirm")))
                act.mutate(() => shipmentsApi.cancel(id));
            }}
            data-testid="shipment-cancel"
          >
            {t("shipments.action.cancel")}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Legs({ shipment }: { shipment: Shipment }) {
  const { t, td, lang } = usePreferences();
  const time = (v: string | null) => (v ? formatDateTimeWIB(v, lang) : "—");
  return (
    <section className="card sh-section" aria-labelledby="sh-legs-title">
      <h2 id="sh-legs-title">{t("shipments.legs")}</h2>
      <div className="table-wrap">
        <table data-testid="shipment-legs">
          <thead>
            <tr>
              <th scope="col">{t("shipments.leg")}</th>
              <th scope="col">{t("shipments.leg.carrier")}</th>
              <th scope="col">{t("shipments.leg.departure")}</th>
              <th scope="col">{t("shipments.leg.arrival")}</th>
              <th scope="col">{t("shipments.status")}</th>
            </tr>
          </thead>
          <tbody>
            {shipment.legs.map((l) => (
              <tr key={l.seq} data-testid={`shipment-leg-${l.seq}`}>
                <th scope="row">
                  {l.seq}. {td(`shipments.mode.${l.mode}`, l.mode)}
                  <span className="cell-sub">
                    {l.from.name} → {l.to.name}
                  </span>
                </th>
                <td>
                  {l.carrier.name}
                  {l.vehicle ? <span className="cell-sub">{l.vehicle}</span> : null}
                </td>
                <td className="small">
                  {t("shipments.planned")}: {time(l.plannedDeparture)}
                  <span className="cell-sub">
                    {t("shipments.actual")}: {time(l.actualDeparture)}
                  </span>
                </td>
                <td className="small">
                  {t("shipments.planned")}: {time(l.plannedArrival)}
                  <span className="cell-sub">
                    {l.actualArrival
                      ? `${t("shipments.actual")}: ${time(l.actualArrival)}`
                      : `${t("shipments.eta")}: ${time(l.eta)}`}
                  </span>
                </td>
                <td>
                  <span
                    className={`badge ${l.status === "arrived" ? "badge-success" : l.status === "underway" ? "badge-hub" : "badge-soon"}`}
                  >
                    {td(`shipments.leg.status.${l.status}`, l.status)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Lines({ shipment }: { shipment: Shipment }) {
  const { t, lang } = usePreferences();
  const kg = (v: number | null) => (v === null ? "—" : formatKg(v, lang));
  return (
    <section className="card sh-section" aria-labelledby="sh-lines-title">
      <h2 id="sh-lines-title">{t("shipments.lines")}</h2>
      <div className="table-wrap">
        <table data-testid="shipment-lines">
          <thead>
            <tr>
              <th scope="col">{t("shipments.line")}</th>
              <th scope="col" className="num">
                {t("shipments.pod.shippedShort")}
              </th>
              <th scope="col" className="num">
                {t("shipments.pod.accepted")}
              </th>
              <th scope="col" className="num">
                {t("shipments.pod.rejected")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shipment.lines.map((l) => (
              <tr key={l.lineNo} data-testid={`shipment-line-${l.lineNo}`}>
                <th scope="row">
                  {l.lineNo}. {l.description}
                  <code className="cell-sub sh-code">{l.digitalLink ?? l.epc}</code>
                </th>
                <td className="num">{kg(l.shippedKg)}</td>
                <td className="num">{kg(l.acceptedKg)}</td>
                <td className="num">
                  {kg(l.rejectedKg)}
                  {l.rejectionReason ? <span className="cell-sub">{l.rejectionReason}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The step as people say it: a hold and its release, a receipt and a rejection, are told apart. */
function stepKey(bizStep: string | null, disposition: string | null): string {
  if (bizStep === "holding")
    return disposition === "sellable_accessible" ? "shipments.step.released" : "shipments.step.held";
  if (bizStep === "receiving" && (disposition === "non_conformant" || disposition === "damaged")) {
    return "shipments.step.rejected";
  }
  return `shipments.step.${bizStep}`;
}

function Timeline({ shipment }: { shipment: Shipment }) {
  const { t, td, lang } = usePreferences();
  if (!shipment.history.length) return null;
  return (
    <section className="card sh-section" aria-labelledby="sh-timeline-title">
      <h2 id="sh-timeline-title">{t("shipments.timeline")}</h2>
      <ol className="timeline" data-testid="shipment-timeline">
        {shipment.history.map((h, i) => (
          <li
            key={h.eventId}
            className={i === shipment.history.length - 1 ? "timeline-item is-last" : "timeline-item"}
          >
            <span className="timeline-marker" aria-hidden="true" />
            <div className="timeline-body">
              <p className="timeline-label">
                {td(stepKey(h.bizStep, h.disposition), h.bizStep ?? "—")}
                {h.disposition ? (
                  <span className="badge badge-soon">
                    {td(`shipments.disposition.${h.disposition}`, h.disposition)}
                  </span>
                ) : null}
              </p>
              <p className="timeline-meta muted">
                <time className="timeline-time" dateTime={h.at}>
                  {formatDateTimeWIB(h.at, lang)}
                </time>
                {h.place?.name ? ` · ${h.place.name}` : ""}
              </p>
              {h.note ? <p className="timeline-meta">{h.note}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function HubVisits({ shipment }: { shipment: Shipment }) {
  const { t, td, lang } = usePreferences();
  if (!shipment.hubVisits.length) return null;
  return (
    <section className="card sh-section" aria-labelledby="sh-visits-title">
      <h2 id="sh-visits-title">{t("shipments.visits")}</h2>
      <ul className="sh-visits" data-testid="shipment-hub-visits">
        {shipment.hubVisits.map((v) => (
          <li key={v.hub.sgln}>
            <strong>{v.hub.name}</strong> —{" "}
            {t("shipments.visit.dwell", { time: formatMinutes(v.dwellMinutes, lang) })}
            {v.inspectionOutcome ? (
              <span className="cell-sub">
                {t("shipments.visit.inspected")}:{" "}
                {td(`shipments.outcome.${v.inspectionOutcome}`, v.inspectionOutcome)}
                {v.inspectionLossKg
                  ? ` · ${t("shipments.visit.loss", { kg: formatKg(v.inspectionLossKg, lang) })}`
                  : ""}
                {v.inspectionNote ? ` · ${v.inspectionNote}` : ""}
              </span>
            ) : null}
            {v.holdReason ? (
              <span className="cell-sub">
                {t("shipments.visit.held")}: {v.holdReason}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Detail({ shipment }: { shipment: Shipment }) {
  const { t, td, lang } = usePreferences();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const s = shipment;
  return (
    <div className="sh-page" data-testid="shipment-detail">
      <StatusMessage message={created ? t("shipments.created", { number: s.number }) : null} />
      <div className="sh-detail-head">
        <span className="visually-hidden" data-testid="shipment-number">
          {s.number}
        </span>
        <span
          className={`badge ${statusTone(s.status)}`}
          data-testid="shipment-status"
          data-status={s.status}
        >
          {td(`shipments.status.${s.status}`, s.status)}
        </span>
        <span className="muted">{td(`shipments.route.${s.route}`, s.route)}</span>
      </div>
      <Actions shipment={s} />
      <section className="card sh-section" aria-labelledby="sh-summary-title">
        <h2 id="sh-summary-title" className="visually-hidden">
          {t("shipments.summary")}
        </h2>
        <dl className="facts">
          <Fact label={t("shipments.shipper")}>{s.shipper.name}</Fact>
          <Fact label={t("shipments.receiver")}>{s.receiver.name}</Fact>
          <Fact label={t("shipments.origin")}>{s.origin.name}</Fact>
          <Fact label={t("shipments.destination")}>{s.destination.name}</Fact>
          <Fact label={t("shipments.now")} testId="shipment-current">
            {s.current?.name ?? "—"}
          </Fact>
          <Fact label={s.deliveredAt ? t("shipments.deliveredAt") : t("shipments.eta")} testId="shipment-eta">
            {s.deliveredAt
              ? formatDateTimeWIB(s.deliveredAt, lang)
              : s.eta
                ? formatDateTimeWIB(s.eta, lang)
                : "—"}
          </Fact>
          <Fact label={t("shipments.weight")}>{formatKg(s.totals.shippedKg, lang)}</Fact>
          {s.heldReason ? (
            <Fact label={t("shipments.heldReason")} testId="shipment-held-reason">
              {s.heldReason}
            </Fact>
          ) : null}
          {s.poReference ? (
            <Fact label={t("shipments.form.po")}>
              {s.poReference.replace(/^urn:epcglobal:cbv:bt:\d{13}:/, "")}
            </Fact>
          ) : null}
        </dl>
      </section>
      {s.excursions.length ? (
        <section
          className="card sh-section sh-warn"
          aria-labelledby="sh-exc-title"
          data-testid="shipment-excursions"
        >
          <h2 id="sh-exc-title">{t("shipments.excursions")}</h2>
          <ul>
            {s.excursions.map((x) => (
              <li key={`${x.epc}-${x.at}-${x.measurement}`}>
                {formatDateTimeWIB(x.at, lang)} · {x.measurement} {x.value} {x.uom} (
                {x.direction === "above" ? ">" : "<"} {x.limit}){x.place?.name ? ` · ${x.place.name}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s.can.receive ? <ReceiveForm shipment={s} /> : null}
      {s.proofOfDelivery ? (
        <section className="card sh-section" aria-labelledby="sh-pod-done" data-testid="shipment-pod">
          <h2 id="sh-pod-done">{t("shipments.pod.done")}</h2>
          <p>
            {t("shipments.pod.doneBy", {
              name: s.proofOfDelivery.receiverName ?? s.receiver.name,
              at: formatDateTimeWIB(s.proofOfDelivery.receivedAt, lang),
            })}
          </p>
          <div className="sh-evidence">
            {s.proofOfDelivery.photo ? (
              <img src={s.proofOfDelivery.photo} alt={t("shipments.pod.photo")} />
            ) : null}
            {s.proofOfDelivery.signature ? (
              <img src={s.proofOfDelivery.signature} alt={t("shipments.pod.signature")} />
            ) : null}
          </div>
        </section>
      ) : null}
      <Legs shipment={s} />
      <Lines shipment={s} />
      <HubVisits shipment={s} />
      <Timeline shipment={s} />
      <p>
        <Link to="/konsol/pengiriman">{t("shipments.back")}</Link>
      </p>
    </div>
  );
}

export function ShipmentPage() {
  const { t } = usePreferences();
  const { id = "" } = useParams();
  const query = useQuery({ queryKey: ["shipment", id], queryFn: () => shipmentsApi.get(id) });
  return (
    <ConsolePage title={query.data ? `${t("shipments.one")} ${query.data.number}` : t("shipments.one")}>
      {() => (
        <QueryState query={query} isEmpty={() => false} empty="">
          {(s) => <Detail shipment={s} />}
        </QueryState>
      )}
    </ConsolePage>
  );
}
