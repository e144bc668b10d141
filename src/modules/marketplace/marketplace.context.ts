import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { LotsService } from "../lots";
import type { MediaService } from "../media";
import type { NotificationsService } from "../notifications";
import type { PaymentsService } from "../payments";
import type { ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";

/** What the marketplace's catalogue and orders are given by app.ts. */
export interface MarketplaceDeps {
  db: Database;
  clock: Clock;
  media: MediaService;
  identity: IdentityService;
  reference: ReferenceService;
  lots: LotsService;
  shipments: ShipmentsService;
  notifications: NotificationsService;
  payments: PaymentsService;
  publicUrl: string;
  /** Minutes an unpaid order holds its stock (MARKET_PAYMENT_TIMEOUT_MINUTES). */
  paymentTimeoutMinutes: number;
}
