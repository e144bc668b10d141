import { useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/Alert.tsx";
import { ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePreferences } from "../../lib/preferences.tsx";

/** Everything the page shows of one site shares this prefix, so one action refreshes it all. */
export const siteKey = (site: string) => ["warehouse", site] as const;

export function useRefreshSite(site: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: siteKey(site) });
}

/**
 * A refusal as the warehouse explains it: the problem's title (in the reader's language) and its
 * detail, which names the lot, place and quantity on hand or the days and free capacity.
 */
export function ProblemAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t, td } = usePreferences();
  if (!error) return <ErrorAlert message={null} {...(testId ? { testId } : {})} />;
  const known =
    error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401;
  return (
    <ErrorAlert
      title={known ? (error as ApiError).title : t("error.title")}
      message={known ? ((error as ApiError).detail ?? (error as ApiError).title) : errorMessage(error, t, td)}
      {...(testId ? { testId } : {})}
    />
  );
}

export function StateBadge({ state }: { state: "available" | "held" }) {
  const { t } = usePreferences();
  return (
    <span className={state === "held" ? "badge badge-warning" : "badge badge-success"}>
      {t(state === "held" ? "warehouse.state.held" : "warehouse.state.available")}
    </span>
  );
}

/** A place in the warehouse, named for people: the dock, staging, or the zone's code. */
export function usePlaceName() {
  const { t } = usePreferences();
  return (location: string) =>
    location === "dock"
      ? t("warehouse.place.dock")
      : location === "staging"
        ? t("warehouse.place.staging")
        : location;
}
