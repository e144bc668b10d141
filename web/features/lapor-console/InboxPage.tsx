import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Checkbox, Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import {
  type AgencyInfo,
  BULK_ACTIONS,
  type BulkAction,
  type BulkResult,
  type InboxFilters,
  laporConsoleApi,
  REPORT_STATES,
} from "./api.ts";
import {
  AgencyHeader,
  AssigneeSelect,
  DeadlineClock,
  LaporTabs,
  mayUseConsole,
  NotForYou,
  RegionName,
  StateBadge,
  useNow,
  useText,
} from "./parts.tsx";
import "./lapor-console.css";

const PAGE_SIZE = 25;

function filtersFrom(params: URLSearchParams): InboxFilters {
  const page = Math.max(1, Number.parseInt(params.get("halaman") ?? "1", 10) || 1);
  return {
    state: params.get("status") ?? undefined,
    overdue: params.get("terlambat") === "1",
    category: params.get("kategori") ?? undefined,
    q: params.get("q") ?? undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

function Filters({ params, onApply }: { params: URLSearchParams; onApply: (p: URLSearchParams) => void }) {
  const { t } = usePreferences();
  const text = useText();
  const categories = useQuery({
    queryKey: ["lapor", "categories"],
    queryFn: laporConsoleApi.categories,
    staleTime: 300_000,
  });
  const [state, setState] = useState(params.get("status") ?? "");
  const [category, setCategory] = useState(params.get("kategori") ?? "");
  const [q, setQ] = useState(params.get("q") ?? "");
  const [overdue, setOverdue] = useState(params.get("terlambat") === "1");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (state) next.set("status", state);
    if (category) next.set("kategori", category);
    if (q.trim()) next.set("q", q.trim());
    if (overdue) next.set("terlambat", "1");
    onApply(next);
  };
  return (
    <form
      className="card lc-filters"
      onSubmit={submit}
      aria-label={t("laporConsole.filters")}
      data-testid="lapor-inbox-filters"
    >
      <Field
        label={t("laporConsole.filter.q")}
        type="search"
        value={q}
        maxLength={100}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="lapor-filter-q"
      />
      <SelectField
        label={t("laporConsole.filter.state")}
        value={state}
        onChange={(e) => setState(e.currentTarget.value)}
        data-testid="lapor-filter-state"
      >
        <option value="">{t("laporConsole.filter.all")}</option>
        {REPORT_STATES.map((s) => (
          <option key={s} value={s}>
            {t(`laporConsole.state.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("laporConsole.filter.category")}
        value={category}
        onChange={(e) => setCategory(e.currentTarget.value)}
        data-testid="lapor-filter-category"
      >
        <option value="">{t("laporConsole.filter.all")}</option>
        {(categories.data?.items ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {text(c.name)}
          </option>
        ))}
      </SelectField>
      <div className="lc-filters-end">
        <Checkbox label={t("laporConsole.filter.overdue")} checked={overdue} onChange={setOverdue} />
        <button type="submit" className="button button-primary" data-testid="lapor-filter-apply">
          {t("laporConsole.filter.apply")}
        </button>
      </div>
    </form>
  );
}

function BulkBar({
  selected,
  staff,
  onDone,
}: {
  selected: string[];
  staff: AgencyInfo["staff"];
  onDone: (results: BulkResult[]) => void;
}) {
  const { t, td } = usePreferences();
  const queryClient = useQueryClient();
  const noteId = useId();
  const [action, setAction] = useState<BulkAction>("accept");
  const [note, setNote] = useState("");
  const [assignee, setAssignee] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const bulk = useMutation({
    mutationFn: () =>
      laporConsoleApi.bulk({
        ids: selected,
        action,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(action === "assign" ? { assigneeUserId: assignee } : {}),
      }),
    onSuccess: (data) => {
      setNote("");
      void queryClient.invalidateQueries({ queryKey: ["lapor", "inbox"] });
      void queryClient.invalidateQueries({ queryKey: ["lapor", "report"] });
      onDone(data.results);
    },
  });
  const needsNote = action === "reject" || action === "reply";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsNote && note.trim().length === 0) {
      setMissing(t("laporConsole.action.noteRequired"));
      return;
    }
    if (action === "assign" && !assignee) {
      setMissing(t("laporConsole.action.assigneeRequired"));
      return;
    }
    setMissing(null);
    bulk.mutate();
  };
  return (
    <section className="lc-bulk" aria-labelledby="lc-bulk-title" data-testid="lapor-bulk">
      <form onSubmit={submit} className="lc-bulk-form">
        <h2 id="lc-bulk-title" className="lc-bulk-title">
          {t("laporConsole.bulk.title", { n: selected.length })}
        </h2>
        <SelectField
          label={t("laporConsole.bulk.action")}
          value={action}
          onChange={(e) => setAction(e.currentTarget.value as BulkAction)}
          data-testid="lapor-bulk-action"
        >
          {BULK_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`laporConsole.action.${a}`)}
            </option>
          ))}
        </SelectField>
        {action === "assign" ? (
          <AssigneeSelect
            staff={staff}
            value={assignee}
            onChange={setAssignee}
            testId="lapor-bulk-assignee"
          />
        ) : null}
        <div className="field lc-bulk-note">
          <label htmlFor={noteId}>
            {needsNote ? t("laporConsole.action.noteRequiredLabel") : t("laporConsole.action.noteOptional")}
          </label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            required={needsNote}
            data-testid="lapor-bulk-note"
          />
        </div>
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={bulk.isPending || undefined}
          data-testid="lapor-bulk-submit"
        >
          {bulk.isPending ? t("laporConsole.action.sending") : t("laporConsole.bulk.apply")}
        </button>
      </form>
      <ErrorAlert
        message={missing ?? (bulk.isError ? errorMessage(bulk.error, t, td) : null)}
        testId="lapor-bulk-error"
      />
    </section>
  );
}

/** What a bulk action did to each report: done, or the reason it was refused. */
function BulkResults({ results, numbers }: { results: BulkResult[] | null; numbers: Map<string, string> }) {
  const { t } = usePreferences();
  return (
    <div role="status" aria-live="polite" className={results ? undefined : "alert-empty"}>
      {results ? (
        <div className="lc-bulk-results" data-testid="lapor-bulk-results">
          <p>
            {t("laporConsole.bulk.summary", {
              ok: results.filter((r) => r.ok).length,
              failed: results.filter((r) => !r.ok).length,
            })}
          </p>
          <ul>
            {results.map((r) => (
              <li key={r.id} data-testid="lapor-bulk-result" data-ok={r.ok}>
                <span className="lc-mono">{numbers.get(r.id) ?? r.id}</span>{" "}
                {r.ok ? (
                  <span className="badge badge-success">{t("laporConsole.bulk.ok")}</span>
                ) : (
                  <span className="badge badge-danger">
                    {r.error?.title ?? t("laporConsole.bulk.failed")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function InboxTable({
  filters,
  staff,
  onPage,
}: {
  filters: InboxFilters;
  staff: AgencyInfo["staff"];
  onPage: (page: number) => void;
}) {
  const { t, lang } = usePreferences();
  const text = useText();
  const now = useNow();
  const [selected, setSelected] = useState<string[]>([]);
  const [results, setResults] = useState<{ list: BulkResult[]; numbers: Map<string, string> } | null>(null);
  const query = useQuery({
    queryKey: ["lapor", "inbox", filters],
    queryFn: () => laporConsoleApi.inbox(filters),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const filterKey = JSON.stringify(filters);
  // A new filter or page starts a new selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resets on filter changes only
  useEffect(() => setSelected([]), [filterKey]);
  const items = query.data?.items ?? [];
  const allSelected = items.length > 0 && items.every((i) => selected.includes(i.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));
  const page = Math.floor((filters.offset ?? 0) / PAGE_SIZE) + 1;
  return (
    <>
      {selected.length > 0 ? (
        <BulkBar
          selected={selected}
          staff={staff}
          onDone={(list) => {
            setResults({ list, numbers: new Map(items.map((i) => [i.id, i.number])) });
            setSelected([]);
          }}
        />
      ) : null}
      <BulkResults results={results?.list ?? null} numbers={results?.numbers ?? new Map()} />
      <section className="card" aria-labelledby="lc-inbox-title">
        <div className="lc-head">
          <h2 id="lc-inbox-title">{t("laporConsole.inbox.listTitle")}</h2>
          {query.data ? (
            <p className="muted" data-testid="lapor-inbox-total">
              {t("laporConsole.inbox.total", { n: query.data.total })}
            </p>
          ) : null}
        </div>
        <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("laporConsole.inbox.empty")}>
          {(data) => (
            <>
              <div className="table-wrap">
                <table className="lc-table" data-testid="lapor-inbox">
                  <caption className="visually-hidden">{t("laporConsole.inbox.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="lc-check">
                        <input
                          type="checkbox"
                          aria-label={t("laporConsole.inbox.selectAll")}
                          checked={allSelected}
                          onChange={(e) =>
                            setSelected(e.currentTarget.checked ? data.items.map((i) => i.id) : [])
                          }
                          data-testid="lapor-select-all"
                        />
                      </th>
                      <th scope="col">{t("laporConsole.col.report")}</th>
                      <th scope="col">{t("laporConsole.col.state")}</th>
                      <th scope="col">{t("laporConsole.col.region")}</th>
                      <th scope="col" className="lc-wide-only">
                        {t("laporConsole.col.deadline")}
                      </th>
                      <th scope="col">{t("laporConsole.col.assignee")}</th>
                      <th scope="col" className="num lc-wide-only">
                        {t("laporConsole.col.followers")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <tr
                        key={r.id}
                        className={r.overdue ? "lc-row-late" : undefined}
                        data-testid="lapor-inbox-row"
                        data-id={r.id}
                      >
                        <td className="lc-check">
                          <input
                            type="checkbox"
                            aria-label={t("laporConsole.inbox.select", { number: r.number })}
                            checked={selected.includes(r.id)}
                            onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                            data-testid="lapor-select"
                          />
                        </td>
                        <th scope="row" className="lc-report-cell">
                          <Link
                            to={`/konsol/lapor/${r.id}`}
                            className="lc-mono"
                            data-testid="lapor-inbox-link"
                          >
                            {r.number}
                          </Link>
                          <span className="cell-sub">{text(r.category.name)}</span>
                          <span className="lc-desc">{r.description}</span>
                          <span className="cell-sub">{formatDateTimeWIB(r.createdAt, lang)}</span>
                          <span className="cell-sub lc-narrow-only">
                            {t("laporConsole.inbox.followers", { n: r.followerCount })}
                          </span>
                        </th>
                        <td>
                          <StateBadge state={r.state} />
                          <span className="lc-narrow-only">
                            <DeadlineClock report={r} now={now} quiet />
                          </span>
                          {r.agency && r.agency.code !== data.agency?.code ? (
                            <span className="cell-sub">{r.agency.name}</span>
                          ) : null}
                        </td>
                        <td>
                          {r.districtCode ? <RegionName code={r.districtCode} /> : null}
                          {r.regencyCode ? (
                            <span className={r.districtCode ? "cell-sub" : undefined}>
                              <RegionName code={r.regencyCode} />
                            </span>
                          ) : null}
                          {!r.districtCode && !r.regencyCode ? "—" : null}
                        </td>
                        <td className="lc-wide-only">
                          <DeadlineClock report={r} now={now} />
                        </td>
                        <td>{r.assignee?.name ?? <span className="muted">—</span>}</td>
                        <td className="num lc-wide-only">{r.followerCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.total > PAGE_SIZE || page > 1 ? (
                <nav className="lc-pager" aria-label={t("laporConsole.pager")}>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={page <= 1}
                    onClick={() => onPage(page - 1)}
                    data-testid="lapor-page-prev"
                  >
                    {t("laporConsole.pager.prev")}
                  </button>
                  <span>
                    {t("laporConsole.pager.page", {
                      page,
                      pages: Math.max(1, Math.ceil(data.total / PAGE_SIZE)),
                    })}
                  </span>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={page * PAGE_SIZE >= data.total}
                    onClick={() => onPage(page + 1)}
                    data-testid="lapor-page-next"
                  >
                    {t("laporConsole.pager.next")}
                  </button>
                </nav>
              ) : null}
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}

/** /konsol/lapor: the agency's inbox, most urgent first, with filters, paging and bulk actions. */
export function InboxPage() {
  const { t } = usePreferences();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  return (
    <ConsolePage title={t("laporConsole.inbox.title")} intro={t("laporConsole.inbox.intro")}>
      {(session) =>
        mayUseConsole(session) ? (
          <Inbox params={params} setParams={setParams} filters={filters} />
        ) : (
          <NotForYou />
        )
      }
    </ConsolePage>
  );
}

function Inbox({
  params,
  setParams,
  filters,
}: {
  params: URLSearchParams;
  setParams: (p: URLSearchParams) => void;
  filters: InboxFilters;
}) {
  const agency = useQuery({
    queryKey: ["lapor", "agency"],
    queryFn: laporConsoleApi.agency,
    staleTime: 300_000,
  });
  return (
    <div className="lc">
      <LaporTabs current="inbox" />
      <AgencyHeader info={agency.data} />
      <Filters params={params} onApply={setParams} />
      <InboxTable
        filters={filters}
        staff={agency.data?.staff ?? []}
        onPage={(page) => {
          const next = new URLSearchParams(params);
          if (page > 1) next.set("halaman", String(page));
          else next.delete("halaman");
          setParams(next);
        }}
      />
    </div>
  );
}
