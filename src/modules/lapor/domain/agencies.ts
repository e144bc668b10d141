import type { AgencyLevel } from "./types";

export interface AgencyNode {
  id: string;
  parentId: string | null;
  level: AgencyLevel;
}

/** The agency and its ancestors, nearest first (cycles are cut). */
export function chainOf(agencies: ReadonlyMap<string, AgencyNode>, id: string): string[] {
  const out: string[] = [];
  let cur: string | null = id;
  while (cur && !out.includes(cur)) {
    out.push(cur);
    cur = agencies.get(cur)?.parentId ?? null;
  }
  return out;
}

/** The agency and everything below it. */
export function subtreeOf(agencies: ReadonlyMap<string, AgencyNode>, id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const a of agencies.values()) if (a.parentId === out[i] && !out.includes(a.id)) out.push(a.id);
  }
  return out;
}

const LOCAL: readonly AgencyLevel[] = ["kecamatan", "kelurahan"];

/**
 * Where a report can be disposed to: the responsible agency's own sub-agencies, and — for a dinas of a
 * regency or city government — that government's kecamatan and kelurahan (a Dinas PU hands a small
 * street to the kecamatan).
 */
export function disposeTargets(agencies: ReadonlyMap<string, AgencyNode>, responsibleId: string): string[] {
  const own = subtreeOf(agencies, responsibleId).filter((id) => id !== responsibleId);
  const responsible = agencies.get(responsibleId);
  const parentId = responsible?.parentId;
  const parent = parentId ? agencies.get(parentId) : undefined;
  const local =
    responsible && parentId && parent?.level === "kabupaten" && !LOCAL.includes(responsible.level)
      ? subtreeOf(agencies, parentId).filter((id) => {
          const a = agencies.get(id);
          return a !== undefined && LOCAL.includes(a.level);
        })
      : [];
  return [...new Set([...own, ...local])];
}
