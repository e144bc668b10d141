import { createHash } from "node:crypto";
import type { Database, DbOrTx, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import type { EpcisService } from "../epcis";
import type { IdentityService } from "../identity";
import type { ReferenceService } from "../reference";
import {
  formatReference,
  gln,
  gtin14,
  gtinDigitalLink,
  humanReadable,
  isCompanyPrefix,
  type KeyKind,
  lgtinUri,
  pglnUri,
  referenceCapacity,
  sglnUri,
  sscc,
  ssccDigitalLink,
  ssccUri,
} from "./domain/gs1";
import {
  commissioningEvent,
  lotCode,
  MAX_GRAMS,
  normaliseDecimal,
  type QuantityUnit,
  toGrams,
} from "./domain/harvest-lot";
import { type ProductLotInput, productLotCode } from "./domain/product-lot";
import { declaredLots } from "./lots.declared";
import { renderLabelPdf, renderQrSvg } from "./lots.label";
import { lotsRepository as repo } from "./lots.repository";
import type { LocationKind, LotRow, ProductLotRow } from "./lots.tables";
import "./lots.errors";

export interface LotsDeps {
  db: Database;
  clock: Clock;
  epcis: Pick<EpcisService, "captureEventInTransaction">;
  reference: Pick<ReferenceService, "getCommodity" | "getRegion">;
  identity: Pick<IdentityService, "getOrganisation">;
  /** GS1 company prefix for organisations without their own (LUMBUNG_GS1_PREFIX). */
  platformPrefix: string;
  /** Where GS1 Digital Links resolve: Lumbung's public URL (LUMBUNG_PUBLIC_URL). */
  resolver: string;
}

export interface DeclareLotInput {
  commodityCode: string;
  quantity: string;
  unit: QuantityUnit;
  harvestDate: string;
  villageCode: string;
  grade: string;
  farmGatePrice?: number | null | undefined;
  /** Only an admin names the organisation; everyone else declares for their active one. */
  organisationId?: string | undefined;
}

export interface LotListQuery {
  commodity?: string | undefined;
  harvestedFrom?: string | undefined;
  harvestedTo?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Organisation kinds that grow food and so may declare harvest lots. */
const PRODUCER_KINDS = new Set(["koperasi", "farmer"]);
/** Village (desa/kelurahan) codes of Lampung: province 18, then regency, district, village. */
const LAMPUNG_VILLAGE = /^18\.\d{2}\.\d{2}\.\d{4}$/;

/** Thrown inside the transaction when a concurrent request with the same Idempotency-Key won. */
class ReplayedDeclaration extends Error {}

function fieldError(field: string, en: string, id: string): FieldError {
  return { field: `body/${field}`, message: en, messageId: id };
}

/** Kemendagri numbers kelurahan (urban villages) from 1001 and desa (rural villages) from 2001. */
function villagePrefix(code: string): string {
  return code.slice(-4).startsWith("1") ? "Kel." : "Desa";
}

type Actor = Extract<Principal, { type: "user" }>;

/** What Lumbung knows of a lot it numbered, harvest or product, whoever owns it. */
export interface LotFacts {
  kind: "harvest" | "product";
  id: string;
  lgtin: string;
  lotCode: string;
  gtin: string;
  organisationId: string;
  organisationName: string;
  commodityCode: string;
  commodityName: string;
  grams: number;
  grade: string;
  /** Harvest lots: when and where they were grown. */
  harvestDate: string | null;
  villageCode: string | null;
  villageLabel: string | null;
  farmSgln: string | null;
  /** Product lots: when and by which process they were made. */
  productionDate: string | null;
  processCode: string | null;
}

export interface RecordProductLotsInput {
  organisation: { id: string; name: string; gs1CompanyPrefix: string | null };
  declaredBy: string;
  commodity: { code: string; name: string };
  process: { code: string; name: string };
  productionDate: string;
  productionOrder: string | null;
  site: { sgln: string; name: string };
  inputs: ProductLotInput[];
  outputs: { grams: number; grade: string }[];
}

/** The numbers issued for one output, handed to the caller to build the event that makes the lots. */
export interface IssuedProductLot {
  lgtin: string;
  lotCode: string;
  gtin: string;
  grams: number;
  grade: string;
}

export function createLotsService(deps: LotsDeps) {
  const { db, clock, platformPrefix, resolver } = deps;

  function view(row: LotRow) {
    return {
      id: row.id,
      organisation: { id: row.organisationId, name: row.organisationName },
      commodity: { code: row.commodityCode, name: row.commodityName },
      quantity: { value: row.quantity, unit: row.quantityUnit, grams: row.quantityGrams },
      harvestDate: row.harvestDate,
      village: { code: row.villageCode, label: row.villageLabel },
      grade: row.grade,
      farmGatePrice: row.farmGatePrice,
      lotCode: row.lotCode,
      gtin: row.gtin,
      lgtin: row.lgtin,
      digitalLink: gtinDigitalLink(resolver, row.gtin, row.lotCode),
      humanReadable: humanReadable(row.gtin, row.lotCode),
      farm: { gln: row.farmGln, sgln: row.farmSgln },
      eventId: row.eventId,
      declaredAt: row.createdAt.toISOString(),
    };
  }

  function productView(row: ProductLotRow) {
    return {
      id: row.id,
      organisation: { id: row.organisationId, name: row.organisationName },
      commodity: { code: row.commodityCode, name: row.commodityName },
      quantity: { grams: row.quantityGrams, kg: row.quantityGrams / 1000 },
      grade: row.grade,
      productionDate: row.productionDate,
      process: { code: row.processCode, name: row.processName },
      productionOrder: row.productionOrder,
      site: { sgln: row.siteSgln, name: row.siteName },
      inputs: row.inputs,
      lotCode: row.lotCode,
      gtin: row.gtin,
      lgtin: row.lgtin,
      digitalLink: gtinDigitalLink(resolver, row.gtin, row.lotCode),
      humanReadable: humanReadable(row.gtin, row.lotCode),
      eventId: row.eventId,
      producedAt: row.createdAt.toISOString(),
    };
  }

  function harvestFacts(row: LotRow): LotFacts {
    return {
      kind: "harvest",
      id: row.id,
      lgtin: row.lgtin,
      lotCode: row.lotCode,
      gtin: row.gtin,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      commodityCode: row.commodityCode,
      commodityName: row.commodityName,
      grams: row.quantityGrams,
      grade: row.grade,
      harvestDate: row.harvestDate,
      villageCode: row.villageCode,
      villageLabel: row.villageLabel,
      farmSgln: row.farmSgln,
      productionDate: null,
      processCode: null,
    };
  }

  function productFacts(row: ProductLotRow): LotFacts {
    return {
      kind: "product",
      id: row.id,
      lgtin: row.lgtin,
      lotCode: row.lotCode,
      gtin: row.gtin,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      commodityCode: row.commodityCode,
      commodityName: row.commodityName,
      grams: row.quantityGrams,
      grade: row.grade,
      harvestDate: null,
      villageCode: null,
      villageLabel: null,
      farmSgln: null,
      productionDate: row.productionDate,
      processCode: row.processCode,
    };
  }

  /** Product lots are read by the processor that made them, the dinas that oversees processing, and admins. */
  async function visibleProductLot(principal: Principal, id: string): Promise<ProductLotRow> {
    const row = await repo.findProductLot(db, id);
    const visible =
      row &&
      principal.type === "user" &&
      (principal.isAdmin ||
        principal.persona === "dinas" ||
        (principal.organisationId !== null && principal.organisationId === row.organisationId));
    if (!row || !visible) throw new AppError("lots.not_found", `No product lot ${id}`);
    return row;
  }

  function requireActor(principal: Principal): Actor {
    if (principal.type !== "user") throw new AppError("auth.forbidden", "Only people declare harvest lots");
    return principal;
  }

  /** The organisation's own GS1 prefix when it has one, else the platform's. */
  function prefixOf(organisation: { id: string; gs1CompanyPrefix: string | null }): string {
    const own = organisation.gs1CompanyPrefix;
    if (own === null || own === "") return platformPrefix;
    if (!isCompanyPrefix(own)) {
      throw new AppError(
        "lots.invalid_company_prefix",
        `Organisation ${organisation.id} has the GS1 company prefix "${own}", which is not 6 to 12 digits; an admin must correct it before numbers are issued under it`,
      );
    }
    // GS1 never licenses a prefix that begins another one; if the two overlap, keys drawn from their
    // separate counters could coincide, so refuse rather than risk two lots with one GTIN.
    if (own !== platformPrefix && (own.startsWith(platformPrefix) || platformPrefix.startsWith(own))) {
      throw new AppError(
        "lots.invalid_company_prefix",
        `Organisation ${organisation.id} has the GS1 company prefix "${own}", which overlaps Lumbung's platform prefix ${platformPrefix}`,
      );
    }
    return own;
  }

  /**
   * The next reference of `kind` under `prefix`, inside `tx`; never one issued before. Counting starts
   * at 1: reference 0 is left to the prefix holder (by custom its own main GLN or first product).
   */
  async function nextReference(tx: Transaction, kind: KeyKind, prefix: string): Promise<string> {
    const n = await repo.nextNumber(tx, `${kind}:${prefix}`);
    if (n >= referenceCapacity(kind, prefix)) {
      throw new AppError(
        "lots.numbers_exhausted",
        `All ${referenceCapacity(kind, prefix) - 1} ${kind.toUpperCase()} references under prefix ${prefix} are issued; a shorter GS1 company prefix holds more`,
      );
    }
    return formatReference(kind, prefix, n);
  }

  async function tradeItemFor(
    tx: Transaction,
    organisationId: string,
    commodityCode: string,
    prefix: string,
  ) {
    const existing = await repo.findTradeItem(tx, organisationId, commodityCode);
    if (existing) return existing;
    const itemReference = await nextReference(tx, "gtin", prefix);
    const inserted = await repo.insertTradeItem(tx, {
      id: newId("ti"),
      organisationId,
      commodityCode,
      companyPrefix: prefix,
      itemReference,
      gtin: gtin14(prefix, itemReference),
      createdAt: clock.now(),
    });
    if (inserted) return inserted;
    // A concurrent first lot of the same commodity registered it; its GTIN is the one. The number we
    // drew is left unused rather than handed out again.
    const winner = await repo.findTradeItem(tx, organisationId, commodityCode);
    if (!winner) throw new Error(`trade item ${organisationId}/${commodityCode} vanished`);
    return winner;
  }

  /** The organisation's farm (or works) GLN, issued the first time it is needed. */
  async function farmFor(
    tx: Transaction,
    organisationId: string,
    prefix: string,
    kind: LocationKind = "farm",
  ) {
    const existing = await repo.findLocation(tx, organisationId, kind);
    if (existing) return existing;
    const locationReference = await nextReference(tx, "gln", prefix);
    const inserted = await repo.insertLocation(tx, {
      id: newId("gln"),
      organisationId,
      kind,
      companyPrefix: prefix,
      locationReference,
      gln: gln(prefix, locationReference),
      sgln: sglnUri(prefix, locationReference),
      createdAt: clock.now(),
    });
    if (inserted) return inserted;
    const winner = await repo.findLocation(tx, organisationId, kind);
    if (!winner) throw new Error(`${kind} location of ${organisationId} vanished`);
    return winner;
  }

  /** The organisation's party GLN (PGLN), issued the first time an event names the organisation. */
  async function partyFor(tx: Transaction, organisation: { id: string; gs1CompanyPrefix: string | null }) {
    const existing = await repo.findLocation(tx, organisation.id, "party");
    if (existing) return existing;
    const prefix = prefixOf(organisation);
    const reference = await nextReference(tx, "gln", prefix);
    const inserted = await repo.insertLocation(tx, {
      id: newId("gln"),
      organisationId: organisation.id,
      kind: "party",
      companyPrefix: prefix,
      locationReference: reference,
      gln: gln(prefix, reference),
      sgln: pglnUri(prefix, reference),
      createdAt: clock.now(),
    });
    if (inserted) return inserted;
    const winner = await repo.findLocation(tx, organisation.id, "party");
    if (!winner) throw new Error(`party GLN of ${organisation.id} vanished`);
    return winner;
  }

  /** Which organisation a lot is declared for, checked: admins name one, others use their own. */
  async function ownerFor(actor: Actor, input: DeclareLotInput) {
    let organisationId: string;
    if (actor.isAdmin) {
      if (!input.organisationId) {
        throw new AppError("lots.organisation_required", "An admin declares a lot for a named organisation", {
          errors: [
            fieldError(
              "organisationId",
              "required when an admin declares a lot",
              "wajib diisi bila admin yang mendaftarkan lot",
            ),
          ],
        });
      }
      organisationId = input.organisationId;
    } else {
      if (!actor.organisationId) throw new AppError("auth.forbidden", "You act for no organisation");
      if (input.organisationId && input.organisationId !== actor.organisationId) {
        throw new AppError("lots.invalid_declaration", "Lots are declared for your active organisation", {
          errors: [
            fieldError(
              "organisationId",
              "must be your active organisation; switch organisation first",
              "harus organisasi aktif Anda; pindah organisasi terlebih dahulu",
            ),
          ],
        });
      }
      organisationId = actor.organisationId;
    }
    const organisation = await deps.identity.getOrganisation(actor, organisationId);
    if (!PRODUCER_KINDS.has(organisation.kind)) {
      throw new AppError(
        "lots.not_a_producer",
        `${organisation.name} is a ${organisation.kind}; harvest lots are declared by koperasi or farmers`,
      );
    }
    return organisation;
  }

  /** Everything the declaration names that must exist, checked together so every problem is listed at once. */
  async function resolveNames(input: DeclareLotInput) {
    const errors: FieldError[] = [];
    const commodity = await deps.reference.getCommodity(input.commodityCode).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "reference.unknown_commodity") {
        errors.push(
          fieldError(
            "commodityCode",
            `is not a commodity Lumbung knows (see GET /api/v1/commodities)`,
            "bukan komoditas yang dikenal Lumbung (lihat GET /api/v1/commodities)",
          ),
        );
        return null;
      }
      throw err;
    });

    let villageLabel: string | null = null;
    if (!LAMPUNG_VILLAGE.test(input.villageCode)) {
      errors.push(
        fieldError(
          "villageCode",
          "must be the Kemendagri code of a village (desa/kelurahan) in Lampung, e.g. 18.02.01.2001",
          "harus kode Kemendagri sebuah desa/kelurahan di Lampung, misalnya 18.02.01.2001",
        ),
      );
    } else {
      const [village, district, regency] = await Promise.all(
        [input.villageCode, input.villageCode.slice(0, 8), input.villageCode.slice(0, 5)].map((code) =>
          deps.reference.getRegion(code).catch((err: unknown) => {
            if (err instanceof AppError && err.code === "reference.unknown_region") return null;
            throw err;
          }),
        ),
      );
      if (!village || !district || !regency) {
        errors.push(
          fieldError(
            "villageCode",
            "is not a village Kemendagri lists in Lampung",
            "bukan desa/kelurahan di Lampung menurut Kemendagri",
          ),
        );
      } else {
        villageLabel = `${villagePrefix(village.code)} ${village.name}, Kec. ${district.name}, ${regency.name}`;
      }
    }

    if (input.harvestDate > jakartaDate(clock.now())) {
      errors.push(
        fieldError(
          "harvestDate",
          "is in the future; declare a lot once it is harvested",
          "ada di masa depan; daftarkan lot setelah dipanen",
        ),
      );
    }

    if (errors.length || !commodity || !villageLabel) {
      throw new AppError(
        "lots.invalid_declaration",
        errors.map((e) => `${e.field}: ${e.message}`).join("; "),
        {
          errors,
        },
      );
    }
    return { commodity, villageLabel };
  }

  /** What makes two declarations the same, for telling a retry from a reused key. */
  function requestHash(organisationId: string, input: DeclareLotInput, grams: number): string {
    const canonical = JSON.stringify([
      organisationId,
      input.commodityCode,
      grams,
      input.unit,
      input.harvestDate,
      input.villageCode,
      input.grade,
      input.farmGatePrice ?? null,
    ]);
    return createHash("sha256").update(canonical).digest("hex");
  }

  function replay(existing: LotRow, hash: string) {
    if (existing.requestHash !== hash) {
      throw new AppError(
        "lots.idempotency_key_reused",
        `Idempotency-Key was first used for lot ${existing.lotCode} with different data; use a new key for a new lot`,
      );
    }
    return { lot: view(existing), replayed: true };
  }

  async function visibleLot(principal: Principal, id: string): Promise<LotRow> {
    const row = await repo.findLot(db, id);
    const mine =
      row &&
      principal.type === "user" &&
      (principal.isAdmin ||
        (principal.organisationId !== null && principal.organisationId === row.organisationId));
    // Another organisation's lot is "not found": its existence is not ours to reveal.
    if (!row || !mine) throw new AppError("lots.not_found", `No lot ${id}`);
    return row;
  }

  return {
    /** Harvest lots of a commodity declared in a window under a region (supply figures; no scoping). */
    declaredLots: (q: Parameters<typeof declaredLots>[1]) => declaredLots(db, q),
    /**
     * Declares a harvest lot: allocates its GTIN (first lot of the commodity), the farm's GLN (first
     * lot at all), the lot number and LGTIN, and captures the commissioning event, all in one
     * transaction. With an Idempotency-Key, a retry answers with the lot the first call made.
     */
    async declare(principal: Principal, input: DeclareLotInput, idempotencyKey?: string) {
      const actor = requireActor(principal);
      const owner = await ownerFor(actor, input);
      // The route's schema says the same with the same field; callers other than HTTP get it here.
      const grams = toGrams(input.quantity, input.unit);
      if (grams === undefined || grams > MAX_GRAMS) {
        throw new AppError(
          "lots.invalid_declaration",
          `quantity ${input.quantity} ${input.unit} is not accepted`,
          {
            errors: [
              fieldError(
                "quantity",
                "must be more than zero and at most 10,000 t, in whole grams",
                "harus lebih dari nol dan paling banyak 10.000 ton, dalam gram utuh",
              ),
            ],
          },
        );
      }
      const hash = requestHash(owner.id, input, grams);
      if (idempotencyKey) {
        const existing = await repo.findLotByKey(db, owner.id, idempotencyKey);
        if (existing) return replay(existing, hash);
      }
      const { commodity, villageLabel } = await resolveNames(input);
      const prefix = prefixOf(owner);
      // The event is captured as the owner organisation, so it is the owner who can query it back,
      // whoever (a member or an admin acting for them) declared it.
      const capturer: Actor = { ...actor, organisationId: owner.id };

      try {
        const row = await db.transaction(async (tx) => {
          const tradeItem = await tradeItemFor(tx, owner.id, commodity.code, prefix);
          const farm = await farmFor(tx, owner.id, prefix);
          const sequence = await repo.nextNumber(tx, `lot:${owner.id}:${input.harvestDate}`);
          const code = lotCode(input.harvestDate, sequence);
          const lgtin = lgtinUri(tradeItem.companyPrefix, tradeItem.itemReference, code);
          const now = clock.now();
          const event = commissioningEvent({
            lgtin,
            grams,
            farm: farm.sgln,
            declaredAt: now,
            harvestDate: input.harvestDate,
            villageCode: input.villageCode,
            grade: input.grade,
            commodityCode: commodity.code,
            farmGatePrice: input.farmGatePrice ?? null,
          });
          const captured = await deps.epcis.captureEventInTransaction(tx, event, capturer);
          if (!captured.stored) throw new Error(`commissioning event for ${lgtin} was stored before`);
          const inserted = await repo.insertLot(tx, {
            id: newId("lot", now.getTime()),
            organisationId: owner.id,
            organisationName: owner.name,
            tradeItemId: tradeItem.id,
            commodityCode: commodity.code,
            commodityName: commodity.name,
            gtin: tradeItem.gtin,
            lotCode: code,
            lgtin,
            quantityGrams: grams,
            quantity: normaliseDecimal(input.quantity),
            quantityUnit: input.unit,
            harvestDate: input.harvestDate,
            villageCode: input.villageCode,
            villageLabel,
            grade: input.grade,
            farmGatePrice: input.farmGatePrice ?? null,
            farmGln: farm.gln,
            farmSgln: farm.sgln,
            eventId: captured.eventID,
            declaredBy: actor.userId,
            idempotencyKey: idempotencyKey ?? null,
            requestHash: hash,
            createdAt: now,
          });
          // Same key, concurrent request, which committed first: undo ours (numbers, event) whole.
          if (!inserted) throw new ReplayedDeclaration();
          return inserted;
        });
        return { lot: view(row), replayed: false };
      } catch (err) {
        if (!(err instanceof ReplayedDeclaration) || !idempotencyKey) throw err;
        const existing = await repo.findLotByKey(db, owner.id, idempotencyKey);
        if (!existing) throw new Error(`lot under key ${idempotencyKey} vanished`);
        return replay(existing, hash);
      }
    },

    async list(principal: Principal, q: LotListQuery) {
      const actor = requireActor(principal);
      if (!actor.isAdmin && !actor.organisationId) return { items: [], nextCursor: null };
      const rows = await repo.listLots(db, {
        // Admins see every organisation's lots; everyone else their active organisation's.
        organisationId: actor.isAdmin ? null : actor.organisationId,
        commodityCode: q.commodity,
        harvestedFrom: q.harvestedFrom,
        harvestedTo: q.harvestedTo,
        before: q.cursor,
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map(view),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async get(principal: Principal, id: string) {
      return view(await visibleLot(principal, id));
    },

    /** The A6 label of a lot as a PDF, in Bahasa Indonesia, with the lot's Digital Link as a QR code. */
    async labelPdf(principal: Principal, id: string) {
      const lot = view(await visibleLot(principal, id));
      return { lot, pdf: await renderLabelPdf(lot) };
    },

    async qrSvg(principal: Principal, id: string) {
      const lot = view(await visibleLot(principal, id));
      return { lot, svg: await renderQrSvg(lot.digitalLink) };
    },

    /**
     * Issues product lots for the outputs of a production run, inside the caller's transaction: the
     * processor's GTIN for the output commodity (first run of it), a lot number per output, then
     * `capture` (which records the TransformationEvent naming them and answers its eventID), then the
     * product lot rows pointing at that event. Anything failing rolls the numbers back with the rest.
     */
    async recordProductLots(
      tx: Transaction,
      input: RecordProductLotsInput,
      capture: (issued: IssuedProductLot[]) => Promise<string>,
    ) {
      const prefix = prefixOf(input.organisation);
      const tradeItem = await tradeItemFor(tx, input.organisation.id, input.commodity.code, prefix);
      const issued: IssuedProductLot[] = [];
      for (const output of input.outputs) {
        const n = await repo.nextNumber(tx, `product-lot:${input.organisation.id}:${input.productionDate}`);
        const code = productLotCode(input.productionDate, n);
        issued.push({
          lgtin: lgtinUri(tradeItem.companyPrefix, tradeItem.itemReference, code),
          lotCode: code,
          gtin: tradeItem.gtin,
          grams: output.grams,
          grade: output.grade,
        });
      }
      const eventId = await capture(issued);
      const now = clock.now();
      const rows = await repo.insertProductLots(
        tx,
        issued.map((lot) => ({
          id: newId("plot", now.getTime()),
          organisationId: input.organisation.id,
          organisationName: input.organisation.name,
          tradeItemId: tradeItem.id,
          commodityCode: input.commodity.code,
          commodityName: input.commodity.name,
          gtin: lot.gtin,
          lotCode: lot.lotCode,
          lgtin: lot.lgtin,
          quantityGrams: lot.grams,
          grade: lot.grade,
          productionDate: input.productionDate,
          processCode: input.process.code,
          processName: input.process.name,
          productionOrder: input.productionOrder,
          siteSgln: input.site.sgln,
          siteName: input.site.name,
          inputs: input.inputs,
          eventId,
          declaredBy: input.declaredBy,
          createdAt: now,
        })),
      );
      return rows.map(productView);
    },

    /** The product lots a TransformationEvent made (no visibility check: callers scope what they show). */
    async productLotsOfEvents(tx: DbOrTx, eventIds: string[]) {
      return (await repo.findProductLotsByEvent(tx, eventIds)).map(productView);
    },

    async getProductLot(principal: Principal, id: string) {
      return productView(await visibleProductLot(principal, id));
    },

    async listProductLots(
      principal: Principal,
      q: { commodity?: string | undefined; limit: number; cursor?: string | undefined },
    ) {
      const actor = requireActor(principal);
      const all = actor.isAdmin || actor.persona === "dinas";
      if (!all && !actor.organisationId) return { items: [], nextCursor: null };
      const rows = await repo.listProductLots(db, {
        organisationId: all ? null : actor.organisationId,
        commodityCode: q.commodity,
        before: q.cursor,
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map(productView),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /**
     * Harvest and product lots Lumbung numbered, by LGTIN, whoever owns them: for resolving a run's
     * inputs and tracing them to farms. Callers decide what of it a person may see.
     */
    async lotsByLgtin(tx: DbOrTx, lgtins: string[]): Promise<Map<string, LotFacts>> {
      const unique = [...new Set(lgtins)];
      const [harvest, product] = await Promise.all([
        repo.findLotsByLgtin(tx, unique),
        repo.findProductLotsByLgtin(tx, unique),
      ]);
      const out = new Map<string, LotFacts>();
      for (const row of harvest) out.set(row.lgtin, harvestFacts(row));
      for (const row of product) out.set(row.lgtin, productFacts(row));
      return out;
    },

    /** A harvest (`lot_…`) or product (`plot_…`) lot by id, whoever owns it; undefined when none. */
    async lotById(tx: DbOrTx, id: string): Promise<LotFacts | undefined> {
      const harvest = await repo.findLot(tx, id);
      if (harvest) return harvestFacts(harvest);
      const product = await repo.findProductLot(tx, id);
      return product ? productFacts(product) : undefined;
    },

    /**
     * The SGLN of a processor's own works, issued on first use inside the caller's transaction: where
     * its production runs happen when it operates no corridor site.
     */
    async worksSgln(tx: Transaction, organisation: { id: string; gs1CompanyPrefix: string | null }) {
      return (await farmFor(tx, organisation.id, prefixOf(organisation), "works")).sgln;
    },

    /**
     * The PGLN (`urn:epc:id:pgln:…`) events use for an organisation as owning or possessing party,
     * issued on first use inside the caller's transaction.
     */
    async partyPgln(tx: Transaction, organisation: { id: string; gs1CompanyPrefix: string | null }) {
      return (await partyFor(tx, organisation)).sgln;
    },

    /**
     * The commodity of each LGTIN class among `epcs` whose GTIN Lumbung issued (harvest and product
     * lots); other identifiers are left out.
     */
    async commoditiesOf(tx: DbOrTx, epcs: string[]): Promise<Map<string, string>> {
      const parsed = epcs.flatMap((epc) => {
        const m = /^urn:epc:class:lgtin:(\d+)\.\d(\d*)\.[^.]+$/.exec(epc);
        return m ? [{ epc, prefix: m[1] as string, itemReference: m[2] as string }] : [];
      });
      const items = await repo.tradeItemsByReference(tx, parsed);
      const byKey = new Map(items.map((i) => [`${i.companyPrefix}.${i.itemReference}`, i.commodityCode]));
      const out = new Map<string, string>();
      for (const p of parsed) {
        const code = byKey.get(`${p.prefix}.${p.itemReference}`);
        if (code) out.set(p.epc, code);
      }
      return out;
    },

    /** Organisations owning the farm SGLNs and party PGLNs among `uris` (for event participation). */
    async ownersOfLocations(tx: DbOrTx, uris: string[]) {
      return repo.ownersOfLocations(tx, uris);
    },

    /**
     * A new SSCC for a sack, pallet or container of `organisation`, inside the caller's transaction
     * (the packing AggregationEvent that names it commits with the number).
     */
    async allocateSscc(tx: Transaction, organisation: { id: string; gs1CompanyPrefix: string | null }) {
      const prefix = prefixOf(organisation);
      const serialReference = await nextReference(tx, "sscc", prefix);
      const key = sscc(prefix, serialReference);
      return {
        sscc: key,
        epc: ssccUri(prefix, serialReference),
        digitalLink: ssccDigitalLink(resolver, key),
      };
    },
  };
}

/**
 * Gives every corridor site without a GLN one under the platform prefix (run at start, after the
 * reference data): events name hubs and warehouses by these SGLNs, docks and zones as extensions.
 * GLNs come from the same counter as farm and party GLNs, so none is issued twice.
 */
export async function assignSiteGlns(
  db: Database,
  reference: Pick<ReferenceService, "sitesWithoutGln" | "setSiteGln">,
  platformPrefix: string,
) {
  for (const site of await reference.sitesWithoutGln()) {
    const n = await db.transaction((tx) => repo.nextNumber(tx, `gln:${platformPrefix}`));
    const ref = formatReference("gln", platformPrefix, n);
    await reference.setSiteGln(site.code, gln(platformPrefix, ref), sglnUri(platformPrefix, ref));
  }
}

export type LotsService = ReturnType<typeof createLotsService>;
export type LotView = Awaited<ReturnType<LotsService["get"]>>;
export type ProductLotView = Awaited<ReturnType<LotsService["getProductLot"]>>;
