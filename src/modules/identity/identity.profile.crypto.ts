import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * The NIK at rest (UU 27/2022 art. 35–39: personal data secured against unlawful access):
 * AES-256-GCM under a key derived from LUMBUNG_SECRET with HKDF-SHA256, a random 12-byte IV per
 * value, stored as `v1.<iv>.<ciphertext>.<tag>` (base64). A keyed hash (HMAC-SHA256 under a second
 * derived key) finds a NIK claimed twice without decrypting anything. Rotating LUMBUNG_SECRET makes
 * stored NIKs unreadable: re-encrypt them first (a "v2" prefix leaves room for that).
 */
export interface NikCipher {
  encrypt(nik: string): string;
  decrypt(stored: string): string;
  hash(nik: string): string;
}

const SALT = "lumbung.identity.nik";

export function createNikCipher(secret: string): NikCipher {
  const ikm = Buffer.from(secret, "utf8");
  const encKey = Buffer.from(hkdfSync("sha256", ikm, SALT, "nik-encryption-v1", 32));
  const macKey = Buffer.from(hkdfSync("sha256", ikm, SALT, "nik-hash-v1", 32));
  return {
    encrypt(nik) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encKey, iv);
      const ciphertext = Buffer.concat([cipher.update(nik, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ["v1", iv, ciphertext, tag]
        .map((p) => (typeof p === "string" ? p : p.toString("base64")))
        .join(".");
    },
    decrypt(stored) {
      const [version, iv, ciphertext, tag] = stored.split(".");
      if (version !== "v1" || !iv || !ciphertext || !tag) throw new Error("unknown NIK ciphertext format");
      const decipher = createDecipheriv("aes-256-gcm", encKey, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString(
        "utf8",
      );
    },
    hash(nik) {
      return createHmac("sha256", macKey).update(nik, "utf8").digest("hex");
    },
  };
}
