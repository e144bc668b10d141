import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { Field } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { queryString, request } from "../../lib/api.ts";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { useDocumentTitle, usePreferences } from "../../lib/preferences.tsx";
import {
  type Board,
  type BoardEntry,
  chartGeometry,
  chartSeriesOf,
  PROVINCES,
  type Series,
  shiftDay,
  todayWIB,
} from "./model.ts";
import { PriceMap } from "./PriceMap.tsx";
import "./prices-board.css";

function Change({ label, pct }: { label: string; pct: number | null }) {
  const { t } = usePreferences();
  const tone = pct === null || pct === 0 ? "flat" : pct > 0 ? "up" : "down";
  const text = pct === null ? t("board.change.none") : `${pct > 0 ? "▲ +" : pct < 0 ? "▼ " : ""}${pct}%`;
  return (
    <span className={`board-change board-change-${tone}`} data-testid="price-change">
      <span className="board-change-value">{text}</span> <span className="board-change-label">{label}</span>
    </span>
  );
}

function Gap({ entry }: { entry: BoardEntry }) {
  const { t } = usePreferences();
  if (!entry.reference || entry.referenceGapPct === null) return null;
  const pct = entry.referenceGapPct;
  const gap =
    pct === 0
      ? t("board.gap.at")
      : pct > 0
        ? t("board.gap.above", { pct })
        : t("board.gap.below", { pct: Math.abs(pct) });
  const over = pct > 0 && entry.reference.kind !== "HPP";
  return (
    <span className={`badge ${over ? "badge-danger" : "badge-success"}`} data-testid="het-gap">
      {t("board.gap", { kind: entry.reference.kind, price: formatRupiah(entry.reference.max), gap })}
    </span>
  );
}

function PriceRow({ entry, unit }: { entry: BoardEntry; unit: string }) {
  const { t, lang } = usePreferences();
  const place = entry.aggregate
    ? t("board.provinceMedian", { count: entry.marketsCount })
    : (entry.market?.name ?? t("board.regionFigure"));
  return (
    <li className={`board-row${entry.aggregate ? " board-row-aggregate" : ""}`} data-testid="price-row">
      <div className="board-row-head">
        <span className="board-place">{place}</span>
        <span className="board-level">{t(`board.level.${entry.level}`)}</span>
      </div>
      <p className="board-price">
        <span className="price-amount">{formatRupiah(entry.price)}</span>{" "}
        <span className="price-unit">{t("board.perUnit", { unit })}</span>{" "}
        <span className="board-asof muted small">
          {t("board.asOf", { date: formatDateWIB(entry.date, lang) })}
        </span>
      </p>
      <p className="board-changes">
        <Change label={t("board.change.day")} pct={entry.change.day} />
        <Change label={t("board.change.week")} pct={entry.change.week} />
        <Change label={t("board.change.month")} pct={entry.change.month} />
      </p>
      <Gap entry={entry} />
    </li>
  );
}

function useSeries(entry: BoardEntry | null, from: string, to: string) {
  return useQuery({
    queryKey: [
      "price-series",
      entry?.commodityCode,
      entry?.regionCode,
      entry?.market?.code,
      entry?.level,
      from,
      to,
    ],
    enabled: entry !== null,
    staleTime: 60_000,
    queryFn: () =>
      request<Series>(
        "GET",
        `/api/v1/public/prices/series${queryString({
          commodity: entry?.commodityCode,
          region: entry?.regionCode,
          market: entry?.market?.code,
          level: entry?.level,
          from,
          to,
        })}`,
      ),
  });
}

const W = 320;
const H = 140;

/** Lampung and Jakarta over 90 days against the reference ceiling, in inline SVG. */
function Chart({
  code,
  name,
  perProvince,
  day,
}: {
  code: string;
  name: string;
  perProvince: BoardEntry[][];
  day: string;
}) {
  const { t } = usePreferences();
  const from = shiftDay(day, -90);
  const lampung = useSeries(chartSeriesOf(perProvince[0] ?? []), from, day);
  const jakarta = useSeries(chartSeriesOf(perProvince[1] ?? []), from, day);
  if (lampung.isLoading || jakarta.isLoading)
    return <p className="muted small">{t("board.chart.loading")}</p>;
  const lines = [lampung.data?.points ?? [], jakarta.data?.points ?? []];
  if (lines.every((l) => l.length < 2)) return <p className="muted small">{t("board.chart.empty")}</p>;
  const refs = [...(lampung.data?.references ?? []), ...(jakarta.data?.references ?? [])]
    .filter((r) => r.effectiveFrom <= day)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const ref = refs.at(-1) ?? null;
  const geo = chartGeometry(lines, ref ? { min: ref.min ?? ref.max, max: ref.max } : null, from, day, W, H);
  const summary = PROVINCES.map((p, i) => {
    const pts = lines[i] ?? [];
    const first = pts[0];
    const last = pts.at(-1);
    return first && last
      ? t("board.chart.summary", {
          place: t(`board.province.${p}`),
          first: formatRupiah(first.price),
          last: formatRupiah(last.price),
        })
      : "";
  })
    .filter(Boolean)
    .join("; ");
  return (
    <figure className="board-chart" data-testid={`price-chart-${code}`}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${name}. ${t("board.chart.title")}. ${summary}`}>
        {geo.band && ref ? (
          <rect
            className="board-chart-band"
            x={0}
            y={geo.band.y}
            width={W}
            height={geo.band.h}
            data-testid="price-chart-band"
          >
            <title>{`${t("board.chart.band", { kind: ref.kind })}: ${formatRupiah(ref.max)}`}</title>
          </rect>
        ) : null}
        {geo.paths.map((d, i) =>
          d ? (
            <polyline key={PROVINCES[i]} className={`board-chart-line board-chart-line-${i}`} points={d} />
          ) : null,
        )}
      </svg>
      <figcaption className="small">
        <span className="board-key board-key-0">{t("board.province.18")}</span>{" "}
        <span className="board-key board-key-1">{t("board.province.31")}</span>
        {ref ? (
          <span className="board-key board-key-band">{t("board.chart.band", { kind: ref.kind })}</span>
        ) : null}
      </figcaption>
    </figure>
  );
}

function CommodityCard({ board, code }: { board: Board; code: string }) {
  const { t, lang } = usePreferences();
  const commodity = board.commodities.find((c) => c.code === code);
  if (!commodity) return null;
  const name = lang === "en" ? commodity.nameEn : commodity.name;
  const perProvince = PROVINCES.map((p) =>
    board.entries.filter((e) => e.commodityCode === code && e.provinceCode === p),
  );
  const headingId = `board-${code}`;
  return (
    <section className="card board-commodity" aria-labelledby={headingId} data-testid={`commodity-${code}`}>
      <h2 id={headingId} className="section-title">
        {name}
      </h2>
      <div className="board-columns">
        {PROVINCES.map((p, i) => (
          <div key={p} className="board-column" data-testid={`province-col-${p}`}>
            <h3 className="board-province">{t(`board.province.${p}`)}</h3>
            {(perProvince[i] ?? []).length ? (
              <ul className="board-rows">
                {(perProvince[i] ?? []).map((e) => (
                  <PriceRow
                    key={`${e.regionCode}-${e.market?.code ?? "all"}-${e.level}-${e.aggregate}`}
                    entry={e}
                    unit={commodity.unit}
                  />
                ))}
              </ul>
            ) : (
              <p className="muted small">{t("board.noData")}</p>
            )}
          </div>
        ))}
      </div>
      <Chart code={code} name={name} perProvince={perProvince} day={board.date} />
    </section>
  );
}

export function PriceBoardPage() {
  const { t } = usePreferences();
  useDocumentTitle(t("board.title"));
  const [params, setParams] = useSearchParams();
  const asked = /^\d{4}-\d{2}-\d{2}$/.test(params.get("tanggal") ?? "")
    ? (params.get("tanggal") as string)
    : null;
  // Without a date the server picks one: today, or the latest day with prices when the last week has none.
  const query = useQuery({
    queryKey: ["price-board", asked],
    queryFn: () =>
      request<Board>("GET", `/api/v1/public/prices/board${queryString({ date: asked ?? undefined })}`),
    staleTime: 60_000,
  });
  const day = asked ?? query.data?.date ?? todayWIB();
  const [draft, setDraft] = useState(asked ?? "");
  useEffect(() => {
    if (!asked && query.data?.date) setDraft(query.data.date);
  }, [asked, query.data?.date]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft) setParams({ tanggal: draft });
  };
  const openQuery = queryString({ from: shiftDay(day, -365), to: day });
  return (
    <div className="board" data-testid="prices-board">
      <section className="card">
        <h1 id="page-title">{t("board.title")}</h1>
        <p>{t("board.lead")}</p>
        <form className="board-date-form" onSubmit={submit}>
          <Field
            label={t("board.date")}
            name="tanggal"
            type="date"
            value={draft}
            max={todayWIB()}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="board-date"
          />
          <button type="submit" className="button button-secondary">
            {t("board.show")}
          </button>
        </form>
      </section>
      <QueryState query={query} isEmpty={(b) => b.entries.length === 0} empty={t("board.empty")}>
        {(board) => (
          <>
            <PriceMap board={board} />
            {board.commodities.map((c) => (
              <CommodityCard key={c.code} board={board} code={c.code} />
            ))}
          </>
        )}
      </QueryState>
      <section className="card" aria-labelledby="board-open-data" data-testid="open-data">
        <h2 id="board-open-data" className="section-title">
          {t("board.download.title")}
        </h2>
        <p>{t("board.download.lead")}</p>
        <p className="board-downloads">
          <a
            className="button button-secondary"
            href={`/api/v1/public/prices.csv${openQuery}`}
            download
            data-testid="download-csv"
          >
            {t("board.download.csv")}
          </a>{" "}
          <a
            className="button button-secondary"
            href={`/api/v1/public/prices.json${openQuery}`}
            data-testid="download-json"
          >
            {t("board.download.json")}
          </a>
        </p>
      </section>
    </div>
  );
}
