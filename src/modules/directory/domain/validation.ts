/** The rules of a registry entry that are not mere types. Pure. */

export type ServiceKind = "internal" | "external";

/** `null` when the address suits the kind; otherwise why not (English, Indonesian). */
export function urlProblem(kind: ServiceKind, url: string): { en: string; id: string } | null {
  if (kind === "internal") {
    if (!url.startsWith("/") || url.startsWith("//")) {
      return {
        en: 'An internal service is a path in the app that starts with "/" (e.g. /lapor)',
        id: 'Layanan internal adalah path di aplikasi yang diawali "/" (misalnya /lapor)',
      };
    }
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { en: "Not a valid URL", id: "Bukan URL yang valid" };
  }
  if (parsed.protocol !== "https:") {
    return { en: "An external service must use https://", id: "Layanan eksternal wajib memakai https://" };
  }
  return null;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
