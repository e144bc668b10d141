import { createHash, randomBytes } from "node:crypto";

/** Only this digest is stored; the key itself is shown once, when it is made. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** `o311_` and 32 bytes of randomness, URL-safe. */
export function generateApiKey(): string {
  return `o311_${randomBytes(32).toString("base64url")}`;
}
