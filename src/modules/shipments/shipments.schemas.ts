/** Request and response shapes of the shipments, packing and hub routes. */
import { z } from "zod";
import { bilingual } from "../../http/errors";
import { ROUTES, SHIPMENT_STATUSES } from "./shipments.tables";

const Iso = z.string().meta({ description: "RFC 3339 instant (UTC); shown in WIB by the web app" });
const IsoOrNull = Iso.nullable();
const Named = z.object({ sgln: z.string(), name: z.string() });
const Org = z.object({ id: z.string(), name: z.string() });

const Kg = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(
        /^\d{1,9}(\.\d{1,3})?$/,
        bilingual("kilograms, e.g. 500 or 12.5", "kilogram, misalnya 500 atau 12.5"),
      ),
  ])
  .refine((v) => Number(v) > 0, { message: bilingual("must be more than zero", "harus lebih dari nol") })
  .meta({ description: "Kilograms (to the gram): a number or a decimal string" });

const LineIn = z.union([
  z
    .object({
      epc: z.string().trim().min(1).max(200).meta({ description: "LGTIN of a lot: urn:epc:class:lgtin:…" }),
      kg: Kg,
    })
    .strict(),
  z
    .object({
      sscc: z.string().trim().min(1).max(200).meta({
        description:
          "SSCC as an EPC URI, 18 digits or a GS1 Digital Link …/00/<SSCC>; its mass comes from its packing",
      }),
    })
    .strict(),
]);

export const CreateShipmentBody = z
  .object({
    receiverOrganisationId: z
      .string()
      .min(1)
      .max(100)
      .meta({ description: "From GET /api/v1/shipments/parties" }),
    originSiteCode: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "Site the goods leave (GET /api/v1/sites); the shipper's farm when left out" }),
    destinationSiteCode: z.string().trim().min(1).max(64),
    route: z
      .enum(ROUTES)
      .meta({ description: "roro (via Panjang–Priok), ferry (Bakauheni–Merak) or direct (one truck)" }),
    lines: z.array(LineIn).min(1).max(100),
    poReference: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "The buyer's purchase-order number" }),
    plannedDeparture: z.iso.datetime({ offset: true }).meta({ description: "When the first leg leaves" }),
    legs: z
      .array(
        z
          .object({
            seq: z.number().int().min(1).max(10),
            carrierOrganisationId: z.string().min(1).max(100).optional(),
            carrierName: z
              .string()
              .trim()
              .min(1)
              .max(120)
              .optional()
              .meta({ description: "A carrier without a Lumbung account" }),
            vehicle: z
              .string()
              .trim()
              .max(60)
              .optional()
              .meta({ description: "Plate number, ship or ferry name" }),
          })
          .strict(),
      )
      .max(10)
      .optional()
      .meta({
        description: "Carrier and vehicle per planned leg (GET /api/v1/shipments/plan shows the legs)",
      }),
    notes: z.string().trim().max(500).optional(),
  })
  .strict();

export const PlanQuery = z.object({
  route: z.enum(ROUTES),
  originSiteCode: z.string().trim().min(1).max(64).optional(),
  destinationSiteCode: z.string().trim().min(1).max(64),
  plannedDeparture: z.iso.datetime({ offset: true }),
});

export const ListQuery = z.object({
  role: z.enum(["sent", "received", "carrying"]).optional().meta({
    description: "sent: shipped by your organisation; received: addressed to it; carrying: it carries a leg",
  }),
  status: z.enum(SHIPMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});

export const LegParams = z.object({
  id: z.string().min(1).max(100),
  seq: z.coerce.number().int().min(1).max(10),
});

export const ReceiveBody = z
  .object({
    lines: z
      .array(
        z
          .object({
            lineNo: z.number().int().min(1),
            acceptedKg: z.number().min(0),
            rejectedKg: z.number().min(0),
            reason: z
              .string()
              .trim()
              .max(300)
              .optional()
              .meta({ description: "Required when rejectedKg > 0" }),
            rejectedAs: z
              .enum(["non_conformant", "damaged"])
              .optional()
              .meta({ description: "Default non_conformant" }),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    receiverName: z.string().trim().max(120).optional().meta({ description: "Who signed for the goods" }),
    photo: z
      .string()
      .max(420_000)
      .optional()
      .meta({ description: "data:image/jpeg|png;base64,… up to 300 kB" }),
    signature: z
      .string()
      .max(420_000)
      .optional()
      .meta({ description: "data:image/png|jpeg;base64,… up to 300 kB" }),
  })
  .strict();

export const PackBody = z
  .object({
    containerType: z.enum(["sack", "pallet"]),
    siteCode: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "Where the packing happens; your farm when left out" }),
    lines: z
      .array(
        z
          .object({
            lotId: z.string().min(1).max(100).optional().meta({ description: "From GET /api/v1/lots" }),
            epcClass: z.string().trim().min(1).max(200).optional().meta({ description: "LGTIN of the lot" }),
            kg: Kg,
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const HubParams = z.object({ siteCode: z.string().min(1).max(64) });
export const HubShipmentParams = z.object({
  siteCode: z.string().min(1).max(64),
  id: z.string().min(1).max(100),
});

export const ScanBody = z.object({
  code: z.string().trim().min(1).max(300).meta({
    description:
      "SSCC (18 digits, EPC URI or Digital Link …/00/…), a shipment number SJ-YYYYMM-NNNNNN, or a lot's Digital Link",
  }),
});

export const InspectBody = z
  .object({
    outcome: z.enum(["conformant", "non_conformant", "damaged"]),
    reason: z.string().trim().max(300).optional().meta({ description: "Required unless conformant" }),
    lines: z
      .array(z.object({ lineNo: z.number().int().min(1), kg: z.number().min(0) }).strict())
      .max(100)
      .optional()
      .meta({ description: "Mass found per line (kg); lines left out are taken as shipped" }),
  })
  .strict();

export const HoldBody = z.object({ reason: z.string().trim().min(1).max(300) }).strict();
export const ReleaseBody = z.object({ reason: z.string().trim().max(300).optional() }).strict();

export const PeriodQuery = z.object({
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: "Start (default: 30 days before `to`)" }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: "End, exclusive (default: now)" }),
});

export const ReportQuery = PeriodQuery.extend({ format: z.enum(["json", "csv"]).default("json") });

// Responses -------------------------------------------------------------------------------------

const Totals = z.object({
  lines: z.number().int(),
  shippedKg: z.number(),
  acceptedKg: z.number().nullable(),
  rejectedKg: z.number().nullable(),
});

export const ShipmentSummary = z
  .object({
    id: z.string(),
    number: z.string().meta({ description: "SJ-YYYYMM-NNNNNN" }),
    status: z.enum(SHIPMENT_STATUSES),
    route: z.enum(ROUTES),
    shipper: Org,
    receiver: Org,
    origin: Named,
    destination: Named,
    current: z
      .object({ sgln: z.string(), name: z.string().nullable(), legSeq: z.number().int().nullable() })
      .nullable(),
    plannedDeparture: IsoOrNull,
    plannedArrival: IsoOrNull,
    eta: IsoOrNull,
    heldReason: z.string().nullable(),
    dispatchedAt: IsoOrNull,
    deliveredAt: IsoOrNull,
    createdAt: Iso,
    totals: Totals,
  })
  .meta({ id: "ShipmentSummary" });

const Leg = z.object({
  seq: z.number().int(),
  mode: z.enum(["truck", "roro", "ferry"]),
  from: Named,
  to: Named,
  carrier: z.object({ id: z.string().nullable(), name: z.string() }),
  vehicle: z.string(),
  bol: z.string().nullable(),
  plannedDeparture: Iso,
  plannedArrival: Iso,
  actualDeparture: IsoOrNull,
  actualArrival: IsoOrNull,
  eta: IsoOrNull,
  status: z.enum(["planned", "underway", "arrived"]),
});

const Line = z.object({
  lineNo: z.number().int(),
  epc: z.string(),
  kind: z.enum(["lot", "container"]),
  commodityCode: z.string().nullable(),
  description: z.string(),
  digitalLink: z.string().nullable(),
  shippedKg: z.number(),
  acceptedKg: z.number().nullable(),
  rejectedKg: z.number().nullable(),
  rejectionReason: z.string().nullable(),
});

const Visit = z.object({
  hub: z.object({ sgln: z.string(), name: z.string().nullable() }),
  arrivedAt: Iso,
  inspectedAt: IsoOrNull,
  inspectionOutcome: z.string().nullable(),
  inspectionNote: z.string().nullable(),
  inspectionLossKg: z.number().nullable(),
  heldAt: IsoOrNull,
  holdReason: z.string().nullable(),
  releasedAt: IsoOrNull,
  stagedAt: IsoOrNull,
  departedAt: IsoOrNull,
  dwellMinutes: z.number().int(),
});

export const ShipmentDetail = ShipmentSummary.extend({
  desadv: z
    .string()
    .meta({ description: "bizTransaction (type desadv) every event of this shipment carries" }),
  poReference: z.string().nullable(),
  notes: z.string().nullable(),
  lines: z.array(Line),
  legs: z.array(Leg),
  history: z.array(
    z.object({
      at: Iso,
      eventId: z.string(),
      bizStep: z.string().nullable(),
      disposition: z.string().nullable(),
      place: z.object({ sgln: z.string(), name: z.string().nullable() }).nullable(),
      note: z.string().nullable(),
    }),
  ),
  hubVisits: z.array(Visit),
  proofOfDelivery: z
    .object({
      recadv: z.string(),
      receiverName: z.string().nullable(),
      receivedAt: Iso,
      photo: z
        .string()
        .nullable()
        .meta({ description: "Shown to the shipper, the receiver and admins only" }),
      signature: z.string().nullable(),
    })
    .nullable(),
  excursions: z.array(
    z.object({
      epc: z.string(),
      measurement: z.string(),
      value: z.number(),
      uom: z.string(),
      limit: z.number(),
      direction: z.enum(["above", "below"]),
      at: Iso,
      place: z.object({ sgln: z.string(), name: z.string().nullable() }).nullable(),
    }),
  ),
  can: z
    .object({
      dispatch: z.boolean(),
      cancel: z.boolean(),
      receive: z.boolean(),
      departLeg: z.number().int().nullable(),
      arriveLeg: z.number().int().nullable(),
    })
    .meta({ description: "What the caller may do now (for the web's buttons)" }),
}).meta({ id: "Shipment" });

export const ShipmentPage = z.object({ items: z.array(ShipmentSummary), nextCursor: z.string().nullable() });

export const Parties = z.object({
  receivers: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), regionCode: z.string().nullable() }),
  ),
  carriers: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), regionCode: z.string().nullable() }),
  ),
});

export const Plan = z.object({
  route: z.enum(ROUTES),
  legs: z.array(
    z.object({
      seq: z.number().int(),
      mode: z.enum(["truck", "roro", "ferry"]),
      from: Named,
      to: Named,
      plannedDeparture: Iso,
      plannedArrival: Iso,
    }),
  ),
});

export const Packed = z.object({
  sscc: z.string().meta({ description: "18 digits" }),
  epc: z.string(),
  digitalLink: z.string(),
  containerType: z.enum(["sack", "pallet"]),
  location: z.string().nullable(),
  contents: z.array(z.object({ epcClass: z.string(), kg: z.number() })),
  kg: z.number(),
  eventId: z.string(),
  packedAt: Iso,
});

export const Containers = z.object({
  items: z.array(
    z.object({
      epc: z.string(),
      sscc: z.string().nullable(),
      digitalLink: z.string().nullable(),
      containerType: z.string().nullable(),
      kg: z.number(),
      location: z.string().nullable(),
      packedAt: Iso,
      eventId: z.string(),
      onShipment: z.string().nullable().meta({ description: "Number of the open shipment carrying it" }),
    }),
  ),
});

export const HubEntry = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    shipper: Org,
    receiver: Org,
    destination: Named,
    shippedKg: z.number(),
    lines: z.number().int(),
    codes: z.array(z.string()).meta({ description: "EPCs of the lines (lots, SSCCs)" }),
    inbound: z
      .object({
        seq: z.number().int(),
        mode: z.string(),
        from: z.string(),
        carrier: z.string(),
        vehicle: z.string(),
        status: z.string(),
        plannedArrival: Iso,
        eta: Iso,
      })
      .nullable(),
    onward: z
      .object({
        seq: z.number().int(),
        mode: z.string(),
        to: z.string(),
        carrier: z.string(),
        vehicle: z.string(),
        plannedDeparture: Iso,
      })
      .nullable(),
    visit: z
      .object({
        state: z.enum(["arrived", "inspected", "held", "staged"]),
        arrivedAt: Iso,
        dwellMinutes: z.number().int(),
        inspectionOutcome: z.string().nullable(),
        inspectionNote: z.string().nullable(),
        inspectionLossKg: z.number().nullable(),
        holdReason: z.string().nullable(),
        heldAt: IsoOrNull,
        stagedAt: IsoOrNull,
      })
      .nullable(),
  })
  .meta({ id: "HubQueueEntry" });

export const HubQueue = z.object({
  hub: z.object({ code: z.string(), name: z.string(), sgln: z.string() }),
  at: Iso,
  expected: z.array(HubEntry),
  onSite: z.object({
    arrived: z.array(HubEntry),
    inspected: z.array(HubEntry),
    held: z.array(HubEntry),
    staged: z.array(HubEntry),
  }),
  counts: z.object({
    expected: z.number().int(),
    arrived: z.number().int(),
    inspected: z.number().int(),
    held: z.number().int(),
    staged: z.number().int(),
  }),
});

export const ScanResult = z.object({
  code: z.string(),
  kind: z.enum(["shipment", "epc", "digital-link"]),
  shipments: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      recorded: z.boolean().meta({ description: "false: it was on site already, nothing recorded" }),
      entry: HubEntry,
    }),
  ),
});

const Dwell = z.object({
  count: z.number().int(),
  meanMinutes: z.number().nullable(),
  p50Minutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});

export const HubStats = z.object({
  hub: z.object({ code: z.string(), name: z.string() }),
  from: Iso,
  to: Iso,
  throughput: z.object({
    arrivedShipments: z.number().int(),
    arrivedKg: z.number(),
    departedShipments: z.number().int(),
    departedKg: z.number(),
  }),
  dwell: Dwell.meta({ description: "Of shipments that left in the period, arrival to departure" }),
  holds: z.object({
    shipments: z.number().int(),
    holds: z.number().int(),
    stillHeld: z.number().int(),
    meanHoldMinutes: z.number().nullable(),
  }),
});

const ShrinkageRow = z.object({
  key: z.string(),
  label: z.string(),
  shipments: z.number().int(),
  shippedKg: z.number(),
  acceptedKg: z.number(),
  rejectedKg: z.number(),
  shrinkageKg: z.number(),
  shrinkagePct: z.number().nullable(),
  inspectionLossKg: z.number(),
});

export const ShrinkageReport = z.object({
  from: Iso,
  to: Iso,
  total: ShrinkageRow,
  byRoute: z.array(ShrinkageRow),
  byLegMode: z.array(ShrinkageRow),
  byCarrier: z.array(ShrinkageRow),
});

const DelayRow = z.object({
  key: z.string(),
  label: z.string(),
  legs: z.number().int(),
  meanDelayMinutes: z.number().nullable(),
  p90DelayMinutes: z.number().nullable(),
  onTimePct: z.number().nullable(),
});

export const DelayReport = z.object({
  from: Iso,
  to: Iso,
  toleranceMinutes: z.number().int(),
  total: DelayRow,
  byLegMode: z.array(DelayRow),
  byCarrier: z.array(DelayRow),
});
