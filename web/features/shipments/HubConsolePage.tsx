import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type HubEntry, shipmentsApi, type VisitState } from "./api.ts";
import { Dialog } from "./Dialog.tsx";
import { formatKg, formatMinutes, statusTone } from "./format.ts";
import "./shipments.css";

type Outcome = "conformant" | "non_conformant" | "damaged";
type Pending = { kind: "inspect" | "hold" | "release"; entry: HubEntry } | null;

const STATES: VisitState[] = ["arrived", "inspected", "held", "staged"];

function useHubAction(site: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (run: () => Promise<HubEntry>) => run(),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["hub-queue", site] });
      client.invalidateQueries({ queryKey: ["hub-stats", site] });
    },
  });
}

function Stats({ site }: { site: string }) {
  const { t, lang } = usePreferences();
  const query = useQuery({ queryKey: ["hub-stats", site], queryFn: () => shipmentsApi.hubStats(site) });
  return (
    <section className="card sh-section" aria-labelledby="hub-stats-title">
      <h2 id="hub-stats-title">{t("hub.stats")}</h2>
      <QueryState query={query} isEmpty={() => false} empty="">
        {(s) => (
          <dl className="summary-grid sh-stats" data-testid="hub-stats">
            <div className="summary-item">
              <dt>{t("hub.stats.throughput")}</dt>
              <dd>
                {s.throughput.departedShipments} · {formatKg(s.throughput.departedKg, lang)}
              </dd>
            </div>
            <div className="summary-item">
              <dt>{t("hub.stats.dwellMean")}</dt>
              <dd data-testid="hub-dwell-mean">{formatMinutes(s.dwell.meanMinutes, lang)}</dd>
            </div>
            <div className="summary-item">
              <dt>{t("hub.stats.dwellP50")}</dt>
              <dd>{formatMinutes(s.dwell.p50Minutes, lang)}</dd>
            </div>
            <div className="summary-item">
              <dt>{t("hub.stats.dwellP90")}</dt>
              <dd>{formatMinutes(s.dwell.p90Minutes, lang)}</dd>
            </div>
            <div className="summary-item">
              <dt>{t("hub.stats.holds")}</dt>
              <dd>
                {s.holds.holds} · {t("hub.stats.stillHeld", { n: s.holds.stillHeld })}
              </dd>
            </div>
          </dl>
        )}
      </QueryState>
      <p className="muted small">{t("hub.stats.period")}</p>
    </section>
  );
}

function Scan({ site }: { site: string }) {
  const { t, td } = usePreferences();
  const client = useQueryClient();
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const scan = useMutation({
    mutationFn: (value: string) => shipmentsApi.hubScan(site, value),
    onSuccess: (result) => {
      setMessage(
        result.shipments
          .map((s) => t(s.recorded ? "hub.scan.recorded" : "hub.scan.already", { number: s.number }))
          .join(" "),
      );
      setCode("");
      client.invalidateQueries({ queryKey: ["hub-queue", site] });
      // Ready for the next scan: a barcode reader types into the focused field.
      form.current?.querySelector("input")?.focus();
    },
    onError: () => setMessage(null),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (code.trim()) scan.mutate(code.trim());
  };
  return (
    <section className="card sh-section" aria-labelledby="hub-scan-title">
      <h2 id="hub-scan-title">{t("hub.scan")}</h2>
      <form ref={form} onSubmit={onSubmit} className="sh-scan" noValidate>
        <Field
          label={t("hub.scan.label")}
          hint={t("hub.scan.hint")}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={fieldErrorsOf(scan.error).code}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          data-testid="hub-scan-input"
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={scan.isPending}
          data-testid="hub-scan-submit"
        >
          {t("hub.scan.submit")}
        </button>
      </form>
      <ErrorAlert message={scan.isError ? errorMessage(scan.error, t, td) : null} testId="hub-scan-error" />
      <div data-testid="hub-scan-result">
        <StatusMessage message={message} />
      </div>
    </section>
  );
}

function EntryRow({
  entry,
  site,
  onAsk,
  action,
}: {
  entry: HubEntry;
  site: string;
  onAsk: (p: Pending) => void;
  action: ReturnType<typeof useHubAction>;
}) {
  const { t, td, lang } = usePreferences();
  const v = entry.visit;
  const held = v?.state === "held";
  return (
    <li className="sh-entry" data-testid={`hub-entry-${entry.number}`}>
      <div className="sh-entry-head">
        <Link to={`/konsol/pengiriman/${entry.id}`} className="sh-number">
          {entry.number}
        </Link>
        <span className={`badge ${statusTone(entry.status)}`}>
          {td(`shipments.status.${entry.status}`, entry.status)}
        </span>
        {v ? (
          <span className="sh-dwell" data-testid={`hub-dwell-${entry.number}`}>
            {t("hub.dwell", { time: formatMinutes(v.dwellMinutes, lang) })}
          </span>
        ) : null}
      </div>
      <p className="small">
        {entry.shipper.name} → {entry.receiver.name} · {formatKg(entry.shippedKg, lang)} · {entry.lines}{" "}
        {t("hub.lines")}
      </p>
      {!v && entry.inbound ? (
        <p className="small">
          {t("hub.inbound", {
            from: entry.inbound.from,
            mode: td(`shipments.mode.${entry.inbound.mode}`, entry.inbound.mode),
            eta: formatDateTimeWIB(entry.inbound.eta, lang),
          })}
          {entry.inbound.vehicle ? ` · ${entry.inbound.vehicle}` : ""}
        </p>
      ) : null}
      {v?.inspectionOutcome ? (
        <p className="small">
          {t("shipments.visit.inspected")}:{" "}
          {td(`shipments.outcome.${v.inspectionOutcome}`, v.inspectionOutcome)}
          {v.inspectionLossKg
            ? ` · ${t("shipments.visit.loss", { kg: formatKg(v.inspectionLossKg, lang) })}`
            : ""}
          {v.inspectionNote ? ` · ${v.inspectionNote}` : ""}
        </p>
      ) : null}
      {held && v?.holdReason ? (
        <p className="small sh-held">
          {t("shipments.visit.held")}: {v.holdReason}
        </p>
      ) : null}
      {v && entry.onward ? (
        <p className="small muted">
          {t("hub.onward", {
            to: entry.onward.to,
            mode: td(`shipments.mode.${entry.onward.mode}`, entry.onward.mode),
            at: formatDateTimeWIB(entry.onward.plannedDeparture, lang),
          })}
        </p>
      ) : null}
      {v ? (
        <div className="sh-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => onAsk({ kind: "inspect", entry })}
            data-testid={`hub-inspect-${entry.number}`}
          >
            {t("hub.action.inspect")}
          </button>
          {held ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onAsk({ kind: "release", entry })}
              data-testid={`hub-release-${entry.number}`}
            >
              {t("hub.action.release")}
            </button>
          ) : (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onAsk({ kind: "hold", entry })}
              data-testid={`hub-hold-${entry.number}`}
            >
              {t("hub.action.hold")}
            </button>
          )}
          {entry.onward && !held && v.state !== "staged" ? (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={action.isPending}
              onClick={() => action.mutate(() => shipmentsApi.hubCrossDock(site, entry.id))}
              data-testid={`hub-crossdock-${entry.number}`}
            >
              {t("hub.action.crossDock")}
            </button>
          ) : null}
          {entry.onward ? (
            <button
              type="button"
              className="button button-primary button-small"
              disabled={held || action.isPending}
              aria-disabled={held}
              title={held ? t("hub.heldNoDispatch") : undefined}
              onClick={() => action.mutate(() => shipmentsApi.hubDispatch(site, entry.id))}
              data-testid={`hub-dispatch-${entry.number}`}
            >
              {t(
                site === "hub-panjang" && entry.onward.mode === "roro"
                  ? "hub.action.loadRoro"
                  : "hub.action.dispatch",
              )}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function InspectDialog({ site, entry, onDone }: { site: string; entry: HubEntry; onDone: () => void }) {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ["shipment", entry.id], queryFn: () => shipmentsApi.get(entry.id) });
  const [outcome, setOutcome] = useState<Outcome>("conformant");
  const [reason, setReason] = useState("");
  const [found, setFound] = useState<Record<number, string>>({});
  const inspect = useMutation({
    mutationFn: () =>
      shipmentsApi.hubInspect(site, entry.id, {
        outcome,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        lines: Object.entries(found)
          .filter(([, v]) => v.trim() !== "")
          .map(([lineNo, v]) => ({ lineNo: Number(lineNo), kg: Number(v.replace(",", ".")) })),
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["hub-queue", site] });
      onDone();
    },
  });
  const errors = fieldErrorsOf(inspect.error);
  return (
    <Dialog
      title={t("hub.inspect.title", { number: entry.number })}
      onClose={onDone}
      testId="hub-inspect-dialog"
    >
      <form
        className="sh-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          inspect.mutate();
        }}
      >
        <ErrorAlert message={inspect.isError ? errorMessage(inspect.error, t, td) : null} />
        <fieldset className="sh-segmented">
          <legend>{t("hub.inspect.outcome")}</legend>
          {(["conformant", "non_conformant", "damaged"] as const).map((o) => (
            <label key={o} className={outcome === o ? "is-selected" : undefined}>
              <input
                type="radio"
                name="outcome"
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                data-testid={`hub-inspect-outcome-${o}`}
              />
              {t(`shipments.outcome.${o}`)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t("hub.inspect.reason")}
          hint={outcome === "conformant" ? t("hub.inspect.reasonOptional") : t("hub.inspect.reasonRequired")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required={outcome !== "conformant"}
          data-testid="hub-inspect-reason"
        />
        {detail.data ? (
          <fieldset className="sh-fieldset">
            <legend>{t("hub.inspect.found")}</legend>
            <p className="field-hint">{t("hub.inspect.foundHint")}</p>
            {detail.data.lines.map((l, i) => (
              <Field
                key={l.lineNo}
                label={`${l.lineNo}. ${l.description} (${formatKg(l.shippedKg, lang)})`}
                inputMode="decimal"
                value={found[l.lineNo] ?? ""}
                placeholder={String(l.shippedKg)}
                onChange={(e) => setFound({ ...found, [l.lineNo]: e.currentTarget.value })}
                error={errors[`lines.${i}.kg`]}
                data-testid={`hub-inspect-kg-${l.lineNo}`}
              />
            ))}
          </fieldset>
        ) : null}
        <div className="sh-form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={inspect.isPending}
            data-testid="hub-inspect-submit"
          >
            {t("hub.inspect.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ReasonDialog({
  site,
  pending,
  onDone,
}: {
  site: string;
  pending: { kind: "hold" | "release"; entry: HubEntry };
  onDone: () => void;
}) {
  const { t, td } = usePreferences();
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const hold = pending.kind === "hold";
  const run = useMutation({
    mutationFn: () =>
      hold
        ? shipmentsApi.hubHold(site, pending.entry.id, reason.trim())
        : shipmentsApi.hubRelease(site, pending.entry.id, reason.trim() || undefined),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["hub-queue", site] });
      client.invalidateQueries({ queryKey: ["hub-stats", site] });
      onDone();
    },
  });
  return (
    <Dialog
      title={t(hold ? "hub.hold.title" : "hub.release.title", { number: pending.entry.number })}
      onClose={onDone}
      testId={hold ? "hub-hold-dialog" : "hub-release-dialog"}
    >
      <form
        className="sh-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (hold && !reason.trim()) return setMissing(true);
          run.mutate();
        }}
      >
        <ErrorAlert message={run.isError ? errorMessage(run.error, t, td) : null} />
        <Field
          label={t(hold ? "hub.hold.reason" : "hub.release.note")}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t("validation.required") : fieldErrorsOf(run.error).reason}
          required={hold}
          data-testid={hold ? "hub-hold-reason" : "hub-release-note"}
        />
        <div className="sh-form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={run.isPending}
            data-testid={hold ? "hub-hold-submit" : "hub-release-submit"}
          >
            {t(hold ? "hub.action.hold" : "hub.action.release")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Queue({ site }: { site: string }) {
  const { t, td } = usePreferences();
  const query = useQuery({
    queryKey: ["hub-queue", site],
    queryFn: () => shipmentsApi.hubQueue(site),
    refetchInterval: 60_000,
  });
  const action = useHubAction(site);
  const [pending, setPending] = useState<Pending>(null);
  return (
    <>
      <ErrorAlert
        message={action.isError ? errorMessage(action.error, t, td) : null}
        testId="hub-action-error"
      />
      <QueryState query={query} isEmpty={() => false} empty="">
        {(q) => (
          <div className="sh-queue">
            <section className="card sh-section" aria-labelledby="hub-expected-title">
              <h2 id="hub-expected-title">
                {t("hub.expected")} <span className="badge badge-soon">{q.counts.expected}</span>
              </h2>
              {q.expected.length ? (
                <ul className="sh-entries" data-testid="hub-expected">
                  {q.expected.map((e) => (
                    <EntryRow key={e.id} entry={e} site={site} onAsk={setPending} action={action} />
                  ))}
                </ul>
              ) : (
                <p className="empty">{t("hub.none")}</p>
              )}
            </section>
            {STATES.map((state) => (
              <section key={state} className="card sh-section" aria-labelledby={`hub-${state}-title`}>
                <h2 id={`hub-${state}-title`}>
                  {t(`hub.state.${state}`)} <span className="badge badge-hub">{q.counts[state]}</span>
                </h2>
                {q.onSite[state].length ? (
                  <ul className="sh-entries" data-testid={`hub-onsite-${state}`}>
                    {q.onSite[state].map((e) => (
                      <EntryRow key={e.id} entry={e} site={site} onAsk={setPending} action={action} />
                    ))}
                  </ul>
                ) : (
                  <p className="empty">{t("hub.none")}</p>
                )}
              </section>
            ))}
          </div>
        )}
      </QueryState>
      {pending?.kind === "inspect" ? (
        <InspectDialog site={site} entry={pending.entry} onDone={() => setPending(null)} />
      ) : null}
      {pending && pending.kind !== "inspect" ? (
        <ReasonDialog
          site={site}
          pending={{ kind: pending.kind, entry: pending.entry }}
          onDone={() => setPending(null)}
        />
      ) : null}
    </>
  );
}

function HubConsole({ session }: { session: Session }) {
  const { t } = usePreferences();
  const sites = useQuery({ queryKey: ["sites-all"], queryFn: shipmentsApi.sites, staleTime: 10 * 60_000 });
  const admin = session.persona === "admin" || session.user.isAdmin;
  const hubs = (sites.data?.items ?? []).filter(
    (s) => s.kind === "hub" && (admin || s.operatorOrganisationId === session.organisation?.id),
  );
  const [site, setSite] = useState("");
  useEffect(() => {
    if (!site && hubs[0]) setSite(hubs[0].code);
  }, [site, hubs]);
  if (sites.isPending) return <p className="loading">{t("app.loading")}</p>;
  if (!hubs.length) return <p className="empty">{t("hub.noHub")}</p>;
  return (
    <div className="sh-page">
      <SelectField
        label={t("hub.pick")}
        value={site}
        onChange={(e) => setSite(e.currentTarget.value)}
        data-testid="hub-select"
      >
        {hubs.map((h) => (
          <option key={h.code} value={h.code}>
            {h.name}
          </option>
        ))}
      </SelectField>
      {site ? (
        <>
          <Scan site={site} />
          <Stats site={site} />
          <Queue site={site} />
        </>
      ) : null}
    </div>
  );
}

export function HubConsolePage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("hub.title")} intro={t("hub.intro")}>
      {(session) => <HubConsole session={session} />}
    </ConsolePage>
  );
}
