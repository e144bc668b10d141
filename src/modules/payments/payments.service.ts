import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";

export interface PaymentsDeps {
  db: Database;
  clock: Clock;
  /** LUMBUNG_SECRET: the sandbox provider's callback signing secret is derived from it. */
  secret: string;
  publicUrl: string;
}

// Skeleton (issue 6 in progress): intents, the sandbox provider, callbacks, the ledger and payouts.
export function createPaymentsService(deps: PaymentsDeps) {
  return { deps };
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;
