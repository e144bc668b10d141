/**
 * An offline map of Lampung: the trace map's simplified coastlines (web/features/trace/geo.ts) in an
 * equirectangular box over the province, regency seats labelled, no tiles and nothing downloaded.
 * Shows public reports as dots (links), and in picker mode a pin set by click/tap or the arrow keys.
 */
import { type KeyboardEvent, type MouseEvent, useId, useRef } from "react";
import { useNavigate } from "react-router";
import type { MessageKey } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { LAND } from "../trace/geo.ts";
import type { PublicReport } from "./api.ts";
import { fromMap, mapBox, PIN_STEP, round5, SEATS, toMap } from "./model.ts";
import { categoryName } from "./parts.tsx";

export interface Pin {
  latitude: number;
  longitude: number;
}

export function LaporMap({
  reports = [],
  pin,
  onPin,
  title,
}: {
  reports?: PublicReport[];
  pin?: Pin | null;
  onPin?: (pin: Pin) => void;
  title: string;
}) {
  const { t, lang } = usePreferences();
  const navigate = useNavigate();
  const svgRef = useRef<SVGSVGElement>(null);
  const id = useId();
  const box = mapBox();
  const unit = box.width / 100;
  const picker = Boolean(onPin);

  const place = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPin || !svgRef.current) return;
    const matrix = svgRef.current.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    onPin(fromMap(point.x, point.y));
  };

  const move = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!onPin) return;
    const step = event.shiftKey ? PIN_STEP * 10 : PIN_STEP;
    const at = pin ?? { latitude: -5.42917, longitude: 105.26111 };
    const delta: Record<string, [number, number]> = {
      ArrowUp: [step, 0],
      ArrowDown: [-step, 0],
      ArrowLeft: [0, -step],
      ArrowRight: [0, step],
    };
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    onPin({ latitude: round5(at.latitude + d[0]), longitude: round5(at.longitude + d[1]) });
  };

  const pinAt = pin ? toMap(pin.longitude, pin.latitude) : null;
  return (
    <figure className="lapor-map" data-testid={picker ? "lapor-map-picker" : "lapor-map"}>
      <svg
        ref={svgRef}
        className={picker ? "lapor-map-svg lapor-map-picker" : "lapor-map-svg"}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        aria-labelledby={`${id}-title`}
        role={picker ? "application" : "img"}
        tabIndex={picker ? 0 : undefined}
        onClick={picker ? place : undefined}
        onKeyDown={picker ? move : undefined}
        data-testid={picker ? "lapor-pin-map" : undefined}
      >
        <title id={`${id}-title`}>{picker ? t("lapor.map.pickerLabel") : title}</title>
        <rect className="lapor-map-sea" x={box.x} y={box.y} width={box.width} height={box.height} />
        <path className="lapor-map-land" d={LAND.sumatra} strokeWidth={unit / 4} />
        <path className="lapor-map-land" d={LAND.java} strokeWidth={unit / 4} />
        {SEATS.map((s) => {
          const p = toMap(s.longitude, s.latitude);
          return (
            <g key={s.code} className="lapor-map-seat">
              <rect x={p.x - unit * 0.6} y={p.y - unit * 0.6} width={unit * 1.2} height={unit * 1.2} />
              <text x={p.x + unit} y={p.y + unit * 0.6} fontSize={unit * 2.6}>
                {s.seat}
              </text>
            </g>
          );
        })}
        {reports.map((r) => {
          const p = toMap(r.longitude, r.latitude);
          const label = t("lapor.map.dot", {
            number: r.number,
            category: categoryName(lang, r.category.name),
            state: t(`lapor.state.${r.state}` as MessageKey),
          });
          return (
            <a
              key={r.id}
              href={`/lapor/${r.id}`}
              aria-label={label}
              data-testid="lapor-map-dot"
              data-id={r.id}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/lapor/${r.id}`);
              }}
            >
              <circle
                className={`lapor-map-dot${r.overdue ? " lapor-map-dot-late" : ""}${
                  r.state === "selesai" || r.state === "ditolak" ? " lapor-map-dot-closed" : ""
                }`}
                cx={p.x}
                cy={p.y}
                r={unit * 1.4}
                strokeWidth={unit / 3}
              />
            </a>
          );
        })}
        {pinAt ? (
          <g className="lapor-map-pin" data-testid="lapor-pin">
            <path
              d={`M${pinAt.x} ${pinAt.y}l${-unit * 2} ${-unit * 3.2}a${unit * 2.4} ${unit * 2.4} 0 1 1 ${
                unit * 4
              } 0z`}
              strokeWidth={unit / 3}
            />
            <circle cx={pinAt.x} cy={pinAt.y - unit * 4.4} r={unit * 0.9} className="lapor-map-pin-hole" />
          </g>
        ) : null}
      </svg>
      {picker && pin ? (
        <figcaption className="muted small" aria-live="polite" data-testid="lapor-pin-text">
          {t("lapor.form.pinAt", { lat: pin.latitude.toFixed(5), lng: pin.longitude.toFixed(5) })}
        </figcaption>
      ) : (
        <figcaption className="muted small">{t("lapor.map.note")}</figcaption>
      )}
    </figure>
  );
}
