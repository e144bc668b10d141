import type { IncomingMessage, ServerResponse } from "node:http";
import helmet, { type HelmetOptions } from "helmet";

/**
 * Helmet's security headers, worked out once at start-up and set on every answer by one hook.
 *
 * `@fastify/helmet` runs helmet's middleware per request, which rebuilds the Content-Security-Policy
 * each time (≈ 30–40 µs of a ≈ 110 µs request, see docs/benchmarks.md). Lumbung's policy is static —
 * no nonces, no per-route options — so the headers are the same for every answer and are computed
 * once, by running helmet itself against a recorder: what helmet would send is exactly what is sent.
 * `app.ts` sets them in its first onRequest hook.
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    done = true;
  });
  // Helmet is synchronous; a version that is not would leave answers without their headers.
  if (!done) throw new Error("helmet did not finish synchronously; security headers cannot be precomputed");
  return Object.fromEntries(headers);
}
