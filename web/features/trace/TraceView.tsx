import type { ReactNode } from "react";
import { Link } from "react-router";
import { Icon } from "../../components/Icon.tsx";
import { formatDateTimeWIB, formatRupiah, TIME_ZONE } from "../../lib/format.ts";
import { type Lang, LOCALES } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { CorridorMap } from "./CorridorMap.tsx";
import { stopsOf } from "./geo.ts";
import {
  capitalise,
  cbvWord,
  type FarmersShare,
  type Food,
  type FullPublicTrace,
  identifierParts,
  identify,
  inTimeOrder,
  type LotPrices,
  type ProductLot,
  provinceOf,
  type Step,
  shortIdentifier,
  stepKey,
  type TraceExcursion,
  type TracePlace,
  unitLabel,
} from "./model.ts";
import "./trace.css";

/** Heading levels: the trace is the page (h1) behind a QR, or a result (h2) under the search form. */
export interface Levels {
  section: "h2" | "h3";
  item: "h3" | "h4";
}

export const PAGE_LEVELS: Levels = { section: "h2", item: "h3" };
export const NESTED_LEVELS: Levels = { section: "h3", item: "h4" };

const harvestDateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" (a day in Jakarta) as "dd MMMM yyyy": "14 April 2025". */
function formatHarvestDate(isoDate: string, lang: Lang): string {
  const date = new Date(`${isoDate}T00:00:00+07:00`);
  if (Number.isNaN(date.getTime())) return isoDate;
  let format = harvestDateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: TIME_ZONE,
      day: "2-digit",
      month: "long",
      year: "numeric",
    });
    harvestDateFormats.set(lang, format);
  }
  return format.format(date);
}

function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: fractionDigits }).format(value);
}

function formatTemperatures(values: number[], unit: string, lang: Lang): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const one = (v: number) => formatNumber(v, lang, 1);
  return min === max ? `${one(min)} ${unit}` : `${one(min)}–${one(max)} ${unit}`;
}

function foodName(food: Food, lang: Lang): string {
  return lang === "en" ? food.nameEn : food.name;
}

/** A place by its name, its GLN when it has none; the identifier stays in the tooltip. */
function PlaceName({ uri, name }: { uri: string; name: string | null }) {
  return name ? (
    <span className="trace-place-name" title={uri}>
      {name}
    </span>
  ) : (
    <span className="trace-place" title={uri}>
      {shortIdentifier(uri)}
    </span>
  );
}

/** An identifier as the parts printed on a label, each kept on one line. */
export function Code({ epc }: { epc: string }) {
  return (
    <span className="trace-code" title={epc}>
      {identifierParts(epc).map((part, index) => (
        <span key={part} className="trace-code-part">
          {index > 0 ? <span className="trace-code-sep"> · </span> : null}
          {part}
        </span>
      ))}
    </span>
  );
}

/** What a step did, in words: processing names where it happened. */
function useStepLabel(): (step: Pick<Step, "eventType" | "step" | "placeName">) => string {
  const { t, td } = usePreferences();
  return (step) => {
    const key = stepKey(step);
    if (key === "processing") {
      return step.placeName
        ? t("trace.step.processingAt", { place: step.placeName })
        : t("trace.step.processingNowhere");
    }
    if (key === "harvest") return t("trace.step.harvest");
    return td(`trace.step.${key}`, td("trace.step.other", key));
  };
}

/** Dispositions that only repeat what the step already says ("Dijual" is "Terjual"). */
const SAYS_IT_ALREADY: Record<string, string> = {
  retail_selling: "retail_sold",
  destroying: "destroyed",
  packing: "container_closed",
};

function DispositionBadge({ value, stepKey: key }: { value: string | null; stepKey: string }) {
  const { td } = usePreferences();
  const word = cbvWord(value);
  if (!word || SAYS_IT_ALREADY[key] === word) return null;
  const label = td(`trace.disposition.${word}`, "");
  return label ? <span className="badge badge-hub">{label}</span> : null;
}

function ExcursionText({ x }: { x: TraceExcursion }) {
  const { t, td, lang } = usePreferences();
  const value = (v: number) => `${formatNumber(v, lang, 1)} ${x.unit}`;
  return (
    <>
      {t(x.direction === "above" ? "trace.excursion.above" : "trace.excursion.below", {
        measurement: td(`trace.measurement.${x.measurement}`, x.measurement),
        value: value(x.value),
        limit: value(x.limit),
      })}
    </>
  );
}

/** What the food is: the traced lot's commodity, and what it was made from when processed. */
function FoodName({ trace }: { trace: FullPublicTrace }) {
  const { t, lang } = usePreferences();
  const harvested = [
    ...new Map(
      trace.origins.flatMap((o) => (o.commodity ? [[o.commodity.code, foodName(o.commodity, lang)]] : [])),
    ).values(),
  ];
  const region = trace.origins[0]?.regency?.name ?? null;
  if (!trace.food && !harvested.length) return null;
  const madeFrom =
    trace.processed &&
    harvested.length &&
    !(harvested.length === 1 && trace.food && harvested[0] === foodName(trace.food, lang));
  return (
    <div className="trace-food" data-testid="trace-food">
      <p className="trace-food-label">{t("trace.food.label")}</p>
      <p className="trace-food-name" data-testid="trace-food-name">
        {trace.food ? foodName(trace.food, lang) : harvested.join(", ")}
      </p>
      <p className="trace-food-meta muted">
        {madeFrom ? t("trace.food.processedFrom", { list: harvested.join(", ") }) : null}
        {madeFrom && region ? " · " : null}
        {region ? t("trace.food.from", { place: region }) : null}
      </p>
    </div>
  );
}

function Current({ trace }: { trace: FullPublicTrace }) {
  const { t, td, lang } = usePreferences();
  const label = useStepLabel();
  const current = trace.current;
  // The step the position comes from, so a processing step reads as in the timeline.
  const step = current
    ? [...trace.journey]
        .reverse()
        .find((s) => s.eventTime === current.eventTime && s.step === current.bizStep)
    : undefined;
  const key = step ? stepKey(step) : (cbvWord(current?.bizStep ?? null) ?? "other");
  return (
    <div className="trace-current" data-testid="trace-current">
      <p className="trace-current-title">
        <Icon name="pin" size={20} />
        {t("trace.current")}
      </p>
      {current ? (
        <>
          <p className="trace-current-step">
            {step ? label(step) : td(`trace.step.${key}`, td("trace.step.other", key))}{" "}
            <DispositionBadge value={current.disposition} stepKey={key} />
          </p>
          <p className="trace-current-meta">
            <time dateTime={current.eventTime}>{formatDateTimeWIB(current.eventTime, lang)}</time>
            {current.location ? (
              <>
                {" · "}
                <PlaceName uri={current.location} name={current.locationName} />
              </>
            ) : null}
          </p>
          {current.holder ? (
            <p className="trace-current-holder" data-testid="trace-holder">
              <span className="muted">{t("trace.holder.title")}</span> <strong>{current.holder}</strong>
              {current.holderBasis ? (
                <span className="muted"> ({t(`trace.holder.basis.${current.holderBasis}`)})</span>
              ) : null}
            </p>
          ) : null}
          {current.inContainer ? (
            <p className="trace-current-meta">{t("trace.currentWithContainer")}</p>
          ) : null}
        </>
      ) : (
        <p>{t("trace.currentNone")}</p>
      )}
    </div>
  );
}

function Summary({ trace }: { trace: FullPublicTrace }) {
  const { t, td } = usePreferences();
  return (
    <section className="card trace-summary" aria-label={t("trace.current")}>
      <FoodName trace={trace} />
      <dl className="trace-ids">
        <div>
          <dt>{t("trace.kindLabel")}</dt>
          <dd data-testid="trace-kind">{td(`trace.kind.${trace.kind}`, trace.kind)}</dd>
        </div>
        <div>
          <dt>{t("trace.code")}</dt>
          <dd>
            <Code epc={trace.epc} />
          </dd>
        </div>
      </dl>
      {trace.kind !== "product" ? <Current trace={trace} /> : null}
      {trace.excursions.length > 0 ? (
        <div className="alert alert-error trace-excursions" data-testid="trace-excursions">
          <Icon name="alert" />
          <div>
            <p className="alert-title">{t("trace.excursion.title")}</p>
            <p>{t("trace.excursion.summary", { n: trace.excursions.length })}</p>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function OriginItem({
  origin,
  index,
  levels,
}: {
  origin: FullPublicTrace["origins"][number];
  index: number;
  levels: Levels;
}) {
  const { t, lang } = usePreferences();
  const Heading = levels.item;
  const unknown = <span className="muted">{t("trace.origin.unknown")}</span>;
  const lot = identify(origin.lot);
  const province = origin.regency ? provinceOf(origin.regency.code) : null;
  return (
    <li className="origin" data-testid="trace-origin">
      <p className="origin-kicker">{t("trace.origin.heading", { n: index + 1 })}</p>
      <Heading className="origin-producer" data-testid="origin-producer">
        {origin.producer ?? t("trace.origin.unknown")}
      </Heading>
      <p className="origin-kind muted small">{t("trace.origin.producer")}</p>
      <dl className="facts">
        <Fact label={t("trace.origin.village")} testId="origin-village">
          {origin.village ? origin.village.name : unknown}
        </Fact>
        {origin.district ? (
          <Fact label={t("trace.origin.district")} testId="origin-district">
            {origin.district.name}
          </Fact>
        ) : null}
        <Fact label={t("trace.origin.regency")} testId="origin-regency">
          {origin.regency ? `${origin.regency.name}${province ? `, ${province}` : ""}` : unknown}
        </Fact>
        <Fact label={t("trace.origin.harvestDate")}>
          {origin.harvestDate ? (
            <time dateTime={origin.harvestDate}>{formatHarvestDate(origin.harvestDate, lang)}</time>
          ) : (
            unknown
          )}
        </Fact>
        <Fact label={t("trace.origin.grade")}>{origin.grade ? capitalise(origin.grade) : unknown}</Fact>
        <Fact label={t("trace.origin.quantity")}>
          {origin.quantity !== null
            ? `${formatNumber(origin.quantity, lang, 2)} ${unitLabel(origin.uom, lang)}`.trim()
            : unknown}
        </Fact>
        <Fact label={t("trace.origin.lot")}>
          {lot.kind === "lot" ? (
            <span className="trace-code" title={origin.lot}>
              {lot.lot}
            </span>
          ) : (
            <Code epc={origin.lot} />
          )}
        </Fact>
      </dl>
      {origin.farmGatePricePerKg !== null ? (
        <div className="farm-price" data-testid="farm-gate-price">
          <p className="farm-price-label">{t("trace.origin.farmGatePrice")}</p>
          <p>
            <span className="price-amount">{formatRupiah(origin.farmGatePricePerKg)}</span>{" "}
            <span className="price-unit">{t("trace.origin.perKg")}</span>
          </p>
        </div>
      ) : null}
    </li>
  );
}

function Origins({ origins, levels }: { origins: FullPublicTrace["origins"]; levels: Levels }) {
  const { t } = usePreferences();
  const Heading = levels.section;
  return (
    <section className="card" aria-labelledby="trace-origins-title">
      <Heading id="trace-origins-title">{t("trace.origin.title")}</Heading>
      {origins.length === 0 ? (
        <p className="empty">{t("trace.origin.none")}</p>
      ) : (
        <ul className="origin-list">
          {origins.map((origin, index) => (
            <OriginItem key={origin.lot} origin={origin} index={index} levels={levels} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ShareCard({ share, places, levels }: { share: FarmersShare; places: TracePlace[]; levels: Levels }) {
  const { t, lang } = usePreferences();
  const Heading = levels.section;
  const percent = `${formatNumber(share.percent, lang, 1)}%`;
  const place = share.place ? places.find((p) => p.id === share.place)?.name : null;
  const when = share.eventTime ? formatDateTimeWIB(share.eventTime, lang) : null;
  return (
    <section className="card trace-share" aria-labelledby="trace-share-title" data-testid="farmers-share">
      <Heading id="trace-share-title">{t("trace.share.title")}</Heading>
      <p className="trace-share-percent" data-testid="farmers-share-percent">
        {percent}
      </p>
      <div className="trace-share-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, share.percent))}%` }} />
      </div>
      <p className="visually-hidden">{t("trace.share.bar", { percent })}</p>
      <p>
        {t("trace.share.body", {
          retail: formatRupiah(share.retailPricePerKg),
          farm: formatRupiah(share.farmGateValuePerKg),
        })}
      </p>
      {share.harvestKgPerKg !== 1 ? (
        <p className="muted">
          {t("trace.share.processed", { kg: formatNumber(share.harvestKgPerKg, lang, 2) })}
        </p>
      ) : null}
      <p className="muted small">
        {share.source === "lot"
          ? t("trace.share.sourceLot")
          : place && when
            ? t("trace.share.sourceSaleAt", { place, time: when })
            : t("trace.share.sourceSale", { time: when ?? "—" })}
      </p>
    </section>
  );
}

/** Farm-gate, BUMD purchase and Jakarta retail prices per harvest lot (from procurement and prices). */
function PricesCard({ prices, levels }: { prices: LotPrices[]; levels: Levels }) {
  const { t, lang } = usePreferences();
  const Heading = levels.section;
  const Item = levels.item;
  const lotCode = (lgtin: string) => decodeURIComponent(lgtin.slice(lgtin.lastIndexOf(".") + 1));
  const day = (d: string) => formatHarvestDate(d, lang);
  return (
    <section className="card trace-prices" aria-labelledby="trace-prices-title" data-testid="trace-prices">
      <Heading id="trace-prices-title">{t("trace.prices.title")}</Heading>
      {prices.map((p) => (
        <div key={p.lot} className="trace-prices-lot" data-testid="trace-prices-lot">
          {prices.length > 1 ? <Item>{t("trace.prices.lot", { lot: lotCode(p.lot) })}</Item> : null}
          <dl className="trace-prices-list">
            <dt>{t("trace.prices.farmGate")}</dt>
            <dd data-testid="trace-prices-farm">
              {p.farmGate ? (
                <>
                  <strong>{formatRupiah(p.farmGate.pricePerKg)}/kg</strong>
                  <span className="muted small">
                    {" "}
                    ·{" "}
                    {p.farmGate.source === "payment" && p.farmGate.date
                      ? t("trace.prices.farmGatePayment", { date: day(p.farmGate.date) })
                      : t("trace.prices.farmGateLot")}
                  </span>
                </>
              ) : (
                t("trace.prices.unknown")
              )}
            </dd>
            <dt>{t("trace.prices.bumd")}</dt>
            <dd data-testid="trace-prices-bumd">
              {p.bumdPurchase ? (
                <>
                  <strong>{formatRupiah(p.bumdPurchase.pricePerKg)}/kg</strong>
                  <span className="muted small">
                    {" "}
                    ·{" "}
                    {t("trace.prices.bumdBy", {
                      buyer: p.bumdPurchase.buyer,
                      date: day(p.bumdPurchase.date),
                    })}
                  </span>
                </>
              ) : (
                t("trace.prices.unknown")
              )}
            </dd>
            <dt>{t("trace.prices.retail")}</dt>
            <dd data-testid="trace-prices-retail">
              {p.retailJakarta ? (
                <>
                  <strong>{formatRupiah(p.retailJakarta.pricePerKg)}/kg</strong>
                  <span className="muted small">
                    {" "}
                    ·{" "}
                    {t("trace.prices.retailMedian", {
                      markets: String(p.retailJakarta.markets),
                      date: day(p.retailJakarta.date),
                    })}
                  </span>
                </>
              ) : (
                t("trace.prices.unknown")
              )}
            </dd>
          </dl>
          {p.farmersSharePercent !== null ? (
            <>
              <p className="trace-prices-share-label">{t("trace.prices.share")}</p>
              <p className="trace-share-percent" data-testid="trace-prices-share">
                {`${formatNumber(p.farmersSharePercent, lang, 1)}%`}
              </p>
              <div className="trace-share-bar" aria-hidden="true">
                <span style={{ width: `${Math.min(100, Math.max(0, p.farmersSharePercent))}%` }} />
              </div>
            </>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** Steps carry no id of their own: what, when and where identify them (repeats are numbered). */
function stableKeys(steps: Step[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const base = `${step.eventTime}|${step.step}|${step.place}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return `${base}|${count}`;
  });
}

function Timeline({ steps, levels }: { steps: Step[]; levels: Levels }) {
  const { t, lang } = usePreferences();
  const label = useStepLabel();
  const Heading = levels.section;
  const rowKeys = stableKeys(steps);
  return (
    <section className="card" aria-labelledby="trace-journey-title">
      <div className="card-head">
        <Heading id="trace-journey-title">{t("trace.journey.title")}</Heading>
        <p className="muted">{t("trace.journey.intro")}</p>
      </div>
      {steps.length === 0 ? (
        <p className="empty">{t("trace.journey.none")}</p>
      ) : (
        <ol className="timeline" data-testid="trace-timeline">
          {steps.map((step, index) => {
            const key = stepKey(step);
            const classes = [
              "timeline-item",
              index === steps.length - 1 ? "is-last" : "",
              step.excursions.length ? "has-excursion" : "",
              key === "processing" ? "is-processing" : "",
            ].filter(Boolean);
            return (
              <li key={rowKeys[index]} className={classes.join(" ")}>
                <span className="timeline-marker" aria-hidden="true" />
                <div className="timeline-body">
                  <p className="timeline-label">
                    <span data-testid="step-label">{label(step)}</span>{" "}
                    <DispositionBadge value={step.disposition} stepKey={key} />
                  </p>
                  <p className="timeline-time">
                    <time dateTime={step.eventTime}>{formatDateTimeWIB(step.eventTime, lang)}</time>
                  </p>
                  {step.place && !(key === "processing" && step.placeName) ? (
                    <p className="timeline-meta" data-testid="step-place">
                      <Icon name="pin" size={16} /> <PlaceName uri={step.place} name={step.placeName} />
                    </p>
                  ) : null}
                  {step.temperatures.length > 0 ? (
                    <p className="timeline-meta" data-testid="step-temperature">
                      <span className="muted">{t("trace.journey.temperature")}:</span>{" "}
                      {formatTemperatures(step.temperatures, step.temperatureUnit ?? "°C", lang)}
                      {step.temperatures.length > 1 ? (
                        <span className="muted">
                          {" "}
                          ({t("trace.journey.readings", { n: step.temperatures.length })})
                        </span>
                      ) : null}
                    </p>
                  ) : null}
                  {step.excursions.map((x) => (
                    <p
                      key={`${x.measurement}|${x.value}|${x.at}`}
                      className="timeline-excursion"
                      data-testid="step-excursion"
                    >
                      <Icon name="alert" size={16} /> <strong>{t("trace.excursion.title")}:</strong>{" "}
                      <ExcursionText x={x} />
                    </p>
                  ))}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function MapCard({ trace, levels }: { trace: FullPublicTrace; levels: Levels }) {
  const { t } = usePreferences();
  const Heading = levels.section;
  return (
    <section className="card" aria-labelledby="trace-map-title">
      <Heading id="trace-map-title">{t("trace.geo.title")}</Heading>
      <CorridorMap stops={stopsOf(trace.journey, trace.places)} />
    </section>
  );
}

/** A GTIN without a lot: the product's lots, each a link to its own trace. */
function ProductLots({ lots, levels }: { lots: ProductLot[]; levels: Levels }) {
  const { t, lang } = usePreferences();
  const Heading = levels.section;
  const Item = levels.item;
  return (
    <section className="card" aria-labelledby="trace-lots-title">
      <Heading id="trace-lots-title">{t("trace.product.title")}</Heading>
      <p className="muted">{t("trace.product.intro")}</p>
      <ul className="trace-lots" data-testid="product-lots">
        {lots.map((lot) => {
          const path = lot.digitalLink ? new URL(lot.digitalLink).pathname : null;
          return (
            <li key={lot.lot} className="trace-lot">
              <Item className="trace-lot-code">{path ? <Link to={path}>{lot.lot}</Link> : lot.lot}</Item>
              <p className="muted small">
                {[
                  lot.commodity ? foodName(lot.commodity, lang) : null,
                  lot.producer,
                  lot.regency?.name ?? null,
                  lot.harvestDate
                    ? t("trace.product.harvested", { date: formatHarvestDate(lot.harvestDate, lang) })
                    : lot.firstSeen
                      ? t("trace.product.recorded", { time: formatDateTimeWIB(lot.firstSeen, lang) })
                      : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The public trace of one code: the food, where it is, its farmer's share, origins, map and journey. */
export function TraceView({ trace: raw, levels }: { trace: FullPublicTrace; levels: Levels }) {
  const { t } = usePreferences();
  const trace: FullPublicTrace = { ...raw, journey: inTimeOrder(raw.journey) };
  return (
    <div className="trace" data-testid="trace">
      <Summary trace={trace} />
      {trace.kind === "product" ? (
        <ProductLots lots={trace.lots ?? []} levels={levels} />
      ) : (
        <div className="trace-grid">
          <div className="trace-column">
            {trace.farmersShare ? (
              <ShareCard share={trace.farmersShare} places={trace.places} levels={levels} />
            ) : null}
            {trace.priceTransparency?.some((p) => p.farmGate || p.bumdPurchase || p.retailJakarta) ? (
              <PricesCard prices={trace.priceTransparency} levels={levels} />
            ) : null}
            <Origins origins={trace.origins} levels={levels} />
            <MapCard trace={trace} levels={levels} />
          </div>
          <div className="trace-column">
            <Timeline steps={trace.journey} levels={levels} />
          </div>
        </div>
      )}
      <div className="card-footnote trace-footnote">
        <p>{t("trace.source")}</p>
        <p>{t("trace.privacy")}</p>
      </div>
    </div>
  );
}
