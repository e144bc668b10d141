/** The services registry API (`/api/v1/services`) as the directory pages use it. */
import { request as call, queryString as query } from "../../lib/api.ts";

export interface Bilingual {
  id: string;
  en: string;
}

export interface ServiceGroup {
  code: string;
  name: Bilingual;
  /** An icon name of web/components/Icon.tsx ("building", "services", …). */
  icon: string;
  sort: number;
}

export interface ServiceEntry {
  slug: string;
  groupCode: string;
  kind: "internal" | "external";
  name: Bilingual;
  description: Bilingual;
  /** internal: a path in the app ("/lapor"); external: an https URL. */
  url: string;
  agency: string;
  openingHours: Bilingual;
  requirements: Bilingual[];
  keywords: string[];
  regencyCodes: string[];
  sort: number;
  active: boolean;
  updatedAt: string;
}

export interface ServiceSection {
  group: ServiceGroup;
  items: ServiceEntry[];
}

export interface ServiceSearch {
  sections: ServiceSection[];
  total: number;
}

export interface ServiceFilters {
  q?: string;
  group?: string;
  regency?: string;
  /** Admin only: include deactivated entries. */
  all?: boolean;
}

export interface ServiceInput {
  slug: string;
  groupCode: string;
  kind: "internal" | "external";
  name: Bilingual;
  description: Bilingual;
  url: string;
  agency: string;
  openingHours: Bilingual;
  requirements: Bilingual[];
  keywords: string[];
  regencyCodes: string[];
  sort: number;
  active: boolean;
}

export const directoryApi = {
  groups: () => call<{ items: ServiceGroup[] }>("GET", "/api/v1/services/groups"),
  search: (filters: ServiceFilters) =>
    call<ServiceSearch>(
      "GET",
      `/api/v1/services${query({
        q: filters.q,
        group: filters.group,
        regency: filters.regency,
        all: filters.all ? "true" : undefined,
      })}`,
    ),
  get: (slug: string) => call<ServiceEntry>("GET", `/api/v1/services/${encodeURIComponent(slug)}`),
  create: (input: ServiceInput) => call<ServiceEntry>("POST", "/api/v1/services", input),
  update: (slug: string, input: Partial<ServiceInput>) =>
    call<ServiceEntry>("PUT", `/api/v1/services/${encodeURIComponent(slug)}`, input),
  remove: (slug: string) => call<void>("DELETE", `/api/v1/services/${encodeURIComponent(slug)}`),
};
