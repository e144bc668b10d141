import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ConsolePage } from "../../components/ConsoleNav.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import type { Session } from "../../lib/api.ts";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { formatDateTimeWIB } from "../../lib/format.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type NewShipment, type Route, shipmentsApi } from "./api.ts";
import { formatKg, isoToWibInput, wibInputToIso } from "./format.ts";
import "./shipments.css";

type DraftLine = { kind: "lot" | "container"; code: string; kg: string };
type DraftLeg = { carrierOrganisationId: string; vehicle: string };

const ROUTES: Route[] = ["roro", "ferry", "direct"];
const PRODUCERS = new Set(["koperasi", "farmer"]);

function LinesEditor({
  lines,
  onChange,
  errors,
  producer,
}: {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  errors: Record<string, string>;
  producer: boolean;
}) {
  const { t, lang } = usePreferences();
  const lotsListId = useId();
  const containersListId = useId();
  const lots = useQuery({ queryKey: ["my-lots"], queryFn: shipmentsApi.myLots, enabled: producer });
  const containers = useQuery({ queryKey: ["containers"], queryFn: shipmentsApi.containers });
  const update = (i: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset className="sh-fieldset" data-testid="new-shipment-lines">
      <legend>{t("shipments.form.lines")}</legend>
      <p className="field-hint">{t("shipments.form.linesHint")}</p>
      {errors.lines ? <p className="field-error">{errors.lines}</p> : null}
      <datalist id={lotsListId}>
        {lots.data?.items.map((l) => (
          <option key={l.id} value={l.lgtin}>
            {l.commodity.name} · {l.lotCode} · {formatKg(l.quantity.grams / 1000, lang)}
          </option>
        ))}
      </datalist>
      <datalist id={containersListId}>
        {containers.data?.items
          .filter((c) => !c.onShipment && c.sscc)
          .map((c) => (
            <option key={c.epc} value={c.sscc ?? ""}>
              {c.containerType ?? ""} · {formatKg(c.kg, lang)}
            </option>
          ))}
      </datalist>
      <ol className="sh-lines">
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity until saved; order is the identity
          <li key={i} className="sh-line">
            <SelectField
              label={t("shipments.form.lineKind", { n: i + 1 })}
              value={line.kind}
              onChange={(e) => update(i, { kind: e.currentTarget.value as DraftLine["kind"], code: "" })}
              data-testid={`line-kind-${i}`}
            >
              <option value="lot">{t("shipments.form.kind.lot")}</option>
              <option value="container">{t("shipments.form.kind.container")}</option>
            </SelectField>
            <Field
              label={line.kind === "lot" ? t("shipments.form.lgtin") : t("shipments.form.sscc")}
              hint={line.kind === "lot" ? t("shipments.form.lgtinHint") : t("shipments.form.ssccHint")}
              value={line.code}
              list={line.kind === "lot" ? lotsListId : containersListId}
              onChange={(e) => update(i, { code: e.currentTarget.value })}
              error={errors[`lines.${i}.epc`] ?? errors[`lines.${i}.sscc`]}
              autoComplete="off"
              spellCheck={false}
              data-testid={`line-code-${i}`}
            />
            {line.kind === "lot" ? (
              <Field
                label={t("shipments.form.kg")}
                inputMode="decimal"
                value={line.kg}
                onChange={(e) => update(i, { kg: e.currentTarget.value })}
                error={errors[`lines.${i}.kg`]}
                data-testid={`line-kg-${i}`}
              />
            ) : null}
            {lines.length > 1 ? (
              <button
                type="button"
                className="button button-secondary button-small sh-line-remove"
                onClick={() => onChange(lines.filter((_, j) => j !== i))}
                data-testid={`line-remove-${i}`}
              >
                {t("shipments.form.removeLine", { n: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...lines, { kind: "lot", code: "", kg: "" }])}
        data-testid="line-add"
      >
        {t("shipments.form.addLine")}
      </button>
    </fieldset>
  );
}

function NewShipmentForm({ session }: { session: Session }) {
  const { t, td, lang } = usePreferences();
  const navigate = useNavigate();
  const parties = useQuery({
    queryKey: ["shipment-parties"],
    queryFn: shipmentsApi.parties,
    staleTime: 5 * 60_000,
  });
  const sites = useQuery({ queryKey: ["sites-all"], queryFn: shipmentsApi.sites, staleTime: 10 * 60_000 });
  const producer = PRODUCERS.has(session.persona);
  const [receiver, setReceiver] = useState("");
  const [origin, setOrigin] = useState("");
  const [destination, setDestination] = useState("");
  const [route, setRoute] = useState<Route>("roro");
  const [departure, setDeparture] = useState(isoToWibInput(new Date(Date.now() + 3_600_000)));
  const [po, setPo] = useState("");
  const [notes, setNotes] = useState("");
  const [lines, setLines] = useState<DraftLine[]>([
    { kind: producer ? "lot" : "container", code: "", kg: "" },
  ]);
  const [legs, setLegs] = useState<Record<number, DraftLeg>>({});

  const planInput =
    destination && departure
      ? {
          route,
          originSiteCode: origin || undefined,
          destinationSiteCode: destination,
          plannedDeparture: wibInputToIso(departure),
        }
      : null;
  const plan = useQuery({
    queryKey: ["shipment-plan", planInput],
    queryFn: () => shipmentsApi.plan(planInput as NonNullable<typeof planInput>),
    enabled: planInput !== null,
    retry: false,
  });

  const create = useMutation({
    mutationFn: (body: NewShipment) => shipmentsApi.create(body),
    onSuccess: (s) => navigate(`/konsol/pengiriman/${s.id}`, { state: { created: true } }),
  });
  const errors = fieldErrorsOf(create.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: NewShipment = {
      receiverOrganisationId: receiver,
      destinationSiteCode: destination,
      route,
      plannedDeparture: wibInputToIso(departure),
      lines: lines.map((l) =>
        l.kind === "lot"
          ? { epc: l.code.trim(), kg: l.kg.trim().replace(",", ".") }
          : { sscc: l.code.trim() },
      ),
    };
    if (origin) body.originSiteCode = origin;
    if (po.trim()) body.poReference = po.trim();
    if (notes.trim()) body.notes = notes.trim();
    const legInput = Object.entries(legs)
      .filter(([, l]) => l.carrierOrganisationId || l.vehicle.trim())
      .map(([seq, l]) => ({
        seq: Number(seq),
        ...(l.carrierOrganisationId ? { carrierOrganisationId: l.carrierOrganisationId } : {}),
        ...(l.vehicle.trim() ? { vehicle: l.vehicle.trim() } : {}),
      }));
    if (legInput.length) body.legs = legInput;
    create.mutate(body);
  };

  const setLeg = (seq: number, patch: Partial<DraftLeg>) =>
    setLegs((all) => ({ ...all, [seq]: { carrierOrganisationId: "", vehicle: "", ...all[seq], ...patch } }));

  return (
    <form className="sh-form card" onSubmit={onSubmit} noValidate data-testid="new-shipment-form">
      <ErrorAlert
        title={t("shipments.form.failed")}
        message={create.isError ? errorMessage(create.error, t, td) : null}
        testId="new-shipment-error"
      />
      <SelectField
        label={t("shipments.form.receiver")}
        value={receiver}
        onChange={(e) => setReceiver(e.currentTarget.value)}
        error={errors.receiverOrganisationId}
        required
        data-testid="new-shipment-receiver"
      >
        <option value="">{t("shipments.form.choose")}</option>
        {parties.data?.receivers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <div className="sh-two">
        <SelectField
          label={t("shipments.form.origin")}
          hint={t("shipments.form.originHint")}
          value={origin}
          onChange={(e) => setOrigin(e.currentTarget.value)}
          error={errors.originSiteCode}
          data-testid="new-shipment-origin"
        >
          <option value="">{producer ? t("shipments.form.myFarm") : t("shipments.form.choose")}</option>
          {sites.data?.items.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("shipments.form.destination")}
          value={destination}
          onChange={(e) => setDestination(e.currentTarget.value)}
          error={errors.destinationSiteCode}
          required
          data-testid="new-shipment-destination"
        >
          <option value="">{t("shipments.form.choose")}</option>
          {sites.data?.items.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="sh-segmented">
        <legend>{t("shipments.form.route")}</legend>
        {ROUTES.map((r) => (
          <label key={r} className={route === r ? "is-selected" : undefined}>
            <input
              type="radio"
              name="route"
              value={r}
              checked={route === r}
              onChange={() => setRoute(r)}
              data-testid={`new-shipment-route-${r}`}
            />
            {td(`shipments.route.${r}`, r)}
          </label>
        ))}
      </fieldset>
      {errors.route ? <p className="field-error">{errors.route}</p> : null}
      <div className="sh-two">
        <Field
          label={t("shipments.form.departure")}
          hint={t("shipments.form.departureHint")}
          type="datetime-local"
          value={departure}
          onChange={(e) => setDeparture(e.currentTarget.value)}
          error={errors.plannedDeparture}
          required
          data-testid="new-shipment-departure"
        />
        <Field
          label={t("shipments.form.po")}
          hint={t("shipments.form.poHint")}
          value={po}
          onChange={(e) => setPo(e.currentTarget.value)}
          error={errors.poReference}
          data-testid="new-shipment-po"
        />
      </div>
      <LinesEditor lines={lines} onChange={setLines} errors={errors} producer={producer} />
      <fieldset className="sh-fieldset" data-testid="new-shipment-legs">
        <legend>{t("shipments.form.legs")}</legend>
        {plan.isError ? (
          <p className="field-error">{errorMessage(plan.error, t, td)}</p>
        ) : !plan.data ? (
          <p className="muted">{t("shipments.form.legsHint")}</p>
        ) : (
          <ol className="sh-plan">
            {plan.data.legs.map((leg) => (
              <li key={leg.seq} className="sh-plan-leg">
                <p className="sh-plan-title">
                  <strong>
                    {leg.seq}. {td(`shipments.mode.${leg.mode}`, leg.mode)}
                  </strong>{" "}
                  {leg.from.name} → {leg.to.name}
                  <span className="cell-sub">
                    {formatDateTimeWIB(leg.plannedDeparture, lang)} →{" "}
                    {formatDateTimeWIB(leg.plannedArrival, lang)}
                  </span>
                </p>
                <div className="sh-two">
                  <SelectField
                    label={t("shipments.form.carrier", { n: leg.seq })}
                    value={legs[leg.seq]?.carrierOrganisationId ?? ""}
                    onChange={(e) => setLeg(leg.seq, { carrierOrganisationId: e.currentTarget.value })}
                    error={errors[`legs.${leg.seq - 1}.carrierOrganisationId`]}
                    data-testid={`leg-carrier-${leg.seq}`}
                  >
                    <option value="">
                      {leg.mode === "truck" ? t("shipments.form.ownTruck") : t("shipments.form.lineCarrier")}
                    </option>
                    {parties.data?.carriers.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </SelectField>
                  <Field
                    label={t("shipments.form.vehicle", { n: leg.seq })}
                    hint={leg.mode === "truck" ? t("shipments.form.plateHint") : t("shipments.form.shipHint")}
                    value={legs[leg.seq]?.vehicle ?? ""}
                    onChange={(e) => setLeg(leg.seq, { vehicle: e.currentTarget.value })}
                    data-testid={`leg-vehicle-${leg.seq}`}
                  />
                </div>
              </li>
            ))}
          </ol>
        )}
      </fieldset>
      <Field
        label={t("shipments.form.notes")}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        data-testid="new-shipment-notes"
      />
      <div className="sh-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending}
          data-testid="new-shipment-submit"
        >
          {create.isPending ? t("shipments.form.saving") : t("shipments.form.submit")}
        </button>
        <Link to="/konsol/pengiriman" className="button button-secondary">
          {t("shipments.back")}
        </Link>
      </div>
    </form>
  );
}

export function NewShipmentPage() {
  const { t } = usePreferences();
  return (
    <ConsolePage title={t("shipments.new")} intro={t("shipments.form.intro")}>
      {(session) => <NewShipmentForm session={session} />}
    </ConsolePage>
  );
}
