import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { errorMessage } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { type DeliveryStatus, partnersApi } from "./api.ts";

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = usePreferences();
  const cls =
    status === "delivered" ? "badge-success" : status === "failed" ? "badge-danger" : "badge-warning";
  return <span className={`badge ${cls}`}>{t(`partners.status.${status}`)}</span>;
}

/** The last answer in one line: the HTTP status, or why there was none. */
export function LastResponse({ code, error }: { code: number | null; error: string | null }) {
  const { t } = usePreferences();
  if (code === null && !error) return <>{t("partners.none")}</>;
  return (
    <>
      {code !== null ? <span className="partners-code">HTTP {code}</span> : null}
      {error && error !== `HTTP ${code}` ? <span className="cell-sub">{error}</span> : null}
    </>
  );
}

/**
 * Sends a delivery's event again (a new delivery of the same event); opens the new one when
 * `openNew`, otherwise reports through `onDone`.
 */
export function ReplayButton({
  id,
  openNew = false,
  onDone,
  onError,
}: {
  id: string;
  openNew?: boolean;
  onDone?: (eventId: string) => void;
  onError?: (message: string) => void;
}) {
  const { t, td } = usePreferences();
  const client = useQueryClient();
  const navigate = useNavigate();
  const replay = useMutation({
    mutationFn: () => partnersApi.replay(id),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ["partners"] });
      onDone?.(created.eventId);
      if (openNew) navigate(`/konsol/mitra/pengiriman/${created.id}`);
    },
    onError: (err) => onError?.(errorMessage(err, t, td)),
  });
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      disabled={replay.isPending}
      aria-busy={replay.isPending}
      onClick={() => replay.mutate()}
    >
      {replay.isPending ? t("partners.replaying") : t("partners.replay")}
    </button>
  );
}
