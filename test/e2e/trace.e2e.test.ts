import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  DEMO_PASSWORD,
  DESKTOP,
  htmlLang,
  launchChromium,
  MOBILE,
  signIn,
  visibleText,
  withPage,
} from "./browser.ts";

/**
 * The public trace behind the QR on a label: a koperasi records a J1 (farm → Panjang → ro-ro →
 * Priok → shared warehouse) and J5 (cassava processed into tapioca, sold at the market with its
 * retail price) chain of EPCIS events through the API, then someone who is not signed in opens the
 * tapioca lot's GS1 Digital Link on this site, as a phone does after scanning the QR. The harvest is
 * recorded at the koperasi's own farm GLN (issued with its first lot), so the page names the place.
 * The koperasi also declares a lot through the lot pages and prints its label.
 */

const baseURL = inject("baseURL");
let browser: Browser;

const PREFIX = "8991234"; // a 7-digit GS1 company prefix under Indonesia's 899
const LB = "https://lumbung.go.id/epcis/";
const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

// Lot codes and SSCCs of this run only, so the test also holds against a server that already has data.
const RUN = Date.now().toString(36).toUpperCase().slice(-6);
const CASSAVA_LOT = `E2E-SKG-${RUN}`;
const TAPIOCA_LOT = `E2E-TPK-${RUN}`;
const SERIAL = String(Date.now() % 100_000_000).padStart(8, "0");

const ids = {
  lot: (itemRef: string, lot: string) => `urn:epc:class:lgtin:${PREFIX}.${itemRef}.${lot}`,
  sscc: (n: string) => `urn:epc:id:sscc:${PREFIX}.${n}${SERIAL}`,
  site: (loc: string, ext = "0") => `urn:epc:id:sgln:${PREFIX}.${loc.padStart(5, "0")}.${ext}`,
  party: (ref: string) => `urn:epc:id:pgln:${PREFIX}.${ref.padStart(5, "0")}`,
};

/** The koperasi's farm SGLN, issued with its first declared lot (beforeAll). */
let FARM = "";
/** The corridor's sites as events name them (`GET /api/v1/sites`), by code. */
const SITE: Record<string, string> = {};
/** A dock or zone of a site: the site's SGLN with another extension. */
const dock = (code: string, ext: string) => (SITE[code] ?? "").replace(/\.0$/, `.${ext}`);
const FARM_NAME = "Kel. Metro, Kec. Metro Pusat, Kota Metro";
let koperasiToken = "";

const CASSAVA = ids.lot("012345", CASSAVA_LOT);
const TAPIOCA = ids.lot("012346", TAPIOCA_LOT);
const PALLET_IN = ids.sscc("10");
const PALLET_OUT = ids.sscc("20");

/** GS1 mod-10: weights 3, 1, 3, … from the rightmost digit. */
function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const weight = (digits.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(digits[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** The Digital Link path of an LGTIN class URN: /01/<GTIN-14>/10/<lot>. */
function digitalLinkPath(lgtin: string): string {
  const match = /^urn:epc:class:lgtin:(\d+)\.(\d+)\.(.+)$/.exec(lgtin);
  if (!match) throw new Error(`not an LGTIN: ${lgtin}`);
  const [, companyPrefix = "", itemRef = "", lot = ""] = match;
  const body = itemRef.slice(0, 1) + companyPrefix + itemRef.slice(1);
  return `/01/${body}${checkDigit(body)}/10/${encodeURIComponent(lot)}`;
}

/** The Digital Link path of an SSCC URN: /00/<SSCC-18>. */
function ssccPath(sscc: string): string {
  const match = /^urn:epc:id:sscc:(\d+)\.(\d+)$/.exec(sscc);
  if (!match) throw new Error(`not an SSCC: ${sscc}`);
  const [, companyPrefix = "", serialRef = ""] = match;
  const body = serialRef.slice(0, 1) + companyPrefix + serialRef.slice(1);
  return `/00/${body}${checkDigit(body)}`;
}

function doc(events: Record<string, unknown>[]) {
  return {
    "@context": [EPCIS_CONTEXT, { lb: LB }],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2025-04-15T08:00:00+07:00",
    epcisBody: { eventList: events },
  };
}

function hop(bizStep: string, disposition: string, epc: string, time: string, place: string, extra = {}) {
  return {
    type: "ObjectEvent",
    eventTime: time,
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep,
    disposition,
    epcList: [epc],
    readPoint: { id: place },
    bizLocation: { id: place },
    ...extra,
  };
}

const J1 = () =>
  doc([
    {
      type: "ObjectEvent",
      eventTime: "2025-04-15T06:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      action: "ADD",
      bizStep: "commissioning",
      disposition: "active",
      quantityList: [{ epcClass: CASSAVA, quantity: 10_000, uom: "KGM" }],
      readPoint: { id: FARM },
      bizLocation: { id: FARM },
      ilmd: {
        "lb:commodity": "singkong",
        "lb:villageCode": "18.72.01.1001",
        "lb:harvestDate": "2025-04-14",
        "lb:grade": "premium",
        "lb:farmGatePrice": 1450,
      },
    },
    {
      type: "AggregationEvent",
      eventTime: "2025-04-15T09:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: PALLET_IN,
      childQuantityList: [{ epcClass: CASSAVA, quantity: 10_000, uom: "KGM" }],
      readPoint: { id: FARM },
    },
    hop("shipping", "in_transit", PALLET_IN, "2025-04-15T10:00:00+07:00", FARM, {
      bizTransactionList: [{ type: "po", bizTransaction: `urn:epc:id:gdti:${PREFIX}.00001.${RUN}` }],
      sourceList: [{ type: "owning_party", source: ids.party("1") }],
      destinationList: [{ type: "owning_party", destination: ids.party("2") }],
    }),
    hop("arriving", "in_progress", PALLET_IN, "2025-04-15T14:00:00+07:00", dock("hub-panjang", "GATE1")),
    hop("departing", "in_transit", PALLET_IN, "2025-04-15T23:00:00+07:00", dock("hub-panjang", "RORO1"), {
      sensorElementList: [
        {
          sensorMetadata: { time: "2025-04-15T23:00:00+07:00" },
          sensorReport: [
            { type: "gs1:Temperature", value: 27.5, uom: "CEL" },
            { type: "gs1:Temperature", value: 29, uom: "CEL" },
          ],
        },
      ],
    }),
    hop("arriving", "in_progress", PALLET_IN, "2025-04-16T08:00:00+07:00", dock("hub-priok", "RORO1")),
  ]);

/** The shared warehouse's operator (Food Station) records the receipt, taking the goods in its own name. */
const RECEIPT = () =>
  doc([
    hop(
      "receiving",
      "sellable_not_accessible",
      PALLET_IN,
      "2025-04-16T12:00:00+07:00",
      dock("gudang-bersama-jakarta", "DOCK2"),
    ),
  ]);

const J5 = () =>
  doc([
    {
      type: "TransformationEvent",
      eventTime: "2025-04-20T13:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      bizStep: "commissioning",
      disposition: "active",
      inputQuantityList: [{ epcClass: CASSAVA, quantity: 10_000, uom: "KGM" }],
      outputQuantityList: [{ epcClass: TAPIOCA, quantity: 2_500, uom: "KGM" }],
      readPoint: { id: FARM },
      bizLocation: { id: FARM },
      ilmd: { "lb:commodity": "tapioka" },
    },
    {
      type: "AggregationEvent",
      eventTime: "2025-04-21T09:00:00+07:00",
      eventTimeZoneOffset: "+07:00",
      action: "ADD",
      bizStep: "packing",
      disposition: "container_closed",
      parentID: PALLET_OUT,
      childQuantityList: [{ epcClass: TAPIOCA, quantity: 2_500, uom: "KGM" }],
      readPoint: { id: FARM },
    },
  ]);

/** The market sells it, with its retail price per kg. */
const SALE = () =>
  doc([
    hop(
      "retail_selling",
      "retail_sold",
      PALLET_OUT,
      "2025-04-25T10:00:00+07:00",
      SITE["pasar-induk-kramat-jati"] ?? "",
      {
        "lb:retailPrice": 12_000,
      },
    ),
  ]);

async function capture(token: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseURL}/epcis/capture`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/ld+json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBe(202);
  expect(JSON.parse(text), text).toMatchObject({ success: true, running: false });
}

const ID_LABELS = [
  "Panen dicatat",
  "Dikemas",
  "Dikirim",
  "Tiba",
  "Berangkat",
  "Tiba",
  "Diterima",
  `Diolah di ${FARM_NAME}`,
  "Dikemas",
  "Dijual",
];

async function stepLabels(page: Page): Promise<string[]> {
  const labels = page.getByTestId("trace-timeline").getByTestId("step-label");
  await labels.first().waitFor();
  return (await labels.allTextContents()).map((s) => s.trim());
}

/** Nothing sticks out sideways: the page fits the phone's width. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function tokenOf(email: string): Promise<string> {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: email, password: DEMO_PASSWORD }),
  });
  const session = (await login.json()) as { token?: string };
  expect(login.status, JSON.stringify(session)).toBe(200);
  expect(session.token).toBeTruthy();
  return session.token as string;
}

beforeAll(async () => {
  browser = await launchChromium();
  koperasiToken = await tokenOf("koperasi@lumbung.test");
  const sites = await fetch(`${baseURL}/api/v1/sites`, {
    headers: { authorization: `Bearer ${koperasiToken}` },
  });
  expect(sites.status).toBe(200);
  for (const site of ((await sites.json()) as { items: { code: string; sgln: string | null }[] }).items) {
    if (site.sgln) SITE[site.code] = site.sgln;
  }
  // The koperasi's first lot issues its farm GLN; the journey starts there.
  const lot = await fetch(`${baseURL}/api/v1/lots`, {
    method: "POST",
    headers: { authorization: `Bearer ${koperasiToken}`, "content-type": "application/json" },
    body: JSON.stringify({
      commodityCode: "singkong",
      quantity: "250",
      unit: "kg",
      harvestDate: "2025-04-14",
      villageCode: "18.72.01.1001",
      grade: "B",
    }),
  });
  const declared = (await lot.json()) as { farm?: { sgln?: string } };
  expect(lot.status, JSON.stringify(declared)).toBe(201);
  FARM = declared.farm?.sgln ?? "";
  await capture(koperasiToken, J1());
  await capture(await tokenOf("bumd@lumbung.test"), RECEIPT());
  await capture(koperasiToken, J5());
  await capture(await tokenOf("pasar@lumbung.test"), SALE());
});

afterAll(async () => {
  await browser?.close();
});

describe("public trace (behind the QR on a label)", () => {
  const productPath = digitalLinkPath(TAPIOCA);

  test("the Digital Link path is the GTIN-14 with its check digit and the lot", () => {
    expect(productPath).toMatch(/^\/01\/0899123412346\d\/10\/E2E-TPK-/);
    const gtin = productPath.split("/")[2] ?? "";
    expect(checkDigit(gtin.slice(0, 13))).toBe(Number(gtin[13]));
  });

  test("anyone who scans the QR sees the farm, the farm-gate price, the journey and the corridor map", async () => {
    await withPage(
      browser,
      "trace-mobile",
      { viewport: MOBILE },
      async ({ page, pageErrors, screenshot }) => {
        await page.goto(`${baseURL}${productPath}`);
        await page.getByRole("heading", { level: 1, name: "Asal-usul pangan" }).waitFor();
        expect(await htmlLang(page)).toBe("id");
        await page.getByTestId("trace").waitFor();
        // Public: not sent to sign-in, and nobody is signed in.
        expect(new URL(page.url()).pathname).toBe(productPath);
        expect(await page.getByRole("button", { name: "Keluar" }).count()).toBe(0);

        expect(await visibleText(page.getByTestId("trace-kind"))).toBe("Lot produk");
        // The food is named, and what it was made from.
        expect(await visibleText(page.getByTestId("trace-food-name"))).toBe("Tepung tapioka");
        const food = await visibleText(page.getByTestId("trace-food"));
        expect(food).toContain("Diolah dari Singkong (ubi kayu)");
        expect(food).toContain("dari Kota Metro");
        expect(await visibleText(page.getByTestId("origin-producer"))).toBe("Gapoktan Sari Makmur");
        expect(await visibleText(page.getByTestId("origin-village"))).toBe("Metro");
        expect(await visibleText(page.getByTestId("origin-district"))).toBe("Metro Pusat");
        expect(await visibleText(page.getByTestId("origin-regency"))).toBe("Kota Metro, Lampung");
        const origin = await visibleText(page.getByTestId("trace-origin"));
        expect(origin).toContain("14 April 2025");
        expect(origin).toContain("Premium");
        expect(origin).toContain("10.000 kg");
        expect(origin).toContain(CASSAVA_LOT);
        const price = await visibleText(page.getByTestId("farm-gate-price"));
        expect(price).toContain("Harga di tingkat petani");
        expect(price).toMatch(/Rp\s?1\.450\s+per kg/);

        // 4 kg of cassava at Rp 1.450 in each kg of tapioca sold at Rp 12.000: 48,3 %.
        expect(await visibleText(page.getByTestId("farmers-share-percent"))).toBe("48,3%");
        const share = await visibleText(page.getByTestId("farmers-share"));
        expect(share).toMatch(/Rp\s?12\.000/);
        expect(share).toMatch(/Rp\s?5\.800/);
        expect(share).toContain("1 kg produk ini memerlukan 4 kg hasil panen.");

        expect(await stepLabels(page)).toEqual(ID_LABELS);
        const timeline = await visibleText(page.getByTestId("trace-timeline"));
        expect(timeline).toContain("15 Apr 2025, 06.00 WIB");
        // Places by name: the farm by its village, the corridor's sites by theirs.
        for (const place of [
          FARM_NAME,
          "Hub Pelabuhan Panjang",
          "Hub Pelabuhan Tanjung Priok",
          "Gudang Bersama Jakarta (Cipinang)",
          "Pasar Induk Kramat Jati",
        ]) {
          expect(timeline).toContain(place);
        }
        expect(timeline).not.toMatch(/GLN \d{13}/);
        expect(await visibleText(page.getByTestId("step-temperature"))).toMatch(/27,5–29 °C/);

        const current = await visibleText(page.getByTestId("trace-current"));
        expect(current).toContain("Posisi terakhir");
        expect(current).toContain("Dijual");
        expect(current).toContain("25 Apr 2025, 10.00 WIB");
        // The lot's own last step packed it: its pallet was sold, and the page says so.
        expect(current).toContain("palet atau kemasan");
        expect(await visibleText(page.getByTestId("trace-holder"))).toContain("Gapoktan Sari Makmur");

        // The map draws the places from their coordinates and says in words what it shows.
        const map = page.getByRole("img", {
          name: /Peta perjalanan pangan ini di koridor Lampung–DKI Jakarta/,
        });
        await map.waitFor();
        expect(await page.getByTestId("corridor-map").locator("desc").textContent()).toBe(
          `Urutan tempat: 1. ${FARM_NAME}; 2. Hub Pelabuhan Panjang; 3. Hub Pelabuhan Tanjung Priok; ` +
            `4. Gudang Bersama Jakarta (Cipinang); 5. ${FARM_NAME}; 6. Pasar Induk Kramat Jati.`,
        );
        // The farm (twice), Panjang, and Jakarta's three sites a few kilometres apart as one marker.
        const markers = page.getByTestId("corridor-map").locator(".geo-marker text");
        expect(await markers.allTextContents()).toEqual(["1,5", "2", "3,4,6"]);
        expect(await visibleText(page.getByTestId("map-places"))).toContain("(perkiraan)");
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot("trace-mobile-id");

        await page.getByTestId("lang-toggle").click();
        await page.getByRole("heading", { level: 1, name: "Food origin" }).waitFor();
        expect(await htmlLang(page)).toBe("en");
        expect(await visibleText(page.getByTestId("trace-food-name"))).toBe("Tapioca starch");
        expect((await stepLabels(page)).slice(0, 3)).toEqual(["Harvest recorded", "Packed", "Shipped"]);
        expect((await stepLabels(page))[7]).toBe(`Processed at ${FARM_NAME}`);
        expect(await visibleText(page.getByTestId("farm-gate-price"))).toContain("Farm-gate price");
        expect(await visibleText(page.getByTestId("farmers-share"))).toContain("Farmer's share");
        await page.getByRole("img", { name: /Map of this food's journey/ }).waitFor();
        await screenshot("trace-mobile-en");
        expect(pageErrors).toEqual([]);
      },
    );
  });

  test("the trace reads well on a desktop and at 360 px", async () => {
    await withPage(
      browser,
      "trace-desktop",
      { viewport: DESKTOP },
      async ({ page, pageErrors, screenshot }) => {
        await page.goto(`${baseURL}${productPath}`);
        await page.getByTestId("trace-timeline").waitFor();
        expect(await stepLabels(page)).toEqual(ID_LABELS);
        await screenshot("trace-desktop-id");

        await page.setViewportSize({ width: 360, height: 740 });
        await page.getByTestId("corridor-map").waitFor();
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot("trace-360-id");

        // Large text / high contrast still fits the narrow phone.
        await page.getByTestId("a11y-toggle").click();
        expect(await page.locator("html").getAttribute("class")).toContain("a11y");
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot("trace-360-large-text");
        expect(pageErrors).toEqual([]);
      },
    );
  });

  test("a code typed from under the barcode is traced on /lacak", async () => {
    await withPage(
      browser,
      "trace-search",
      { viewport: MOBILE },
      async ({ page, pageErrors, screenshot }) => {
        await page.goto(`${baseURL}/lacak`);
        await page.getByRole("heading", { level: 1, name: "Lacak asal-usul pangan" }).waitFor();
        // Nothing typed: said beside the field, nothing sent.
        await page.getByRole("button", { name: "Lacak", exact: true }).click();
        await page.getByText("Wajib diisi.").waitFor();

        const gtin = productPath.split("/")[2];
        await page.getByLabel("Kode pada label").fill(`(01)${gtin}(10)${TAPIOCA_LOT}`);
        await page.getByRole("button", { name: "Lacak", exact: true }).click();
        await page.getByTestId("trace-timeline").waitFor();
        expect(new URL(page.url()).searchParams.get("epc")).toBe(`(01)${gtin}(10)${TAPIOCA_LOT}`);
        expect(await visibleText(page.getByTestId("origin-producer"))).toBe("Gapoktan Sari Makmur");
        expect(await stepLabels(page)).toEqual(ID_LABELS);
        await screenshot("trace-search-id");
        expect(pageErrors).toEqual([]);
      },
    );
  });

  test("the SSCC on a pallet label leads to the same farm", async () => {
    await withPage(
      browser,
      "trace-pallet",
      { viewport: MOBILE },
      async ({ page, pageErrors, screenshot }) => {
        await page.goto(`${baseURL}${ssccPath(PALLET_OUT)}`);
        await page.getByTestId("trace").waitFor();
        expect(await visibleText(page.getByTestId("trace-kind"))).toBe("Palet atau kemasan kiriman");
        expect(await visibleText(page.getByTestId("origin-producer"))).toBe("Gapoktan Sari Makmur");
        expect((await stepLabels(page)).at(-1)).toBe("Dijual");
        await screenshot("trace-pallet-id");
        expect(pageErrors).toEqual([]);
      },
    );
  });

  test("a GTIN without a lot lists the product's lots, each leading to its own trace", async () => {
    await withPage(browser, "trace-gtin", { viewport: MOBILE }, async ({ page, pageErrors, screenshot }) => {
      const gtinPath = productPath.replace(/\/10\/.*$/, "");
      await page.goto(`${baseURL}${gtinPath}`);
      await page.getByTestId("product-lots").waitFor();
      expect(await visibleText(page.getByTestId("trace-kind"))).toBe("Produk (semua lot)");
      const lots = await visibleText(page.getByTestId("product-lots"));
      expect(lots).toContain(TAPIOCA_LOT);
      expect(lots).toContain("Tepung tapioka");
      await screenshot("trace-gtin-id");
      await page.getByRole("link", { name: TAPIOCA_LOT }).click();
      await page.getByTestId("trace-timeline").waitFor();
      expect(new URL(page.url()).pathname).toBe(productPath);
      expect(await stepLabels(page)).toEqual(ID_LABELS);
      expect(pageErrors).toEqual([]);
    });
  });

  test("a code nobody recorded says so, in both languages", async () => {
    await withPage(
      browser,
      "trace-unknown",
      { viewport: MOBILE },
      async ({ page, pageErrors, screenshot }) => {
        const unknownPath = digitalLinkPath(ids.lot("012346", `NOPE-${RUN}`));
        await page.goto(`${baseURL}${unknownPath}`);
        await page.getByRole("heading", { level: 1, name: "Asal-usul pangan" }).waitFor();
        const missing = page.getByTestId("trace-not-found");
        expect(await visibleText(missing)).toContain("Kode ini belum tercatat di Lumbung");
        expect(await page.getByTestId("trace").count()).toBe(0);
        await screenshot("trace-unknown-id");

        await page.getByTestId("lang-toggle").click();
        expect(await visibleText(page.getByTestId("trace-not-found"))).toContain(
          "This code is not recorded in Lumbung yet",
        );

        // Something that is no code at all.
        await page.goto(`${baseURL}/lacak?epc=karung-beras-12`);
        expect(await visibleText(page.getByTestId("trace-bad-code"))).toContain("Code not recognised");
        await screenshot("trace-bad-code-en");
        expect(pageErrors).toEqual([]);
      },
    );
  });
});

describe("harvest lots (koperasi console)", () => {
  async function lotCount(): Promise<number> {
    const res = await fetch(`${baseURL}/api/v1/lots?limit=200`, {
      headers: { authorization: `Bearer ${koperasiToken}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: unknown[] }).items.length;
  }

  test("a koperasi declares a lot (a double click makes one), sees its QR and opens its label", async () => {
    await withPage(
      browser,
      "lot-declare",
      { viewport: DESKTOP },
      async ({ page, pageErrors, screenshot }) => {
        const before = await lotCount();
        await page.goto(`${baseURL}/masuk`);
        await signIn(page, "koperasi@lumbung.test");
        await page.getByTestId("console-home").waitFor();
        await page.goto(`${baseURL}/konsol/lot`);
        await page.getByTestId("lots-table").waitFor();
        await page.getByTestId("lot-new").click();
        await page.getByTestId("lot-form").waitFor();

        // Nothing filled: every required field says so beside itself, nothing is sent.
        await page.getByTestId("lot-submit").click();
        expect(await visibleText(page.getByTestId("lot-form-error"))).toContain("Periksa kembali isian");
        expect(await page.locator(".field-error").count()).toBeGreaterThanOrEqual(5);

        await page.getByTestId("lot-commodity").selectOption("singkong");
        await page.getByTestId("lot-quantity").fill("1,5");
        await page.getByTestId("lot-unit").selectOption("ton");
        await page.getByTestId("lot-harvest-date").fill("2025-04-14");
        await page.getByTestId("lot-regency").selectOption("18.72");
        await page.getByTestId("lot-district").selectOption("18.72.01");
        await page.getByTestId("lot-village").selectOption("18.72.01.1001");
        // A grade the server refuses: its message comes back beside the field.
        await page.getByTestId("lot-grade").fill("A#1");
        await page.getByTestId("lot-price").fill("1.450");
        await page.getByTestId("lot-submit").click();
        const gradeError = page
          .locator(".field-invalid", { has: page.getByTestId("lot-grade") })
          .locator(".field-error");
        expect(await visibleText(gradeError)).toMatch(/huruf, angka/);
        expect(await lotCount()).toBe(before);
        await screenshot("lot-form-server-error");

        await page.getByTestId("lot-grade").fill("A");
        await page.getByTestId("lot-submit").dblclick();
        await page.getByTestId("lot-detail").waitFor();
        expect(await visibleText(page.getByRole("status"))).toContain("terdaftar");
        const code = await visibleText(page.getByTestId("lot-code"));
        expect(code).toMatch(/^L20250414-\d{3}$/);
        expect(await visibleText(page.getByTestId("lot-digital-link"))).toContain(`/10/${code}`);
        // The QR is an image the server drew for this lot.
        const qr = page.getByTestId("lot-qr");
        await qr.waitFor();
        await page.waitForFunction(
          () =>
            ((document.querySelector('[data-testid="lot-qr"]') as HTMLImageElement | null)?.naturalWidth ??
              0) > 0,
        );
        const label = page.getByTestId("lot-label");
        const href = (await label.getAttribute("href")) ?? "";
        expect(href).toMatch(/^\/api\/v1\/lots\/[^/]+\/label\.pdf$/);
        const pdf = await page.request.get(`${baseURL}${href}`);
        expect(pdf.status()).toBe(200);
        expect(pdf.headers()["content-type"]).toBe("application/pdf");
        expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
        await screenshot("lot-declared-desktop");
        // Two clicks, one lot.
        expect(await lotCount()).toBe(before + 1);

        // Listed, and filtered by commodity.
        await page.goto(`${baseURL}/konsol/lot?commodity=singkong`);
        await page.getByTestId("lots-table").waitFor();
        expect(await visibleText(page.getByTestId("lots-table"))).toContain(code);
        await page.goto(`${baseURL}/konsol/lot?commodity=beras-medium`);
        await page.getByText("Tidak ada lot yang cocok dengan saringan ini.").waitFor();
        await screenshot("lots-empty-filter");
        expect(pageErrors).toEqual([]);
      },
    );
  });

  test("the lot form fits a phone in large text", async () => {
    await withPage(
      browser,
      "lot-form-mobile",
      { viewport: MOBILE },
      async ({ page, pageErrors, screenshot }) => {
        await page.goto(`${baseURL}/masuk`);
        await signIn(page, "koperasi@lumbung.test");
        await page.getByTestId("console-home").waitFor();
        await page.goto(`${baseURL}/konsol/lot/baru`);
        await page.getByTestId("lot-form").waitFor();
        await page.getByTestId("a11y-toggle").click();
        await page.getByTestId("lot-regency").selectOption("18.02");
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot("lot-form-mobile-large-text");
        expect(pageErrors).toEqual([]);
      },
    );
  });
});
