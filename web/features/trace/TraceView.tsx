import type { ReactNode } from "react";
import { Icon } from "../../components/Icon.tsx";
import type { PublicTrace, TraceOrigin, TraceStep } from "../../lib/api.ts";
import { formatDateTimeWIB, formatRupiah, TIME_ZONE } from "../../lib/format.ts";
import { type Lang, LOCALES } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { CorridorMap } from "./CorridorMap.tsx";
import {
  capitalise,
  cbvWord,
  furthestStage,
  identifierParts,
  identify,
  inTimeOrder,
  provinceOf,
  reachedStages,
  type Stage,
  shortIdentifier,
  stepKeys,
  stepStages,
  unitLabel,
} from "./model.ts";

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

function formatTemperatures(values: number[], lang: Lang): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const one = (v: number) => formatNumber(v, lang, 1);
  return min === max ? `${one(min)} °C` : `${one(min)}–${one(max)} °C`;
}

function useStepLabel(): (key: string) => string {
  const { td } = usePreferences();
  return (key) => td(`trace.step.${key}`, td("trace.step.other", key));
}

function Place({ uri }: { uri: string }) {
  return (
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

/** Dispositions that only repeat what the step already says ("Dijual" is "Terjual"). */
const SAYS_IT_ALREADY: Record<string, string> = {
  retail_selling: "retail_sold",
  destroying: "destroyed",
  packing: "container_closed",
};

function DispositionBadge({ value, stepKey }: { value: string | null; stepKey: string }) {
  const { td } = usePreferences();
  const word = cbvWord(value);
  if (!word || SAYS_IT_ALREADY[stepKey] === word) return null;
  const label = td(`trace.disposition.${word}`, "");
  return label ? <span className="badge badge-hub">{label}</span> : null;
}

/** Where the food is now, as the summary shows it. */
interface Position {
  eventTime: string;
  key: string;
  disposition: string | null;
  place: string | null;
  /** The code's own last step packed it: it has travelled on with its pallet or sack since. */
  withContainer: boolean;
}

/**
 * The last position is `current` (the last step naming the code itself), except when that step
 * packed it into a pallet or sack and the journey goes on: the food is wherever its container
 * was seen last.
 */
function positionOf(trace: PublicTrace, keys: string[]): Position | null {
  const { current, journey } = trace;
  if (!current) return null;
  const at = Date.parse(current.eventTime);
  const packed =
    cbvWord(current.bizStep) === "packing" || cbvWord(current.disposition) === "container_closed";
  const last = journey.at(-1);
  if (packed && last && Date.parse(last.eventTime) > at) {
    return {
      eventTime: last.eventTime,
      key: keys.at(-1) ?? "other",
      disposition: last.disposition,
      place: last.place,
      withContainer: true,
    };
  }
  // The step itself, so a commissioning reads as a harvest or as processing like in the timeline.
  let key = cbvWord(current.bizStep) ?? "other";
  for (let i = journey.length - 1; i >= 0; i--) {
    const step = journey[i];
    if (step && step.eventTime === current.eventTime && step.step === current.bizStep) {
      key = keys[i] ?? key;
      break;
    }
  }
  return {
    eventTime: current.eventTime,
    key,
    disposition: current.disposition,
    place: current.location,
    withContainer: false,
  };
}

function Summary({ trace, position }: { trace: PublicTrace; position: Position | null }) {
  const { t, td, lang } = usePreferences();
  const stepLabel = useStepLabel();
  return (
    <section className="card trace-summary" aria-label={t("trace.current")}>
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
      <div className="trace-current" data-testid="trace-current">
        <p className="trace-current-title">
          <Icon name="pin" size={20} />
          {t("trace.current")}
        </p>
        {position ? (
          <>
            <p className="trace-current-step">
              {stepLabel(position.key)}{" "}
              <DispositionBadge value={position.disposition} stepKey={position.key} />
            </p>
            <p className="trace-current-meta">
              <time dateTime={position.eventTime}>{formatDateTimeWIB(position.eventTime, lang)}</time>
              {position.place ? (
                <>
                  {" · "}
                  <Place uri={position.place} />
                </>
              ) : null}
            </p>
            {position.withContainer ? (
              <p className="trace-current-meta">{t("trace.currentWithContainer")}</p>
            ) : null}
          </>
        ) : (
          <p>{t("trace.currentNone")}</p>
        )}
      </div>
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

function OriginItem({ origin, index, levels }: { origin: TraceOrigin; index: number; levels: Levels }) {
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

function Origins({ origins, levels }: { origins: TraceOrigin[]; levels: Levels }) {
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

/** Steps carry no id of their own: what, when and where identify them (repeats are numbered). */
function stableKeys(steps: TraceStep[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const base = `${step.eventTime}|${step.step}|${step.place}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return `${base}|${count}`;
  });
}

function Timeline({
  steps,
  keys,
  stages,
  levels,
}: {
  steps: TraceStep[];
  keys: string[];
  stages: (Stage | null)[];
  levels: Levels;
}) {
  const { t, lang } = usePreferences();
  const stepLabel = useStepLabel();
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
            const key = keys[index] ?? "other";
            const stage = stages[index];
            return (
              <li
                key={rowKeys[index]}
                className={index === steps.length - 1 ? "timeline-item is-last" : "timeline-item"}
              >
                <span className="timeline-marker" aria-hidden="true" />
                <div className="timeline-body">
                  <p className="timeline-label">
                    <span data-testid="step-label">{stepLabel(key)}</span>{" "}
                    <DispositionBadge value={step.disposition} stepKey={key} />
                  </p>
                  {stage ? (
                    <p className="timeline-stage" data-testid="step-stage">
                      <Icon name="pin" size={16} />
                      {t(`trace.stage.${stage}`)}
                    </p>
                  ) : null}
                  <p className="timeline-time">
                    <time dateTime={step.eventTime}>{formatDateTimeWIB(step.eventTime, lang)}</time>
                  </p>
                  {step.place ? (
                    <p className="timeline-meta">
                      <span className="muted">{t("trace.journey.place")}:</span> <Place uri={step.place} />
                    </p>
                  ) : null}
                  {step.temperatures.length > 0 ? (
                    <p className="timeline-meta" data-testid="step-temperature">
                      <span className="muted">{t("trace.journey.temperature")}:</span>{" "}
                      {formatTemperatures(step.temperatures, lang)}
                      {step.temperatures.length > 1 ? (
                        <span className="muted">
                          {" "}
                          ({t("trace.journey.readings", { n: step.temperatures.length })})
                        </span>
                      ) : null}
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function MapCard({ trace, levels }: { trace: PublicTrace; levels: Levels }) {
  const { t } = usePreferences();
  const Heading = levels.section;
  const reached = reachedStages(trace);
  return (
    <section className="card" aria-labelledby="trace-map-title">
      <Heading id="trace-map-title">{t("trace.map.title")}</Heading>
      <CorridorMap reached={reached} furthest={furthestStage(reached)} />
    </section>
  );
}

/** The public trace of one code: summary, harvest origins, corridor map and journey. */
export function TraceView({ trace: raw, levels }: { trace: PublicTrace; levels: Levels }) {
  const { t } = usePreferences();
  const trace: PublicTrace = { ...raw, journey: inTimeOrder(raw.journey) };
  const keys = stepKeys(trace);

  return (
    <div className="trace" data-testid="trace">
      <Summary trace={trace} position={positionOf(trace, keys)} />
      <div className="trace-grid">
        <div className="trace-column">
          <Origins origins={trace.origins} levels={levels} />
          <MapCard trace={trace} levels={levels} />
        </div>
        <div className="trace-column">
          <Timeline steps={trace.journey} keys={keys} stages={stepStages(trace)} levels={levels} />
        </div>
      </div>
      <div className="card-footnote trace-footnote">
        <p>{t("trace.source")}</p>
        <p>{t("trace.privacy")}</p>
      </div>
    </div>
  );
}
