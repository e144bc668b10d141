import { eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { AppError } from "../../http/errors";
import { type CbvKind, canonicalCbv } from "./domain/cbv";
import { EVENT_TYPES } from "./domain/types";
import { type EpcRole, epcisEventEpcs, epcisEvents } from "./epcis.tables";

export type QueryParams = Record<string, string | string[] | undefined>;

const PAGING = new Set(["perPage", "nextPageToken"]);

/** Which roles each MATCH_* parameter looks at (EPCIS 2.0 §8.2.7.1). */
const MATCH_ROLES: Record<string, EpcRole[]> = {
  MATCH_epc: ["epc", "child"],
  MATCH_parentID: ["parent"],
  MATCH_inputEPC: ["input"],
  MATCH_outputEPC: ["output"],
  MATCH_anyEPC: ["epc", "parent", "child", "input", "output"],
  MATCH_epcClass: ["class", "childClass"],
  MATCH_inputEPCClass: ["inputClass"],
  MATCH_outputEPCClass: ["outputClass"],
  MATCH_anyEPCClass: ["class", "childClass", "inputClass", "outputClass"],
};

function bad(name: string, why: string): AppError {
  return new AppError("epcis.query_parameter", `${name}: ${why}`, {
    errors: [{ field: `querystring/${name}`, message: why }],
  });
}

/** Values of a list parameter: repeated (`a=1&a=2`) or comma-separated, or both; `|` also splits, as in EPCIS 1.x. */
function values(name: string, raw: string | string[] | undefined): string[] {
  const all = (Array.isArray(raw) ? raw : [raw ?? ""]).flatMap((v) => v.split(/[,|]/)).map((v) => v.trim());
  const list = all.filter(Boolean);
  if (!list.length) throw bad(name, "needs a value");
  return list;
}

function timestamp(name: string, raw: string | string[] | undefined): Date {
  const [v] = values(name, raw);
  const ok = v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v);
  const d = ok ? new Date(v) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime()))
    throw bad(name, "must be a date-time with a time zone, e.g. 2025-04-15T08:00:00+07:00");
  return d;
}

function cbvValues(name: string, kind: CbvKind, raw: string | string[] | undefined): string[] {
  return values(name, raw).map((v) => {
    const c = canonicalCbv(kind, v);
    if (c === null) throw bad(name, `"${v}" is not a CBV 2.0 term or an absolute URI`);
    return c;
  });
}

/** An EPC or an EPC pattern (`urn:epc:idpat:sgtin:0614141.107346.*`) as a SQL LIKE pattern. */
function epcPattern(value: string): { exact: string } | { like: string } {
  const pat = value.match(/^urn:epc:idpat:([a-z]+):(.*)$/);
  if (!pat) return { exact: value };
  const [, scheme, rest] = pat;
  const escaped = (rest ?? "").replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, "%");
  return { like: `urn:epc:id:${scheme}:${escaped}` };
}

function matchEpcs(roles: EpcRole[], list: string[]): SQL {
  const alternatives = list.map((v) => {
    const p = epcPattern(v);
    return "exact" in p ? sql`e.epc = ${p.exact}` : sql`e.epc like ${p.like} escape '\\'`;
  });
  return sql`exists (select 1 from ${epcisEventEpcs} e where e.event_pk = ${epcisEvents.id}
    and e.role in (${sql.join(
      roles.map((r) => sql`${r}`),
      sql`, `,
    )}) and (${sql.join(alternatives, sql` or `)}))`;
}

function typedOverlap(
  column: SQL,
  kind: CbvKind,
  type: string,
  name: string,
  raw: string | string[] | undefined,
): SQL {
  const canonicalType = canonicalCbv(kind, type);
  if (canonicalType === null) throw bad(name, `"${type}" is not a CBV 2.0 type or an absolute URI`);
  const wanted = values(name, raw).map((v) => `${canonicalType} ${v}`);
  return sql`${column} && ARRAY[${sql.join(
    wanted.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Turns SimpleEventQuery REST parameters into SQL conditions. Unknown parameters are refused
 * (QueryParameterException) rather than ignored, so a typo never silently widens a result.
 */
export function queryConditions(params: QueryParams): SQL[] {
  const out: SQL[] = [];
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined || PAGING.has(name)) continue;
    if (name === "eventType") {
      const types = values(name, raw);
      for (const t of types) {
        if (!(EVENT_TYPES as readonly string[]).includes(t)) throw bad(name, `unknown event type ${t}`);
      }
      out.push(inArray(epcisEvents.eventType, types));
    } else if (name === "GE_eventTime") out.push(gte(epcisEvents.eventTime, timestamp(name, raw)));
    else if (name === "LT_eventTime") out.push(lt(epcisEvents.eventTime, timestamp(name, raw)));
    else if (name === "GE_recordTime") out.push(gte(epcisEvents.recordTime, timestamp(name, raw)));
    else if (name === "LT_recordTime") out.push(lt(epcisEvents.recordTime, timestamp(name, raw)));
    else if (name === "EQ_action") {
      const actions = values(name, raw);
      for (const a of actions)
        if (!["ADD", "OBSERVE", "DELETE"].includes(a)) throw bad(name, `unknown action ${a}`);
      out.push(inArray(epcisEvents.action, actions));
    } else if (name === "EQ_bizStep") out.push(inArray(epcisEvents.bizStep, cbvValues(name, "bizStep", raw)));
    else if (name === "EQ_disposition")
      out.push(inArray(epcisEvents.disposition, cbvValues(name, "disposition", raw)));
    else if (name === "EQ_readPoint") out.push(inArray(epcisEvents.readPoint, values(name, raw)));
    else if (name === "EQ_bizLocation") out.push(inArray(epcisEvents.bizLocation, values(name, raw)));
    else if (name === "EQ_eventID") out.push(inArray(epcisEvents.eventId, values(name, raw)));
    else if (name === "EXISTS_errorDeclaration") out.push(eq(epcisEvents.hasErrorDeclaration, true));
    else if (MATCH_ROLES[name]) out.push(matchEpcs(MATCH_ROLES[name] as EpcRole[], values(name, raw)));
    else if (name.startsWith("EQ_bizTransaction_")) {
      out.push(
        typedOverlap(sql`${epcisEvents.bizTransactions}`, "bizTransactionType", name.slice(18), name, raw),
      );
    } else if (name.startsWith("EQ_source_")) {
      out.push(typedOverlap(sql`${epcisEvents.sources}`, "sourceDestType", name.slice(10), name, raw));
    } else if (name.startsWith("EQ_destination_")) {
      out.push(typedOverlap(sql`${epcisEvents.destinations}`, "sourceDestType", name.slice(15), name, raw));
    } else {
      throw bad(name, "is not a query parameter Lumbung supports");
    }
  }
  return out;
}

export const PAGE_TOKEN_PREFIX = "p1.";

export function encodePageToken(afterId: string): string {
  return PAGE_TOKEN_PREFIX + Buffer.from(afterId).toString("base64url");
}

export function decodePageToken(token: string): string {
  const decoded = token.startsWith(PAGE_TOKEN_PREFIX)
    ? Buffer.from(token.slice(PAGE_TOKEN_PREFIX.length), "base64url").toString()
    : "";
  if (!decoded.startsWith("evt_")) throw bad("nextPageToken", "is not a token this server issued");
  return decoded;
}
