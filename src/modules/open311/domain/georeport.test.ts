import { describe, expect, it } from "vitest";
import {
  type LaporAttribute,
  type LaporPublicReportLike,
  Open311Failure,
  open311Status,
  parseCreateRequest,
  parseW3cDate,
  requestsFilter,
  statusNotes,
  toOpen311Request,
  toServiceDefinition,
  typedAttributes,
} from "./georeport";
import { hashApiKey } from "./keys";

const NOW = new Date("2026-11-30T10:00:00Z");
const DAY = 86_400_000;

function failure(fn: () => unknown): Open311Failure {
  try {
    fn();
  } catch (err) {
    if (err instanceof Open311Failure) return err;
    throw err;
  }
  throw new Error("expected an Open311Failure");
}

const report: LaporPublicReportLike = {
  id: "lpr_1",
  category: { code: "jalan-rusak", name: { id: "Jalan rusak", en: "Damaged road" } },
  description: "Lubang besar di Jalan Teuku Umar",
  latitude: -5.4,
  longitude: 105.26,
  address: "Jl. Teuku Umar, Kedaton",
  state: "disposisi",
  agency: { code: "kec-kedaton", name: "Kecamatan Kedaton" },
  createdAt: "2026-11-29T01:00:00.000Z",
  updatedAt: new Date("2026-11-29T03:00:00Z"),
  stageDueAt: "2026-11-30T03:00:00Z",
  overdue: false,
  photos: [{ url: "/api/v1/lapor/photos/med_1" }],
  history: [
    {
      at: "2026-11-29T03:00:00Z",
      action: "dispose",
      toState: "disposisi",
      actor: { role: "agency", name: "Bambang", agency: { code: "pu", name: "Dinas PU" } },
      note: "Mohon ditindaklanjuti",
    },
    {
      at: "2026-11-29T04:00:00Z",
      action: "reply",
      toState: null,
      actor: { role: "reporter", name: null, agency: null },
      note: "Terima kasih",
    },
  ],
};

describe("requests as Open311", () => {
  it("maps states to open/closed", () => {
    expect(open311Status({ state: "proses" })).toBe("open");
    expect(open311Status({ state: "menunggu_validasi" })).toBe("open");
    expect(open311Status({ state: "selesai" })).toBe("closed");
    expect(open311Status({ state: "ditolak" })).toBe("closed");
    expect(open311Status({ state: "proses", closedAt: "2026-11-30T00:00:00Z" })).toBe("closed");
  });

  it("puts the rich state, both languages and the last agency note in status_notes", () => {
    expect(statusNotes(report)).toBe(
      "disposisi — Didisposisikan ke Kecamatan Kedaton / Disposed to Kecamatan Kedaton. " +
        "Catatan / Note: Mohon ditindaklanjuti",
    );
    expect(statusNotes({ ...report, overdue: true, history: [] })).toContain("(terlambat / overdue)");
  });

  it("builds the request with absolute media_url and the stage deadline", () => {
    const r = toOpen311Request(report, { lang: "en", origin: "https://lumbung.example" });
    expect(r).toMatchObject({
      service_request_id: "lpr_1",
      status: "open",
      service_name: "Damaged road",
      agency_responsible: "Kecamatan Kedaton",
      requested_datetime: "2026-11-29T01:00:00.000Z",
      updated_datetime: "2026-11-29T03:00:00.000Z",
      expected_datetime: "2026-11-30T03:00:00.000Z",
      lat: -5.4,
      long: 105.26,
      media_url: "https://lumbung.example/api/v1/lapor/photos/med_1",
    });
    expect(toOpen311Request({ ...report, photos: [] }, { lang: "id", origin: "x" }).media_url).toBeNull();
  });
});

describe("requestsFilter", () => {
  it("defaults to the last 90 days, 1000 results", () => {
    expect(requestsFilter({}, NOW)).toEqual({
      from: new Date(NOW.getTime() - 90 * DAY),
      to: NOW,
      limit: 1000,
      offset: 0,
    });
  });

  it("lets service_request_id override every other filter", () => {
    expect(requestsFilter({ service_request_id: "a, b,a", status: "bogus", start_date: "x" }, NOW)).toEqual({
      ids: ["a", "b"],
      limit: 1000,
      offset: 0,
    });
  });

  it("reads service_code lists, status and W3C dates", () => {
    const f = requestsFilter(
      { service_code: "sampah,jalan-rusak", status: "closed", start_date: "2026-11-01T00:00:00+07:00" },
      NOW,
    );
    expect(f.categoryCodes).toEqual(["sampah", "jalan-rusak"]);
    expect(f.status).toBe("closed");
    expect(f.from).toEqual(new Date("2026-10-31T17:00:00Z"));
    expect(f.to).toEqual(new Date((f.from as Date).getTime() + 90 * DAY));
    expect(requestsFilter({ status: "open,closed" }, NOW).status).toBeUndefined();
    expect(requestsFilter({ page: "3", page_size: "10" }, NOW)).toMatchObject({ limit: 10, offset: 20 });
  });

  it("refuses bad dates, spans over 90 days, unknown statuses", () => {
    expect(failure(() => requestsFilter({ start_date: "yesterday" }, NOW)).status).toBe(400);
    expect(failure(() => requestsFilter({ status: "pending" }, NOW)).body()[0]?.description).toContain(
      "status must be open or closed",
    );
    expect(
      failure(() => requestsFilter({ start_date: "2026-01-01", end_date: "2026-06-01" }, NOW)).body()[0]
        ?.description,
    ).toContain("90 days");
    expect(
      failure(() => requestsFilter({ start_date: "2026-06-01", end_date: "2026-05-01" }, NOW)).status,
    ).toBe(400);
    expect(failure(() => requestsFilter({ page_size: "5000" }, NOW)).status).toBe(400);
  });

  it("parses W3C date-times", () => {
    expect(parseW3cDate("2026-11-30")).toEqual(new Date("2026-11-30T00:00:00Z"));
    expect(parseW3cDate("2026-11-30T10:00:00Z")).toEqual(new Date("2026-11-30T10:00:00Z"));
    expect(parseW3cDate("2026-11-30T17:00:00+0700")).toEqual(new Date("2026-11-30T10:00:00Z"));
    expect(parseW3cDate("30/11/2026")).toBeNull();
  });
});

const ATTRS: LaporAttribute[] = [
  {
    code: "ukuran",
    datatype: "singlevaluelist",
    required: true,
    description: { id: "Ukuran lubang", en: "Pothole size" },
    order: 1,
    values: [
      { key: "kecil", name: { id: "Kecil", en: "Small" } },
      { key: "besar", name: { id: "Besar", en: "Large" } },
    ],
  },
  { code: "lebar", datatype: "number", required: false, description: { id: "Lebar", en: "Width" }, order: 2 },
  {
    code: "dampak",
    datatype: "multivaluelist",
    required: false,
    description: { id: "Dampak", en: "Impact" },
    order: 3,
    values: [
      { key: "macet", name: { id: "Macet", en: "Traffic jam" } },
      { key: "kecelakaan", name: { id: "Kecelakaan", en: "Accidents" } },
    ],
  },
];

describe("POST requests.json form", () => {
  const form = {
    api_key: "k",
    service_code: "jalan-rusak",
    lat: "-5.4",
    long: "105.26",
    description: "Lubang besar di tengah jalan",
    "attribute[ukuran]": "besar",
    "attribute[dampak][]": ["macet", "kecelakaan"],
    email: "a@b.id",
    first_name: "Siti",
    media_url: "http://x/y.jpg",
  };

  it("reads the spec's flat form keys", () => {
    const input = parseCreateRequest(form);
    expect(input).toMatchObject({
      apiKey: "k",
      serviceCode: "jalan-rusak",
      latitude: -5.4,
      longitude: 105.26,
      rawAttributes: { ukuran: ["besar"], dampak: ["macet", "kecelakaan"] },
      contact: { email: "a@b.id", first_name: "Siti" },
      mediaUrlIgnored: true,
    });
    expect(typedAttributes(input.rawAttributes, ATTRS)).toEqual({
      ukuran: "besar",
      dampak: ["macet", "kecelakaan"],
    });
  });

  it("takes JSON with an attribute object and the key from the query", () => {
    const input = parseCreateRequest(
      {
        service_code: "x",
        lat: -5.4,
        long: 105.2,
        description: "cukup panjang ya",
        attribute: { lebar: 3, ukuran: "kecil" },
      },
      { api_key: "q" },
    );
    expect(input.apiKey).toBe("q");
    expect(typedAttributes(input.rawAttributes, ATTRS)).toEqual({ ukuran: "kecil", lebar: 3 });
  });

  it("lists every missing field at once", () => {
    const f = failure(() => parseCreateRequest({}));
    expect(f.status).toBe(400);
    expect(f.body().map((e) => e.code)).toEqual([400, 400, 400]);
    expect(f.errors.map((e) => e.en)).toEqual([
      "service_code is required",
      "a location is required: lat and long",
      "description is required, at least 10 characters",
    ]);
    expect(
      failure(() => parseCreateRequest({ ...form, lat: undefined, long: undefined, address_string: "Jl. X" }))
        .errors[0]?.en,
    ).toMatch(/address_string alone/);
  });

  it("checks attributes against the service definition", () => {
    expect(failure(() => typedAttributes({}, ATTRS)).errors[0]?.en).toBe("attribute[ukuran] is required");
    expect(failure(() => typedAttributes({ ukuran: ["raksasa"] }, ATTRS)).errors[0]?.en).toMatch(
      /unknown value/,
    );
    expect(failure(() => typedAttributes({ ukuran: ["besar"], warna: ["x"] }, ATTRS)).errors[0]?.en).toMatch(
      /not defined/,
    );
    expect(
      failure(() => typedAttributes({ ukuran: ["besar"], lebar: ["tiga"] }, ATTRS)).errors[0]?.en,
    ).toMatch(/must be a number/);
  });
});

describe("service definitions and keys", () => {
  it("lists attributes in order with list values", () => {
    const def = toServiceDefinition(
      {
        code: "jalan-rusak",
        group: "infrastruktur",
        name: { id: "Jalan", en: "Road" },
        description: { id: "d", en: "d" },
        agency: { code: "pu", name: "PU" },
        stageHours: {},
        attributes: [...ATTRS].reverse(),
      },
      "en",
    );
    expect(def.attributes.map((a) => a.code)).toEqual(["ukuran", "lebar", "dampak"]);
    expect(def.attributes[0]).toMatchObject({
      variable: true,
      datatype: "singlevaluelist",
      required: true,
      description: "Pothole size",
      values: [
        { key: "kecil", name: "Small" },
        { key: "besar", name: "Large" },
      ],
    });
  });

  it("hashes keys with SHA-256", () => {
    expect(hashApiKey("demo-open311-key")).toMatch(/^[0-9a-f]{64}$/);
  });
});
