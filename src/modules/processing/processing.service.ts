import type { Database, DbOrTx, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import {
  contentsOf,
  type EpcisService,
  glnKeyOf,
  knownEpcs,
  type Projector,
  type StoredEvent,
  upstreamOf,
} from "../epcis";
import type { IdentityService } from "../identity";
import {
  EPCIS_CONTEXT,
  gramsToKilograms,
  type LotsService,
  LUMBUNG_EPCIS_NAMESPACE,
  wibTimestamp,
} from "../lots";
import type { ReferenceService } from "../reference";
import { checkMassBalance, type ProcessRange, quantityToGrams } from "./domain/mass-balance";
import { productionOrderNumber, productionOrderUri, runEvent } from "./domain/run-event";
import "./processing.errors";
import { renderProductLabelPdf } from "./processing.label";
import { processingRepository as repo } from "./processing.repository";
import type { ProcessRow, ProductionRunRow, RunItem } from "./processing.tables";

export interface ProcessingDeps {
  db: Database;
  clock: Clock;
  epcis: EpcisService;
  lots: LotsService;
  reference: ReferenceService;
  identity: IdentityService;
}

export interface RunInput {
  /** A harvest lot (`lot_…`) or product lot (`plot_…`) id, or the lot's LGTIN; exactly one. */
  lotId?: string | undefined;
  lgtin?: string | undefined;
  /** Whole grams of the lot that went in. */
  grams: number;
}

export interface RecordRunInput {
  processCode: string;
  inputs: RunInput[];
  outputs: { grams: number; grade: string }[];
  productionOrder?: string | undefined;
  /** A corridor site code (`pabrik-tapioka-lampung-tengah`) or SGLN the organisation operates. */
  producedAt?: string | undefined;
  /** YYYY-MM-DD; today in WIB when left out. */
  productionDate?: string | undefined;
  /** Admins only: the processor the run belongs to. */
  organisationId?: string | undefined;
}

export interface RunListQuery {
  flagged?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Actor = Extract<Principal, { type: "user" }>;
type LotFacts = NonNullable<Awaited<ReturnType<LotsService["lotById"]>>>;
type ProductLotView = Awaited<ReturnType<LotsService["getProductLot"]>>;

/** How far back the list of lots a mill may process looks: cassava keeps days, paddy and cherries weeks. */
const CANDIDATE_WINDOW_DAYS = 180;
const CANDIDATE_PAGE = 500;
const CANDIDATE_MAX_PAGES = 20;

const LGTIN = /^urn:epc:class:lgtin:\d+\.\d*\.[^.]+$/;

function fieldError(field: string, en: string, id: string): FieldError {
  return { field: `body/${field}`, message: en, messageId: id };
}

function invalid(errors: FieldError[]): AppError {
  return new AppError("processing.invalid_run", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
    errors,
  });
}

function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object") : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The output commodity an event's ilmd declares (`lb:commodity`, under whatever spelling of the namespace). */
function ilmdCommodity(body: Record<string, unknown>): string | null {
  const ilmd = body.ilmd as Record<string, unknown> | undefined;
  if (!ilmd || typeof ilmd !== "object") return null;
  for (const [key, value] of Object.entries(ilmd)) {
    if (
      (key === "lb:commodity" || key === `${LUMBUNG_EPCIS_NAMESPACE}commodity`) &&
      typeof value === "string"
    ) {
      return value;
    }
  }
  return null;
}

const visibleToAll = (p: Principal) => p.type === "user" && (p.isAdmin || p.persona === "dinas");

export function createProcessingService(deps: ProcessingDeps) {
  const { db, clock, epcis, lots, reference, identity } = deps;

  /**
   * One side of a TransformationEvent as items with mass and commodity. Quantity elements count as
   * given; a container (SSCC) counts as what it holds (its packing events); other instances have no
   * mass Lumbung can know.
   */
  async function sideItems(
    tx: DbOrTx,
    quantityList: unknown,
    epcList: unknown,
    declaredCommodity: string | null,
  ): Promise<RunItem[]> {
    const items: RunItem[] = [];
    for (const q of asList(quantityList)) {
      if (typeof q.epcClass !== "string") continue;
      items.push({ epc: q.epcClass, grams: quantityToGrams(q.quantity, q.uom), commodityCode: null });
    }
    for (const epc of strings(epcList)) {
      const contents = epc.startsWith("urn:epc:id:sscc:") ? await contentsOf(tx, epc) : null;
      if (contents?.quantities.length) {
        for (const q of contents.quantities) {
          items.push({
            epc: q.epcClass,
            grams: quantityToGrams(q.quantity, q.uom),
            commodityCode: null,
            via: epc,
          });
        }
      } else {
        items.push({ epc, grams: null, commodityCode: null });
      }
    }
    const known = await lots.commoditiesOf(
      tx,
      items.map((i) => i.epc),
    );
    for (const item of items) item.commodityCode = known.get(item.epc) ?? declaredCommodity;
    return items;
  }

  async function projectRun(tx: Transaction, event: StoredEvent, ranges: ProcessRow[]) {
    const body = event.body as Record<string, unknown>;
    const inputs = await sideItems(tx, body.inputQuantityList, body.inputEPCList, null);
    const outputs = await sideItems(tx, body.outputQuantityList, body.outputEPCList, ilmdCommodity(body));
    const check = checkMassBalance(inputs, outputs, ranges);
    const order = event.bizTransactions.find((b) => b.type === "prodorder");
    await repo.insertRun(tx, {
      id: newId("run", event.eventTime.getTime()),
      eventPk: event.pk,
      eventId: event.eventID,
      organisationId: event.organisationId,
      processCode: check.processCode,
      productionOrder: order?.value ?? null,
      siteSgln: event.bizLocation ?? event.readPoint,
      inputEpcs: [...new Set(inputs.map((i) => i.epc))],
      outputEpcs: [...new Set(outputs.map((o) => o.epc))],
      inputGrams: check.inputGrams,
      outputGrams: check.outputGrams,
      yieldBp: check.yieldBp,
      flagged: check.flagged,
      flagReason: check.reason,
      minYieldBp: check.minYieldBp,
      maxYieldBp: check.maxYieldBp,
      inputs,
      outputs,
      participants: event.participants,
      at: event.eventTime,
    });
  }

  /**
   * Every TransformationEvent becomes a production run with its mass balance, however it was captured
   * (this module's endpoint or raw through /epcis/capture). It never refuses an event: a run that
   * fails the check is stored and flagged.
   */
  const projector: Projector = {
    name: "processing",
    async project(tx, events) {
      const runs = events.filter(
        (e) => e.type === "TransformationEvent" && e.body.errorDeclaration === undefined,
      );
      if (!runs.length) return;
      const ranges = await repo.listProcesses(tx);
      for (const event of runs) await projectRun(tx, event, ranges);
    },
  };

  async function commodityNames(): Promise<Map<string, { code: string; name: string; nameEn: string }>> {
    const rows = await reference.listCommodities();
    return new Map(rows.map((c) => [c.code, { code: c.code, name: c.name, nameEn: c.nameEn }]));
  }

  function processView(row: ProcessRow, names: Map<string, { code: string; name: string; nameEn: string }>) {
    const commodity = (code: string) => names.get(code) ?? { code, name: code, nameEn: code };
    return {
      code: row.code,
      name: row.name,
      nameEn: row.nameEn,
      input: commodity(row.inputCommodityCode),
      output: commodity(row.outputCommodityCode),
      minYieldPercent: row.minYieldBp / 100,
      maxYieldPercent: row.maxYieldBp / 100,
      source: row.source,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function siteNames(sglns: string[]): Promise<Map<string, string>> {
    const keys = [...new Set(sglns.map(glnKeyOf).filter((k): k is string => k !== null))];
    const sites = await reference.sitesByGlnKeys(keys);
    const byKey = new Map(sites.flatMap((s) => (s.sgln ? [[glnKeyOf(s.sgln), s.name] as const] : [])));
    return new Map(
      sglns.flatMap((s) => (byKey.has(glnKeyOf(s)) ? [[s, byKey.get(glnKeyOf(s)) as string]] : [])),
    );
  }

  /** Runs as the API shows them: names resolved, kilograms, and the product lots the caller may see. */
  async function runViews(principal: Principal, rows: ProductionRunRow[]) {
    if (!rows.length) return [];
    const [processes, names, orgNames, sites, products] = await Promise.all([
      repo.listProcesses(db),
      commodityNames(),
      identity.organisationNames([
        ...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []))),
      ]),
      siteNames(rows.flatMap((r) => (r.siteSgln ? [r.siteSgln] : []))),
      lots.productLotsOfEvents(
        db,
        rows.map((r) => r.eventId),
      ),
    ]);
    const processByCode = new Map(processes.map((p) => [p.code, p]));
    const mine = (lot: ProductLotView) =>
      visibleToAll(principal) ||
      (principal.type === "user" && principal.organisationId === lot.organisation.id);
    const item = (i: RunItem) => ({
      epc: i.epc,
      kg: i.grams === null ? null : gramsToKilograms(i.grams),
      commodity: i.commodityCode
        ? (names.get(i.commodityCode) ?? {
            code: i.commodityCode,
            name: i.commodityCode,
            nameEn: i.commodityCode,
          })
        : null,
      via: i.via ?? null,
    });
    /** The flag in Bahasa Indonesia: the same check again, on what the run stored and the range it met. */
    const reasonId = (r: ProductionRunRow, process: ProcessRow | undefined) => {
      if (!r.flagged) return null;
      const range: ProcessRange[] =
        process && r.minYieldBp !== null && r.maxYieldBp !== null
          ? [{ ...process, minYieldBp: r.minYieldBp, maxYieldBp: r.maxYieldBp }]
          : [];
      return checkMassBalance(r.inputs, r.outputs, range).reasonId ?? r.flagReason;
    };
    return rows.map((r) => {
      const process = r.processCode ? processByCode.get(r.processCode) : undefined;
      return {
        id: r.id,
        eventId: r.eventId,
        at: r.at.toISOString(),
        organisation: r.organisationId
          ? { id: r.organisationId, name: orgNames.get(r.organisationId) ?? r.organisationId }
          : null,
        process: process ? { code: process.code, name: process.name, nameEn: process.nameEn } : null,
        productionOrder: r.productionOrder
          ? productionOrderNumber(LUMBUNG_EPCIS_NAMESPACE, r.productionOrder)
          : null,
        site: r.siteSgln ? { sgln: r.siteSgln, name: sites.get(r.siteSgln) ?? null } : null,
        inputs: r.inputs.map(item),
        outputs: r.outputs.map(item),
        inputKg: gramsToKilograms(r.inputGrams),
        outputKg: gramsToKilograms(r.outputGrams),
        yieldPercent: r.yieldBp === null ? null : r.yieldBp / 100,
        range:
          r.minYieldBp !== null && r.maxYieldBp !== null
            ? { minPercent: r.minYieldBp / 100, maxPercent: r.maxYieldBp / 100 }
            : null,
        flagged: r.flagged,
        flagReason: r.flagReason,
        flagReasonId: reasonId(r, process),
        productLots: products
          .filter((p) => p.eventId === r.eventId && mine(p))
          .map((p) => ({
            id: p.id,
            lotCode: p.lotCode,
            lgtin: p.lgtin,
            kg: p.quantity.kg,
            grade: p.grade,
            digitalLink: p.digitalLink,
          })),
      };
    });
  }

  function requireActor(principal: Principal): Actor {
    if (principal.type !== "user") throw new AppError("auth.forbidden", "Only people record production");
    return principal;
  }

  async function processorFor(actor: Actor, organisationId: string | undefined) {
    let id: string;
    if (actor.isAdmin) {
      if (!organisationId) {
        throw new AppError(
          "processing.organisation_required",
          "An admin records a run for a named processor",
          {
            errors: [
              fieldError(
                "organisationId",
                "required when an admin records a run",
                "wajib diisi bila admin yang mencatat produksi",
              ),
            ],
          },
        );
      }
      id = organisationId;
    } else {
      if (!actor.organisationId) throw new AppError("auth.forbidden", "You act for no organisation");
      if (organisationId && organisationId !== actor.organisationId) {
        throw invalid([
          fieldError(
            "organisationId",
            "must be your active organisation; switch organisation first",
            "harus organisasi aktif Anda; pindah organisasi terlebih dahulu",
          ),
        ]);
      }
      id = actor.organisationId;
    }
    const organisation = await identity.getOrganisation(actor, id);
    if (organisation.kind !== "processor") {
      throw new AppError(
        "processing.not_a_processor",
        `${organisation.name} is a ${organisation.kind}; production runs are recorded by processors`,
      );
    }
    return organisation;
  }

  /**
   * Where the run happened: a corridor site the processor operates (named, or the one it operates),
   * or, with `works`, its own works, whose SGLN is issued inside the run's transaction. Resolved before
   * the transaction opens: reference reads do not run inside it.
   */
  async function siteFor(
    organisation: { id: string; name: string },
    producedAt: string | undefined,
  ): Promise<{ sgln: string; name: string } | "works" | FieldError> {
    const wrongSite = (en: string, id: string) => fieldError("producedAt", en, id);
    if (!producedAt) {
      const operated = (await reference.listSites({})).filter(
        (s) => s.operatorOrganisationId === organisation.id && s.sgln,
      );
      const site = operated.find((s) => s.kind === "mill") ?? operated[0];
      return site?.sgln ? { sgln: site.sgln, name: site.name } : "works";
    }
    let site: Awaited<ReturnType<ReferenceService["getSite"]>> | undefined;
    if (producedAt.startsWith("urn:epc:id:sgln:")) {
      const key = glnKeyOf(producedAt);
      [site] = key ? await reference.sitesByGlnKeys([key]) : [];
      if (!site) {
        const owners = await lots.ownersOfLocations(db, [producedAt.replace(/\.[^.]*$/, ".0")]);
        if (owners.some((o) => o.organisationId === organisation.id && o.kind === "works")) return "works";
      }
    } else {
      site = await reference.getSite(producedAt).catch((err: unknown) => {
        if (err instanceof AppError && err.code === "reference.unknown_site") return undefined;
        throw err;
      });
    }
    if (!site) {
      return wrongSite(
        "is not a corridor site (see GET /api/v1/sites) or your own works' SGLN",
        "bukan lokasi koridor (lihat GET /api/v1/sites) atau SGLN pabrik Anda sendiri",
      );
    }
    if (site.operatorOrganisationId !== organisation.id) {
      return wrongSite(
        `${site.name} is operated by another organisation`,
        `${site.name} dikelola organisasi lain`,
      );
    }
    if (!site.sgln) return wrongSite(`${site.name} has no GLN yet`, `${site.name} belum memiliki GLN`);
    return { sgln: producedAt.startsWith("urn:") ? producedAt : site.sgln, name: site.name };
  }

  /** The lots a run names, resolved and checked together so every problem is listed at once. */
  async function resolveInputs(inputs: RunInput[], process: ProcessRow) {
    const errors: FieldError[] = [];
    const resolved: { epc: string; grams: number; facts: LotFacts | null }[] = [];
    const byLgtin = await lots.lotsByLgtin(
      db,
      inputs.flatMap((i) => (i.lgtin ? [i.lgtin] : [])),
    );
    const named = new Set(
      await knownEpcs(
        db,
        inputs.flatMap((i) => (i.lgtin && !byLgtin.has(i.lgtin) ? [i.lgtin] : [])),
      ),
    );
    for (const [index, input] of inputs.entries()) {
      let facts: LotFacts | null = null;
      let epc: string;
      if (input.lotId) {
        const found = await lots.lotById(db, input.lotId);
        if (!found) {
          errors.push(
            fieldError(
              `inputs/${index}/lotId`,
              "is not a lot Lumbung knows",
              "bukan lot yang dikenal Lumbung",
            ),
          );
          continue;
        }
        facts = found;
        epc = found.lgtin;
      } else {
        epc = input.lgtin as string;
        facts = byLgtin.get(epc) ?? null;
        if (!facts && !named.has(epc)) {
          errors.push(
            fieldError(
              `inputs/${index}/lgtin`,
              "is not a lot any recorded event names",
              "bukan lot yang tercatat dalam event mana pun",
            ),
          );
          continue;
        }
      }
      if (resolved.some((r) => r.epc === epc)) {
        errors.push(
          fieldError(
            `inputs/${index}`,
            "names a lot already listed; give its total mass once",
            "menyebut lot yang sudah tercantum; tulis jumlahnya sekali saja",
          ),
        );
        continue;
      }
      if (facts && facts.commodityCode !== process.inputCommodityCode) {
        errors.push(
          fieldError(
            `inputs/${index}`,
            `is ${facts.commodityName} (${facts.commodityCode}); ${process.code} takes ${process.inputCommodityCode}`,
            `berisi ${facts.commodityName} (${facts.commodityCode}); ${process.code} mengolah ${process.inputCommodityCode}`,
          ),
        );
        continue;
      }
      resolved.push({ epc, grams: input.grams, facts });
    }
    return { resolved, errors };
  }

  async function visibleRun(principal: Principal, id: string): Promise<ProductionRunRow> {
    const row = await repo.findRun(db, id);
    const visible =
      row &&
      (visibleToAll(principal) ||
        (principal.type === "user" &&
          principal.organisationId !== null &&
          row.participants.includes(principal.organisationId)));
    if (!row || !visible) throw new AppError("processing.run_not_found", `No production run ${id}`);
    return row;
  }

  return {
    projector,

    async listProcesses() {
      const [rows, names] = await Promise.all([repo.listProcesses(db), commodityNames()]);
      return rows.map((r) => processView(r, names));
    },

    /** Admins change a process's yield range; runs already checked keep the range they were checked against. */
    async updateProcess(
      code: string,
      input: { minYieldPercent: number; maxYieldPercent: number; source: string },
    ) {
      const minYieldBp = Math.round(input.minYieldPercent * 100);
      const maxYieldBp = Math.round(input.maxYieldPercent * 100);
      if (minYieldBp > maxYieldBp) {
        throw new AppError("processing.invalid_range", "minYieldPercent must not exceed maxYieldPercent", {
          errors: [
            fieldError(
              "minYieldPercent",
              "must not exceed maxYieldPercent",
              "tidak boleh melebihi maxYieldPercent",
            ),
          ],
        });
      }
      const row = await repo.updateRange(db, code, {
        minYieldBp,
        maxYieldBp,
        source: input.source,
        updatedAt: clock.now(),
      });
      if (!row) throw new AppError("processing.process_not_found", `No process ${code}`);
      return processView(row, await commodityNames());
    },

    /**
     * Records a production run: the product lots (numbers under the processor's GTIN for the output
     * commodity) and ONE TransformationEvent naming inputs and outputs, in one transaction; the
     * projection checks its mass balance in the same transaction. Answers the run as stored.
     */
    async recordRun(principal: Principal, input: RecordRunInput) {
      const actor = requireActor(principal);
      const organisation = await processorFor(actor, input.organisationId);
      const process = await repo.findProcess(db, input.processCode);
      if (!process) {
        throw invalid([
          fieldError(
            "processCode",
            "is not a process Lumbung knows (see GET /api/v1/processing/processes)",
            "bukan proses yang dikenal Lumbung (lihat GET /api/v1/processing/processes)",
          ),
        ]);
      }
      const { resolved, errors } = await resolveInputs(input.inputs, process);
      const today = jakartaDate(clock.now());
      const productionDate = input.productionDate ?? today;
      if (productionDate > today) {
        errors.push(
          fieldError(
            "productionDate",
            "is in the future; record a run once it is done",
            "ada di masa depan; catat produksi setelah selesai",
          ),
        );
      }
      const where = await siteFor(organisation, input.producedAt);
      if (typeof where === "object" && "field" in where) errors.push(where);
      if (errors.length) throw invalid(errors);
      const commodity = await reference.getCommodity(process.outputCommodityCode);
      const capturer: Actor = { ...actor, organisationId: organisation.id };

      const eventId = await db.transaction(async (tx) => {
        const site =
          where === "works"
            ? { sgln: await lots.worksSgln(tx, organisation), name: organisation.name }
            : (where as { sgln: string; name: string });
        const owner = await lots.partyPgln(tx, organisation);
        const order = input.productionOrder
          ? productionOrderUri(LUMBUNG_EPCIS_NAMESPACE, organisation.id, input.productionOrder)
          : null;
        let captured = "";
        await lots.recordProductLots(
          tx,
          {
            organisation,
            declaredBy: actor.userId,
            commodity: { code: commodity.code, name: commodity.name },
            process: { code: process.code, name: process.name },
            productionDate,
            productionOrder: input.productionOrder ?? null,
            site,
            inputs: resolved.map((r) => ({
              epc: r.epc,
              grams: r.grams,
              commodityCode: r.facts?.commodityCode ?? null,
            })),
            outputs: input.outputs,
          },
          async (issued) => {
            const event = runEvent({
              context: [EPCIS_CONTEXT, { lb: LUMBUNG_EPCIS_NAMESPACE }],
              eventTime: wibTimestamp(clock.now()),
              inputs: resolved.map((r) => ({ epc: r.epc, kilograms: gramsToKilograms(r.grams) })),
              outputs: issued.map((o) => ({
                lgtin: o.lgtin,
                kilograms: gramsToKilograms(o.grams),
                grade: o.grade,
              })),
              site: site.sgln,
              owner,
              productionOrder: order,
              commodityCode: commodity.code,
              processCode: process.code,
              productionDate,
            });
            const result = await epcis.captureEventInTransaction(tx, event, capturer);
            if (!result.stored) throw new Error(`the TransformationEvent of this run was stored before`);
            captured = result.eventID;
            return result.eventID;
          },
        );
        return captured;
      });
      const row = await repo.findRunByEvent(db, eventId);
      if (!row) throw new Error(`production run of event ${eventId} was not projected`);
      const [view] = await runViews(principal, [row]);
      return view as NonNullable<typeof view>;
    },

    /** Runs the caller's organisation took part in (dinas and admins: all), newest first. */
    async listRuns(principal: Principal, q: RunListQuery) {
      const all = visibleToAll(principal);
      const organisationId = principal.type === "user" ? principal.organisationId : null;
      if (!all && !organisationId) return { items: [], nextCursor: null };
      const rows = await repo.listRuns(db, {
        organisationId: all ? null : organisationId,
        flagged: q.flagged,
        from: q.from,
        to: q.to,
        before: q.cursor,
        limit: q.limit,
      });
      const page = rows.slice(0, q.limit);
      return {
        items: await runViews(principal, page),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /** One run, with each input traced upstream (through packing and earlier processing) to the farms. */
    async getRun(principal: Principal, id: string) {
      const row = await visibleRun(principal, id);
      const [view] = await runViews(principal, [row]);
      const origins = await Promise.all(
        row.inputEpcs.map(async (epc) => {
          const upstream = await upstreamOf(db, epc);
          const lineage = [epc, ...upstream.map((n) => n.epc)];
          const facts = await lots.lotsByLgtin(
            db,
            lineage.filter((e) => LGTIN.test(e)),
          );
          const depth = new Map(upstream.map((n) => [n.epc, n.depth]));
          const farms = lineage.flatMap((lot) => {
            const f = facts.get(lot);
            if (f?.kind !== "harvest") return [];
            return [
              {
                lgtin: f.lgtin,
                lotCode: f.lotCode,
                organisation: { id: f.organisationId, name: f.organisationName },
                commodity: { code: f.commodityCode, name: f.commodityName },
                harvestDate: f.harvestDate,
                village: f.villageCode ? { code: f.villageCode, label: f.villageLabel } : null,
                farmSgln: f.farmSgln,
                kg: gramsToKilograms(f.grams),
                depth: depth.get(lot) ?? 0,
              },
            ];
          });
          return { input: epc, farms };
        }),
      );
      return { ...(view as NonNullable<typeof view>), origins };
    },

    /**
     * Lots the caller's organisation may feed a run: harvest and product lots Lumbung numbered that
     * events it took part in named in the last 180 days (received at its mill, directly or on a
     * pallet), of a commodity some process takes.
     */
    async inputCandidates(principal: Principal, q: { commodity?: string | undefined }) {
      const actor = requireActor(principal);
      const processes = await repo.listProcesses(db);
      const inputCommodities = new Set(processes.map((p) => p.inputCommodityCode));
      const classes = new Set<string>();
      const containers = new Set<string>();
      let after = newId("evt", clock.now().getTime() - CANDIDATE_WINDOW_DAYS * 86_400_000);
      for (let page = 0; page < CANDIDATE_MAX_PAGES; page++) {
        const { rows, nextAfter } = await epcis.query([], actor, { perPage: CANDIDATE_PAGE, after });
        for (const { body } of rows) {
          const event = body as Record<string, unknown>;
          for (const field of [
            "quantityList",
            "childQuantityList",
            "outputQuantityList",
            "inputQuantityList",
          ]) {
            for (const q of asList(event[field])) if (typeof q.epcClass === "string") classes.add(q.epcClass);
          }
          for (const field of ["epcList", "childEPCs", "inputEPCList", "outputEPCList"]) {
            for (const epc of strings(event[field]))
              if (epc.startsWith("urn:epc:id:sscc:")) containers.add(epc);
          }
          if (typeof event.parentID === "string" && event.parentID.startsWith("urn:epc:id:sscc:")) {
            containers.add(event.parentID);
          }
        }
        if (!nextAfter) break;
        after = nextAfter;
      }
      for (const sscc of containers) {
        for (const c of (await contentsOf(db, sscc)).quantities) classes.add(c.epcClass);
      }
      const facts = await lots.lotsByLgtin(
        db,
        [...classes].filter((c) => LGTIN.test(c)),
      );
      return [...facts.values()]
        .filter(
          (f) => inputCommodities.has(f.commodityCode) && (!q.commodity || f.commodityCode === q.commodity),
        )
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .map((f) => ({
          id: f.id,
          kind: f.kind,
          lgtin: f.lgtin,
          lotCode: f.lotCode,
          organisation: { id: f.organisationId, name: f.organisationName },
          commodity: { code: f.commodityCode, name: f.commodityName },
          kg: gramsToKilograms(f.grams),
          harvestDate: f.harvestDate,
          villageLabel: f.villageLabel,
          productionDate: f.productionDate,
        }));
    },

    listProductLots: (
      principal: Principal,
      q: { commodity?: string | undefined; limit: number; cursor?: string | undefined },
    ) => lots.listProductLots(principal, q),

    getProductLot: (principal: Principal, id: string) => lots.getProductLot(principal, id),

    /** A product lot's A6 label: what it is, the mill, the production date, and the farms it came from. */
    async productLabelPdf(principal: Principal, id: string) {
      const lot = await lots.getProductLot(principal, id);
      const origins = await lots.lotsByLgtin(
        db,
        lot.inputs.map((i) => i.epc),
      );
      const sources = [...new Set([...origins.values()].map((o) => o.organisationName))];
      return { lot, pdf: await renderProductLabelPdf({ ...lot, sources }) };
    },
  };
}

export type ProcessingService = ReturnType<typeof createProcessingService>;
