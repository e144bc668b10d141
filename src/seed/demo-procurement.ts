import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client";

/** Demo mode only: procurement demo data recorded through the services after start; idempotent. */
export async function seedProcurementDemo(
  _db: Database,
  _services: FastifyInstance["services"],
): Promise<void> {}
