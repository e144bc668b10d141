import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, StatusMessage } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Packed, shipmentsApi } from "./api.ts";
import { formatKg } from "./format.ts";
import "./shipments.css";

type DraftLine = { lotId: string; kg: string };

function PackForm({ session, onPacked }: { session: Session; onPacked: (p: Packed) => void }) {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const producer = session.persona === "koperasi" || session.persona === "farmer";
  const lots = useQuery({ queryKey: ["my-lots"], queryFn: shipmentsApi.myLots, enabled: producer });
  const sites = useQuery({ queryKey: ["sites-all"], queryFn: shipmentsApi.sites, staleTime: 10 * 60_000 });
  const [containerType, setContainerType] = useState<"sack" | "pallet">("pallet");
  const [siteCode, setSiteCode] = useState("");
  const [lines, setLines] = useState<DraftLine[]>([{ lotId: "", kg: "" }]);
  const pack = useMutation({
    mutationFn: shipmentsApi.pack,
    onSuccess: (packed) => {
      client.invalidateQueries({ queryKey: ["containers"] });
      setLines([{ lotId: "", kg: "" }]);
      onPacked(packed);
    },
  });
  const errors = fieldErrorsOf(pack.error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    pack.mutate({
      containerType,
      ...(siteCode ? { siteCode } : {}),
      lines: lines.map((l) =>
        l.lotId.startsWith("urn:")
          ? { epcClass: l.lotId.trim(), kg: l.kg.trim().replace(",", ".") }
          : { lotId: l.lotId, kg: l.kg.trim().replace(",", ".") },
      ),
    });
  };
  return (
    <form className="sh-form card" onSubmit={onSubmit} noValidate data-testid="pack-form">
      <ErrorAlert
        title={t("shipments.pack.failed")}
        message={pack.isError ? errorMessage(pack.error, t, td) : null}
      />
      <fieldset className="sh-segmented">
        <legend>{t("shipments.pack.type")}</legend>
        {(["pallet", "sack"] as const).map((type) => (
          <label key={type} className={containerType === type ? "is-selected" : undefined}>
            <input
              type="radio"
              name="containerType"
              checked={containerType === type}
              onChange={() => setContainerType(type)}
              data-testid={`pack-type-${type}`}
            />
            {t(`shipments.pack.type.${type}`)}
          </label>
        ))}
      </fieldset>
      <SelectField
        label={t("shipments.pack.site")}
        hint={t("shipments.pack.siteHint")}
        value={siteCode}
        onChange={(e) => setSiteCode(e.currentTarget.value)}
        error={errors.siteCode}
        data-testid="pack-site"
      >
        <option value="">{t("shipments.form.myFarm")}</option>
        {sites.data?.items.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="sh-fieldset">
        <legend>{t("shipments.pack.lots")}</legend>
        <ol className="sh-lines">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity until packed
            <li key={i} className="sh-line">
              {producer ? (
                <SelectField
                  label={t("shipments.pack.lot", { n: i + 1 })}
                  value={line.lotId}
                  onChange={(e) =>
                    setLines(lines.map((l, j) => (j === i ? { ...l, lotId: e.currentTarget.value } : l)))
                  }
                  error={errors[`lines.${i}.lotId`] ?? errors[`lines.${i}.epcClass`]}
                  data-testid={`pack-lot-${i}`}
                >
                  <option value="">{t("shipments.form.choose")}</option>
                  {lots.data?.items.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.commodity.name} · {l.lotCode} · {formatKg(l.quantity.grams / 1000, lang)}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <Field
                  label={t("shipments.pack.lgtin", { n: i + 1 })}
                  value={line.lotId}
                  onChange={(e) =>
                    setLines(lines.map((l, j) => (j === i ? { ...l, lotId: e.currentTarget.value } : l)))
                  }
                  error={errors[`lines.${i}.epcClass`]}
                  spellCheck={false}
                  data-testid={`pack-lot-${i}`}
                />
              )}
              <Field
                label={t("shipments.form.kg")}
                inputMode="decimal"
                value={line.kg}
                onChange={(e) =>
                  setLines(lines.map((l, j) => (j === i ? { ...l, kg: e.currentTarget.value } : l)))
                }
                error={errors[`lines.${i}.kg`]}
                data-testid={`pack-kg-${i}`}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setLines([...lines, { lotId: "", kg: "" }])}
          data-testid="pack-add-line"
        >
          {t("shipments.form.addLine")}
        </button>
      </fieldset>
      <div className="sh-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={pack.isPending}
          data-testid="pack-submit"
        >
          {pack.isPending ? t("shipments.form.saving") : t("shipments.pack.submit")}
        </button>
        <Link to="/konsol/pengiriman" className="button button-secondary">
          {t("shipments.back")}
        </Link>
      </div>
    </form>
  );
}

function Containers() {
  const { t, lang } = usePreferences();
  const query = useQuery({ queryKey: ["containers"], queryFn: shipmentsApi.containers });
  return (
    <section className="card sh-section" aria-labelledby="sh-containers-title">
      <h2 id="sh-containers-title">{t("shipments.pack.mine")}</h2>
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={t("shipments.pack.none")}>
        {(data) => (
          <div className="table-wrap">
            <table data-testid="containers-table">
              <thead>
                <tr>
                  <th scope="col">SSCC</th>
                  <th scope="col">{t("shipments.pack.type")}</th>
                  <th scope="col" className="num">
                    {t("shipments.weight")}
                  </th>
                  <th scope="col">{t("shipments.pack.packedAt")}</th>
                  <th scope="col">{t("shipments.pack.onShipment")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.epc}>
                    <th scope="row">
                      <code>{c.sscc ?? c.epc}</code>
                    </th>
                    <td>
                      {c.containerType
                        ? t(
                            c.containerType === "sack"
                              ? "shipments.pack.type.sack"
                              : "shipments.pack.type.pallet",
                          )
                        : "—"}
                    </td>
                    <td className="num">{formatKg(c.kg, lang)}</td>
                    <td className="small">{formatDateTimeWIB(c.packedAt, lang)}</td>
                    <td>{c.onShipment ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

export function PackingPage() {
  const { t, lang } = usePreferences();
  const [packed, setPacked] = useState<Packed | null>(null);
  return (
    <ConsolePage title={t("shipments.pack")} intro={t("shipments.pack.intro")}>
      {(session) => (
        <div className="sh-page">
          <StatusMessage
            message={
              packed ? t("shipments.pack.done", { sscc: packed.sscc, kg: formatKg(packed.kg, lang) }) : null
            }
          />
          {packed ? (
            <p className="sh-packed" data-testid="pack-result">
              <code data-testid="pack-result-sscc">{packed.sscc}</code>{" "}
              <code className="small">{packed.digitalLink}</code>
            </p>
          ) : null}
          <PackForm session={session} onPacked={setPacked} />
          <Containers />
        </div>
      )}
    </ConsolePage>
  );
}
