import type { FastifyRequest } from "fastify";
import type { Authenticator, Principal } from "../../http/access";
import { partnerAccountsDataSource } from "./identity.partner-accounts";
import { createProfileService } from "./identity.profile.service";
import { SESSION_COOKIE } from "./identity.routes";
import { createIdentityService as createIdentityCore, type IdentityDeps } from "./identity.service";

export { maskNik, parseNik } from "./domain/nik";
export type { PartnerAccountLink } from "./identity.partner-accounts";
export {
  CONSENT_PURPOSES,
  CONSENT_VERSION,
  type ConsentPurpose,
  type PersonalDataSource,
  type ProfileService,
} from "./identity.profile.service";
export { identityRepository } from "./identity.repository";
export { identityRoutes, SESSION_COOKIE } from "./identity.routes";
export { hashPassword, hashToken, PARTNER_TOKEN_TTL_SECONDS, personaFor } from "./identity.service";

/**
 * Accounts, sessions and organisations, plus the citizen profile (`profile`: NIK, consents, data
 * download, deletion). Other modules add their share of a person's data with
 * `identity.registerPersonalDataSource({ name, export, erase })`.
 */
export function createIdentityService(deps: IdentityDeps) {
  const profile = createProfileService(deps);
  profile.registerPersonalDataSource(partnerAccountsDataSource(deps.db));
  return Object.assign(createIdentityCore(deps), {
    profile,
    registerPersonalDataSource: profile.registerPersonalDataSource,
  });
}
export type IdentityService = ReturnType<typeof createIdentityService>;
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
