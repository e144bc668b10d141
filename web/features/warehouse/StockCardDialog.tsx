import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Balance, stockCardCsvUrl, warehouseApi } from "./api.ts";
import { Dialog } from "./Dialog.tsx";
import { formatKg } from "./format.ts";
import { siteKey, usePlaceName } from "./shared.tsx";

const kg = (grams: number) => grams / 1000;

/** The stock card (kartu stok) of one tenant's lot: every movement with its event, and a CSV. */
export function StockCardDialog({
  site,
  balance,
  onClose,
}: {
  site: string;
  balance: Balance;
  onClose: () => void;
}) {
  const { t, td, lang } = usePreferences();
  const placeName = usePlaceName();
  const query = useQuery({
    queryKey: [...siteKey(site), "card", balance.epc, balance.tenant.id],
    queryFn: () => warehouseApi.stockCard(site, balance.epc, balance.tenant.id),
  });
  return (
    <Dialog
      title={t("warehouse.card.title", { lot: balance.lot })}
      onClose={onClose}
      testId="stock-card"
      wide
    >
      <p className="muted small">
        {balance.tenant.name}
        {balance.commodity ? ` · ${balance.commodity.name}` : ""} · <code>{balance.epc}</code>
      </p>
      <p>
        <a
          className="button button-secondary button-small"
          href={stockCardCsvUrl(site, balance.epc, lang, balance.tenant.id)}
          download
          data-testid="stock-card-csv"
        >
          {t("warehouse.card.csv")}
        </a>
      </p>
      <QueryState query={query} isEmpty={() => false} empty="">
        {(card) => (
          <div className="table-wrap">
            <table data-testid="stock-card-table">
              <caption className="visually-hidden">{t("warehouse.card.title", { lot: balance.lot })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("warehouse.card.date")}</th>
                  <th scope="col">{t("warehouse.card.kind")}</th>
                  <th scope="col">{t("warehouse.stock.location")}</th>
                  <th scope="col">{t("warehouse.card.reason")}</th>
                  <th scope="col" className="num">
                    {t("warehouse.card.in")}
                  </th>
                  <th scope="col" className="num">
                    {t("warehouse.card.out")}
                  </th>
                  <th scope="col" className="num">
                    {t("warehouse.card.balance")}
                  </th>
                  <th scope="col">{t("warehouse.card.event")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row" colSpan={6}>
                    {t("warehouse.card.opening")}
                  </th>
                  <td className="num wh-num">{formatKg(kg(card.openingGrams), lang)}</td>
                  <td />
                </tr>
                {card.rows.map((r) => (
                  <tr key={`${r.eventId}-${r.location}-${r.state}-${r.kind}`}>
                    <td className="nowrap">{formatDateTimeWIB(r.at, lang)}</td>
                    <td>
                      {td(`warehouse.kind.${r.kind}`, r.kind)}
                      {r.state === "held" ? (
                        <span className="cell-sub">{t("warehouse.state.held")}</span>
                      ) : null}
                    </td>
                    <td>{placeName(r.location)}</td>
                    <td>{r.reason ?? ""}</td>
                    <td className="num wh-num">{r.inGrams ? formatKg(kg(r.inGrams), lang) : ""}</td>
                    <td className="num wh-num">{r.outGrams ? formatKg(kg(r.outGrams), lang) : ""}</td>
                    <td className="num wh-num">{formatKg(kg(r.balanceGrams), lang)}</td>
                    <td>
                      <code className="wh-event" title={r.eventId}>
                        {r.eventId.replace(/^ni:\/\/\/sha-256;/, "").slice(0, 12)}…
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Dialog>
  );
}
