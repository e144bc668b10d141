import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { formatRupiah } from "../../lib/format.ts";
import { type Lang, LOCALES } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";

const kgFormats = new Map<Lang, Intl.NumberFormat>();

/** "1.250,5 kg" in Bahasa Indonesia, "1,250.5 kg" in English. */
export function formatKg(kg: number, lang: Lang): string {
  let format = kgFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 });
    kgFormats.set(lang, format);
  }
  return `${format.format(kg)} kg`;
}

export const rupiahOrDash = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : formatRupiah(n);

/** Today in Jakarta as YYYY-MM-DD. */
export function todayWIB(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A `datetime-local` value in Jakarta time, `hours` from now. */
export function wibInput(hours = 1): string {
  return new Date(Date.now() + (7 + hours) * 3_600_000).toISOString().slice(0, 16);
}

const TONES: Record<string, string> = {
  open: "badge-success",
  active: "badge-success",
  paid: "badge-success",
  delivered: "badge-success",
  met: "badge-success",
  accepted: "badge-hub",
  dispatched: "badge-hub",
  invoiced: "badge-hub",
  partially_accepted: "badge-warning",
  proposed: "badge-warning",
  sent: "badge-warning",
  issued: "badge-warning",
  short: "badge-danger",
  declined: "badge-danger",
  cancelled: "badge-danger",
  withdrawn: "badge-danger",
};

export function StatusBadge({ status, prefix = "procurement.status" }: { status: string; prefix?: string }) {
  const { td } = usePreferences();
  return (
    <span className={`badge ${TONES[status] ?? ""}`} data-testid="procurement-status">
      {td(`${prefix}.${status}`, status)}
    </span>
  );
}

/** The section tabs under the console title. */
export function ProcurementTabs({ farmer }: { farmer: boolean }) {
  const { t } = usePreferences();
  const tabs: [string, string][] = farmer
    ? [
        ["/konsol/pengadaan", t("procurement.tab.dashboard")],
        ["/konsol/pengadaan/petani", t("procurement.tab.farm")],
        ["/konsol/pengadaan/penawaran", t("procurement.tab.offers")],
      ]
    : [
        ["/konsol/pengadaan", t("procurement.tab.dashboard")],
        ["/konsol/pengadaan/penawaran", t("procurement.tab.offers")],
        ["/konsol/pengadaan/kontrak", t("procurement.tab.contracts")],
        ["/konsol/pengadaan/po", t("procurement.tab.orders")],
        ["/konsol/pengadaan/faktur", t("procurement.tab.invoices")],
        ["/konsol/pengadaan/petani", t("procurement.tab.farm")],
      ];
  return (
    <nav className="pr-tabs" aria-label={t("procurement.tabs")}>
      {tabs.map(([to, label]) => (
        <NavLink key={to} to={to} end={to === "/konsol/pengadaan"} className="pr-tab">
          {label}
        </NavLink>
      ))}
    </nav>
  );
}

export function Section({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="card pr-section" aria-labelledby={id}>
      <div className="pr-section-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A figure with its label, for dashboards. */
export function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="pr-stat" data-testid={testId}>
      <span className="pr-stat-label">{label}</span>
      <strong className="pr-stat-value">{value}</strong>
    </div>
  );
}
