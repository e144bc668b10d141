import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BIZ_STEPS,
  BIZ_TRANSACTION_TYPES,
  CBV_KINDS,
  CBV_VOCABULARIES,
  type CbvKind,
  canonicalCbv,
  DISPOSITIONS,
  ERROR_REASONS,
  SENSOR_MEASUREMENT_TYPES,
  SOURCE_DESTINATION_TYPES,
} from "./cbv";
import { EPCIS_CONTEXT_URL } from "./context";
import type { Violation } from "./types";
import { validateDocument, validateEvent } from "./validate";

// Lumbung's corridor identifiers under an Indonesian (899) company prefix; the Digital Link keys carry
// correct check digits.
const LOT = "urn:epc:class:lgtin:8991234.012345.LOT25A";
const SACK = "urn:epc:id:sgtin:8991234.012345.1001";
const PALLET = "urn:epc:id:sscc:8991234.0000000001";
const KOPERASI_SITE = "urn:epc:id:sgln:8991234.00001.0";
const PANJANG_DOCK = "urn:epc:id:sgln:8991234.00002.dock3";
const KOPERASI = "urn:epc:id:pgln:8991234.00001";
const BUYER = "urn:epc:id:pgln:8991234.00002";
const DL_SACK = "https://id.gs1.org/01/08991234123455/21/1001";
const DL_LOT = "https://id.gs1.org/01/08991234123455/10/LOT25A";
const DL_PALLET = "https://id.gs1.org/00/089912340000000015";
const DL_HUB = "https://id.gs1.org/414/8991234000022/254/dock3";

const NS = "https://lumbung.example/epcis/";
const CONTEXT = [EPCIS_CONTEXT_URL, { lumbung: NS }];
const NAMESPACES = new Map([["lumbung", NS]]);

const when = { eventTime: "2025-04-15T08:30:00.000+07:00", eventTimeZoneOffset: "+07:00" };

const harvestLot = {
  type: "ObjectEvent",
  ...when,
  eventID: "urn:uuid:6f1c7f9e-0b7a-4a8e-9a57-2a4f3c1d9e01",
  action: "ADD",
  bizStep: "commissioning",
  disposition: "active",
  quantityList: [{ epcClass: LOT, quantity: 1250.5, uom: "KGM" }],
  readPoint: { id: KOPERASI_SITE },
  bizLocation: { id: KOPERASI_SITE, "lumbung:plot": "LT-07" },
  ilmd: { "lumbung:harvestDate": "2025-04-14", "lumbung:villageCode": "1802012001", "lumbung:grade": "A" },
  "lumbung:farmGatePrice": { "lumbung:amount": 7200, "lumbung:currency": "IDR" },
};

// Digital Link EPCs, a legacy URN bizStep and a full-URI disposition: the spellings partners send.
const despatch = {
  type: "ObjectEvent",
  ...when,
  action: "OBSERVE",
  bizStep: "urn:epcglobal:cbv:bizstep:shipping",
  disposition: "https://ref.gs1.org/cbv/Disp-in_transit",
  epcList: [DL_SACK, DL_PALLET],
  readPoint: { id: DL_HUB },
  bizTransactionList: [
    { type: "po", bizTransaction: "urn:epcglobal:cbv:bt:8991234000015:PO-1001" },
    { type: "urn:epcglobal:cbv:btt:desadv", bizTransaction: "https://erp.lumbung.example/desadv/77" },
  ],
  sourceList: [{ type: "owning_party", source: KOPERASI }],
  destinationList: [
    { type: "owning_party", destination: BUYER },
    { type: "https://ref.gs1.org/cbv/SDT-location", destination: PANJANG_DOCK },
  ],
};

const coldChain = {
  type: "ObjectEvent",
  ...when,
  action: "OBSERVE",
  bizStep: "sensor_reporting",
  readPoint: { id: PANJANG_DOCK },
  sensorElementList: [
    {
      sensorMetadata: {
        time: "2025-04-15T08:00:00+07:00",
        deviceID: "urn:epc:id:giai:8991234.LOGGER17",
        startTime: "2025-04-15T06:00:00+07:00",
        endTime: "2025-04-15T08:00:00+07:00",
        "lumbung:firmware": "2.1",
      },
      sensorReport: [
        { type: "Temperature", minValue: 12.5, maxValue: 14.25, meanValue: 13.1, uom: "CEL" },
        { type: "gs1:RelativeHumidity", value: 78, uom: "P1" },
        { type: "https://gs1.org/voc/Temperature", value: 31, uom: "CEL", exception: "ALARM_CONDITION" },
        { type: "https://lumbung.example/voc/MoistureContent", value: 13.5, "lumbung:method": "oven" },
      ],
    },
  ],
};

const corrected = {
  type: "ObjectEvent",
  ...when,
  action: "OBSERVE",
  bizStep: "receiving",
  disposition: "sellable_not_accessible",
  epcList: [SACK],
  errorDeclaration: {
    declarationTime: "2025-04-16T09:00:00Z",
    reason: "incorrect_data",
    correctiveEventIDs: ["urn:uuid:0d3f9d1a-3c55-4bde-8d7b-7b2f7f0e4a10"],
    "lumbung:reportedBy": "hub@lumbung.test",
  },
};

const packing = {
  type: "AggregationEvent",
  ...when,
  action: "ADD",
  bizStep: "packing",
  disposition: "container_closed",
  parentID: PALLET,
  childEPCs: [SACK, DL_SACK.replace("/1001", "/1002")],
  childQuantityList: [{ epcClass: DL_LOT, quantity: 500, uom: "KGM" }],
  readPoint: { id: KOPERASI_SITE },
};

const purchaseOrder = {
  type: "TransactionEvent",
  ...when,
  action: "ADD",
  bizStep: "https://lumbung.example/bizstep/ordering",
  bizTransactionList: [{ type: "po", bizTransaction: "https://erp.lumbung.example/po/1001" }],
  epcList: [],
  quantityList: [{ epcClass: "urn:epc:idpat:sgtin:8991234.012345.*", quantity: 40 }],
};

const milling = {
  type: "TransformationEvent",
  ...when,
  bizStep: "commissioning",
  disposition: "active",
  inputQuantityList: [{ epcClass: LOT, quantity: 1000, uom: "KGM" }],
  outputQuantityList: [
    { epcClass: "urn:epc:class:lgtin:8991234.067890.BERAS25A", quantity: 640, uom: "KGM" },
  ],
  transformationID: "urn:uuid:5b0c8d3e-2f49-4c1a-9e0b-6a7d8c9e1f20",
  persistentDisposition: { set: ["completeness_verified"] },
  bizTransactionList: [{ type: "prodorder", bizTransaction: "https://erp.lumbung.example/prod/12" }],
  readPoint: { id: KOPERASI_SITE },
  ilmd: { "lumbung:millingDate": "2025-04-15", "lumbung:yield": 0.64 },
};

const sensorOnTruck = {
  type: "AssociationEvent",
  ...when,
  action: "ADD",
  bizStep: "installing",
  parentID: "urn:epc:id:giai:8991234.TRUCK-BE8123",
  childEPCs: ["urn:epc:id:giai:8991234.LOGGER17"],
  readPoint: { id: KOPERASI_SITE },
};

function capture(events: unknown[], extra: Record<string, unknown> = {}) {
  return {
    "@context": CONTEXT,
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2025-04-15T09:00:00+07:00",
    epcisBody: { eventList: events },
    ...extra,
  };
}

/** The violations of one event placed alone in a document. */
function violationsOf(event: Record<string, unknown>): Violation[] {
  return validateDocument(capture([event]));
}

function expectViolation(violations: Violation[], field: string, message: RegExp): void {
  expect(violations).toContainEqual(
    expect.objectContaining({ field, message: expect.stringMatching(message) }),
  );
}

const E = "epcisBody.eventList[0]";

describe("validateDocument accepts", () => {
  it.each([
    ["a harvest lot with ilmd and extensions", harvestLot],
    ["a despatch with Digital Link EPCs and legacy vocabulary", despatch],
    ["sensor readings at a read point", coldChain],
    ["an error declaration", corrected],
    ["an aggregation", packing],
    ["a transaction", purchaseOrder],
    ["a transformation", milling],
    ["an association", sensorOnTruck],
  ])("%s", (_, event) => {
    expect(violationsOf(event)).toEqual([]);
  });

  it("a document with all of them, a header and SBDH-style fields", () => {
    const doc = capture(
      [harvestLot, despatch, coldChain, corrected, packing, purchaseOrder, milling, sensorOnTruck],
      {
        id: "https://lumbung.example/captures/1",
        sender: KOPERASI,
        receiver: BUYER,
        instanceIdentifier: "CAP-2025-0001",
        epcisHeader: {
          epcisMasterData: {
            vocabularyList: [
              {
                type: "urn:epcglobal:epcis:vtype:BusinessLocation",
                vocabularyElementList: [
                  {
                    id: KOPERASI_SITE,
                    attributes: [{ id: "urn:epcglobal:cbv:mda#name", attribute: "Gapoktan Sari Makmur" }],
                  },
                ],
              },
            ],
          },
        },
      },
    );
    expect(validateDocument(doc)).toEqual([]);
  });

  it("an empty event list", () => {
    expect(validateDocument(capture([]))).toEqual([]);
  });

  it("prefixes declared in an event's own @context", () => {
    const event = {
      ...sensorOnTruck,
      "@context": [{ fleet: "https://fleet.example/ns/" }],
      "fleet:plate": "BE 8123 XY",
    };
    expect(validateDocument(capture([event]))).toEqual([]);
  });

  it("a full-IRI extension field without any prefix", () => {
    expect(violationsOf({ ...despatch, "https://lumbung.example/epcis/carrierRef": "ASJ-77" })).toEqual([]);
  });

  it("an AggregationEvent that observes without knowing its parent, and one that empties a container", () => {
    const { parentID: _, ...observed } = packing;
    expect(violationsOf({ ...observed, action: "OBSERVE" })).toEqual([]);
    const { childEPCs: __, childQuantityList: ___, ...unpacked } = packing;
    expect(violationsOf({ ...unpacked, action: "DELETE", bizStep: "unpacking" })).toEqual([]);
  });

  it("a TransformationEvent that records only its inputs when a transformationID links the outputs", () => {
    const { outputQuantityList: _, ...inputsOnly } = milling;
    expect(violationsOf(inputsOnly)).toEqual([]);
  });
});

describe("validateDocument rejects the document when", () => {
  it("schemaVersion is not 2.0", () => {
    expectViolation(validateDocument(capture([], { schemaVersion: "1.2" })), "schemaVersion", /EPCIS 1\.x/);
    expectViolation(
      validateDocument(capture([], { schemaVersion: 2 })),
      "schemaVersion",
      /the string "2\.0"/,
    );
  });

  it("it is a query result", () => {
    const violations = validateDocument({ ...capture([]), type: "EPCISQueryDocument" });
    expect(violations).toEqual([
      { eventIndex: null, field: "type", message: expect.stringMatching(/query result/) },
    ]);
  });

  it("it is not a JSON object", () => {
    expect(validateDocument([])).toEqual([{ eventIndex: null, field: "$", message: expect.any(String) }]);
  });

  it("creationDate has no offset", () => {
    expectViolation(
      validateDocument(capture([], { creationDate: "2025-04-15T09:00:00" })),
      "creationDate",
      /no UTC offset/,
    );
  });

  it("required parts are missing", () => {
    const { "@context": _, creationDate: __, epcisBody: ___, ...bare } = capture([]);
    const violations = validateDocument(bare);
    expectViolation(violations, "@context", /required/);
    expectViolation(violations, "creationDate", /required/);
    expectViolation(violations, "epcisBody", /required/);
  });

  it("eventList is not an array", () => {
    expectViolation(
      validateDocument(capture([], { epcisBody: { eventList: {} } })),
      "epcisBody.eventList",
      /array/,
    );
  });

  it("the @context maps a prefix to something that is not an IRI", () => {
    const doc = capture([], { "@context": [EPCIS_CONTEXT_URL, { lumbung: "lumbung.example" }] });
    expectViolation(validateDocument(doc), "@context[1].lumbung", /not an absolute IRI/);
  });

  it("a top-level field is unknown", () => {
    expectViolation(
      validateDocument(capture([], { events: [] })),
      "events",
      /EPCISDocument has no field "events"/,
    );
  });
});

describe("validateEvent rejects", () => {
  it('a bizStep that is not a CBV term ("transforming")', () => {
    const violations = violationsOf({ ...harvestLot, bizStep: "transforming" });
    expect(violations).toEqual([
      {
        eventIndex: 0,
        field: `${E}.bizStep`,
        message: expect.stringMatching(/"transforming" is not a CBV 2\.0 business step; use .*absolute URI/),
      },
    ]);
  });

  it("unknown terms inside GS1 namespaces, with the likely intended term", () => {
    expectViolation(
      violationsOf({ ...harvestLot, bizStep: "https://ref.gs1.org/cbv/BizStep-transforming" }),
      `${E}.bizStep`,
      /in a GS1 namespace but is not/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, bizStep: "urn:epcglobal:cbv:bizstep:shiping" }),
      `${E}.bizStep`,
      /did you mean "shipping"\?/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, disposition: "Sellable-Accessible" }),
      `${E}.disposition`,
      /did you mean "sellable_accessible"\?/,
    );
  });

  it("a term from the wrong vocabulary", () => {
    expectViolation(
      violationsOf({ ...harvestLot, bizStep: "in_transit" }),
      `${E}.bizStep`,
      /is a CBV disposition, not a business step/,
    );
  });

  it("unknown bizTransaction, source/destination types and error reasons", () => {
    expectViolation(
      violationsOf({
        ...despatch,
        bizTransactionList: [{ type: "purchase_order", bizTransaction: "urn:uuid:1" }],
      }),
      `${E}.bizTransactionList[0].type`,
      /not a CBV 2\.0 business transaction type/,
    );
    expectViolation(
      violationsOf({ ...despatch, sourceList: [{ type: "owner", source: KOPERASI }] }),
      `${E}.sourceList[0].type`,
      /not a CBV 2\.0 source\/destination type/,
    );
    expectViolation(
      violationsOf({ ...corrected, errorDeclaration: { ...corrected.errorDeclaration, reason: "typo" } }),
      `${E}.errorDeclaration.reason`,
      /not a CBV 2\.0 error reason/,
    );
  });

  it("an extension field whose prefix no @context declares", () => {
    const violations = violationsOf({ ...harvestLot, "acme:grade": "A" });
    expect(violations).toEqual([
      {
        eventIndex: 0,
        field: `${E}.acme:grade`,
        message: expect.stringMatching(/prefix "acme", which the @context does not declare; add \{ "acme": /),
      },
    ]);
  });

  it.each([
    ["ilmd", { ...harvestLot, ilmd: { "acme:moisture": 14 } }, `${E}.ilmd.acme:moisture`],
    [
      "readPoint",
      { ...harvestLot, readPoint: { id: KOPERASI_SITE, "acme:gate": "2" } },
      `${E}.readPoint.acme:gate`,
    ],
    [
      "a sensorReport",
      {
        ...coldChain,
        sensorElementList: [{ sensorReport: [{ type: "Temperature", value: 4, "acme:probe": 1 }] }],
      },
      `${E}.sensorElementList[0].sensorReport[0].acme:probe`,
    ],
    [
      "an errorDeclaration",
      { ...corrected, errorDeclaration: { declarationTime: "2025-04-16T09:00:00Z", "acme:ticket": "T-1" } },
      `${E}.errorDeclaration.acme:ticket`,
    ],
    [
      "a nested extension value",
      { ...harvestLot, "lumbung:farmGatePrice": { "acme:amount": 7200 } },
      `${E}.lumbung:farmGatePrice.acme:amount`,
    ],
  ])("an undeclared prefix inside %s", (_, event, field) => {
    expectViolation(violationsOf(event), field, /which the @context does not declare/);
  });

  it("fields without a prefix inside ilmd and inside extension values", () => {
    expectViolation(
      violationsOf({ ...harvestLot, ilmd: { harvestDate: "2025-04-14" } }),
      `${E}.ilmd.harvestDate`,
      /needs a namespace prefix .* "lumbung:harvestDate"/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, "lumbung:farmGatePrice": { amount: 7200 } }),
      `${E}.lumbung:farmGatePrice.amount`,
      /needs a namespace prefix too/,
    );
  });

  it("an unknown field without a prefix, suggesting the standard field or a namespaced one", () => {
    expectViolation(
      violationsOf({ ...harvestLot, grade: "A" }),
      `${E}.grade`,
      /ObjectEvent has no field "grade"; .*"lumbung:grade"/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, bizstep: "shipping" }),
      `${E}.bizstep`,
      /did you mean "bizStep"\?/,
    );
  });

  it("fields that belong to another event type", () => {
    expectViolation(violationsOf({ ...packing, epcList: [SACK] }), `${E}.epcList`, /childEPCs, not epcList/);
    expectViolation(violationsOf({ ...harvestLot, childEPCs: [SACK] }), `${E}.childEPCs`, /in epcList/);
  });

  it.each([
    ["eventTime", { ...harvestLot, eventTime: "2025-04-15T08:30:00" }, `${E}.eventTime`, /no UTC offset/],
    [
      "recordTime",
      { ...harvestLot, recordTime: "15/04/2025 08:30" },
      `${E}.recordTime`,
      /not an RFC 3339 date-time/,
    ],
    [
      "a date that does not exist",
      { ...harvestLot, eventTime: "2025-02-30T08:30:00Z" },
      `${E}.eventTime`,
      /real calendar/,
    ],
    [
      "eventTime without seconds",
      { ...harvestLot, eventTime: "2025-04-15T08:30+07:00" },
      `${E}.eventTime`,
      /RFC 3339/,
    ],
    [
      "declarationTime",
      { ...corrected, errorDeclaration: { declarationTime: "2025-04-16 09:00:00" } },
      `${E}.errorDeclaration.declarationTime`,
      /RFC 3339/,
    ],
    [
      "a sensor time",
      {
        ...coldChain,
        sensorElementList: [
          {
            sensorMetadata: { time: "2025-04-15T08:00:00" },
            sensorReport: [{ type: "Temperature", value: 4 }],
          },
        ],
      },
      `${E}.sensorElementList[0].sensorMetadata.time`,
      /no UTC offset/,
    ],
  ])("%s without a usable date-time", (_, event, field, message) => {
    expectViolation(violationsOf(event), field, message);
  });

  it.each(["+7", "07:00", "+07:00:00", "+15:00", "+14:30", "WIB"])("eventTimeZoneOffset %s", (offset) => {
    expectViolation(
      violationsOf({ ...harvestLot, eventTimeZoneOffset: offset }),
      `${E}.eventTimeZoneOffset`,
      /±hh:mm/,
    );
  });

  it("missing eventTime and eventTimeZoneOffset", () => {
    const { eventTime: _, eventTimeZoneOffset: __, ...timeless } = harvestLot;
    const violations = violationsOf(timeless);
    expectViolation(violations, `${E}.eventTime`, /required/);
    expectViolation(violations, `${E}.eventTimeZoneOffset`, /required/);
  });

  it.each([
    ["too few digits in an SGTIN", "urn:epc:id:sgtin:8991234.01234.1001", /together be 13 digits, not 12/],
    [
      "a company prefix of 5 digits",
      "urn:epc:id:sscc:89912.000000000001",
      /company prefix "89912" must be 6 to 12 digits/,
    ],
    ["a serial with a space", "urn:epc:id:sgtin:8991234.012345.10 01", /not an absolute URI/],
    [
      "a serial with an unescaped slash",
      "urn:epc:id:sgtin:8991234.012345.10/01",
      /characters an EPC URI does not allow/,
    ],
    ["an unknown EPC scheme", "urn:epc:id:sgtn:8991234.012345.1001", /not an EPC scheme/],
    ["a lot (class) URI", LOT, /names a lot, not an object/],
    ["an identifier pattern", "urn:epc:idpat:sgtin:8991234.012345.*", /pattern of many objects/],
    ["a tag-encoding URI", "urn:epc:tag:sgtin-96:3.8991234.012345.1001", /pure identities/],
    ["upper-case URN parts", "urn:EPC:id:sgtin:8991234.012345.1001", /not in lower case/],
    [
      "a Digital Link with a wrong check digit",
      "https://id.gs1.org/01/08991234123456/21/1001",
      /wrong check digit/,
    ],
    ["a Digital Link without serial", "https://id.gs1.org/01/08991234123455", /class of objects/],
    [
      "a Digital Link with an unknown qualifier",
      "https://id.gs1.org/01/08991234123455/99/1",
      /not a key qualifier/,
    ],
    [
      "a Digital Link with qualifiers out of order",
      `${DL_SACK.replace("/21/1001", "/21/1001/10/LOT")}`,
      /out of order/,
    ],
    ["a bare word", "sack-1001", /not an absolute URI/],
  ])("an epcList entry with %s", (_, epc, message) => {
    expectViolation(violationsOf({ ...despatch, epcList: [epc] }), `${E}.epcList[0]`, message);
  });

  it("the same EPC twice", () => {
    expectViolation(
      violationsOf({ ...despatch, epcList: [SACK, DL_SACK, SACK] }),
      `${E}.epcList[2]`,
      /listed twice/,
    );
  });

  it("malformed parentID, childEPCs and transformation lists", () => {
    expectViolation(
      violationsOf({ ...packing, parentID: "urn:epc:id:sscc:8991234.1" }),
      `${E}.parentID`,
      /17 digits/,
    );
    expectViolation(
      violationsOf({ ...packing, childEPCs: ["pallet 1"] }),
      `${E}.childEPCs[0]`,
      /not an absolute URI/,
    );
    expectViolation(
      violationsOf({ ...milling, inputEPCList: [LOT] }),
      `${E}.inputEPCList[0]`,
      /list lots in a quantity list/,
    );
  });

  it("a quantity element with an instance identifier or an object with a serial", () => {
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ epcClass: SACK, quantity: 1 }] }),
      `${E}.quantityList[0].epcClass`,
      /identifies one object/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ epcClass: DL_SACK, quantity: 1 }] }),
      `${E}.quantityList[0].epcClass`,
      /names one object/,
    );
  });

  it("a location that is not a place", () => {
    expectViolation(
      violationsOf({ ...harvestLot, readPoint: { id: SACK } }),
      `${E}.readPoint.id`,
      /uses the sgtin scheme; a location is an SGLN/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, bizLocation: { id: DL_PALLET } }),
      `${E}.bizLocation.id`,
      /location is a GLN/,
    );
    expectViolation(violationsOf({ ...harvestLot, readPoint: {} }), `${E}.readPoint.id`, /required/);
    expectViolation(
      violationsOf({ ...harvestLot, readPoint: KOPERASI_SITE }),
      `${E}.readPoint`,
      /JSON object/,
    );
  });

  it("a missing action", () => {
    const { action: _, ...actionless } = harvestLot;
    expect(violationsOf(actionless)).toEqual([
      {
        eventIndex: 0,
        field: `${E}.action`,
        message: expect.stringMatching(/action is required for an ObjectEvent/),
      },
    ]);
  });

  it("an action on a TransformationEvent, and a misspelt action", () => {
    expectViolation(violationsOf({ ...milling, action: "ADD" }), `${E}.action`, /has no action/);
    expectViolation(violationsOf({ ...harvestLot, action: "add" }), `${E}.action`, /must be written "ADD"/);
    expectViolation(
      violationsOf({ ...harvestLot, action: "CREATE" }),
      `${E}.action`,
      /ADD, OBSERVE or DELETE/,
    );
  });

  it("a quantity that is not a number, or is negative", () => {
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ epcClass: LOT, quantity: "1250", uom: "KGM" }] }),
      `${E}.quantityList[0].quantity`,
      /JSON number, not the string "1250"; drop the quotes/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ epcClass: LOT, quantity: -5, uom: "KGM" }] }),
      `${E}.quantityList[0].quantity`,
      /negative/,
    );
  });

  it("a unit of measure that is not a UN/ECE code, and extra fields in a quantity element", () => {
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ epcClass: LOT, quantity: 5, uom: "kgm" }] }),
      `${E}.quantityList[0].uom`,
      /UN\/ECE Recommendation 20 code of 2–3 capital letters/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ epcClass: LOT, quantity: 5, uom: "kilogram" }] }),
      `${E}.quantityList[0].uom`,
      /UN\/ECE Recommendation 20/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ epcClass: LOT, quantity: 5, "lumbung:bags": 2 }] }),
      `${E}.quantityList[0].lumbung:bags`,
      /allows no extension fields/,
    );
    expectViolation(
      violationsOf({ ...harvestLot, quantityList: [{ quantity: 5 }] }),
      `${E}.quantityList[0].epcClass`,
      /required/,
    );
  });

  it("an ObjectEvent that names nothing", () => {
    const { quantityList: _, ...empty } = harvestLot;
    expectViolation(violationsOf(empty), `${E}.epcList`, /must say what it is about/);
  });

  it("ilmd on an event that does not create objects", () => {
    expectViolation(
      violationsOf({ ...despatch, ilmd: { "lumbung:grade": "A" } }),
      `${E}.ilmd`,
      /only with action ADD, not OBSERVE/,
    );
    expectViolation(violationsOf({ ...packing, ilmd: {} }), `${E}.ilmd`, /carries no ilmd/);
  });

  it("an AggregationEvent that adds without a parent or children", () => {
    const { parentID: _, ...orphan } = packing;
    expectViolation(violationsOf(orphan), `${E}.parentID`, /required when action is ADD/);
    const { childEPCs: __, childQuantityList: ___, ...childless } = packing;
    expectViolation(violationsOf(childless), `${E}.childEPCs`, /non-empty childEPCs or childQuantityList/);
  });

  it("an AssociationEvent without parentID", () => {
    const { parentID: _, ...orphan } = sensorOnTruck;
    expectViolation(violationsOf(orphan), `${E}.parentID`, /required for an AssociationEvent/);
  });

  it("a TransactionEvent without business transactions or objects", () => {
    const { bizTransactionList: _, ...untied } = purchaseOrder;
    expectViolation(violationsOf(untied), `${E}.bizTransactionList`, /required/);
    expectViolation(
      violationsOf({ ...purchaseOrder, bizTransactionList: [] }),
      `${E}.bizTransactionList`,
      /at least one/,
    );
    const { epcList: __, quantityList: ___, ...nothing } = purchaseOrder;
    expectViolation(violationsOf(nothing), `${E}.epcList`, /must name its objects/);
  });

  it("a TransformationEvent with inputs only and no transformationID", () => {
    const { outputQuantityList: _, transformationID: __, ...inputsOnly } = milling;
    expectViolation(violationsOf(inputsOnly), `${E}.outputEPCList`, /at least one input .* and one output/);
  });

  it("a persistentDisposition that sets nothing or contradicts itself", () => {
    expectViolation(
      violationsOf({ ...milling, persistentDisposition: {} }),
      `${E}.persistentDisposition`,
      /set, unset or both/,
    );
    expectViolation(
      violationsOf({
        ...milling,
        persistentDisposition: { set: ["recalled"], unset: ["urn:epcglobal:cbv:disp:recalled"] },
      }),
      `${E}.persistentDisposition.set[0]`,
      /both set and unset/,
    );
    expectViolation(
      violationsOf({ ...milling, persistentDisposition: { set: ["transforming"] } }),
      `${E}.persistentDisposition.set[0]`,
      /not a CBV 2\.0 disposition/,
    );
  });

  it("sensor reports without a type, with text for numbers or an unknown measurement", () => {
    const reportAt = `${E}.sensorElementList[0].sensorReport[0]`;
    const withReport = (report: Record<string, unknown>) => ({
      ...coldChain,
      sensorElementList: [{ sensorReport: [report] }],
    });
    expectViolation(violationsOf(withReport({ value: 4 })), `${reportAt}.type`, /required/);
    expectViolation(
      violationsOf(withReport({ type: "Temperature", value: "4.5" })),
      `${reportAt}.value`,
      /drop the quotes/,
    );
    expectViolation(
      violationsOf(withReport({ type: "Temprature", value: 4 })),
      `${reportAt}.type`,
      /did you mean "Temperature"\?/,
    );
    expectViolation(
      violationsOf(withReport({ type: "Temperature", minValue: 9, maxValue: 3 })),
      `${reportAt}.minValue`,
      /greater than maxValue/,
    );
    expectViolation(
      violationsOf({ ...coldChain, sensorElementList: [{ sensorReport: [] }] }),
      `${E}.sensorElementList[0].sensorReport`,
      /at least one/,
    );
  });

  it("a sensor period that ends before it starts", () => {
    const event = {
      ...coldChain,
      sensorElementList: [
        {
          sensorMetadata: { startTime: "2025-04-15T08:00:00+07:00", endTime: "2025-04-15T00:30:00Z" },
          sensorReport: [{ type: "Temperature", value: 4 }],
        },
      ],
    };
    expectViolation(
      violationsOf(event),
      `${E}.sensorElementList[0].sensorMetadata.endTime`,
      /before startTime/,
    );
  });

  it("extension fields where the schema allows none, and missing parts of sources", () => {
    expectViolation(
      violationsOf({
        ...despatch,
        bizTransactionList: [{ type: "po", bizTransaction: "urn:uuid:1", "lumbung:x": 1 }],
      }),
      `${E}.bizTransactionList[0].lumbung:x`,
      /allows no extension fields/,
    );
    expectViolation(
      violationsOf({ ...despatch, sourceList: [{ source: KOPERASI }] }),
      `${E}.sourceList[0].type`,
      /required/,
    );
    expectViolation(
      violationsOf({ ...despatch, destinationList: [{ type: "owning_party", destination: "Food Station" }] }),
      `${E}.destinationList[0].destination`,
      /not an absolute URI; e\.g\. "urn:epc:id:pgln:/,
    );
  });

  it("an unknown event type or an event that is not an object", () => {
    expectViolation(
      validateDocument(capture([{ ...harvestLot, type: "ObjctEvent" }])),
      `${E}.type`,
      /did you mean "ObjectEvent"\?/,
    );
    expectViolation(validateDocument(capture(["ObjectEvent"])), E, /must be a JSON object/);
  });
});

describe("violations", () => {
  it("name the event by its index and report every problem at once", () => {
    const violations = validateDocument(
      capture([harvestLot, { ...despatch, bizStep: "transforming", "acme:x": 1 }, packing]),
    );
    expect(violations.map((v) => [v.eventIndex, v.field])).toEqual([
      [1, "epcisBody.eventList[1].bizStep"],
      [1, "epcisBody.eventList[1].acme:x"],
    ]);
  });

  it("of a lone event carry paths relative to the event", () => {
    expect(validateEvent({ ...harvestLot, bizStep: "transforming" }, NAMESPACES, null)).toEqual([
      { eventIndex: null, field: "bizStep", message: expect.stringMatching(/transforming/) },
    ]);
    expect(validateEvent({ ...sensorOnTruck, "lumbung:x": 1 }, new Map(), 4)).toEqual([
      {
        eventIndex: 4,
        field: "epcisBody.eventList[4].lumbung:x",
        message: expect.stringMatching(/does not declare/),
      },
    ]);
  });

  it("suggest example identifiers that are themselves valid", () => {
    // Each wrong field, and how to put a suggested identifier back into that same field.
    const fields: Array<[Record<string, unknown>, (id: string) => Record<string, unknown>]> = [
      [{ ...despatch, epcList: ["sack-1001"] }, (id) => ({ ...despatch, epcList: [id] })],
      [
        { ...harvestLot, quantityList: [{ epcClass: "lot 25A", quantity: 1 }] },
        (id) => ({ ...harvestLot, quantityList: [{ epcClass: id, quantity: 1 }] }),
      ],
      [{ ...harvestLot, readPoint: { id: "gudang A" } }, (id) => ({ ...harvestLot, readPoint: { id } })],
      [
        { ...despatch, sourceList: [{ type: "owning_party", source: "Koperasi" }] },
        (id) => ({ ...despatch, sourceList: [{ type: "owning_party", source: id }] }),
      ],
    ];
    let suggestions = 0;
    for (const [wrong, fixed] of fields) {
      const [violation] = violationsOf(wrong);
      const ids = [...(violation?.message ?? "").matchAll(/"((?:urn:epc|https:\/\/id\.gs1\.org)[^"]+)"/g)];
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const [, id] of ids) {
        suggestions++;
        expect(violationsOf(fixed(id as string)), id).toEqual([]);
      }
    }
    expect(suggestions).toBeGreaterThanOrEqual(10);
  });
});

describe("canonicalCbv", () => {
  it.each([
    ["bizStep", "shipping", "https://ref.gs1.org/cbv/BizStep-shipping"],
    ["bizStep", "https://ref.gs1.org/cbv/BizStep-shipping", "https://ref.gs1.org/cbv/BizStep-shipping"],
    ["bizStep", "urn:epcglobal:cbv:bizstep:shipping", "https://ref.gs1.org/cbv/BizStep-shipping"],
    ["bizStep", "cbv:BizStep-shipping", "https://ref.gs1.org/cbv/BizStep-shipping"],
    ["disposition", "urn:epcglobal:cbv:disp:in_transit", "https://ref.gs1.org/cbv/Disp-in_transit"],
    ["bizTransactionType", "urn:epcglobal:cbv:btt:desadv", "https://ref.gs1.org/cbv/BTT-desadv"],
    ["sourceDestType", "possessing_party", "https://ref.gs1.org/cbv/SDT-possessing_party"],
    ["errorReason", "urn:epcglobal:cbv:er:did_not_occur", "https://ref.gs1.org/cbv/ER-did_not_occur"],
    ["measurementType", "gs1:Temperature", "https://gs1.org/voc/Temperature"],
    ["sensorComponent", "latitude", "https://ref.gs1.org/cbv/Comp-latitude"],
  ] as const)("%s %s → %s", (kind, value, canonical) => {
    expect(canonicalCbv(kind, value)).toBe(canonical);
  });

  it("keeps the user's own vocabulary as it is", () => {
    expect(canonicalCbv("bizStep", "https://lumbung.example/bizstep/grading")).toBe(
      "https://lumbung.example/bizstep/grading",
    );
    expect(canonicalCbv("bizTransactionType", "urn:gs1:epcisapp:rail:btt:passage")).toBe(
      "urn:gs1:epcisapp:rail:btt:passage",
    );
  });

  it.each([
    ["bizStep", "transforming"],
    ["bizStep", "Shipping"],
    ["bizStep", "in_transit"],
    ["bizStep", "https://ref.gs1.org/cbv/BizStep-transforming"],
    ["bizStep", "https://ref.gs1.org/cbv/Disp-in_transit"],
    ["bizStep", "urn:epcglobal:cbv:bizstep:transforming"],
    ["measurementType", "https://gs1.org/voc/Temprature"],
    ["disposition", ""],
  ] as const)("is null for %s %j", (kind, value) => {
    expect(canonicalCbv(kind, value)).toBeNull();
  });

  it("matches the vocabularies of the standard context", () => {
    expect(BIZ_STEPS).toHaveLength(41);
    expect(DISPOSITIONS).toHaveLength(33);
    expect(BIZ_TRANSACTION_TYPES).toHaveLength(13);
    expect(SOURCE_DESTINATION_TYPES).toEqual(["owning_party", "possessing_party", "location"]);
    expect(ERROR_REASONS).toEqual(["did_not_occur", "incorrect_data"]);
    expect(SENSOR_MEASUREMENT_TYPES).toHaveLength(72);
  });

  it("gives one canonical URI for every spelling of every term, and is idempotent", () => {
    const termOf = fc
      .constantFrom(...CBV_KINDS)
      .chain((kind) => fc.constantFrom(...CBV_VOCABULARIES[kind].terms).map((term) => [kind, term] as const));
    fc.assert(
      fc.property(termOf, ([kind, term]) => {
        const vocab: { base: string; compact: string; legacy: string | null } = CBV_VOCABULARIES[kind];
        const canonical = canonicalCbv(kind, term);
        expect(canonical).toBe(vocab.base + term);
        expect(canonicalCbv(kind, canonical as string)).toBe(canonical);
        expect(canonicalCbv(kind, vocab.compact + term)).toBe(canonical);
        if (vocab.legacy) expect(canonicalCbv(kind, vocab.legacy + term)).toBe(canonical);
      }),
    );
  });

  it("passes through any web URI outside GS1's namespaces", () => {
    fc.assert(
      fc.property(fc.constantFrom<CbvKind>(...CBV_KINDS), fc.webUrl(), (kind, url) => {
        fc.pre(!/gs1\.org/i.test(url));
        expect(canonicalCbv(kind, url)).toBe(url);
      }),
    );
  });
});

describe("properties", () => {
  const companyPrefix = fc
    .integer({ min: 6, max: 12 })
    .chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`)));
  const serial = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);

  it("any well-formed SGTIN and SSCC is accepted", () => {
    fc.assert(
      fc.property(companyPrefix, serial, fc.stringMatching(/^\d{17}$/), (cp, sn, digits) => {
        const sgtin = `urn:epc:id:sgtin:${cp}.${digits.slice(0, 13 - cp.length)}.${sn}`;
        const sscc = `urn:epc:id:sscc:${cp}.${digits.slice(0, 17 - cp.length)}`;
        expect(violationsOf({ ...despatch, epcList: [sgtin, sscc] })).toEqual([]);
      }),
    );
  });

  it("every time with a valid offset is accepted and every time without one is rejected", () => {
    const date = fc.date({ min: new Date("1990-01-01"), max: new Date("2090-01-01"), noInvalidDate: true });
    const offset = fc.tuple(
      fc.constantFrom("+", "-"),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 59 }),
    );
    fc.assert(
      fc.property(date, offset, (d, [sign, h, m]) => {
        const local = d.toISOString().slice(0, 23);
        const zone = `${sign}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
        expect(
          violationsOf({ ...harvestLot, eventTime: `${local}${zone}`, eventTimeZoneOffset: zone }),
        ).toEqual([]);
        expect(violationsOf({ ...harvestLot, eventTime: local })).toHaveLength(1);
      }),
    );
  });
});
