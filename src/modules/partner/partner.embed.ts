import { and, eq, isNull } from "drizzle-orm";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Database } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import type { IdentityService } from "../identity";
import "./partner.errors";
import { partnerEmbedTokens } from "./partner.tables";

export const EMBED_TOKEN_TTL_SECONDS = 300;
// An audience of its own: an embed token is no partner access token (identity checks its audience) and a
// partner access token cannot be exchanged for a citizen session.
const EMBED_AUDIENCE = "lumbung-embed";

export interface EmbedDeps {
  db: Database;
  clock: Clock;
  secret: string;
  publicUrl: string;
  identity: IdentityService;
}

/**
 * Embedded storefront sessions: the partner's server asks for a short-lived, single-use token for one of
 * its users, opens `<publicUrl>/embed/pasar?token=…` in its app, and the page exchanges the token for a
 * Lumbung session of the citizen account linked to that user.
 */
export function createEmbed(deps: EmbedDeps) {
  const { db, clock } = deps;
  const key = new TextEncoder().encode(deps.secret);

  return {
    async createSession(
      clientId: string,
      input: { externalUserId: string; name: string; phone?: string | null },
    ) {
      const now = clock.now();
      const iat = Math.floor(now.getTime() / 1000);
      const expiresAt = new Date((iat + EMBED_TOKEN_TTL_SECONDS) * 1000);
      const jti = newId("emb", now.getTime());
      const token = await new SignJWT({
        cid: clientId,
        name: input.name,
        ...(input.phone ? { phone: input.phone } : {}),
      })
        .setProtectedHeader({ alg: "HS256", typ: "embed+jwt" })
        .setSubject(input.externalUserId)
        .setIssuer(deps.publicUrl)
        .setAudience(EMBED_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(expiresAt)
        .setJti(jti)
        .sign(key);
      await db.insert(partnerEmbedTokens).values({
        jti,
        clientId,
        externalUserId: input.externalUserId,
        expiresAt,
        createdAt: now,
      });
      const url = `${deps.publicUrl.replace(/\/$/, "")}/embed/pasar?token=${encodeURIComponent(token)}`;
      return { url, token, expiresAt: expiresAt.toISOString() };
    },

    /** Checks the token, burns it, links (or creates) the account and starts its session. */
    async exchange(token: string, meta: { ip: string; userAgent: string | undefined }) {
      let claims: { jti: string; sub: string; cid: string; name: string; phone: string | null };
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: deps.publicUrl,
          audience: EMBED_AUDIENCE,
          typ: "embed+jwt",
          currentDate: clock.now(),
          algorithms: ["HS256"],
        });
        if (
          !payload.jti ||
          !payload.sub ||
          typeof payload.cid !== "string" ||
          typeof payload.name !== "string"
        ) {
          throw new AppError("partner.embed_token_invalid", "The token lacks its claims");
        }
        claims = {
          jti: payload.jti,
          sub: payload.sub,
          cid: payload.cid,
          name: payload.name,
          phone: typeof payload.phone === "string" ? payload.phone : null,
        };
      } catch (err) {
        if (err instanceof AppError) throw err;
        const expired = err instanceof joseErrors.JWTExpired;
        throw new AppError(
          "partner.embed_token_invalid",
          expired
            ? "The embed token has expired; ask the partner app for a new one"
            : "The embed token is not valid",
        );
      }
      // Single use: only the first exchange flips usedAt; a replayed link (history, a shared screenshot) fails.
      const [burned] = await db
        .update(partnerEmbedTokens)
        .set({ usedAt: clock.now() })
        .where(
          and(
            eq(partnerEmbedTokens.jti, claims.jti),
            eq(partnerEmbedTokens.clientId, claims.cid),
            isNull(partnerEmbedTokens.usedAt),
          ),
        )
        .returning({ jti: partnerEmbedTokens.jti });
      if (!burned) {
        const [known] = await db
          .select({ jti: partnerEmbedTokens.jti })
          .from(partnerEmbedTokens)
          .where(eq(partnerEmbedTokens.jti, claims.jti));
        if (!known) throw new AppError("partner.embed_token_invalid", "The embed token was not issued here");
        throw new AppError("partner.embed_token_used", "This embed link has been opened already");
      }
      const account = await deps.identity.ensurePartnerAccount({
        clientId: claims.cid,
        externalUserId: claims.sub,
        name: claims.name,
        phone: claims.phone,
      });
      await db
        .update(partnerEmbedTokens)
        .set({ userId: account.userId })
        .where(eq(partnerEmbedTokens.jti, claims.jti));
      const session = await deps.identity.startPartnerAccountSession(account.userId, meta);
      return { ...session, partner: { clientId: claims.cid, externalUserId: claims.sub } };
    },
  };
}
export type Embed = ReturnType<typeof createEmbed>;
