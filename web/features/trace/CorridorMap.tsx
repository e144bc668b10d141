import { useId } from "react";
import { usePreferences } from "../../lib/preferences.tsx";
import { LAND, legsOf, markersOf, project, type Stop, VIEW } from "./geo.ts";
import { shortIdentifier } from "./model.ts";

/** How a stop is named in words: the place's name, else its GLN. */
export function stopName(stop: Stop): string {
  return stop.place.name ?? shortIdentifier(stop.place.id);
}

function Label({
  x,
  y,
  children,
  anchor = "start",
}: {
  x: number;
  y: number;
  children: string;
  anchor?: "start" | "middle" | "end";
}) {
  const at = project(x, y);
  return (
    <text className="geo-region" x={at.x} y={at.y} textAnchor={anchor}>
      {children}
    </text>
  );
}

/**
 * The journey drawn on a simplified map of the corridor from real coordinates (no tiles, no
 * network): the places it passed, numbered in order and joined by its legs, the sea crossing dashed.
 * The numbered list under the map says the same in words, and is the map's text alternative.
 */
export function CorridorMap({ stops }: { stops: Stop[] }) {
  const { t } = usePreferences();
  const id = useId();
  const markers = markersOf(stops);
  const legs = legsOf(stops);
  const order = stops.map((s) => `${s.n}. ${stopName(s)}`).join("; ");
  return (
    <figure className="corridor geo">
      <svg
        className="corridor-map geo-map"
        viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="corridor-map"
      >
        <title id={`${id}-title`}>{t("trace.geo.alt")}</title>
        <desc id={`${id}-desc`}>
          {stops.length ? t("trace.geo.order", { list: order }) : t("trace.geo.none")}
        </desc>
        <rect className="geo-sea" x="0" y="0" width={VIEW.width} height={VIEW.height} rx="10" />
        <path className="geo-land" d={LAND.sumatra} />
        <path className="geo-land" d={LAND.java} />
        <Label x={104.1} y={-4.3}>
          {t("trace.region.lampung")}
        </Label>
        <Label x={105.9} y={-6.66}>
          {t("trace.geo.banten")}
        </Label>
        <Label x={107.15} y={-6.55} anchor="end">
          {t("trace.region.jakarta")}
        </Label>
        <text className="geo-water" {...project(105.35, -6.15)} textAnchor="middle">
          {t("trace.geo.strait")}
        </text>
        <text className="geo-water" {...project(106.6, -5.3)} textAnchor="middle">
          {t("trace.geo.sea")}
        </text>
        {legs.map((leg) => (
          <path
            key={`${leg.from.x},${leg.from.y}-${leg.to.x},${leg.to.y}`}
            className={leg.sea ? "geo-leg geo-leg-sea" : "geo-leg"}
            d={
              leg.sea
                ? `M${leg.from.x} ${leg.from.y}Q${(leg.from.x + leg.to.x) / 2 + 10} ${(leg.from.y + leg.to.y) / 2 - 25} ${leg.to.x} ${leg.to.y}`
                : `M${leg.from.x} ${leg.from.y}L${leg.to.x} ${leg.to.y}`
            }
            fill="none"
          />
        ))}
        {markers.map((m) => {
          const text = m.numbers.join(",");
          const r = Math.max(8, 3.5 + text.length * 3.4);
          return (
            <g key={`${m.x},${m.y}`} className={m.approximate ? "geo-marker is-approximate" : "geo-marker"}>
              <circle cx={m.x} cy={m.y} r={r} />
              <text x={m.x} y={m.y} dy="0.35em" textAnchor="middle">
                {text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="corridor-caption">
        {stops.length ? (
          <>
            <p className="geo-legend-title">{t("trace.geo.legend")}</p>
            <ol className="geo-legend" data-testid="map-places">
              {stops.map((s) => (
                <li key={`${s.n}-${s.place.id}`} value={s.n}>
                  <span className="geo-legend-number" aria-hidden="true">
                    {s.n}
                  </span>
                  <span>
                    {stopName(s)}
                    {!s.onMap ? <span className="muted"> ({t("trace.geo.notOnMap")})</span> : null}
                    {s.onMap && s.place.approximate ? (
                      <span className="muted"> ({t("trace.geo.approximate")})</span>
                    ) : null}
                  </span>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="empty">{t("trace.geo.none")}</p>
        )}
        <p className="muted small">{t("trace.geo.note")}</p>
      </figcaption>
    </figure>
  );
}
