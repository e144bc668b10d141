import { beforeAll, describe, expect, it } from "vitest";
import { identityRepository } from "../../src/modules/identity";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const t = useTestApp();
let admin = "";
let koperasi = "";
let gapoktanId = "";

function setPrefix(token: string, id: string, gs1CompanyPrefix: unknown) {
  return t.app.inject({
    method: "PUT",
    url: `/api/v1/organisations/${id}/gs1-company-prefix`,
    headers: bearer(token),
    payload: { gs1CompanyPrefix },
  });
}

async function declareLot(commodityCode: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/lots",
    headers: bearer(koperasi),
    payload: {
      commodityCode,
      quantity: "500",
      unit: "kg",
      harvestDate: "2025-04-14",
      villageCode: "18.72.01.1001",
      grade: "medium",
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { gtin: string; lgtin: string };
}

beforeAll(async () => {
  admin = await t.login(DEMO_EMAILS.admin);
  koperasi = await t.login(DEMO_EMAILS.koperasi);
  const org = await identityRepository.findOrganisationByName(t.database.db, "Gapoktan Sari Makmur");
  gapoktanId = org?.id ?? "";
});

describe("an organisation's own GS1 company prefix", () => {
  it("issues new GTINs under the prefix an admin records, and the platform's again once cleared", async () => {
    const before = await declareLot("jagung");
    expect(before.lgtin).toMatch(/^urn:epc:class:lgtin:8990000\./);

    const res = await setPrefix(admin, gapoktanId, "8997001");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: gapoktanId, gs1CompanyPrefix: "8997001" });
    const own = await declareLot("cabai-rawit");
    expect(own.gtin).toMatch(/^08997001/);
    expect(own.lgtin).toMatch(/^urn:epc:class:lgtin:8997001\./);
    // A GTIN already issued stays what it was: a second lot of corn keeps the platform's GTIN.
    expect((await declareLot("jagung")).gtin).toBe(before.gtin);

    expect((await setPrefix(admin, gapoktanId, null)).json().gs1CompanyPrefix).toBeNull();
    expect((await declareLot("bawang-merah")).lgtin).toMatch(/^urn:epc:class:lgtin:8990000\./);
  });

  it("refuses a prefix that overlaps the platform's, a malformed one, an unknown organisation and non-admins", async () => {
    expectProblem(await setPrefix(admin, gapoktanId, "89900001"), 409, "identity.prefix_overlaps_platform");
    expectProblem(await setPrefix(admin, gapoktanId, "899000"), 409, "identity.prefix_overlaps_platform");
    expectProblem(await setPrefix(admin, gapoktanId, "12345"), 400, "request.validation");
    expectProblem(await setPrefix(admin, gapoktanId, "89970O1"), 400, "request.validation");
    expectProblem(await setPrefix(admin, "org_nope", "8997002"), 404, "identity.organisation_not_found");
    expectProblem(await setPrefix(koperasi, gapoktanId, "8997002"), 403, "auth.forbidden");
    const org = await identityRepository.findOrganisation(t.database.db, gapoktanId);
    expect(org?.gs1CompanyPrefix).toBeNull();
  });
});
