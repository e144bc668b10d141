import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation, useParams } from "react-router";
import { StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Icon } from "../../components/Icon.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { formatDateTimeWIB, formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Lot, labelUrl, lotsApi, qrUrl, tracePath } from "./api.ts";
import "./lots.css";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function LotDetail({ lot }: { lot: Lot }) {
  const { t, lang } = usePreferences();
  const declared = (useLocation().state as { declared?: boolean } | null)?.declared === true;
  const quantity = Number(lot.quantity.value);
  return (
    <div className="lot-detail" data-testid="lot-detail">
      <StatusMessage message={declared ? t("lots.detail.declared", { lot: lot.lotCode }) : null} />
      <div className="lot-detail-grid">
        <section className="card lot-label-card" aria-labelledby="lot-label-title">
          <h2 id="lot-label-title">{t("lots.detail.label")}</h2>
          <img
            className="lot-qr"
            src={qrUrl(lot.id)}
            alt={t("lots.detail.qrAlt", { lot: lot.lotCode })}
            width={220}
            height={220}
            data-testid="lot-qr"
          />
          <p className="lot-hri" data-testid="lot-hri">
            {lot.humanReadable}
          </p>
          <p className="lot-link-text">
            <span className="muted small">{t("lots.detail.digitalLink")}</span>
            <code data-testid="lot-digital-link">{lot.digitalLink}</code>
          </p>
          <div className="lot-label-actions">
            <a
              className="button button-primary"
              href={labelUrl(lot.id)}
              target="_blank"
              rel="noopener"
              data-testid="lot-label"
            >
              <Icon name="list" size={20} />
              {t("lots.detail.print")}
              <span className="visually-hidden"> {t("lots.detail.newTab")}</span>
            </a>
            <Link className="button button-secondary" to={tracePath(lot)} data-testid="lot-trace-link">
              <Icon name="pin" size={20} />
              {t("lots.detail.trace")}
            </Link>
          </div>
        </section>
        <section className="card" aria-labelledby="lot-facts-title">
          <h2 id="lot-facts-title">{t("lots.detail.facts")}</h2>
          <dl className="facts">
            <Fact label={t("lots.lotCode")} testId="lot-code">
              {lot.lotCode}
            </Fact>
            <Fact label={t("lots.organisation")}>{lot.organisation.name}</Fact>
            <Fact label={t("lots.commodity")}>{lot.commodity.name}</Fact>
            <Fact label={t("lots.quantity")}>
              {Number.isFinite(quantity)
                ? new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", {
                    maximumFractionDigits: 6,
                  }).format(quantity)
                : lot.quantity.value}{" "}
              {lot.quantity.unit}
            </Fact>
            <Fact label={t("lots.harvestDate")}>
              <time dateTime={lot.harvestDate}>{formatDateWIB(lot.harvestDate, lang)}</time>
            </Fact>
            <Fact label={t("lots.village")}>{lot.village.label}</Fact>
            <Fact label={t("lots.grade")}>{lot.grade}</Fact>
            <Fact label={t("lots.farmGatePrice")}>
              {lot.farmGatePrice !== null
                ? `${formatRupiah(lot.farmGatePrice)}/kg`
                : t("lots.detail.noPrice")}
            </Fact>
            <Fact label="GTIN">{lot.gtin}</Fact>
            <Fact label={t("lots.detail.lgtin")}>
              <code className="lot-code-wrap">{lot.lgtin}</code>
            </Fact>
            <Fact label={t("lots.detail.farm")}>GLN {lot.farm.gln}</Fact>
            <Fact label={t("lots.detail.declaredAt")}>
              <time dateTime={lot.declaredAt}>{formatDateTimeWIB(lot.declaredAt, lang)}</time>
            </Fact>
            <Fact label={t("lots.detail.event")}>
              <code className="lot-code-wrap">{lot.eventId}</code>
            </Fact>
          </dl>
        </section>
      </div>
      <p>
        <Link to="/konsol/lot">{t("lots.detail.back")}</Link>
      </p>
    </div>
  );
}

/** `/konsol/lot/:id`: one lot, its QR code, Digital Link and printable label. */
export function LotPage() {
  const { t } = usePreferences();
  const { id = "" } = useParams();
  const query = useQuery({ queryKey: ["lot", id], queryFn: () => lotsApi.get(id), enabled: id !== "" });
  return (
    <ConsolePage title={query.data ? t("lots.detail.title", { lot: query.data.lotCode }) : t("lots.title")}>
      {() => (
        <QueryState query={query} isEmpty={() => false} empty="">
          {(lot) => <LotDetail lot={lot} />}
        </QueryState>
      )}
    </ConsolePage>
  );
}
