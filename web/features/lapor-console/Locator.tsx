import { useId } from "react";
import { formatCoordinate } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { inBounds, LAND, project, VIEW } from "../trace/geo.ts";

/** Places to find one's bearings by (regency seats), [longitude, latitude]. */
const TOWNS: readonly { name: string; at: [number, number] }[] = [
  { name: "Bandar Lampung", at: [105.262, -5.429] },
  { name: "Metro", at: [105.307, -5.113] },
  { name: "Kotabumi", at: [104.889, -4.827] },
  { name: "Menggala", at: [105.241, -4.467] },
  { name: "Liwa", at: [104.074, -5.031] },
  { name: "Kalianda", at: [105.592, -5.729] },
];

/**
 * Where the report is, on the corridor's offline outline map (no tiles, no network): a pin at the
 * coordinates and a few towns to read it by. Outside the drawn area only the coordinates are given.
 */
export function Locator({ latitude, longitude }: { latitude: number; longitude: number }) {
  const { t } = usePreferences();
  const titleId = useId();
  const coords = `${formatCoordinate(latitude)}, ${formatCoordinate(longitude)}`;
  if (!inBounds(longitude, latitude)) {
    return <p className="muted">{t("laporConsole.map.outside", { coords })}</p>;
  }
  const pin = project(longitude, latitude);
  // A window of about 1.6° × 1.1° around the pin (kept inside the drawn area): city and neighbours.
  const w = Math.min(VIEW.width, 160);
  const h = Math.min(VIEW.height, 110);
  const x = Math.min(Math.max(pin.x - w / 2, 0), VIEW.width - w);
  const y = Math.min(Math.max(pin.y - h / 2, 0), VIEW.height - h);
  const font = w / 26;
  return (
    <figure className="lc-map">
      <svg viewBox={`${x} ${y} ${w} ${h}`} role="img" aria-labelledby={titleId} data-testid="lapor-locator">
        <title id={titleId}>{t("laporConsole.map.alt", { coords })}</title>
        <rect className="lc-map-sea" x={x} y={y} width={w} height={h} />
        <path className="lc-map-land" d={LAND.sumatra} />
        <path className="lc-map-land" d={LAND.java} />
        {TOWNS.map((town) => {
          const p = project(town.at[0], town.at[1]);
          return (
            <g key={town.name} className="lc-map-town">
              <circle cx={p.x} cy={p.y} r={w / 160} />
              <text x={p.x + w / 90} y={p.y + font / 3} fontSize={font}>
                {town.name}
              </text>
            </g>
          );
        })}
        <g className="lc-map-pin">
          <circle cx={pin.x} cy={pin.y} r={w / 22} className="lc-map-pin-halo" />
          <circle cx={pin.x} cy={pin.y} r={w / 70} />
        </g>
      </svg>
      <figcaption className="muted small">{coords}</figcaption>
    </figure>
  );
}
