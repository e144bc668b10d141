import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { request, type Session } from "../../lib/api.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import type { ProductStatus, SellerStatus } from "./api.ts";

export function isUmkm(session: Session): boolean {
  return session.organisation?.kind === "umkm";
}

export function isAdmin(session: Session): boolean {
  return session.user.isAdmin || session.persona === "admin";
}

/** Lampung's regencies and cities (Kemendagri, from the reference API). */
export function useLampungRegencies() {
  return useQuery({
    queryKey: ["regions", "regency", "18"],
    queryFn: () =>
      request<{ items: { code: string; name: string }[] }>("GET", "/api/v1/regions?level=regency&parent=18"),
    staleTime: 60 * 60_000,
  });
}

export function SellerStatusBadge({ status }: { status: SellerStatus }) {
  const { t } = usePreferences();
  const cls =
    status === "verified" ? "badge-success" : status === "pending" ? "badge-warning" : "badge-danger";
  return (
    <span className={`badge ${cls}`} data-testid="seller-status">
      {t(`marketSeller.status.${status}`)}
    </span>
  );
}

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  const { t } = usePreferences();
  const cls = status === "active" ? "badge-success" : status === "draft" ? "badge-warning" : "badge-soon";
  return <span className={`badge ${cls}`}>{t(`marketSeller.productStatus.${status}`)}</span>;
}

export function TextArea({
  label,
  hint,
  error,
  value,
  onChange,
  required,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={4}
        value={value}
        required={required}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
