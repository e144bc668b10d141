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

function Effective({ price }: { price: ReferencePrice }) {
  const { lang } = usePreferences();
  return <time dateTime={price.effectiveFrom}>{formatDateWIB(price.effectiveFrom, lang)}</time>;
}

function LoadedAt({ at }: { at: number }) {
  const { t, lang } = usePreferences();
  if (!at) return null;
  return <p className="card-footnote">{t("prices.loadedAt", { time: formatDateTimeWIB(at, lang) })}</p>;
}

const noCommodities = (data: ListResponse<Commodity>) => data.items.length === 0;

/** The citizen view: one compact block per commodity, readable on a small phone. */
export function ReferencePriceList() {
  const { t, lang } = usePreferences();
  const query = useCommodities();
  return (
    <QueryState query={query} isEmpty={noCommodities} empty={t("prices.empty")}>
      {(data) => (
        <>
          <ul className="price-list" data-testid="reference-prices">
            {data.items.map((commodity) => (
              <li key={commodity.code} className="price-item">
                <p className="price-commodity">{commodityName(commodity, lang)}</p>
                {commodity.referencePrices.length === 0 ? (
                  <p className="muted small">{t("prices.none")}</p>
                ) : (
                  <ul className="price-rows">
                    {commodity.referencePrices.map((price) => (
                      <li key={`${price.kind}-${price.level}-${price.zone ?? ""}`} className="price-row">
                        <PriceAmount price={price} />
                        <KindBadge kind={price.kind} />
                        <span className="price-note">
                          {t(`prices.level.${price.level}`)}
                          {price.zone ? ` · ${price.zone}` : ""} · {t("prices.effective")} <Effective price={price} />
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <LoadedAt at={query.dataUpdatedAt} />
        </>
      )}
    </QueryState>
  );
}

/** The console view: a full table with zone and source. */
export function ReferencePriceTable() {
  const { t, lang } = usePreferences();
  const query = useCommodities();
  return (
    <QueryState query={query} isEmpty={noCommodities} empty={t("prices.empty")}>
      {(data) => (
        <>
          <div className="table-wrap">
            <table data-testid="reference-prices">
              <caption className="visually-hidden">{t("prices.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("prices.commodity")}</th>
                  <th scope="col">{t("prices.kind")}</th>
                  <th scope="col">{t("prices.level")}</th>
                  <th scope="col">{t("prices.zone")}</th>
                  <th scope="col" className="num">
                    {t("prices.price")}
                  </th>
                  <th scope="col">{t("prices.effective")}</th>
                  <th scope="col">{t("prices.source")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.flatMap((commodity) =>
                  commodity.referencePrices.length === 0
                    ? [
                        <tr key={commodity.code}>
                          <th scope="row">{commodityName(commodity, lang)}</th>
                          <td colSpan={6} className="muted">
                            {t("prices.none")}
                          </td>
                        </tr>,
                      ]
                    : commodity.referencePrices.map((price, index) => (
                        <tr key={`${commodity.code}-${price.kind}-${price.level}-${price.zone ?? ""}`}>
                          {index === 0 ? (
                            <th scope="row" rowSpan={commodity.referencePrices.length}>
                              {commodityName(commodity, lang)}
                            </th>
                          ) : null}
                          <td>
                            <KindBadge kind={price.kind} />
                          </td>
                          <td>{t(`prices.level.${price.level}`)}</td>
                          <td className="nowrap">{price.zone ?? t("prices.allZones")}</td>
                          <td className="num">
                            <PriceAmount price={price} />
                          </td>
                          <td className="nowrap">
                            <Effective price={price} />
                          </td>
                          <td className="small">{price.source}</td>
                        </tr>
                      )),
                )}
              </tbody>
            </table>
          </div>
          <LoadedAt at={query.dataUpdatedAt} />
        </>
      )}
    </QueryState>
  );
}
