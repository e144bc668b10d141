import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/Alert.tsx";
import { Field, SelectField } from "../../components/Field.tsx";
import { errorMessage, fieldErrorsOf } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type Receipt, type Shipment, shipmentsApi } from "./api.ts";
import { formatKg, MAX_IMAGE_BYTES, readAsDataUrl } from "./format.ts";

type DraftLine = {
  accepted: string;
  rejected: string;
  reason: string;
  rejectedAs: "non_conformant" | "damaged";
};

const num = (v: string) => Number(v.trim().replace(",", "."));

/**
 * Proof of delivery: per line what was accepted and rejected (with why), who signed, a photo and a
 * signature image. Each line must add up to what was shipped; the form says so before sending.
 */
export function ReceiveForm({ shipment }: { shipment: Shipment }) {
  const { t, td, lang } = usePreferences();
  const client = useQueryClient();
  const [lines, setLines] = useState<Record<number, DraftLine>>(() =>
    Object.fromEntries(
      shipment.lines.map((l) => [
        l.lineNo,
        { accepted: String(l.shippedKg), rejected: "0", reason: "", rejectedAs: "non_conformant" },
      ]),
    ),
  );
  const [receiverName, setReceiverName] = useState("");
  const [photo, setPhoto] = useState<string | undefined>();
  const [signature, setSignature] = useState<string | undefined>();
  const [fileError, setFileError] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const receive = useMutation({
    mutationFn: (body: Receipt) => shipmentsApi.receive(shipment.id, body),
    onSuccess: (s) => client.setQueryData(["shipment", s.id], s),
  });
  const serverErrors = fieldErrorsOf(receive.error);

  const update = (lineNo: number, patch: Partial<DraftLine>) =>
    setLines((all) => ({ ...all, [lineNo]: { ...(all[lineNo] as DraftLine), ...patch } }));

  const onFile = (field: "photo" | "signature") => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    const set = field === "photo" ? setPhoto : setSignature;
    if (!file) return set(undefined);
    if (!["image/jpeg", "image/png"].includes(file.type)) {
      set(undefined);
      return setFileError((e) => ({ ...e, [field]: t("shipments.pod.fileType") }));
    }
    if (file.size > MAX_IMAGE_BYTES) {
      set(undefined);
      return setFileError((e) => ({ ...e, [field]: t("shipments.pod.fileSize") }));
    }
    setFileError((e) => ({ ...e, [field]: "" }));
    set(await readAsDataUrl(file));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    shipment.lines.forEach((l, i) => {
      const d = lines[l.lineNo] as DraftLine;
      const a = num(d.accepted);
      const r = num(d.rejected);
      if (
        !Number.isFinite(a) ||
        !Number.isFinite(r) ||
        a < 0 ||
        r < 0 ||
        Math.abs(a + r - l.shippedKg) > 0.0005
      ) {
        problems[`lines.${i}.acceptedKg`] = t("shipments.pod.mustAddUp", { kg: formatKg(l.shippedKg, lang) });
      }
      if (r > 0 && !d.reason.trim()) problems[`lines.${i}.reason`] = t("shipments.pod.reasonRequired");
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    receive.mutate({
      lines: shipment.lines.map((l) => {
        const d = lines[l.lineNo] as DraftLine;
        const r = num(d.rejected);
        return {
          lineNo: l.lineNo,
          acceptedKg: num(d.accepted),
          rejectedKg: r,
          ...(r > 0 ? { reason: d.reason.trim(), rejectedAs: d.rejectedAs } : {}),
        };
      }),
      ...(receiverName.trim() ? { receiverName: receiverName.trim() } : {}),
      ...(photo ? { photo } : {}),
      ...(signature ? { signature } : {}),
    });
  };

  const errors = { ...serverErrors, ...local };
  return (
    <section className="card sh-section" aria-labelledby="sh-pod-title">
      <h2 id="sh-pod-title">{t("shipments.pod.title")}</h2>
      <p className="muted">{t("shipments.pod.intro")}</p>
      <form onSubmit={onSubmit} noValidate className="sh-form" data-testid="pod-form">
        <ErrorAlert
          title={t("shipments.pod.failed")}
          message={
            receive.isError
              ? errorMessage(receive.error, t, td)
              : Object.keys(local).length
                ? t("validation.summary")
                : null
          }
          testId="pod-error"
        />
        {errors.lines ? <p className="field-error">{errors.lines}</p> : null}
        {shipment.lines.map((l, i) => {
          const d = lines[l.lineNo] as DraftLine;
          const rejected = num(d.rejected) > 0;
          return (
            <fieldset key={l.lineNo} className="sh-fieldset sh-pod-line" data-testid={`pod-line-${l.lineNo}`}>
              <legend>
                {l.lineNo}. {l.description} —{" "}
                {t("shipments.pod.shipped", { kg: formatKg(l.shippedKg, lang) })}
              </legend>
              <div className="sh-two">
                <Field
                  label={t("shipments.pod.accepted")}
                  inputMode="decimal"
                  value={d.accepted}
                  onChange={(e) => update(l.lineNo, { accepted: e.currentTarget.value })}
                  error={errors[`lines.${i}.acceptedKg`]}
                  data-testid={`pod-accepted-${l.lineNo}`}
                />
                <Field
                  label={t("shipments.pod.rejected")}
                  inputMode="decimal"
                  value={d.rejected}
                  onChange={(e) => update(l.lineNo, { rejected: e.currentTarget.value })}
                  error={errors[`lines.${i}.rejectedKg`]}
                  data-testid={`pod-rejected-${l.lineNo}`}
                />
              </div>
              {rejected ? (
                <div className="sh-two">
                  <Field
                    label={t("shipments.pod.reason")}
                    value={d.reason}
                    onChange={(e) => update(l.lineNo, { reason: e.currentTarget.value })}
                    error={errors[`lines.${i}.reason`]}
                    required
                    data-testid={`pod-reason-${l.lineNo}`}
                  />
                  <SelectField
                    label={t("shipments.pod.rejectedAs")}
                    value={d.rejectedAs}
                    onChange={(e) =>
                      update(l.lineNo, { rejectedAs: e.currentTarget.value as DraftLine["rejectedAs"] })
                    }
                    data-testid={`pod-rejected-as-${l.lineNo}`}
                  >
                    <option value="non_conformant">{t("shipments.outcome.non_conformant")}</option>
                    <option value="damaged">{t("shipments.outcome.damaged")}</option>
                  </SelectField>
                </div>
              ) : null}
            </fieldset>
          );
        })}
        <Field
          label={t("shipments.pod.receiverName")}
          value={receiverName}
          onChange={(e) => setReceiverName(e.currentTarget.value)}
          autoComplete="name"
          data-testid="pod-receiver-name"
        />
        <div className="sh-two">
          <Field
            label={t("shipments.pod.photo")}
            hint={t("shipments.pod.fileHint")}
            type="file"
            accept="image/jpeg,image/png"
            capture="environment"
            onChange={onFile("photo")}
            error={fileError.photo || errors.photo}
            data-testid="pod-photo"
          />
          <Field
            label={t("shipments.pod.signature")}
            hint={t("shipments.pod.fileHint")}
            type="file"
            accept="image/png,image/jpeg"
            onChange={onFile("signature")}
            error={fileError.signature || errors.signature}
            data-testid="pod-signature"
          />
        </div>
        <div className="sh-form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={receive.isPending}
            data-testid="pod-submit"
          >
            {receive.isPending ? t("shipments.form.saving") : t("shipments.pod.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
