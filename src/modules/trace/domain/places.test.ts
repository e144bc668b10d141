import { describe, expect, it } from "vitest";
import { groupExcursions, unitSymbol } from "./excursions";
import { describePlace, type PlaceSources, sglnExtension, villageLabel } from "./places";

const HUB = {
  code: "hub-panjang",
  name: "Hub Pelabuhan Panjang",
  kind: "hub",
  sgln: "urn:epc:id:sgln:8990000.00003.0",
  latitude: -5.4697,
  longitude: 105.3196,
  operatorOrganisationId: "org_hub",
};

const sources = (over: Partial<PlaceSources> = {}): PlaceSources => ({
  sites: new Map([["8990000.00003", HUB]]),
  farms: new Map([
    [
      "8990000.00020",
      [
        {
          sgln: "urn:epc:id:sgln:8990000.00020.0",
          villageLabel: "Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah",
          regencyCode: "18.02",
          organisationId: "org_koperasi",
        },
      ],
    ],
  ]),
  owners: new Map([["8990000.00030", "org_market"]]),
  organisationNames: new Map([
    ["org_koperasi", "Gapoktan Sari Makmur"],
    ["org_market", "Perumda Pasar Jaya"],
  ]),
  ...over,
});

describe("places", () => {
  it("names a dock by its site, with the dock as detail and the site's coordinates", () => {
    expect(describePlace("urn:epc:id:sgln:8990000.00003.DOCK%2F2", sources())).toEqual({
      id: "urn:epc:id:sgln:8990000.00003.DOCK%2F2",
      name: "Hub Pelabuhan Panjang",
      kind: "site",
      siteKind: "hub",
      siteCode: "hub-panjang",
      detail: "DOCK/2",
      organisationId: "org_hub",
      latitude: -5.4697,
      longitude: 105.3196,
      approximate: false,
    });
  });

  it("names a farm of the harvest by its village, drawn at its regency's seat", () => {
    expect(describePlace("urn:epc:id:sgln:8990000.00020.0", sources())).toMatchObject({
      kind: "farm",
      name: "Desa Sri Way Langsep, Kec. Kalirejo, Kabupaten Lampung Tengah",
      organisationId: "org_koperasi",
      latitude: -4.97,
      longitude: 105.27,
      approximate: true,
      detail: null,
    });
  });

  it("names another member's GLN by the organisation, and leaves a stranger's unnamed", () => {
    expect(describePlace("urn:epc:id:sgln:8990000.00030.0", sources())).toMatchObject({
      kind: "organisation",
      name: "Perumda Pasar Jaya",
      latitude: null,
    });
    expect(describePlace("urn:epc:id:sgln:8991234.00001.0", sources())).toMatchObject({
      kind: "unknown",
      name: null,
    });
    expect(describePlace("not-an-sgln", sources()).kind).toBe("unknown");
  });

  it("writes village labels the Kemendagri way: Kel. for urban, Desa for rural villages", () => {
    expect(
      villageLabel({ code: "18.72.01.1001", name: "Metro" }, { name: "Metro Pusat" }, { name: "Kota Metro" }),
    ).toBe("Kel. Metro, Kec. Metro Pusat, Kota Metro");
    expect(villageLabel({ code: "18.02.01.2001", name: "Sri Way Langsep" }, null, null)).toBe(
      "Desa Sri Way Langsep",
    );
    expect(sglnExtension("urn:epc:id:sgln:8990000.00003.0")).toBeNull();
  });
});

describe("excursions", () => {
  it("shows a reading once whatever number of identifiers it concerned, oldest first, with its unit", () => {
    const row = {
      eventId: "e1",
      epc: "lot",
      measurement: "Temperature",
      value: 35.5,
      uom: "CEL",
      limit: 30,
      direction: "above" as const,
      sgln: null,
      at: new Date("2025-04-16T03:00:00+07:00"),
    };
    const earlier = {
      ...row,
      eventId: "e0",
      value: 8,
      uom: "A93",
      measurement: "RelativeHumidity",
      direction: "below" as const,
      at: new Date("2025-04-15T03:00:00+07:00"),
    };
    const grouped = groupExcursions([row, { ...row, epc: "pallet" }, earlier]);
    expect(grouped.map((x) => [x.eventID, x.epcs, x.unit])).toEqual([
      ["e0", ["lot"], "%"],
      ["e1", ["lot", "pallet"], "°C"],
    ]);
    expect(unitSymbol("KGM")).toBe("KGM");
    expect(unitSymbol(null)).toBeNull();
  });
});
