import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { ReferenceService } from "../reference";
import { warehouseRepository as repo } from "./warehouse.repository";
import "./warehouse.errors";

export type Site = Awaited<ReturnType<ReferenceService["getSite"]>>;

/**
 * How the caller stands at a warehouse: its admin (everything), the operator's staff (every tenant
 * at their site), or a tenant (its own stock, movements and bookings only).
 */
export type Role = "admin" | "operator" | "tenant";

export interface SiteAccess {
  site: Site;
  role: Role;
  /** The caller's organisation (null for an admin acting for none). */
  organisationId: string | null;
}

export function createSiteAccess(deps: { db: Database; reference: Pick<ReferenceService, "getSite"> }) {
  const { db } = deps;

  async function warehouseSite(code: string): Promise<Site> {
    const site = await deps.reference.getSite(code).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "reference.unknown_site") return null;
      throw err;
    });
    if (site?.kind !== "warehouse" || !site.sgln) {
      throw new AppError("warehouse.site_not_found", `No shared warehouse ${code}`);
    }
    return site;
  }

  /** The caller's standing at the site; a site the caller has no part in is "not found". */
  async function accessTo(principal: Principal, code: string): Promise<SiteAccess> {
    const site = await warehouseSite(code);
    if (principal.type === "user" && principal.isAdmin) {
      return { site, role: "admin", organisationId: principal.organisationId };
    }
    const org = principal.type === "anonymous" ? null : principal.organisationId;
    if (org && site.operatorOrganisationId === org) return { site, role: "operator", organisationId: org };
    if (org && principal.type === "user" && (await repo.findTenant(db, site.code, org))) {
      return { site, role: "tenant", organisationId: org };
    }
    throw new AppError("warehouse.site_not_found", `No shared warehouse ${code}`);
  }

  return { warehouseSite, accessTo };
}

/** Operator staff and admins only: tenants may look, not run the warehouse. */
export function requireStaff(a: SiteAccess, what: string): void {
  if (a.role === "tenant") {
    throw new AppError("warehouse.operator_only", `Only ${a.site.name}'s operator can ${what}`);
  }
}

/**
 * Whose records a request may read: a tenant only its own (asking for another's is "not found"),
 * staff any tenant's or, with none named, all of them (null).
 */
export function tenantScope(a: SiteAccess, requested: string | null | undefined): string | null {
  if (a.role === "tenant") {
    if (requested && requested !== a.organisationId) {
      throw new AppError("warehouse.tenant_not_found", `No tenant ${requested} at ${a.site.code}`);
    }
    return a.organisationId;
  }
  return requested ?? null;
}
