import type { Session } from "../../lib/api.ts";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import type { OrderStatus } from "./api.ts";

/** Sellers are UMKM members (and the platform admin, who oversees every shop). */
export function mayUseShopConsole(session: Session): boolean {
  return session.user.isAdmin || session.persona === "admin" || session.persona === "umkm";
}

const BADGE: Record<OrderStatus, string> = {
  menunggu_pembayaran: "badge-warning",
  dibayar: "badge-hub",
  dikemas: "badge-hub",
  dikirim: "badge-port",
  diterima: "badge-market",
  selesai: "badge-success",
  dibatalkan: "badge-danger",
  dikembalikan: "badge-danger",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = usePreferences();
  return (
    <span className={`badge ${BADGE[status]}`} data-testid="order-status">
      {t(`marketOrders.status.${status}`)}
    </span>
  );
}

/**
 * The message for a failed order call: the app's own wording when it has one, else the problem's title,
 * which the server already wrote in the reader's language (its detail is for logs and developers).
 */
export function useOrderError() {
  const { t, td } = usePreferences();
  return (error: unknown): string | null => {
    if (!error) return null;
    if (error instanceof ApiError && error.code.startsWith("market.")) {
      return td(`error.${error.code}`, "") || error.title;
    }
    return errorMessage(error, t, td);
  };
}

export function formatGrams(grams: number, lang: string): string {
  return grams >= 1000
    ? `${new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 2 }).format(grams / 1000)} kg`
    : `${grams} g`;
}
