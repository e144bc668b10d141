import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { SelectField } from "../../components/Field.tsx";
import { request } from "../../lib/api.ts";
import { formatRupiah } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { LAND, project } from "../trace/geo.ts";
import {
  defaultCommodity,
  dotRadius,
  dotsOf,
  type MapDot,
  type MarketPoint,
  type Measure,
  PANELS,
  type Panel,
  type Tone,
  toneOf,
  viewBoxOf,
  WATERS,
} from "./mapModel.ts";
import type { Board, BoardEntry } from "./model.ts";

const TONES: readonly Tone[] = ["ok", "warn", "high", "none"];

/** The reading of a dot in words: its gap to the reference, or its change over the week. */
function useReading() {
  const { t } = usePreferences();
  return (entry: BoardEntry, measure: Measure): string => {
    if (measure === "week") {
      const pct = entry.change.week;
      if (pct === null) return t("board.map.noChange");
      return `${pct > 0 ? "+" : ""}${pct}% ${t("board.change.week")}`;
    }
    const pct = entry.referenceGapPct;
    if (!entry.reference || pct === null) return t("board.map.noReference");
    const gap =
      pct === 0
        ? t("board.gap.at")
        : pct > 0
          ? t("board.gap.above", { pct })
          : t("board.gap.below", { pct: Math.abs(pct) });
    return `${gap} ${entry.reference.kind}`;
  };
}

/** A shape per tone, so the map does not speak in colour alone. */
function Shape({ tone, x, y, r }: { tone: Tone; x: number; y: number; r: number }) {
  if (tone === "warn") {
    const d = r * 1.25;
    return <path d={`M${x} ${y - d}L${x + d} ${y}L${x} ${y + d}L${x - d} ${y}Z`} />;
  }
  if (tone === "high") {
    const d = r * 1.35;
    return <path d={`M${x} ${y - d}L${x + d} ${y + d * 0.75}L${x - d} ${y + d * 0.75}Z`} />;
  }
  return <circle cx={x} cy={y} r={r} />;
}

function LegendShape({ tone }: { tone: Tone }) {
  return (
    <svg className={`board-map-key board-map-dot-${tone}`} viewBox="-8 -8 16 16" aria-hidden="true">
      <Shape tone={tone} x={0} y={0} r={5} />
    </svg>
  );
}

/** The hovered or focused market's name and reading, over the map (the dot's label says it to screen readers). */
function Tooltip({ dot, text, box }: { dot: MapDot; text: string; box: ReturnType<typeof viewBoxOf> }) {
  const left = ((dot.x - box.x) / box.width) * 100;
  const top = ((dot.y - box.y) / box.height) * 100;
  const side = left > 40 ? "board-map-tip-left" : "board-map-tip-right";
  return (
    <div
      className={`board-map-tip ${side}`}
      style={{ left: `${left}%`, top: `${top}%` }}
      aria-hidden="true"
      data-testid="board-map-tip"
    >
      <strong>{dot.name}</strong>
      <span>{text}</span>
    </div>
  );
}

function MapPanel({
  panel,
  dots,
  measure,
  commodityName,
  active,
  onActive,
}: {
  panel: Panel;
  dots: MapDot[];
  measure: Measure;
  commodityName: string;
  active: string | null;
  onActive: (code: string | null) => void;
}) {
  const { t } = usePreferences();
  const reading = useReading();
  const id = useId();
  const box = viewBoxOf(panel);
  const r = dotRadius(panel);
  const province = t(`board.province.${panel.province}`);
  const shown = dots.find((d) => d.entry.market?.code === active);
  return (
    <figure className="board-map-panel" data-testid={`board-map-${panel.province}`}>
      <figcaption className="board-map-caption">{province}</figcaption>
      <svg
        className="board-map-svg"
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        aria-labelledby={`${id}-title`}
      >
        <title id={`${id}-title`}>{t("board.map.alt", { commodity: commodityName, province })}</title>
        <rect className="board-map-sea" x={box.x} y={box.y} width={box.width} height={box.height} />
        <path className="board-map-land" d={LAND.sumatra} strokeWidth={box.width / 300} />
        <path className="board-map-land" d={LAND.java} strokeWidth={box.width / 300} />
        {WATERS[panel.province].map((w) => (
          <text
            key={w.name}
            className="board-map-water"
            {...project(w.at[0], w.at[1])}
            fontSize={box.width / 26}
            textAnchor="middle"
          >
            {t(`board.map.water.${w.name}`)}
          </text>
        ))}
        {dots.map((d) =>
          d.true ? (
            <line
              key={`leader-${d.entry.market?.code}`}
              className="board-map-leader"
              x1={d.true.x}
              y1={d.true.y}
              x2={d.x}
              y2={d.y}
              strokeWidth={r / 5}
            />
          ) : null,
        )}
        {dots.map((d) => {
          const code = d.entry.market?.code ?? "";
          const tone = toneOf(d.entry, measure);
          const label = `${d.name}: ${formatRupiah(d.entry.price)}, ${reading(d.entry, measure)}`;
          return (
            // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the dot must stay a shape on the map
            <g
              key={code}
              className={`board-map-dot board-map-dot-${tone}${active === code ? " is-active" : ""}`}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={active === code}
              data-testid="board-map-dot"
              data-market={code}
              data-tone={tone}
              strokeWidth={r / 3}
              onMouseEnter={() => onActive(code)}
              onMouseLeave={() => onActive(null)}
              onFocus={() => onActive(code)}
              onBlur={() => onActive(null)}
              // A tap shows the name on phones, where there is no hover.
              onClick={() => onActive(active === code ? null : code)}
              onKeyDown={(e) => {
                if (e.key === "Escape") onActive(null);
              }}
            >
              <Shape tone={tone} x={d.x} y={d.y} r={r} />
            </g>
          );
        })}
      </svg>
      {shown ? (
        <Tooltip
          dot={shown}
          box={box}
          text={`${formatRupiah(shown.entry.price)} · ${reading(shown.entry, measure)}`}
        />
      ) : null}
      {dots.length === 0 ? <p className="muted small board-map-empty">{t("board.map.none")}</p> : null}
    </figure>
  );
}

/**
 * The board's markets on a schematic map of Lampung and Jakarta, drawn from their coordinates with
 * the trace map's coastlines (no tiles, nothing downloaded), coloured and shaped by how far the chosen
 * commodity's price is above its HET/HAP or how much it rose in a week. A table says the same in words.
 */
export function PriceMap({ board }: { board: Board }) {
  const { t, lang } = usePreferences();
  const markets = useQuery({
    queryKey: ["price-markets"],
    queryFn: () => request<{ items: MarketPoint[] }>("GET", "/api/v1/public/prices/markets"),
    staleTime: 10 * 60_000,
  });
  const codes = board.commodities.map((c) => c.code);
  const [picked, setPicked] = useState<string | null>(null);
  const [measure, setMeasure] = useState<Measure>("gap");
  const [active, setActive] = useState<string | null>(null);
  const read = useReading();
  const commodityCode = picked && codes.includes(picked) ? picked : defaultCommodity(board.entries, codes);
  const commodity = board.commodities.find((c) => c.code === commodityCode);
  if (!commodity) return null;
  const name = lang === "en" ? commodity.nameEn : commodity.name;
  const entries = board.entries.filter((e) => e.commodityCode === commodity.code);
  const panels = PANELS.map((panel) => ({
    panel,
    dots: dotsOf(entries, markets.data?.items ?? [], panel, dotRadius(panel)),
  }));
  const rows = panels.flatMap((p) => p.dots);
  return (
    <section className="card board-map" aria-labelledby="board-map-title" data-testid="board-map">
      <h2 id="board-map-title" className="section-title">
        {t("board.map.title")}
      </h2>
      <p className="muted">{t("board.map.lead")}</p>
      <div className="board-map-controls">
        <SelectField
          label={t("board.map.commodity")}
          value={commodity.code}
          onChange={(e) => setPicked(e.currentTarget.value)}
          data-testid="board-map-commodity"
        >
          {board.commodities.map((c) => (
            <option key={c.code} value={c.code}>
              {lang === "en" ? c.nameEn : c.name}
            </option>
          ))}
        </SelectField>
        <fieldset className="board-map-measure">
          <legend>{t("board.map.measure")}</legend>
          {(["gap", "week"] as const).map((m) => (
            <label key={m} className="board-map-radio">
              <input
                type="radio"
                name="board-map-measure"
                value={m}
                checked={measure === m}
                onChange={() => setMeasure(m)}
              />
              {t(`board.map.measure.${m}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {markets.isPending ? (
        <p className="muted small">{t("board.map.loading")}</p>
      ) : (
        <div className="board-map-panels">
          {panels.map(({ panel, dots }) => (
            <MapPanel
              key={panel.province}
              panel={panel}
              dots={dots}
              measure={measure}
              commodityName={name}
              active={active}
              onActive={setActive}
            />
          ))}
        </div>
      )}
      <ul className="board-map-legend small">
        {TONES.map((tone) => (
          <li key={tone}>
            <LegendShape tone={tone} />
            {t((tone === "none" ? "board.map.tone.none" : `board.map.tone.${measure}.${tone}`) as MessageKey)}
          </li>
        ))}
      </ul>
      {rows.length ? (
        <details className="board-map-table">
          <summary>{t("board.map.table")}</summary>
          <div className="table-wrap">
            <table data-testid="board-map-table">
              <caption className="visually-hidden">
                {t("board.map.alt", {
                  commodity: name,
                  province: `${t("board.province.18")}, ${t("board.province.31")}`,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("board.map.market")}</th>
                  <th scope="col">{t("board.map.province")}</th>
                  <th scope="col" className="num">
                    {t("board.map.price")}
                  </th>
                  <th scope="col">{t(`board.map.measure.${measure}`)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.entry.market?.code}>
                    <th scope="row">{d.name}</th>
                    <td>{t(`board.province.${d.entry.provinceCode}` as MessageKey)}</td>
                    <td className="num">{formatRupiah(d.entry.price)}</td>
                    <td>{read(d.entry, measure)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      <p className="muted small">{t("board.map.note")}</p>
    </section>
  );
}
