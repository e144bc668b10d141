import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import type { IdentityService } from "../identity";
import type { LotsService } from "../lots";
import type { NotificationsService } from "../notifications";
import type { PaymentsService } from "../payments";
import type { PricesService } from "../prices";
import type { ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";

export interface ProcurementDeps {
  db: Database;
  clock: Clock;
  identity: IdentityService;
  reference: ReferenceService;
  lots: LotsService;
  shipments: ShipmentsService;
  payments: PaymentsService;
  notifications: NotificationsService;
  prices: PricesService;
}

// Skeleton (issue 6 in progress): offers, contracts, purchase orders, invoices, farm-gate payments.
export function createProcurementService(deps: ProcurementDeps) {
  return { deps };
}
export type ProcurementService = ReturnType<typeof createProcurementService>;
