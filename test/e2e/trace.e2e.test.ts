import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  DEMO_PASSWORD,
  DESKTOP,
  htmlLang,
  launchChromium,
  MOBILE,
  visibleText,
  withPage,
} from "./browser.ts";

/**
 * The public trace behind the QR on a label: a koperasi records a J1 (farm → Panjang → ro-ro →
 * Priok → shared warehouse) and J5 (cassava milled into tapioca, sold at the market) chain of
 * EPCIS events through the API, then someone who is not signed in opens the tapioca lot's GS1
 * Digital Link on this site, as a phone does after scanning the QR.
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

const J1 = doc([
  {
    type: "ObjectEvent",
    eventTime: "2025-04-15T06:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    action: "ADD",
    bizStep: "commissioning",
    disposition: "active",
    quantityList: [{ epcClass: CASSAVA, quantity: 10_000, uom: "KGM" }],
    readPoint: { id: ids.site("101") },
    bizLocation: { id: ids.site("101") },
    ilmd: {
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
    readPoint: { id: ids.site("101") },
  },
  hop("shipping", "in_transit", PALLET_IN, "2025-04-15T10:00:00+07:00", ids.site("101"), {
    bizTransactionList: [{ type: "po", bizTransaction: `urn:epc:id:gdti:${PREFIX}.00001.${RUN}` }],
    sourceList: [{ type: "owning_party", source: ids.party("1") }],
    destinationList: [{ type: "owning_party", destination: ids.party("2") }],
  }),
  hop("arriving", "in_progress", PALLET_IN, "2025-04-15T14:00:00+07:00", ids.site("201", "1")),
  hop("departing", "in_transit", PALLET_IN, "2025-04-15T23:00:00+07:00", ids.site("201", "2"), {
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
  hop("arriving", "in_progress", PALLET_IN, "2025-04-16T08:00:00+07:00", ids.site("202", "1")),
  hop("receiving", "sellable_not_accessible", PALLET_IN, "2025-04-16T12:00:00+07:00", ids.site("203"), {
    destinationList: [{ type: "owning_party", destination: ids.party("2") }],
  }),
]);

const J5 = doc([
  {
    type: "TransformationEvent",
    eventTime: "2025-04-20T13:00:00+07:00",
    eventTimeZoneOffset: "+07:00",
    bizStep: "commissioning",
    disposition: "active",
    inputQuantityList: [{ epcClass: CASSAVA, quantity: 10_000, uom: "KGM" }],
    outputQuantityList: [{ epcClass: TAPIOCA, quantity: 2_500, uom: "KGM" }],
    readPoint: { id: ids.site("301") },
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
    readPoint: { id: ids.site("301") },
  },
  hop("retail_selling", "retail_sold", PALLET_OUT, "2025-04-25T10:00:00+07:00", ids.site("401")),
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
  "Diolah menjadi produk baru",
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

beforeAll(async () => {
  browser = await launchChromium();
  const login = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: "koperasi@lumbung.test", password: DEMO_PASSWORD }),
  });
  const session = (await login.json()) as { token?: string };
  expect(login.status, JSON.stringify(session)).toBe(200);
  expect(session.token).toBeTruthy();
  await capture(session.token as string, J1);
  await capture(session.token as string, J5);
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
        expect(await visibleText(page.getByTestId("origin-producer"))).toBe("Gapoktan Sari Makmur");
        expect(await visibleText(page.getByTestId("origin-village"))).toBe("Metro");
        expect(await visibleText(page.getByTestId("origin-regency"))).toBe("Kota Metro, Lampung");
        const origin = await visibleText(page.getByTestId("trace-origin"));
        expect(origin).toContain("14 April 2025");
        expect(origin).toContain("Premium");
        expect(origin).toContain("10.000 kg");
        expect(origin).toContain(CASSAVA_LOT);
        const price = await visibleText(page.getByTestId("farm-gate-price"));
        expect(price).toContain("Harga di tingkat petani");
        expect(price).toMatch(/Rp\s?1\.450\s+per kg/);

        expect(await stepLabels(page)).toEqual(ID_LABELS);
        const timeline = await visibleText(page.getByTestId("trace-timeline"));
        expect(timeline).toContain("15 Apr 2025, 06.00 WIB");
        expect(timeline).toMatch(/GLN 8991234002\d{2}/);
        expect(await visibleText(page.getByTestId("step-temperature"))).toMatch(/27,5–29 °C/);

        const current = await visibleText(page.getByTestId("trace-current"));
        expect(current).toContain("Posisi terakhir");
        expect(current).toContain("Dijual");
        expect(current).toContain("25 Apr 2025, 10.00 WIB");
        // The lot's own last step packed it: its pallet was sold, and the page says so.
        expect(current).toContain("palet atau kemasan");

        // The schematic map says in words what it shows.
        const map = page.getByRole("img", { name: /Peta skematis koridor pangan Lampung–DKI Jakarta/ });
        await map.waitFor();
        expect(await page.getByTestId("corridor-map").locator("desc").textContent()).toBe(
          "Tahap yang sudah tercatat: Lahan petani Lampung, Pelabuhan Panjang, Kapal ro-ro, Tanjung Priok, Gudang Jakarta, Pasar.",
        );
        expect(await horizontalOverflow(page)).toBe(0);
        await screenshot("trace-mobile-id");

        await page.getByTestId("lang-toggle").click();
        await page.getByRole("heading", { level: 1, name: "Food origin" }).waitFor();
        expect(await htmlLang(page)).toBe("en");
        expect((await stepLabels(page)).slice(0, 3)).toEqual(["Harvest recorded", "Packed", "Shipped"]);
        expect(await visibleText(page.getByTestId("farm-gate-price"))).toContain("Farm-gate price");
        await page
          .getByRole("img", { name: /Schematic map of the Lampung–DKI Jakarta food corridor/ })
          .waitFor();
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
