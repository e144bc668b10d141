import { useId } from "react";
import { formatDateWIB } from "../../lib/format.ts";
import { LOCALES } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import type { OutlookWeek } from "./api.ts";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 36, left: 40 };

const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/**
 * Projected days of cover per week as bars (a bar below target marked), the target as a dashed line,
 * lean-season weeks shaded; the same figures as a table for screen readers and for reading exactly.
 */
export function OutlookChart({ weeks, targetDays }: { weeks: OutlookWeek[]; targetDays: number }) {
  const { t, lang } = usePreferences();
  const titleId = useId();
  const tonnes = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  const t1 = (kg: number) => tonnes.format(kg / 1000);
  const top = Math.max(targetDays, ...weeks.map((w) => w.coverDays)) * 1.15 || 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, weeks.length);
  const y = (d: number) => PAD.top + plotH - (d / top) * plotH;
  const ticks = [0, targetDays, Math.round(top / 1.15)].filter((v, i, all) => all.indexOf(v) === i);
  return (
    <figure className="supply-chart" aria-labelledby={titleId}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        data-testid="supply-outlook-chart"
      >
        <title id={titleId}>{t("supply.outlook.chartLabel")}</title>
        {weeks.map((w, i) =>
          w.lean ? (
            <rect
              key={`lean-${w.weekStart}`}
              className="supply-chart-lean"
              x={PAD.left + i * slot}
              y={PAD.top}
              width={slot}
              height={plotH}
            />
          ) : null,
        )}
        {ticks.map((v) => (
          <g key={`tick-${v}`}>
            <line className="supply-chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
            <text className="supply-chart-axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {days.format(v)}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => (
          <rect
            key={w.weekStart}
            className={w.gapKg > 0 ? "supply-chart-bar supply-chart-bar-gap" : "supply-chart-bar"}
            x={PAD.left + i * slot + slot * 0.15}
            y={y(w.coverDays)}
            width={slot * 0.7}
            height={Math.max(0, PAD.top + plotH - y(w.coverDays))}
            data-testid="supply-outlook-bar"
          />
        ))}
        <line
          className="supply-chart-target"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={y(targetDays)}
          y2={y(targetDays)}
        />
        {weeks.map((w, i) =>
          i % 2 === 0 ? (
            <text
              key={`x-${w.weekStart}`}
              className="supply-chart-axis"
              x={PAD.left + i * slot + slot / 2}
              y={HEIGHT - PAD.bottom + 16}
              textAnchor="middle"
            >
              {shortDay(w.weekStart)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption className="supply-legend">
        <span>
          <i className="supply-key supply-key-bar" aria-hidden="true" />
          {t("supply.outlook.legend.cover")}
        </span>
        <span>
          <i className="supply-key supply-key-gap" aria-hidden="true" />
          {t("supply.outlook.legend.gap")}
        </span>
        <span>
          <i className="supply-key supply-key-target" aria-hidden="true" />
          {t("supply.outlook.legend.target")} ({t("supply.cover.days", { days: days.format(targetDays) })})
        </span>
        <span>
          <i className="supply-key supply-key-lean" aria-hidden="true" />
          {t("supply.outlook.legend.lean")}
        </span>
      </figcaption>
      <details className="supply-table">
        <summary>{t("supply.outlook.tableCaption")}</summary>
        <div className="table-wrap">
          <table data-testid="supply-outlook-table">
            <caption className="visually-hidden">{t("supply.outlook.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("supply.outlook.week")}</th>
                <th scope="col">{t("supply.outlook.arrivals")}</th>
                <th scope="col">{t("supply.outlook.market")}</th>
                <th scope="col">{t("supply.outlook.lampung")}</th>
                <th scope="col">{t("supply.outlook.stock")}</th>
                <th scope="col">{t("supply.outlook.cover")}</th>
                <th scope="col">{t("supply.outlook.gap")}</th>
                <th scope="col">{t("supply.outlook.lean")}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.weekStart} className={w.gapKg > 0 ? "supply-row-gap" : undefined}>
                  <th scope="row">{formatDateWIB(w.weekStart, lang)}</th>
                  <td className="num">{t1(w.arrivalsKg)}</td>
                  <td className="num">{t1(w.marketBalanceKg)}</td>
                  <td className="num">{t1(w.lampungSupplyKg)}</td>
                  <td className="num">{t1(w.stockKg)}</td>
                  <td className="num">{days.format(w.coverDays)}</td>
                  <td className="num">{w.gapKg > 0 ? t1(w.gapKg) : "—"}</td>
                  <td>{w.lean ? t("supply.outlook.yes") : t("supply.outlook.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
