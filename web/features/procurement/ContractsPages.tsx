import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateWIB, formatRupiah } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Contract, type PriceRule, procurementApi } from "./api.ts";
import { formatKg, ProcurementTabs, Section, StatusBadge, todayWIB } from "./parts.tsx";
import "./procurement.css";

const num = (v: string) => (v.trim() === "" ? undefined : Number(v.replace(",", ".")));

function RuleText({ rule }: { rule: PriceRule }) {
  const { t, td } = usePreferences();
  if (rule.kind === "fixed") return <>{`${t("procurement.rule.fixed")} ${formatRupiah(rule.pricePerKg)}`}</>;
  if (rule.kind === "reference")
    return (
      <>
        {`${rule.reference}${rule.commodityCode ? ` (${rule.commodityCode})` : ""}`}
        {rule.marginPercent ? ` ${rule.marginPercent > 0 ? "+" : ""}${rule.marginPercent}%` : ""}
        {rule.marginPerKg
          ? ` ${rule.marginPerKg > 0 ? "+" : "−"}${formatRupiah(Math.abs(rule.marginPerKg))}`
          : ""}
      </>
    );
  return (
    <>
      {`${td(`procurement.level.${rule.level}`, rule.level)} ${rule.province === "31" ? "DKI Jakarta" : "Lampung"} × ${rule.percent ?? 100}%`}
      {rule.floorPerKg ? ` ≥ ${formatRupiah(rule.floorPerKg)}` : ""}
      {rule.capPerKg ? ` ≤ ${formatRupiah(rule.capPerKg)}` : ""}
    </>
  );
}

function NewContractForm() {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const parties = useQuery({ queryKey: ["procurement", "parties"], queryFn: procurementApi.parties });
  const commodities = useQuery({ queryKey: ["commodities"], queryFn: procurementApi.commodities });
  const [f, setF] = useState({
    supplierOrganisationId: "",
    commodityCode: "beras-medium",
    grade: "medium",
    period: "week",
    volumeKgPerPeriod: "",
    kind: "reference",
    pricePerKg: "",
    reference: "HPP",
    referenceCommodity: "gabah-kering-panen",
    marginPercent: "",
    marginPerKg: "",
    level: "wholesale",
    province: "31",
    percent: "100",
    floorPerKg: "",
    capPerKg: "",
    startDate: todayWIB(),
    endDate: todayWIB(90),
    deliverySiteCode: "pasar-induk-beras-cipinang",
    qualityText: "",
    moisture: "14",
    broken: "",
  });
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    // Read now: React may run the updater after the event's currentTarget is gone.
    const value = e.currentTarget.value;
    setF((x) => ({ ...x, [k]: value }));
  };
  const rule = (): PriceRule =>
    f.kind === "fixed"
      ? { kind: "fixed", pricePerKg: Number(f.pricePerKg) }
      : f.kind === "reference"
        ? {
            kind: "reference",
            reference: f.reference as "HPP",
            ...(f.referenceCommodity ? { commodityCode: f.referenceCommodity } : {}),
            ...(num(f.marginPercent) !== undefined ? { marginPercent: num(f.marginPercent) as number } : {}),
            ...(num(f.marginPerKg) !== undefined ? { marginPerKg: num(f.marginPerKg) as number } : {}),
          }
        : {
            kind: "indexed",
            level: f.level as "wholesale",
            province: f.province,
            percent: num(f.percent) ?? 100,
            floorPerKg: num(f.floorPerKg) ?? null,
            capPerKg: num(f.capPerKg) ?? null,
          };
  const create = useMutation({
    mutationFn: () =>
      procurementApi.createContract({
        supplierOrganisationId: f.supplierOrganisationId,
        commodityCode: f.commodityCode,
        grade: f.grade,
        period: f.period as "week",
        volumeKgPerPeriod: num(f.volumeKgPerPeriod) ?? 0,
        priceRule: rule(),
        startDate: f.startDate,
        endDate: f.endDate,
        deliverySiteCode: f.deliverySiteCode,
        quality: {
          text: f.qualityText,
          limits: [
            ...(num(f.moisture) !== undefined
              ? [{ parameter: "kadar air", max: num(f.moisture) as number, unit: "%" }]
              : []),
            ...(num(f.broken) !== undefined
              ? [{ parameter: "butir patah", max: num(f.broken) as number, unit: "%" }]
              : []),
          ],
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["procurement"] }),
  });
  const errors = fieldErrorsOf(create.error);
  const commodityOptions = (commodities.data?.items ?? []).map((c) => (
    <option key={c.code} value={c.code}>
      {lang === "en" ? c.nameEn : c.name}
    </option>
  ));
  return (
    <Section title={t("procurement.contracts.new")} id="pr-contract-new">
      <form
        className="pr-form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate();
        }}
        data-testid="pr-contract-form"
      >
        <div className="pr-wide">
          <ErrorAlert
            title={t("procurement.failed")}
            message={create.isError ? errorMessage(create.error, t, td) : null}
          />
        </div>
        <SelectField
          label={t("procurement.orders.supplier")}
          value={f.supplierOrganisationId}
          onChange={set("supplierOrganisationId")}
          error={errors.supplierOrganisationId}
        >
          <option value="" />
          {(parties.data?.suppliers ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("procurement.offers.commodity")}
          value={f.commodityCode}
          onChange={set("commodityCode")}
          error={errors.commodityCode}
        >
          {commodityOptions}
        </SelectField>
        <Field
          label={t("procurement.offers.grade")}
          value={f.grade}
          onChange={set("grade")}
          error={errors.grade}
        />
        <SelectField label={t("procurement.contracts.period")} value={f.period} onChange={set("period")}>
          <option value="week">{t("procurement.period.week")}</option>
          <option value="month">{t("procurement.period.month")}</option>
        </SelectField>
        <Field
          label={t("procurement.contracts.volume")}
          inputMode="decimal"
          value={f.volumeKgPerPeriod}
          onChange={set("volumeKgPerPeriod")}
          error={errors.volumeKgPerPeriod}
        />
        <Field
          label={t("procurement.contracts.start")}
          type="date"
          value={f.startDate}
          onChange={set("startDate")}
          error={errors.startDate}
        />
        <Field
          label={t("procurement.contracts.endDate")}
          type="date"
          value={f.endDate}
          onChange={set("endDate")}
          error={errors.endDate}
        />
        <SelectField
          label={t("procurement.contracts.site")}
          value={f.deliverySiteCode}
          onChange={set("deliverySiteCode")}
          error={errors.deliverySiteCode}
        >
          {(parties.data?.deliverySites ?? []).map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("procurement.contracts.ruleKind")} value={f.kind} onChange={set("kind")}>
          <option value="fixed">{t("procurement.rule.fixed")}</option>
          <option value="reference">{t("procurement.rule.reference")}</option>
          <option value="indexed">{t("procurement.rule.indexed")}</option>
        </SelectField>
        {f.kind === "fixed" ? (
          <Field
            label={t("procurement.contracts.fixedPrice")}
            inputMode="numeric"
            value={f.pricePerKg}
            onChange={set("pricePerKg")}
            error={errors["priceRule.pricePerKg"]}
          />
        ) : null}
        {f.kind === "reference" ? (
          <>
            <SelectField
              label={t("procurement.contracts.reference")}
              value={f.reference}
              onChange={set("reference")}
              error={errors["priceRule.reference"]}
            >
              <option value="HPP">HPP</option>
              <option value="HET">HET</option>
              <option value="HAP">HAP</option>
            </SelectField>
            <SelectField
              label={t("procurement.contracts.referenceCommodity")}
              value={f.referenceCommodity}
              onChange={set("referenceCommodity")}
            >
              <option value="" />
              {commodityOptions}
            </SelectField>
            <Field
              label={t("procurement.contracts.marginPercent")}
              inputMode="decimal"
              value={f.marginPercent}
              onChange={set("marginPercent")}
            />
            <Field
              label={t("procurement.contracts.marginPerKg")}
              inputMode="numeric"
              value={f.marginPerKg}
              onChange={set("marginPerKg")}
            />
          </>
        ) : null}
        {f.kind === "indexed" ? (
          <>
            <SelectField label={t("procurement.contracts.level")} value={f.level} onChange={set("level")}>
              <option value="wholesale">{t("procurement.level.wholesale")}</option>
              <option value="retail">{t("procurement.level.retail")}</option>
              <option value="producer">{t("procurement.level.producer")}</option>
            </SelectField>
            <SelectField
              label={t("procurement.contracts.province")}
              value={f.province}
              onChange={set("province")}
            >
              <option value="31">DKI Jakarta</option>
              <option value="18">Lampung</option>
            </SelectField>
            <Field
              label={t("procurement.contracts.percent")}
              inputMode="decimal"
              value={f.percent}
              onChange={set("percent")}
            />
            <Field
              label={t("procurement.contracts.floor")}
              inputMode="numeric"
              value={f.floorPerKg}
              onChange={set("floorPerKg")}
              error={errors["priceRule.floorPerKg"]}
            />
            <Field
              label={t("procurement.contracts.cap")}
              inputMode="numeric"
              value={f.capPerKg}
              onChange={set("capPerKg")}
            />
          </>
        ) : null}
        <Field
          label={t("procurement.contracts.qualityText")}
          value={f.qualityText}
          onChange={set("qualityText")}
        />
        <Field
          label={t("procurement.contracts.moisture")}
          inputMode="decimal"
          value={f.moisture}
          onChange={set("moisture")}
        />
        <Field
          label={t("procurement.contracts.broken")}
          inputMode="decimal"
          value={f.broken}
          onChange={set("broken")}
        />
        <div className="pr-actions pr-wide">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t("procurement.contracts.new")}
          </button>
        </div>
      </form>
    </Section>
  );
}

function ContractRows({ items }: { items: Contract[] }) {
  const { t, td, lang } = usePreferences();
  return (
    <div className="table-wrap">
      <table data-testid="pr-contracts">
        <caption className="visually-hidden">{t("procurement.contracts.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("procurement.contracts.number")}</th>
            <th scope="col">{t("procurement.contracts.parties")}</th>
            <th scope="col">{t("procurement.offers.commodity")}</th>
            <th scope="col" className="num">
              {t("procurement.contracts.volume")}
            </th>
            <th scope="col">{t("procurement.contracts.rule")}</th>
            <th scope="col" className="num">
              {t("procurement.contracts.priceToday")}
            </th>
            <th scope="col">{t("procurement.contracts.term")}</th>
            <th scope="col">{t("procurement.offers.status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/konsol/pengadaan/kontrak/${c.id}`}>{c.number}</Link>
              </th>
              <td className="small">
                {c.buyer.name}
                <span className="cell-sub">→ {c.supplier.name}</span>
              </td>
              <td>
                {lang === "en" ? c.commodity.nameEn : c.commodity.name}
                <span className="cell-sub">{c.grade}</span>
              </td>
              <td className="num">
                {formatKg(c.volumeKgPerPeriod, lang)}
                <span className="cell-sub">{td(`procurement.period.${c.period}`, c.period)}</span>
              </td>
              <td className="small">
                <RuleText rule={c.priceRule} />
              </td>
              <td className="num">{c.priceToday ? formatRupiah(c.priceToday.pricePerKg) : "—"}</td>
              <td className="small">
                {formatDateWIB(c.startDate, lang)} – {formatDateWIB(c.endDate, lang)}
              </td>
              <td>
                <StatusBadge status={c.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ContractsPage() {
  const { t } = usePreferences();
  const query = useQuery({ queryKey: ["procurement", "contracts"], queryFn: procurementApi.contracts });
  return (
    <ConsolePage title={t("procurement.contracts.title")} intro={t("procurement.intro")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          <Section title={t("procurement.contracts.title")} id="pr-contracts">
            <QueryState
              query={query}
              isEmpty={(d) => d.items.length === 0}
              empty={t("procurement.contracts.empty")}
            >
              {(d) => <ContractRows items={d.items} />}
            </QueryState>
          </Section>
          {session.persona === "bumd" || session.persona === "admin" ? <NewContractForm /> : null}
        </div>
      )}
    </ConsolePage>
  );
}

export function ContractPage() {
  const { t, td, lang } = usePreferences();
  const { id = "" } = useParams();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["procurement", "contract", id],
    queryFn: () => procurementApi.contract(id),
  });
  const act = useMutation({
    mutationFn: (action: "accept" | "cancel" | "end") => procurementApi.contractAction(id, action),
    onSuccess: () => client.invalidateQueries({ queryKey: ["procurement"] }),
  });
  return (
    <ConsolePage title={query.data?.number ?? t("procurement.contracts.title")}>
      {(session) => (
        <div className="pr-page">
          <ProcurementTabs farmer={session.persona === "farmer"} />
          <QueryState query={query} isEmpty={() => false} empty="">
            {(c) => {
              const org = session.organisation?.id;
              const isBuyer = session.persona === "admin" || org === c.buyer.id;
              const isSupplier = session.persona === "admin" || org === c.supplier.id;
              return (
                <>
                  <Section
                    title={`${c.number} · ${lang === "en" ? c.commodity.nameEn : c.commodity.name}`}
                    id="pr-contract"
                    actions={<StatusBadge status={c.status} />}
                  >
                    <ErrorAlert
                      title={t("procurement.failed")}
                      message={act.isError ? errorMessage(act.error, t, td) : null}
                    />
                    <dl className="pr-facts" data-testid="pr-contract-facts">
                      <dt>{t("procurement.contracts.parties")}</dt>
                      <dd>
                        {c.buyer.name} → {c.supplier.name}
                      </dd>
                      <dt>{t("procurement.contracts.volume")}</dt>
                      <dd>
                        {formatKg(c.volumeKgPerPeriod, lang)} ·{" "}
                        {td(`procurement.period.${c.period}`, c.period)}
                      </dd>
                      <dt>{t("procurement.contracts.rule")}</dt>
                      <dd>
                        <RuleText rule={c.priceRule} />
                      </dd>
                      <dt>{t("procurement.contracts.priceToday")}</dt>
                      <dd data-testid="pr-contract-price">
                        {c.priceToday
                          ? `${formatRupiah(c.priceToday.pricePerKg)} — ${c.priceToday.basis}`
                          : "—"}
                      </dd>
                      <dt>{t("procurement.contracts.term")}</dt>
                      <dd>
                        {formatDateWIB(c.startDate, lang)} – {formatDateWIB(c.endDate, lang)}
                      </dd>
                      <dt>{t("procurement.contracts.site")}</dt>
                      <dd>{c.deliverySite.name}</dd>
                      <dt>{t("procurement.contracts.quality")}</dt>
                      <dd>
                        {c.quality.text}
                        {c.quality.limits.map((l) => (
                          <span key={l.parameter} className="cell-sub">
                            {l.parameter} {l.max != null ? `≤ ${l.max}` : ""}{" "}
                            {l.min != null ? `≥ ${l.min}` : ""} {l.unit}
                          </span>
                        ))}
                      </dd>
                    </dl>
                    <div className="pr-actions">
                      {isSupplier && c.status === "proposed" ? (
                        <button
                          type="button"
                          className="button button-primary"
                          onClick={() => act.mutate("accept")}
                          data-testid="pr-contract-accept"
                        >
                          {t("procurement.contracts.accept")}
                        </button>
                      ) : null}
                      {c.status === "proposed" ? (
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => act.mutate("cancel")}
                        >
                          {t("procurement.contracts.cancel")}
                        </button>
                      ) : null}
                      {isBuyer && c.status === "active" ? (
                        <>
                          <Link
                            className="button button-primary"
                            to={`/konsol/pengadaan/po/baru?contract=${c.id}`}
                          >
                            {t("procurement.contracts.orderAgainst")}
                          </Link>
                          <button
                            type="button"
                            className="button button-secondary"
                            onClick={() => act.mutate("end")}
                          >
                            {t("procurement.contracts.end")}
                          </button>
                        </>
                      ) : null}
                    </div>
                  </Section>
                  <Section title={t("procurement.contracts.schedule")} id="pr-contract-schedule">
                    <div className="table-wrap">
                      <table data-testid="pr-contract-schedule">
                        <caption className="visually-hidden">{t("procurement.contracts.schedule")}</caption>
                        <thead>
                          <tr>
                            <th scope="col">#</th>
                            <th scope="col">{t("procurement.contracts.due")}</th>
                            <th scope="col" className="num">
                              {t("procurement.contracts.committed")}
                            </th>
                            <th scope="col" className="num">
                              {t("procurement.contracts.delivered")}
                            </th>
                            <th scope="col" className="num">
                              {t("procurement.contracts.onTime")}
                            </th>
                            <th scope="col">{t("procurement.contracts.state")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {(c.schedule ?? []).map((p) => (
                            <tr key={p.index}>
                              <th scope="row">{p.index}</th>
                              <td className="small">
                                {formatDateWIB(p.start, lang)} – {formatDateWIB(p.due, lang)}
                              </td>
                              <td className="num">{formatKg(p.committedKg, lang)}</td>
                              <td className="num">{formatKg(p.deliveredKg, lang)}</td>
                              <td className="num">{formatKg(p.onTimeKg, lang)}</td>
                              <td>
                                <StatusBadge
                                  status={p.state}
                                  prefix={p.state === "open" ? "procurement.status" : "procurement.state"}
                                />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {c.orders?.length ? (
                      <p className="pr-actions">
                        {t("procurement.contracts.orders")}:{" "}
                        {c.orders.map((o) => (
                          <Link key={o.id} to={`/konsol/pengadaan/po/${o.id}`}>
                            {o.number}
                          </Link>
                        ))}
                      </p>
                    ) : null}
                  </Section>
                </>
              );
            }}
          </QueryState>
        </div>
      )}
    </ConsolePage>
  );
}
