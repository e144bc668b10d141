/** The admin side of the partner API (`/api/v1/partners`), as the partners console uses it. */
import { request as call, queryString as query } from "../../lib/api.ts";

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface WebhookEndpoint {
  id: string;
  clientId: string;
  url: string;
  events: string[];
  description: string | null;
  createdAt: string;
  deletedAt: string | null;
}

export interface PartnerClient {
  clientId: string;
  name: string;
  organisation: { id: string; name: string };
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  endpoints: WebhookEndpoint[];
  deliveries: Record<DeliveryStatus, number>;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  clientId: string;
  endpointId: string;
  url: string | null;
  orderId: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  replayOf: string | null;
  createdAt: string;
}

export interface DeliveryDetail extends Delivery {
  payload: unknown;
  attemptLog: {
    at: string;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    responseBody: string | null;
  }[];
}

export interface DeliveryFilter {
  clientId?: string;
  status?: DeliveryStatus;
  limit?: number;
  offset?: number;
}

export const partnersApi = {
  clients: () => call<{ items: PartnerClient[] }>("GET", "/api/v1/partners"),
  deliveries: (f: DeliveryFilter) =>
    call<{ items: Delivery[]; total: number }>(
      "GET",
      `/api/v1/partners/deliveries${query({ clientId: f.clientId, status: f.status, limit: f.limit, offset: f.offset })}`,
    ),
  delivery: (id: string) =>
    call<DeliveryDetail>("GET", `/api/v1/partners/deliveries/${encodeURIComponent(id)}`),
  replay: (id: string) =>
    call<DeliveryDetail>("POST", `/api/v1/partners/deliveries/${encodeURIComponent(id)}/replay`),
};
