import { ApiError } from "./api.ts";
import type { MessageKey } from "./i18n.ts";

type Translate = (key: MessageKey) => string;
type TranslateDynamic = (key: string, fallback: string) => string;

/**
 * The message a person should read for an error: the translated message for a
 * known error code, else the server's own detail/title, else a generic one.
 */
export function errorMessage(error: unknown, t: Translate, td: TranslateDynamic): string {
  if (!(error instanceof ApiError)) return t("error.unknown");
  if (error.status === 0) return t("error.network");
  const known = td(`error.${error.code}`, "");
  if (known) return known;
  if (error.status === 429) return t("error.request.rate_limited");
  if (error.status === 401) return t("error.auth.unauthenticated");
  if (error.status === 403) return t("error.auth.forbidden");
  if (error.status >= 500) return t("error.unknown");
  return error.detail ?? error.title;
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}
