import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { MarketplaceService } from "../marketplace";
import type { TraceService } from "../trace";

export interface PartnerDeps {
  db: Database;
  clock: Clock;
  secret: string;
  publicUrl: string;
  identity: IdentityService;
  marketplace: MarketplaceService;
  trace: TraceService;
}

// Skeleton (issue 6 in progress): /partner/v1, idempotency keys, webhooks, embed sessions.
export function createPartnerService(deps: PartnerDeps) {
  return {
    deps,
    /** Sends the webhook deliveries that are due; returns how many were attempted. */
    async dispatchWebhooks() {
      return { attempted: 0 };
    },
  };
}
export type PartnerService = ReturnType<typeof createPartnerService>;
