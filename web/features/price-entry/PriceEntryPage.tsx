import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { Link } from "react-router";
import { ConsoleNav } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { type ListResponse, request, type Session } from "../../lib/api.ts";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import { useSession } from "../auth/session.ts";
import {
  type Commodity,
  clearAnswered,
  type DeviceQueue,
  enqueue,
  entryKey,
  looksLikeSlip,
  type Market,
  marketsByProvince,
  parseRupiah,
  type QueuedEntry,
  referenceFor,
  removeEntry,
  todayWIB,
  waitingOf,
} from "./model.ts";
import { isOfflineReady, OFFLINE_READY_EVENT } from "./serviceWorker.ts";
import { type Lookups, readLookups, saveLookups, updateQueue, useDeviceQueue } from "./store.ts";
import { type SyncOutcome, sendWaiting } from "./sync.ts";
import "./price-entry.css";

/** Who records prices (src/modules/prices/prices.routes.ts `recorders`), and the platform admin. */
function isRecorder(session: Session): boolean {
  return ["dinas", "bumd", "admin"].includes(session.persona) || session.user.isAdmin;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

function useOfflineReady(): boolean {
  const [ready, setReady] = useState(isOfflineReady);
  useEffect(() => {
    const on = () => setReady(true);
    window.addEventListener(OFFLINE_READY_EVENT, on);
    return () => window.removeEventListener(OFFLINE_READY_EVENT, on);
  }, []);
  return ready;
}

/** Markets and commodities from the server, kept on the device for a start without a signal. */
function useLookups(): Lookups | null {
  const [stored] = useState(readLookups);
  const query = useQuery({
    queryKey: ["price-entry", "lookups"],
    queryFn: async (): Promise<Lookups> => {
      const [markets, commodities] = await Promise.all([
        request<ListResponse<Market>>("GET", "/api/v1/public/prices/markets"),
        request<ListResponse<Commodity>>("GET", "/api/v1/commodities"),
      ]);
      const lookups = {
        markets: markets.items,
        commodities: commodities.items,
        savedAt: new Date().toISOString(),
      };
      saveLookups(lookups);
      return lookups;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data ?? stored;
}

function SyncBar({
  waiting,
  online,
  sending,
  outcome,
  canSend,
  onSend,
}: {
  waiting: number;
  online: boolean;
  sending: boolean;
  outcome: SyncOutcome | null;
  canSend: boolean;
  onSend: () => void;
}) {
  const { t } = usePreferences();
  const ready = useOfflineReady();
  const problem =
    outcome && outcome.kind !== "done" && outcome.kind !== "offline" ? t(`priceEntry.${outcome.kind}`) : null;
  return (
    <section className="card entry-sync" aria-label={t("priceEntry.entries")} data-testid="entry-sync">
      <p className="entry-sync-row">
        <span
          className={`badge ${online ? "badge-success" : "badge-warning"}`}
          data-testid="entry-connection"
          data-online={online}
        >
          {online ? t("priceEntry.online") : t("priceEntry.offline")}
        </span>
        <strong aria-live="polite" data-testid="queue-count" data-count={waiting}>
          {waiting > 0 ? t("priceEntry.waiting", { n: waiting }) : t("priceEntry.noneWaiting")}
        </strong>
      </p>
      {waiting > 0 && !online ? <p className="muted small">{t("priceEntry.willSend")}</p> : null}
      {problem ? (
        <p className="entry-sync-problem small" role="status" data-testid="entry-sync-problem">
          {problem}
        </p>
      ) : null}
      {waiting > 0 && canSend ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onSend}
          aria-disabled={sending || undefined}
          data-testid="entry-send-now"
        >
          {sending ? t("priceEntry.sending") : t("priceEntry.sendNow")}
        </button>
      ) : null}
      {ready ? (
        <p className="muted small" data-testid="entry-offline-ready">
          {t("priceEntry.offlineReady")}
        </p>
      ) : null}
    </section>
  );
}

function CommodityInput({
  commodity,
  market,
  value,
  error,
  onChange,
}: {
  commodity: Commodity;
  market: Market | undefined;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t, lang } = usePreferences();
  const id = useId();
  const reference = referenceFor(commodity, market);
  const price = parseRupiah(value);
  const slip = price !== null && looksLikeSlip(price, reference);
  const name = lang === "en" ? commodity.nameEn : commodity.name;
  const notes = [error ? `${id}-error` : null, slip ? `${id}-slip` : null, `${id}-ref`]
    .filter(Boolean)
    .join(" ");
  return (
    <li
      className={error ? "entry-item entry-item-invalid" : "entry-item"}
      data-testid={`entry-${commodity.code}`}
    >
      <label htmlFor={id} className="entry-item-name">
        {name}
      </label>
      <p className="entry-item-ref muted small" id={`${id}-ref`}>
        {t("priceEntry.perUnit", { unit: commodity.unit })}
        {reference
          ? ` · ${t("priceEntry.reference", { kind: reference.kind, price: formatRupiah(reference.max) })}`
          : ""}
      </p>
      <div className="entry-input">
        <span className="entry-input-prefix" aria-hidden="true">
          Rp
        </span>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="next"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={notes}
          data-testid={`price-${commodity.code}`}
        />
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {slip && !error && reference ? (
        <p className="entry-item-slip small" id={`${id}-slip`}>
          {t("priceEntry.slip", { kind: reference.kind })}
        </p>
      ) : null}
    </li>
  );
}

function EntryForm({
  owner,
  lookups,
  queue,
  onSaved,
}: {
  owner: string;
  lookups: Lookups;
  queue: DeviceQueue;
  onSaved: () => void;
}) {
  const { t, lang } = usePreferences();
  const lastMarket = queue.entries.filter((e) => e.owner === owner).at(-1)?.marketCode ?? "";
  const [marketCode, setMarketCode] = useState(lastMarket);
  const [date, setDate] = useState(todayWIB);
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const market = lookups.markets.find((m) => m.code === marketCode);
  const groups = marketsByProvince(lookups.markets);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!market) found.market = t("priceEntry.needMarket");
    if (!date) found.date = t("priceEntry.needDate");
    else if (date > todayWIB()) found.date = t("priceEntry.futureDate");
    const entries: QueuedEntry[] = [];
    const now = new Date().toISOString();
    for (const c of lookups.commodities) {
      const text = (prices[c.code] ?? "").trim();
      if (!text) continue;
      const price = parseRupiah(text);
      if (price === null) {
        found[c.code] = t("priceEntry.invalidPrice");
        continue;
      }
      if (!market) continue;
      entries.push({
        key: entryKey(owner, market.code, c.code, date),
        owner,
        marketCode: market.code,
        marketName: market.name,
        commodityCode: c.code,
        commodityName: c.name,
        commodityNameEn: c.nameEn,
        unit: c.unit,
        date,
        price,
        queuedAt: now,
        state: "waiting",
      });
    }
    if (!Object.keys(found).length && !entries.length) found.prices = t("priceEntry.nothing");
    setErrors(found);
    if (Object.keys(found).length) {
      setNotice({ tone: "error", text: t("validation.summary") });
      return;
    }
    const stored = updateQueue((q) => enqueue(q, owner, entries));
    setPrices({});
    setNotice(
      stored
        ? { tone: "success", text: t("priceEntry.saved", { n: entries.length }) }
        : { tone: "error", text: t("priceEntry.notStored") },
    );
    onSaved();
  };

  return (
    <form className="entry-form" onSubmit={submit} noValidate data-testid="price-entry-form">
      <section className="card entry-where">
        <SelectField
          label={t("priceEntry.market")}
          value={marketCode}
          onChange={(e) => setMarketCode(e.currentTarget.value)}
          error={errors.market}
          data-testid="entry-market"
        >
          <option value="">{t("priceEntry.marketPick")}</option>
          {groups.map((g) => (
            <optgroup key={g.province} label={t(`board.province.${g.province}`)}>
              {g.markets.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name} ({t(`board.level.${m.level}`)})
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <Field
          label={t("priceEntry.date")}
          hint={t("priceEntry.dateHint")}
          type="date"
          value={date}
          max={todayWIB()}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.date}
          data-testid="entry-date"
        />
      </section>
      <section className="card" aria-labelledby="entry-prices-title">
        <h2 id="entry-prices-title" className="section-title">
          {t("priceEntry.commodities")}
        </h2>
        <p className="muted small">{t("priceEntry.commoditiesHint")}</p>
        {errors.prices ? <p className="field-error">{errors.prices}</p> : null}
        <ul className="entry-list">
          {[...lookups.commodities]
            .sort((a, b) =>
              (lang === "en" ? a.nameEn : a.name).localeCompare(lang === "en" ? b.nameEn : b.name),
            )
            .map((c) => (
              <CommodityInput
                key={c.code}
                commodity={c}
                market={market}
                value={prices[c.code] ?? ""}
                error={errors[c.code]}
                onChange={(value) => setPrices((p) => ({ ...p, [c.code]: value }))}
              />
            ))}
        </ul>
      </section>
      <div className="entry-actions">
        {notice ? (
          <p
            className={
              notice.tone === "success" ? "entry-notice entry-notice-ok" : "entry-notice entry-notice-error"
            }
            role="status"
            data-testid="entry-notice"
          >
            {notice.text}
          </p>
        ) : null}
        <button type="submit" className="button button-primary button-block" data-testid="entry-save">
          {t("priceEntry.save")}
        </button>
      </div>
    </form>
  );
}

function EntriesList({ owner, queue }: { owner: string; queue: DeviceQueue }) {
  const { t, lang } = usePreferences();
  const mine = queue.entries
    .filter((e) => e.owner === owner)
    .sort((a, b) => b.queuedAt.localeCompare(a.queuedAt));
  const answered = mine.some((e) => e.state !== "waiting");
  return (
    <section className="card" aria-labelledby="entry-entries-title" data-testid="entry-entries">
      <h2 id="entry-entries-title" className="section-title">
        {t("priceEntry.entries")}
      </h2>
      {mine.length ? (
        <ul className="entry-done">
          {mine.map((e) => {
            const name = lang === "en" ? e.commodityNameEn : e.commodityName;
            const tone =
              e.state === "waiting"
                ? "entry-badge-waiting"
                : e.state === "held"
                  ? "badge-warning"
                  : e.state === "rejected"
                    ? "badge-danger"
                    : "badge-success";
            return (
              <li
                key={e.key}
                className="entry-done-item"
                data-testid="queued-entry"
                data-state={e.state}
                data-commodity={e.commodityCode}
              >
                <div className="entry-done-main">
                  <strong>{name}</strong> <span className="price-amount">{formatRupiah(e.price)}</span>
                  <span className="muted small"> {t("priceEntry.perUnit", { unit: e.unit })}</span>
                  <p className="muted small">
                    {e.marketName} · {formatDateWIB(e.date, lang)}
                  </p>
                  {e.reason ? (
                    <p className="entry-done-reason small" data-testid="entry-reason">
                      {e.reason}
                    </p>
                  ) : null}
                </div>
                <div className="entry-done-side">
                  <span className={`badge ${tone}`} data-testid="entry-state">
                    {t(`priceEntry.state.${e.state}`)}
                  </span>
                  {e.state === "waiting" || e.state === "rejected" ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t("priceEntry.removeLabel", { name })}
                      onClick={() => updateQueue((q) => removeEntry(q, e.key))}
                    >
                      {t("priceEntry.remove")}
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="empty">{t("priceEntry.entriesEmpty")}</p>
      )}
      <p className="muted small">{t("priceEntry.entriesNote")}</p>
      {answered ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => updateQueue((q) => clearAnswered(q, owner))}
          data-testid="entry-clear"
        >
          {t("priceEntry.clearAnswered")}
        </button>
      ) : null}
    </section>
  );
}

function Recorder({ owner, session, online }: { owner: string; session: Session | null; online: boolean }) {
  const { t } = usePreferences();
  const lookups = useLookups();
  const queue = useDeviceQueue();
  const waiting = waitingOf(queue, owner).length;
  const others = queue.entries.filter((e) => e.state === "waiting" && e.owner !== owner).length;
  const canSend = online && session !== null && session.user.id === owner;
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);

  const sync = useCallback(async () => {
    if (!canSend) return;
    setSending(true);
    const result = await sendWaiting(owner);
    setSending(false);
    setOutcome(result);
  }, [canSend, owner]);

  // On load, on the way back online, once the session is confirmed, and when entries start waiting.
  const hasWaiting = waiting > 0;
  useEffect(() => {
    if (canSend && hasWaiting) void sync();
  }, [canSend, hasWaiting, sync]);

  return (
    <div className="entry">
      {!session ? (
        <p className="entry-offline-note" role="status" data-testid="entry-offline-mode">
          {t("priceEntry.offlineMode")}
        </p>
      ) : null}
      <SyncBar
        waiting={waiting}
        online={online}
        sending={sending}
        outcome={outcome}
        canSend={canSend}
        onSend={() => void sync()}
      />
      {others > 0 ? <p className="muted small">{t("priceEntry.otherAccount", { n: others })}</p> : null}
      {lookups ? (
        <EntryForm owner={owner} lookups={lookups} queue={queue} onSaved={() => void sync()} />
      ) : (
        <p className="empty" data-testid="entry-first-visit">
          {t("priceEntry.firstVisitOnline")}
        </p>
      )}
      <EntriesList owner={owner} queue={queue} />
    </div>
  );
}

/**
 * /konsol/harga/catat: the enumerator's form. It opens without a signal after one visit: markets and
 * commodities come from the device, and prices wait on it until the recorder's session can send them.
 */
export function PriceEntryPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("priceEntry.title"));
  const session = useSession();
  const online = useOnline();
  const queue = useDeviceQueue();

  // Back online after a start without a signal: check the session again at once.
  const { isError, refetch } = session;
  useEffect(() => {
    if (online && isError) void refetch();
  }, [online, isError, refetch]);

  const head = (
    <div className="console-page-head">
      <div>
        <h1 id="page-title" className="console-title">
          {t("priceEntry.title")}
        </h1>
        <p className="muted">{t("priceEntry.intro")}</p>
      </div>
    </div>
  );

  if (session.data) {
    const signedIn = session.data;
    return (
      <div className="console">
        <ConsoleNav session={signedIn} />
        <div className="console-main">
          {head}
          {isRecorder(signedIn) ? (
            <Recorder owner={signedIn.user.id} session={signedIn} online={online} />
          ) : (
            <p className="empty">{t("priceEntry.notRecorder")}</p>
          )}
        </div>
      </div>
    );
  }
  // Without a signal the session cannot be checked: the last recorder on this device keeps working.
  const unchecked = !online || session.isError || (session.isPending && session.fetchStatus === "paused");
  if (unchecked && queue.lastOwner) {
    return (
      <div className="entry-page">
        {head}
        <Recorder owner={queue.lastOwner} session={null} online={online} />
      </div>
    );
  }
  if (session.isPending) {
    return (
      <p className="loading page-loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  return (
    <section className="card narrow">
      <h1 id="page-title">{t("priceEntry.title")}</h1>
      <p>{unchecked ? t("priceEntry.firstVisitOnline") : null}</p>
      <p>
        <Link to="/masuk" state={{ from: "/konsol/harga/catat" }}>
          {t("priceEntry.signIn")}
        </Link>
      </p>
    </section>
  );
}
