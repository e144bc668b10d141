import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../components/QueryState.tsx";
import { api, type Commodity, type ListResponse, type ReferencePrice } from "../../lib/api.ts";
import { formatDateTimeWIB, formatDateWIB, formatRupiah } from "../../lib/format.ts";
import type { Lang } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";

export function useCommodities() {
  return useQuery({ queryKey: ["commodities"], queryFn: api.commodities, staleTime: 10 * 60_000 });
}

function commodityName(commodity: Commodity, lang: Lang): string {
  return lang === "en" && commodity.nameEn ? commodity.nameEn : commodity.name;
}

const priceKey = (price: ReferencePrice) =>
  `${price.kind}-${price.level}-${price.zone ?? ""}-${price.effectiveFrom}`;

/** Commodities with a reference price in force, and the names of those without one. */
function splitByPrice(items: Commodity[], lang: Lang): { priced: Commodity[]; unpriced: string[] } {
  const priced = items.filter((c) => c.referencePrices.length > 0);
  const unpriced = items.filter((c) => c.referencePrices.length === 0).map((c) => commodityName(c, lang));
  return { priced, unpriced };
}

function PriceAmount({ price }: { price: ReferencePrice }) {
  const { t } = usePreferences();
  const amount =
    price.min !== null && price.min !== price.max
      ? `${formatRupiah(price.min)} – ${formatRupiah(price.max)}`
      : price.kind === "HET"
        ? t("prices.max", { price: formatRupiah(price.max) })
        : formatRupiah(price.max);
  return (
    <span className="price">
      <span className="price-amount">{amount}</span>{" "}
      <span className="price-unit">{t("prices.perUnit", { unit: price.unit })}</span>
    </span>
  );
}

function KindBadge({ kind }: { kind: ReferencePrice["kind"] }) {
  const { t } = usePreferences();
  return (
    <abbr className={`badge badge-${kind.toLowerCase()}`} title={t(`prices.kind.${kind}`)}>
      {kind}
    </abbr>
  );
}

function useZoneLabel(): (zone: string | null) => string {
  const { t } = usePreferences();
  return (zone) => {
    if (zone === null) return t("prices.allZones");
    return /^(zona|zone)\b/i.test(zone) ? zone : `${t("prices.zone")} ${zone}`;
  };
}

function Effective({ price }: { price: ReferencePrice }) {
  const { lang } = usePreferences();
  return <time dateTime={price.effectiveFrom}>{formatDateWIB(price.effectiveFrom, lang)}</time>;
}

function Footnotes({ unpriced, at }: { unpriced: string[]; at: number }) {
  const { t, lang } = usePreferences();
  return (
    <div className="card-footnote">
      {unpriced.length > 0 ? <p>{t("prices.unpriced", { list: unpriced.join(", ") })}</p> : null}
      {at ? <p>{t("prices.loadedAt", { time: formatDateTimeWIB(at, lang) })}</p> : null}
    </div>
  );
}

const noCommodities = (data: ListResponse<Commodity>) => data.items.length === 0;

/** The citizen view: one compact block per commodity, readable on a small phone. */
export function ReferencePriceList() {
  const { t, lang } = usePreferences();
  const zoneLabel = useZoneLabel();
  const query = useCommodities();
  return (
    <QueryState query={query} isEmpty={noCommodities} empty={t("prices.empty")}>
      {(data) => {
        const { priced, unpriced } = splitByPrice(data.items, lang);
        return (
          <>
            {priced.length === 0 ? <p className="empty">{t("prices.empty")}</p> : null}
            <ul className="price-list" data-testid="reference-prices">
              {priced.map((commodity) => (
                <li key={commodity.code} className="price-item">
                  <p className="price-commodity">{commodityName(commodity, lang)}</p>
                  <ul className="price-rows">
                    {commodity.referencePrices.map((price) => (
                      <li key={priceKey(price)} className="price-row">
                        <PriceAmount price={price} />
                        <KindBadge kind={price.kind} />
                        <span className="price-note">
                          {t(`prices.level.${price.level}`)}
                          {price.zone ? ` · ${zoneLabel(price.zone)}` : ""} · {t("prices.effective")}{" "}
                          <Effective price={price} />
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            <Footnotes unpriced={unpriced} at={query.dataUpdatedAt} />
          </>
        );
      }}
    </QueryState>
  );
}

/** The console view: a full table with zone and source. */
export function ReferencePriceTable() {
  const { t, lang } = usePreferences();
  const zoneLabel = useZoneLabel();
  const query = useCommodities();
  return (
    <QueryState query={query} isEmpty={noCommodities} empty={t("prices.empty")}>
      {(data) => {
        const { priced, unpriced } = splitByPrice(data.items, lang);
        return (
          <>
            <div className="table-wrap">
              <table data-testid="reference-prices" className="price-table">
                <caption className="visually-hidden">{t("prices.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("prices.commodity")}</th>
                    <th scope="col">{t("prices.kind")}</th>
                    <th scope="col">{t("prices.levelZone")}</th>
                    <th scope="col" className="num">
                      {t("prices.price")}
                    </th>
                    <th scope="col">{t("prices.effective")}</th>
                    <th scope="col">{t("prices.source")}</th>
                  </tr>
                </thead>
                <tbody>
                  {priced.flatMap((commodity) =>
                    commodity.referencePrices.map((price, index) => (
                      <tr key={`${commodity.code}-${priceKey(price)}`}>
                        {index === 0 ? (
                          <th scope="row" rowSpan={commodity.referencePrices.length}>
                            {commodityName(commodity, lang)}
                          </th>
                        ) : null}
                        <td>
                          <KindBadge kind={price.kind} />
                        </td>
                        <td>
                          {t(`prices.level.${price.level}`)}
                          <span className="cell-sub">{zoneLabel(price.zone)}</span>
                        </td>
                        <td className="num">
                          <PriceAmount price={price} />
                        </td>
                        <td className="nowrap">
                          <Effective price={price} />
                        </td>
                        <td className="small muted">{price.source}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
            <Footnotes unpriced={unpriced} at={query.dataUpdatedAt} />
          </>
        );
      }}
    </QueryState>
  );
}
