import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorMessage } from "../lib/errors.ts";
import { usePreferences } from "../lib/preferences.tsx";
import { ErrorAlert } from "./Alert.tsx";

/** Loading, error (with a retry button) and empty states around a list query. */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => ReactNode;
}) {
  const { t, td } = usePreferences();
  if (query.isPending) {
    return (
      <p className="loading" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        {t("app.loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <ErrorAlert title={t("error.title")} message={errorMessage(query.error, t, td)}>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => query.refetch()}
        >
          {t("error.retry")}
        </button>
      </ErrorAlert>
    );
  }
  if (isEmpty(query.data)) return <p className="empty">{empty}</p>;
  return <>{children(query.data)}</>;
}
