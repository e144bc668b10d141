import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field, SelectField } from "../../components/Field.tsx";
import { fieldErrorsOf } from "../../lib/errors.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Balance, type Operation, type OperationResult, type SiteDetail, warehouseApi } from "./api.ts";
import { Dialog } from "./Dialog.tsx";
import { formatKg, parseDecimal } from "./format.ts";
import { ProblemAlert, usePlaceName, useRefreshSite } from "./shared.tsx";

/** Row actions on a balance; pick has its own section (it works per commodity, FEFO). */
export type RowAction = "put-away" | "move" | "hold" | "release" | "count" | "adjust";

const TITLES: Record<RowAction, MessageKey> = {
  "put-away": "warehouse.op.putAway",
  move: "warehouse.op.move",
  hold: "warehouse.op.hold",
  release: "warehouse.op.release",
  count: "warehouse.op.count",
  adjust: "warehouse.op.adjust",
};

interface Form {
  zone: string;
  kg: string;
  expiryDate: string;
  reason: string;
}

/**
 * One operation on one balance. Each submits to the operations API, which records the EPCIS event
 * and books the ledger in one go; a refusal (not enough stock) shows the server's explanation.
 */
export function OperationDialog({
  site,
  action,
  balance,
  onClose,
  onDone,
}: {
  site: SiteDetail;
  action: RowAction;
  balance: Balance;
  onClose: () => void;
  onDone: (result: OperationResult) => void;
}) {
  const { t, lang } = usePreferences();
  const placeName = usePlaceName();
  const refresh = useRefreshSite(site.code);
  const otherZones = site.zones.filter((z) => z.code !== balance.location);
  const [form, setForm] = useState<Form>({
    zone: otherZones[0]?.code ?? "",
    kg: action === "hold" || action === "release" ? "" : action === "adjust" ? "" : String(balance.kg),
    expiryDate: balance.expiryDate ?? "",
    reason: "",
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const run = useMutation({
    mutationFn: ({ operation, body }: { operation: Operation; body: Record<string, unknown> }) =>
      warehouseApi.operate(site.code, operation, body),
    onSuccess: async (result) => {
      await refresh();
      onDone(result);
    },
  });
  const server = fieldErrorsOf(run.error);
  const set = (key: keyof Form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });

  const needsZone = action === "put-away" || action === "move";
  const kgOptional = action === "hold" || action === "release";
  const reasonRequired = action === "adjust" || action === "hold";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<keyof Form, string>> = {};
    const kg = parseDecimal(form.kg);
    if (needsZone && !form.zone) found.zone = t("validation.required");
    if (!(kgOptional && form.kg.trim() === "")) {
      if (Number.isNaN(kg)) found.kg = t("warehouse.validation.number");
      else if (action === "adjust" ? kg === 0 : action === "count" ? kg < 0 : kg <= 0) {
        found.kg = t(action === "adjust" ? "warehouse.validation.nonZero" : "warehouse.validation.positive");
      }
    }
    if (reasonRequired && !form.reason.trim()) found.reason = t("validation.required");
    setErrors(found);
    if (Object.keys(found).length) return;
    const common = { tenant: balance.tenant.id, epc: balance.epc };
    const reason = form.reason.trim() || undefined;
    switch (action) {
      case "put-away":
        return run.mutate({
          operation: "put-away",
          body: {
            ...common,
            kg,
            zone: form.zone,
            from: balance.location === "staging" ? "staging" : "dock",
            ...(form.expiryDate ? { expiryDate: form.expiryDate } : {}),
          },
        });
      case "move":
        return run.mutate({
          operation: "move",
          body: { ...common, kg, fromZone: balance.location, toZone: form.zone },
        });
      case "count":
        return run.mutate({
          operation: "count",
          body: { ...common, location: balance.location, countedKg: kg, reason },
        });
      case "adjust":
        return run.mutate({
          operation: "adjust",
          body: { ...common, location: balance.location, kg, reason },
        });
      case "hold":
      case "release":
        return run.mutate({
          operation: action,
          body: { ...common, location: balance.location, ...(form.kg.trim() ? { kg } : {}), reason },
        });
    }
  };

  const kgLabel: MessageKey =
    action === "count"
      ? "warehouse.op.countedKg"
      : action === "adjust"
        ? "warehouse.op.adjustKg"
        : "warehouse.op.kg";
  const kgHint =
    action === "adjust"
      ? t("warehouse.op.adjustHint")
      : kgOptional
        ? t("warehouse.op.allIfEmpty")
        : t("warehouse.op.onHand", { kg: formatKg(balance.kg, lang) });

  return (
    <Dialog title={t(TITLES[action])} onClose={onClose} testId="op-dialog">
      <dl className="wh-facts">
        <div>
          <dt>{t("warehouse.stock.lot")}</dt>
          <dd>
            {balance.lot}
            {balance.commodity ? <span className="cell-sub">{balance.commodity.name}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("warehouse.stock.location")}</dt>
          <dd>{placeName(balance.location)}</dd>
        </div>
        <div>
          <dt>{t("warehouse.stock.tenant")}</dt>
          <dd>{balance.tenant.name}</dd>
        </div>
        <div>
          <dt>{t("warehouse.stock.onHand")}</dt>
          <dd>{formatKg(balance.kg, lang)}</dd>
        </div>
      </dl>
      <form className="wh-form" onSubmit={submit} noValidate>
        <ProblemAlert error={run.error} testId="op-error" />
        {needsZone ? (
          <SelectField
            label={t(action === "move" ? "warehouse.op.toZone" : "warehouse.op.zone")}
            value={form.zone}
            onChange={set("zone")}
            error={errors.zone ?? server.zone ?? server.toZone}
            data-testid="op-zone"
          >
            {otherZones.map((z) => (
              <option key={z.code} value={z.code}>
                {z.name} ({z.code})
              </option>
            ))}
          </SelectField>
        ) : null}
        <Field
          label={t(kgLabel)}
          hint={kgHint}
          inputMode="decimal"
          value={form.kg}
          onChange={set("kg")}
          error={errors.kg ?? server.kg ?? server.countedKg}
          data-testid="op-kg"
        />
        {action === "put-away" ? (
          <Field
            label={t("warehouse.op.expiry")}
            hint={t("warehouse.op.expiryHint")}
            type="date"
            value={form.expiryDate}
            onChange={set("expiryDate")}
            error={server.expiryDate}
            data-testid="op-expiry"
          />
        ) : null}
        {action === "hold" || action === "release" || action === "count" || action === "adjust" ? (
          <Field
            label={t(reasonRequired ? "warehouse.op.reason" : "warehouse.op.reasonOptional")}
            value={form.reason}
            onChange={set("reason")}
            error={errors.reason ?? server.reason}
            maxLength={200}
            data-testid="op-reason"
          />
        ) : null}
        <button
          type="submit"
          className="button button-primary"
          disabled={run.isPending}
          aria-disabled={run.isPending}
          data-testid="op-submit"
        >
          {run.isPending ? t("warehouse.saving") : t(TITLES[action])}
        </button>
      </form>
    </Dialog>
  );
}
