/**
 * Packing lots into sacks and pallets: a new SSCC from the packer's GS1 numbers and the
 * AggregationEvent (ADD, packing, container_closed) that fills it, in one transaction.
 */
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import { cbvTerm, eventsNaming } from "../epcis";
import { toGrams } from "../lots";
import { withExtension } from "./domain/codes";
import { gramsFromKg, kilograms } from "./domain/mass";
import { type Context, fieldError, refuse } from "./shipments.context";
import { packingEvent } from "./shipments.events";
import { shipmentsRepository as repo } from "./shipments.repository";
import { digitalLinkOf, ssccDigits } from "./shipments.view";

export interface PackInput {
  containerType: "sack" | "pallet";
  /** Where the packing happens: a site the packer operates or a shared warehouse; the packer's farm when left out. */
  siteCode?: string | undefined;
  lines: { lotId?: string | undefined; epcClass?: string | undefined; kg: number | string }[];
}

const LGTIN = /^urn:epc:class:lgtin:\d{6,12}\.\d+\.\S{1,20}$/;

export function createPacking(ctx: Context) {
  const { db } = ctx;
  const { clock, lots, resolver } = ctx.deps;

  /** Where a lot came into being (its commissioning event's place), if the organisation declared it. */
  async function farmOfLot(organisationId: string, lgtin: string): Promise<string | null> {
    for (const { body, organisationId: capturer } of await eventsNaming(db, [lgtin])) {
      const step = typeof body.bizStep === "string" ? cbvTerm("bizStep", body.bizStep) : null;
      const place = (body.bizLocation as { id?: unknown } | undefined)?.id;
      if (step === "commissioning" && capturer === organisationId && typeof place === "string") return place;
    }
    return null;
  }

  function view(row: NonNullable<Awaited<ReturnType<typeof repo.container>>>) {
    const digits = ssccDigits(row.epc);
    return {
      epc: row.epc,
      sscc: digits,
      digitalLink: digitalLinkOf(resolver, row.epc),
      containerType: row.containerType,
      kg: kilograms(row.grams),
      location: row.location,
      packedAt: row.packedAt.toISOString(),
      eventId: row.eventId,
    };
  }

  return {
    async pack(principal: Principal, input: PackInput) {
      const a = ctx.actor(principal);
      const packerId = ctx.organisationOf(a);
      const packer = await ctx.organisation(db, packerId);
      if (!packer) throw new AppError("shipments.no_organisation", `No organisation ${packerId}`);
      const errors: FieldError[] = [];
      const children: { epcClass: string; grams: number }[] = [];
      for (const [i, line] of input.lines.entries()) {
        let epcClass = line.epcClass?.trim();
        if (line.lotId) {
          try {
            epcClass = (await lots.get(a, line.lotId)).lgtin;
          } catch (err) {
            if (!(err instanceof AppError && err.code === "lots.not_found")) throw err;
            errors.push(
              fieldError(
                `lines/${i}/lotId`,
                "is not a lot of your organisation",
                "bukan lot organisasi Anda",
              ),
            );
            continue;
          }
        }
        if (!epcClass || !LGTIN.test(epcClass)) {
          errors.push(
            fieldError(
              `lines/${i}/epcClass`,
              "give lotId or the lot's LGTIN (urn:epc:class:lgtin:…)",
              "isi lotId atau LGTIN lot (urn:epc:class:lgtin:…)",
            ),
          );
          continue;
        }
        const grams =
          typeof line.kg === "number" ? gramsFromKg(line.kg) : toGrams(String(line.kg).trim(), "kg");
        if (!grams) {
          errors.push(
            fieldError(
              `lines/${i}/kg`,
              "must be more than zero, in kilograms to the gram",
              "harus lebih dari nol, dalam kilogram sampai gram",
            ),
          );
          continue;
        }
        if (children.some((c) => c.epcClass === epcClass)) {
          errors.push(fieldError(`lines/${i}/epcClass`, "appears twice", "muncul dua kali"));
          continue;
        }
        const balance = await ctx.lotBalance(packerId, epcClass);
        if (balance.declaredGrams === 0) {
          errors.push(
            fieldError(
              `lines/${i}/epcClass`,
              "is not a lot declared in Lumbung",
              "bukan lot yang terdaftar di Lumbung",
            ),
          );
          continue;
        }
        // A producer's own lot: what it declared, less what it packed or shipped loose. Anyone else's:
        // at least no more than the lot ever held.
        const available = balance.declaredByOrganisation
          ? balance.declaredGrams -
            balance.packedGrams -
            (await repo.looseGramsShipped(db, packerId, epcClass))
          : balance.declaredGrams;
        if (grams > available) {
          errors.push(
            fieldError(
              `lines/${i}/kg`,
              `is more than the ${kilograms(Math.max(0, available))} kg of this lot left to pack (declared ${kilograms(balance.declaredGrams)} kg)`,
              `melebihi ${kilograms(Math.max(0, available))} kg sisa lot ini yang dapat dikemas (terdaftar ${kilograms(balance.declaredGrams)} kg)`,
            ),
          );
          continue;
        }
        children.push({ epcClass, grams });
      }

      let location: string | null = null;
      if (input.siteCode) {
        const site = await ctx.places.site(input.siteCode);
        if (!site?.sgln) {
          errors.push(
            fieldError("siteCode", "is not a site Lumbung knows", "bukan lokasi yang dikenal Lumbung"),
          );
        } else if (!a.isAdmin && site.operatorOrganisationId !== packerId && site.kind !== "warehouse") {
          errors.push(
            fieldError(
              "siteCode",
              "is not a site your organisation operates or a shared warehouse",
              "bukan lokasi yang dikelola organisasi Anda atau gudang bersama",
            ),
          );
        } else {
          location =
            site.kind === "hub" || site.kind === "warehouse" ? withExtension(site.sgln, "dock") : site.sgln;
        }
      } else if (children[0]) {
        location = await farmOfLot(packerId, children[0].epcClass);
        if (!location) {
          errors.push(
            fieldError(
              "siteCode",
              "is required: these lots were not declared at a farm of yours",
              "wajib diisi: lot ini tidak terdaftar di kebun Anda",
            ),
          );
        }
      }
      if (errors.length || !location) refuse("shipments.invalid_packing", errors);

      const now = clock.now();
      const packed = await db.transaction(async (tx) => {
        const sscc = await lots.allocateSscc(tx, packer);
        const [eventId] = await ctx.capture(
          tx,
          [
            packingEvent({
              at: now,
              parent: sscc.epc,
              children,
              location: location as string,
              containerType: input.containerType,
            }),
          ],
          a,
          packerId,
        );
        return { ...sscc, eventId };
      });
      return {
        sscc: packed.sscc,
        epc: packed.epc,
        digitalLink: packed.digitalLink,
        containerType: input.containerType,
        location,
        contents: children.map((c) => ({ epcClass: c.epcClass, kg: kilograms(c.grams) })),
        kg: kilograms(children.reduce((s, c) => s + c.grams, 0)),
        eventId: packed.eventId as string,
        packedAt: now.toISOString(),
      };
    },

    /** Containers the organisation packed that still hold something, newest first. */
    async containers(principal: Principal, limit: number) {
      const a = ctx.actor(principal);
      const org = a.isAdmin && !a.organisationId ? null : ctx.organisationOf(a);
      const rows = await repo.containersOf(db, org, limit);
      const open = await repo.openLinesFor(
        db,
        rows.map((r) => r.epc),
      );
      return {
        items: rows.map((r) => ({
          ...view(r),
          onShipment: open.find((o) => o.line.epc === r.epc)?.shipment.number ?? null,
        })),
      };
    },
  };
}
