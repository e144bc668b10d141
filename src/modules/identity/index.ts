import type { FastifyRequest } from "fastify";
import type { Authenticator, Principal } from "../../http/access";
import { SESSION_COOKIE } from "./identity.routes";
import type { IdentityService } from "./identity.service";

export { identityRepository } from "./identity.repository";
export { identityRoutes, SESSION_COOKIE } from "./identity.routes";
export {
  createIdentityService,
  hashPassword,
  hashToken,
  type IdentityService,
  PARTNER_TOKEN_TTL_SECONDS,
  personaFor,
} from "./identity.service";
export { MEMBERSHIP_ROLES, ORGANISATION_KINDS, type OrganisationKind } from "./identity.tables";

const ANONYMOUS: Principal = Object.freeze({ type: "anonymous" });

/** Bearer header first (API clients, partners), then the web session cookie. */
export function identityAuthenticator(identity: IdentityService): Authenticator {
  return (req: FastifyRequest) => {
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? req.cookies?.[SESSION_COOKIE];
    return token ? identity.authenticate(token) : ANONYMOUS;
  };
}
