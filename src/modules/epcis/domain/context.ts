import type { Namespaces } from "./types";

/** The standard JSON-LD context; documents name it by URL and Lumbung never fetches it. */
export const EPCIS_CONTEXT_URL = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

/**
 * Prefixes a JSON-LD `@context` declares: string values of keys without a colon, such as
 * `{ "example": "http://ns.example.com/epcis/" }`. Term definitions (`"rail:x": { "@type": … }`) and
 * context URLs declare no prefix. An event's own `@context` adds to its document's.
 */
export function namespacesOf(context: unknown, inherited: Namespaces = new Map()): Namespaces {
  const out = new Map(inherited);
  const visit = (c: unknown) => {
    if (Array.isArray(c)) {
      for (const item of c) visit(item);
      return;
    }
    if (c && typeof c === "object") {
      for (const [key, value] of Object.entries(c)) {
        if (!key.includes(":") && !key.startsWith("@") && typeof value === "string") out.set(key, value);
      }
    }
  };
  visit(context);
  return out;
}
