import { cbvTerm } from "../../epcis";

/** Lumbung's EPCIS extension namespace (harvest facts in ilmd). */
export const LUMBUNG_NS = "https://lumbung.go.id/epcis/";

type Json = Record<string, unknown>;

export interface JourneyStep {
  eventID: string;
  type: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  action: string | null;
  /** Bare CBV words where the event used a standard term ("shipping"), else the URI as sent. */
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  /** The identifiers of this trace the event names, with quantities where given. */
  items: { epc: string; quantity: number | null; uom: string | null; role: string }[];
  bizTransactions: { type: string | null; id: string }[];
  sources: { type: string | null; id: string }[];
  destinations: { type: string | null; id: string }[];
  sensorReadings: { type: string; value: number | null; uom: string | null; time: string | null }[];
  erroneous: boolean;
}

export interface Origin {
  lot: string;
  /** The organisation that declared the harvest (captured the commissioning event). */
  organisationId: string | null;
  quantity: number | null;
  uom: string | null;
  harvestedAt: string;
  location: string | null;
  /** ilmd facts under Lumbung's namespace (harvestDate, villageCode, grade, farmGatePrice…), by local name. */
  facts: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === "string" ? v : null);
const idOf = (v: unknown) => str((v as Json | undefined)?.id);

function term(kind: "bizStep" | "disposition" | "bizTransactionType" | "sourceDestType", v: unknown) {
  const s = str(v);
  return s === null ? null : (cbvTerm(kind, s) ?? s);
}

const ITEM_LISTS: [string, string][] = [
  ["epcList", "epc"],
  ["childEPCs", "child"],
  ["inputEPCList", "input"],
  ["outputEPCList", "output"],
];
const QUANTITY_LISTS: [string, string][] = [
  ["quantityList", "class"],
  ["childQuantityList", "child"],
  ["inputQuantityList", "input"],
  ["outputQuantityList", "output"],
];

/** The items of an event that belong to the trace (`nodes`), in every role. */
function itemsOf(event: Json, nodes: ReadonlySet<string>): JourneyStep["items"] {
  const out: JourneyStep["items"] = [];
  for (const [field, role] of ITEM_LISTS) {
    for (const epc of (event[field] as unknown[] | undefined) ?? []) {
      if (typeof epc === "string" && nodes.has(epc)) out.push({ epc, quantity: null, uom: null, role });
    }
  }
  if (typeof event.parentID === "string" && nodes.has(event.parentID)) {
    out.push({ epc: event.parentID, quantity: null, uom: null, role: "parent" });
  }
  for (const [field, role] of QUANTITY_LISTS) {
    for (const q of (event[field] as Json[] | undefined) ?? []) {
      const epc = str(q?.epcClass);
      if (epc && nodes.has(epc)) {
        out.push({
          epc,
          quantity: typeof q.quantity === "number" ? q.quantity : null,
          uom: str(q.uom),
          role,
        });
      }
    }
  }
  return out;
}

function typed(list: unknown, kind: "bizTransactionType" | "sourceDestType", field: string) {
  return ((list as Json[] | undefined) ?? []).flatMap((x) => {
    const id = str(x?.[field]);
    return id ? [{ type: term(kind, x.type), id }] : [];
  });
}

function readings(event: Json): JourneyStep["sensorReadings"] {
  const out: JourneyStep["sensorReadings"] = [];
  for (const element of (event.sensorElementList as Json[] | undefined) ?? []) {
    const metaTime = str((element.sensorMetadata as Json | undefined)?.time);
    for (const r of (element.sensorReport as Json[] | undefined) ?? []) {
      const type = str(r.type);
      if (!type) continue;
      out.push({
        type: type.replace(/^gs1:/, ""),
        value: typeof r.value === "number" ? r.value : null,
        uom: str(r.uom),
        time: str(r.time) ?? metaTime,
      });
    }
  }
  return out;
}

export function journeyStep(event: Json, nodes: ReadonlySet<string>): JourneyStep {
  return {
    eventID: String(event.eventID),
    type: String(event.type),
    eventTime: String(event.eventTime),
    eventTimeZoneOffset: String(event.eventTimeZoneOffset),
    action: str(event.action),
    bizStep: term("bizStep", event.bizStep),
    disposition: term("disposition", event.disposition),
    readPoint: idOf(event.readPoint),
    bizLocation: idOf(event.bizLocation),
    items: itemsOf(event, nodes),
    bizTransactions: typed(event.bizTransactionList, "bizTransactionType", "bizTransaction"),
    sources: typed(event.sourceList, "sourceDestType", "source"),
    destinations: typed(event.destinationList, "sourceDestType", "destination"),
    sensorReadings: readings(event),
    erroneous: event.errorDeclaration !== undefined,
  };
}

/** Local names of the keys under Lumbung's namespace (ilmd, or an event's own extension fields), whatever prefix the document chose. */
export function lumbungFacts(ilmd: unknown, namespaces: Record<string, string>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((ilmd as Json | undefined) ?? {})) {
    const colon = key.indexOf(":");
    const iri = key.startsWith(LUMBUNG_NS)
      ? key
      : colon > 0
        ? (namespaces[key.slice(0, colon)] ?? "") + key.slice(colon + 1)
        : "";
    if (iri.startsWith(LUMBUNG_NS)) facts[iri.slice(LUMBUNG_NS.length)] = value;
  }
  return facts;
}

/** Harvest lots among the trace: commissioning ObjectEvents (ADD) that create a lot class. */
export function originsOf(
  events: { body: Json; namespaces: Record<string, string>; organisationId?: string | null }[],
  lots: ReadonlySet<string>,
): Origin[] {
  const out: Origin[] = [];
  for (const { body, namespaces, organisationId } of events) {
    if (
      body.type !== "ObjectEvent" ||
      body.action !== "ADD" ||
      term("bizStep", body.bizStep) !== "commissioning"
    )
      continue;
    for (const q of (body.quantityList as Json[] | undefined) ?? []) {
      const lot = str(q.epcClass);
      if (!lot || !lots.has(lot) || body.errorDeclaration !== undefined) continue;
      out.push({
        lot,
        organisationId: organisationId ?? null,
        quantity: typeof q.quantity === "number" ? q.quantity : null,
        uom: str(q.uom),
        harvestedAt: String(body.eventTime),
        location: idOf(body.bizLocation) ?? idOf(body.readPoint),
        facts: lumbungFacts(body.ilmd, namespaces),
      });
    }
  }
  return out;
}

/** Where each identifier was last seen: the latest step naming it (erroneous events skipped). */
export function lastSeen(steps: JourneyStep[], epc: string) {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as JourneyStep;
    if (step.erroneous || !step.items.some((it) => it.epc === epc)) continue;
    const owner = step.destinations.find((d) => d.type === "owning_party") ?? null;
    return {
      eventTime: step.eventTime,
      bizStep: step.bizStep,
      disposition: step.disposition,
      location: step.bizLocation ?? step.readPoint,
      owner: owner?.id ?? null,
    };
  }
  return null;
}
