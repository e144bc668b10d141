import type { Database } from "../../db/client";
import { hashApiKey } from "./domain/keys";
import { open311Repository } from "./open311.repository";

/** The key demo mode publishes so anyone can try POST requests.json. */
export const DEMO_OPEN311_KEY = "demo-open311-key";

/** Seeds `demo-open311-key` (demo mode only; idempotent: an existing or revoked one is left as it is). */
export async function seedOpen311DemoKey(db: Database, now: Date = new Date()): Promise<void> {
  await open311Repository.insertKey(db, {
    id: "o3k_demo",
    keyHash: hashApiKey(DEMO_OPEN311_KEY),
    name: "Demo (demo-open311-key)",
    createdByUserId: null,
    createdAt: now,
    revokedAt: null,
  });
}
