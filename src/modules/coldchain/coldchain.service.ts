import { asc, inArray } from "drizzle-orm";
import type { Database, DbOrTx, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import {
  cbvTerm,
  containersOf,
  contentsOf,
  type EpcisService,
  epcsOf,
  knownEpcs,
  type Projector,
  type StoredEvent,
} from "../epcis";
import { EPCIS_CONTEXT, type LotsService, LUMBUNG_EPCIS_NAMESPACE, wibTimestamp } from "../lots";
import { COMMODITIES } from "../reference";
import { coldchainRepository as repo } from "./coldchain.repository";
import { type ExcursionRow, excursions, type ThresholdRow } from "./coldchain.tables";
import { type Reading, readingsEvent } from "./domain/readings-event";
import { type Breach, breaches, describeBreach, type Threshold } from "./domain/thresholds";
import "./coldchain.errors";

/**
 * The containers (SSCCs) a shipment carries, for readings taken on a truck or ship; null when there
 * is no such shipment or the caller may not see it. Given by the shipments module (app.ts wires it).
 */
export type ShipmentContainers = (principal: Principal, shipment: string) => Promise<string[] | null>;

export interface ColdchainDeps {
  db: Database;
  clock: Clock;
  lots: LotsService;
  /**
   * Captures the readings' event. Optional only so the service can be built before it is wired;
   * recording readings answers 503 without it.
   */
  epcis?: Pick<EpcisService, "captureEventInTransaction"> | undefined;
  shipmentContainers?: ShipmentContainers | undefined;
}

export interface ReadingsInput {
  /** Exactly one of: a harvest or product lot id, an LGTIN, an SSCC, a shipment. */
  lotId?: string | undefined;
  lgtin?: string | undefined;
  sscc?: string | undefined;
  shipment?: string | undefined;
  /** Where the sensor was (an SGLN), or in transit. */
  sgln?: string | undefined;
  inTransit?: boolean | undefined;
  deviceId?: string | undefined;
  readings: { at: Date; temperature?: number | undefined; relativeHumidity?: number | undefined }[];
}

export interface ExcursionQuery {
  epc?: string | undefined;
  commodity?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
}

const SSCC = /^urn:epc:id:sscc:/;
const LGTIN = /^urn:epc:class:lgtin:/;
/** Containers inside containers (sacks on a pallet in a reefer) are followed this deep. */
const MAX_NESTING = 4;
/** A reading may be stamped a little ahead of the server clock (a logger's drift), not more. */
const CLOCK_SKEW_MS = 5 * 60_000;

const COMMODITY_NAMES = new Map(COMMODITIES.map((c) => [c.code, c]));

function fieldError(field: string, en: string, id: string): FieldError {
  return { field: `body/${field}`, message: en, messageId: id };
}

function invalid(errors: FieldError[]): AppError {
  return new AppError(
    "coldchain.invalid_readings",
    errors.map((e) => `${e.field}: ${e.message}`).join("; "),
    { errors },
  );
}

const seesAll = (p: Principal) => p.type === "user" && (p.isAdmin || p.persona === "dinas");

function thresholdView(row: ThresholdRow) {
  const commodity = COMMODITY_NAMES.get(row.commodityCode);
  return {
    commodity: {
      code: row.commodityCode,
      name: commodity?.name ?? row.commodityCode,
      nameEn: commodity?.nameEn ?? row.commodityCode,
    },
    minCelsius: row.minCelsius,
    maxCelsius: row.maxCelsius,
    maxRelativeHumidity: row.maxRelativeHumidity,
    source: row.source,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function excursionView(row: ExcursionRow) {
  const breach: Breach = {
    measurement: row.measurement as Breach["measurement"],
    value: row.value,
    uom: row.uom as Breach["uom"],
    limit: row.limit,
    direction: row.direction,
  };
  return {
    id: row.id,
    eventId: row.eventId,
    epc: row.epc,
    commodity: {
      code: row.commodityCode,
      name: COMMODITY_NAMES.get(row.commodityCode)?.name ?? row.commodityCode,
    },
    measurement: row.measurement,
    value: row.value,
    uom: row.uom,
    limit: row.limit,
    direction: row.direction,
    description: describeBreach(breach),
    sgln: row.sgln,
    at: row.at.toISOString(),
  };
}

function timeOf(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t) : null;
}

export function createColdchainService(deps: ColdchainDeps) {
  const { db, clock, lots } = deps;

  /**
   * The commodities each identifier of an event stands for: a lot's own; a container's, through what
   * was packed in it (and in containers inside it) by the time of the event's capture.
   */
  async function commoditiesByEpc(tx: DbOrTx, epcs: string[]): Promise<Map<string, Set<string>>> {
    const classesOf = new Map<string, Set<string>>();
    for (const epc of epcs) {
      const classes = new Set<string>();
      if (LGTIN.test(epc)) classes.add(epc);
      else if (SSCC.test(epc)) {
        const seen = new Set<string>([epc]);
        let level = [epc];
        for (let depth = 0; depth < MAX_NESTING && level.length; depth++) {
          const next: string[] = [];
          for (const container of level) {
            const contents = await contentsOf(tx, container);
            for (const q of contents.quantities) classes.add(q.epcClass);
            for (const child of contents.epcs) {
              if (SSCC.test(child) && !seen.has(child)) {
                seen.add(child);
                next.push(child);
              }
            }
          }
          level = next;
        }
      }
      classesOf.set(epc, classes);
    }
    const known = await lots.commoditiesOf(tx, [...new Set([...classesOf.values()].flatMap((s) => [...s]))]);
    const out = new Map<string, Set<string>>();
    for (const [epc, classes] of classesOf) {
      out.set(epc, new Set([...classes].flatMap((c) => (known.has(c) ? [known.get(c) as string] : []))));
    }
    return out;
  }

  async function projectReadings(tx: Transaction, event: StoredEvent, thresholds: Map<string, Threshold>) {
    const elements = event.body.sensorElementList;
    if (!Array.isArray(elements) || !elements.length) return;
    const epcs = [...new Set(epcsOf(event.body).map((e) => e.epc))];
    const commodities = await commoditiesByEpc(tx, epcs);
    const rows: (typeof excursions.$inferInsert)[] = [];
    for (const element of elements as Record<string, unknown>[]) {
      const metadataTime = timeOf((element?.sensorMetadata as Record<string, unknown> | undefined)?.time);
      const reports = Array.isArray(element?.sensorReport)
        ? (element.sensorReport as Record<string, unknown>[])
        : [];
      for (const report of reports) {
        const type = typeof report?.type === "string" ? cbvTerm("measurementType", report.type) : null;
        const at = timeOf(report?.time) ?? metadataTime ?? event.eventTime;
        for (const epc of epcs) {
          for (const commodityCode of commodities.get(epc) ?? []) {
            const threshold = thresholds.get(commodityCode);
            if (!threshold) continue;
            for (const b of breaches({ ...report, type }, threshold)) {
              rows.push({
                id: newId("exc", at.getTime()),
                eventPk: event.pk,
                eventId: event.eventID,
                epc,
                commodityCode,
                measurement: b.measurement,
                value: b.value,
                uom: b.uom,
                limit: b.limit,
                direction: b.direction,
                sgln: event.bizLocation ?? event.readPoint,
                at,
                participants: event.participants,
              });
            }
          }
        }
      }
    }
    await repo.insertExcursions(tx, rows);
  }

  /**
   * Every stored event that carries sensor readings is checked against the thresholds of what it is
   * about, however it was captured; each reading out of range is an excursion, per identifier. It
   * never refuses an event: a warm reading happened and is evidence.
   */
  const projector: Projector = {
    name: "coldchain",
    async project(tx, events) {
      const withSensors = events.filter(
        (e) =>
          Array.isArray(e.body.sensorElementList) &&
          e.body.sensorElementList.length > 0 &&
          e.body.errorDeclaration === undefined,
      );
      if (!withSensors.length) return;
      const thresholds = new Map<string, Threshold>(
        (await repo.listThresholds(tx)).map((t) => [t.commodityCode, t]),
      );
      for (const event of withSensors) await projectReadings(tx, event, thresholds);
    },
  };

  /** What the readings are about, as event identifiers: containers as EPCs, lots as classes. */
  async function targetsOf(principal: Principal, input: ReadingsInput) {
    if (input.lotId) {
      const lot = await lots.lotById(db, input.lotId);
      if (!lot)
        throw invalid([fieldError("lotId", "is not a lot Lumbung knows", "bukan lot yang dikenal Lumbung")]);
      return { epcs: [], classes: [lot.lgtin] };
    }
    if (input.lgtin || input.sscc) {
      const epc = (input.lgtin ?? input.sscc) as string;
      const field = input.lgtin ? "lgtin" : "sscc";
      const known = (await knownEpcs(db, [epc])).length > 0 || (await lots.lotsByLgtin(db, [epc])).size > 0;
      if (!known) {
        throw invalid([
          fieldError(
            field,
            "is not named by any recorded event",
            "tidak disebut oleh event mana pun yang tercatat",
          ),
        ]);
      }
      return input.lgtin ? { epcs: [], classes: [epc] } : { epcs: [epc], classes: [] };
    }
    const shipment = input.shipment as string;
    const containers = deps.shipmentContainers ? await deps.shipmentContainers(principal, shipment) : null;
    if (!containers) {
      throw invalid([
        fieldError("shipment", "is not a shipment you take part in", "bukan pengiriman yang Anda ikuti"),
      ]);
    }
    if (!containers.length) {
      throw invalid([
        fieldError(
          "shipment",
          "carries no containers yet; pack it first",
          "belum memuat kemasan; kemas dahulu",
        ),
      ]);
    }
    return {
      epcs: containers.filter((c) => !LGTIN.test(c)),
      classes: containers.filter((c) => LGTIN.test(c)),
    };
  }

  return {
    projector,

    /** Excursions recorded against any of these identifiers (lots, containers), oldest first. */
    async excursionsFor(epcs: string[], tx: DbOrTx = db): Promise<ExcursionRow[]> {
      if (!epcs.length) return [];
      return tx.select().from(excursions).where(inArray(excursions.epc, epcs)).orderBy(asc(excursions.at));
    },

    async listThresholds() {
      return (await repo.listThresholds(db)).map(thresholdView);
    },

    /** Admins set a commodity's thresholds; readings already checked keep their excursions. */
    async setThreshold(
      commodityCode: string,
      input: {
        minCelsius: number | null;
        maxCelsius: number | null;
        maxRelativeHumidity: number | null;
        source: string;
      },
    ) {
      if (!COMMODITY_NAMES.has(commodityCode)) {
        throw new AppError(
          "coldchain.unknown_commodity",
          `No commodity ${commodityCode} (see GET /api/v1/commodities)`,
        );
      }
      const errors: FieldError[] = [];
      if (input.minCelsius === null && input.maxCelsius === null && input.maxRelativeHumidity === null) {
        errors.push(fieldError("maxCelsius", "give at least one limit", "isi paling sedikit satu batas"));
      }
      if (input.minCelsius !== null && input.maxCelsius !== null && input.minCelsius > input.maxCelsius) {
        errors.push(
          fieldError("minCelsius", "must not exceed maxCelsius", "tidak boleh melebihi maxCelsius"),
        );
      }
      if (errors.length) {
        throw new AppError(
          "coldchain.invalid_threshold",
          errors.map((e) => `${e.field}: ${e.message}`).join("; "),
          {
            errors,
          },
        );
      }
      const row = await repo.upsertThreshold(db, {
        commodityCode,
        ...input,
        updatedAt: clock.now(),
      });
      return thresholdView(row);
    },

    /**
     * Records sensor readings for a lot, a container or a shipment's containers, at a site or in
     * transit: one ObjectEvent (OBSERVE, sensor_reporting) with a sensor element per reading. The
     * projection finds the excursions in the same transaction; they come back with the event.
     */
    async recordReadings(principal: Principal, input: ReadingsInput) {
      if (principal.type !== "user") throw new AppError("auth.forbidden", "Only people record readings");
      const capture = deps.epcis;
      const now = clock.now();
      const late = input.readings.findIndex((r) => r.at.getTime() > now.getTime() + CLOCK_SKEW_MS);
      if (late >= 0) {
        throw invalid([fieldError(`readings/${late}/at`, "is in the future", "ada di masa depan")]);
      }
      const { epcs, classes } = await targetsOf(principal, input);
      if (!capture) {
        throw new AppError(
          "coldchain.capture_unavailable",
          "Sensor readings cannot be recorded: EPCIS capture is not wired to the cold chain",
        );
      }
      const readings: Reading[] = [...input.readings]
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((r) => ({
          time: wibTimestamp(r.at),
          temperature: r.temperature,
          relativeHumidity: r.relativeHumidity,
        }));
      const last = new Date(Math.max(...input.readings.map((r) => r.at.getTime())));
      const event = readingsEvent({
        context: [EPCIS_CONTEXT, { lb: LUMBUNG_EPCIS_NAMESPACE }],
        eventTime: wibTimestamp(last),
        epcs,
        classes,
        sgln: input.inTransit ? null : (input.sgln ?? null),
        deviceId: input.deviceId ?? null,
        readings,
      });
      const { eventID } = await db.transaction((tx) =>
        capture.captureEventInTransaction(tx, event, principal),
      );
      const rows = await repo.listExcursions(db, { organisationId: null, eventId: eventID, limit: 10_000 });
      return { eventId: eventID, readings: readings.length, excursions: rows.reverse().map(excursionView) };
    },

    /**
     * Excursions of events the caller's organisation took part in (dinas and admins: all), newest
     * first. An LGTIN also finds excursions of the containers it was packed in.
     */
    async listExcursions(principal: Principal, q: ExcursionQuery) {
      const all = seesAll(principal);
      const organisationId = principal.type === "user" ? principal.organisationId : null;
      if (!all && !organisationId) return { items: [], nextCursor: null };
      const epcs = q.epc ? [q.epc, ...(LGTIN.test(q.epc) ? await containersOf(db, [q.epc]) : [])] : undefined;
      const rows = await repo.listExcursions(db, {
        organisationId: all ? null : organisationId,
        epcs,
        commodityCode: q.commodity,
        from: q.from,
        to: q.to,
        before: q.cursor,
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map(excursionView),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  };
}

export type ColdchainService = ReturnType<typeof createColdchainService>;
