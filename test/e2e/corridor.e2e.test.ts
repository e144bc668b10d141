/**
 * The corridor journeys of PRODUCT.md walked in the browser, each step by the person who does it:
 *   J1 farm to market: declare a lot, print its label, pack, ship by ro-ro, receive and inspect at
 *      Panjang, sail, receive at Priok, receive at the Jakarta shared warehouse, store, pick, deliver to
 *      Pasar Induk Kramat Jati — then a shopper scans the QR and sees farm, journey and farmer's share;
 *   J5 hilirisasi: cassava lots enter the tapioca mill, a run passes the mass-balance check, and the
 *      product lot's QR traces back to the farm.
 * Steps outside this screens (a market's cash register sending the retail price) use the API,
 * as those systems would.
 */
import type { APIRequestContext, Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  type Actor,
  json,
  launchChromium,
  MOBILE,
  screenshot,
  signedInActor,
  step,
  visibleText,
} from "./browser.ts";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const signedIn = (email: string): Promise<Actor> => signedInActor(browser, baseURL, email);

interface Parties {
  receivers: { id: string; name: string }[];
  carriers: { id: string; name: string }[];
}

async function organisationId(api: APIRequestContext, name: string): Promise<string> {
  const parties = await json<Parties>(await api.get(`${baseURL}/api/v1/shipments/parties`));
  const org = parties.receivers.find((o) => o.name === name);
  if (!org) throw new Error(`${name} is not a receiver`);
  return org.id;
}

describe("J1 farm to market", () => {
  test("a lot goes from a Lampung farm through Panjang and Priok to a Jakarta market, and the public traces it", async () => {
    // 1. The koperasi declares the harvest lot and prints its label.
    const koperasi = await signedIn("koperasi@lumbung.test");
    const lot = await step(koperasi, "j1-declare", async (page) => {
      await page.goto(`${baseURL}/konsol/lot/baru`);
      await page.getByTestId("lot-commodity").selectOption("cabai-rawit");
      await page.getByTestId("lot-quantity").fill("1000");
      await page.getByTestId("lot-unit").selectOption("kg");
      await page.getByTestId("lot-grade").fill("A");
      await page.getByTestId("lot-harvest-date").fill("2025-04-14");
      await page.getByTestId("lot-regency").selectOption("18.72");
      await page.getByTestId("lot-district").selectOption("18.72.01");
      await page.getByTestId("lot-village").selectOption("18.72.01.1001");
      await page.getByTestId("lot-price").fill("30000");
      await screenshot(page, "j1-1-declare");
      await page.getByTestId("lot-submit").click();
      await page.getByTestId("lot-detail").waitFor();
      const id = page.url().split("/").pop() as string;
      const label = await page.getByTestId("lot-label").getAttribute("href");
      const pdf = await page.request.get(`${baseURL}${label}`);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
      await screenshot(page, "j1-2-lot");
      return json<{ id: string; lgtin: string; gtin: string; lotCode: string; digitalLink: string }>(
        await page.request.get(`${baseURL}/api/v1/lots/${id}`),
      );
    });

    // 2. It packs most of the lot on a pallet and sends the pallet and the rest to Food Station by ro-ro.
    const foodStation = await organisationId(koperasi.api, "PT Food Station Tjipinang Jaya");
    const { sscc, number, shipmentId } = await step(koperasi, "j1-ship", async (page) => {
      await page.goto(`${baseURL}/konsol/pengiriman/kemas`);
      await page.getByTestId("pack-lot-0").selectOption(lot.id);
      await page.getByTestId("pack-kg-0").fill("600");
      await page.getByTestId("pack-submit").click();
      const sscc = await visibleText(page.getByTestId("pack-result-sscc"));

      await page.goto(`${baseURL}/konsol/pengiriman/baru`);
      const parties = await json<Parties>(await page.request.get(`${baseURL}/api/v1/shipments/parties`));
      const carrier = parties.carriers[0]?.id as string;
      await page.getByTestId("new-shipment-receiver").selectOption(foodStation);
      await page.getByTestId("new-shipment-destination").selectOption("gudang-bersama-jakarta");
      await page.getByTestId("new-shipment-route-roro").check();
      await page.getByTestId("line-kind-0").selectOption("container");
      await page.getByTestId("line-code-0").fill(sscc);
      await page.getByTestId("line-add").click();
      await page.getByTestId("line-kind-1").selectOption("lot");
      await page.getByTestId("line-code-1").fill(lot.lgtin);
      await page.getByTestId("line-kg-1").fill("400");
      await page.getByTestId("leg-carrier-1").selectOption(carrier);
      await page.getByTestId("leg-vehicle-1").fill("BE 8123 AU");
      await page.getByTestId("leg-carrier-3").selectOption(carrier);
      await page.getByTestId("leg-vehicle-3").fill("B 9012 KJ");
      await screenshot(page, "j1-3-new-shipment");
      await page.getByTestId("new-shipment-submit").click();
      const number = (await page.getByTestId("shipment-number").textContent())?.trim() as string;
      const shipmentId = page.url().split("/").pop() as string;
      const surat = await page.getByTestId("shipment-surat-jalan").getAttribute("href");
      expect((await (await page.request.get(`${baseURL}${surat}`)).body()).subarray(0, 4).toString()).toBe(
        "%PDF",
      );
      await page.getByTestId("shipment-dispatch").click();
      await page.locator('[data-testid="shipment-status"][data-status="in_transit"]').waitFor();
      await screenshot(page, "j1-4-dispatched");
      return { sscc, number, shipmentId };
    });
    await koperasi.close();

    // 3. Panjang scans the pallet in, inspects, and loads it on the ro-ro ship.
    const panjang = await signedIn("hub@lumbung.test");
    await step(panjang, "j1-panjang", async (page) => {
      await page.goto(`${baseURL}/konsol/hub`);
      await page.getByTestId("hub-scan-input").fill(sscc);
      await page.getByTestId("hub-scan-submit").click();
      await page.getByTestId("hub-scan-result").getByText(number).waitFor();
      await page.getByTestId(`hub-inspect-${number}`).click();
      await page.getByTestId("hub-inspect-outcome-conformant").check();
      await page.getByTestId("hub-inspect-submit").click();
      await page.getByTestId("hub-onsite-inspected").getByTestId(`hub-entry-${number}`).waitFor();
      await screenshot(page, "j1-5-panjang");
      await page.getByTestId(`hub-dispatch-${number}`).click();
      await page.getByTestId(`hub-entry-${number}`).waitFor({ state: "detached" });
    });
    await panjang.close();

    // 4. Priok scans the shipment off the ship and sends it on by truck.
    const priok = await signedIn("priok@lumbung.test");
    await step(priok, "j1-priok", async (page) => {
      await page.goto(`${baseURL}/konsol/hub`);
      await page.getByTestId("hub-expected").getByTestId(`hub-entry-${number}`).waitFor();
      await page.getByTestId("hub-scan-input").fill(number);
      await page.getByTestId("hub-scan-input").press("Enter");
      await page.getByTestId("hub-onsite-arrived").getByTestId(`hub-entry-${number}`).waitFor();
      await screenshot(page, "j1-6-priok");
      await page.getByTestId(`hub-dispatch-${number}`).click();
      await page.getByTestId(`hub-entry-${number}`).waitFor({ state: "detached" });
    });
    await priok.close();

    // 5. Food Station receives at its warehouse (custody passes), stores, picks and sends to the market.
    const bumd = await signedIn("bumd@lumbung.test");
    const pasarJaya = await organisationId(bumd.api, "Perumda Pasar Jaya");
    const delivery = await step(bumd, "j1-warehouse", async (page) => {
      await page.goto(`${baseURL}/konsol/pengiriman/${shipmentId}`);
      await page.getByTestId("pod-receiver-name").fill("Rina Hartono");
      await page.getByTestId("pod-submit").click();
      await page.locator('[data-testid="shipment-status"][data-status="delivered"]').waitFor();
      await screenshot(page, "j1-7-received");

      await page.goto(`${baseURL}/konsol/gudang/gudang-bersama-jakarta`);
      // Other tests may have left goods at the dock too: work on this lot's row.
      const atDock = page.locator(
        `[data-testid="stock-row"][data-location="dock"][data-lot="${lot.lotCode}"]`,
      );
      await atDock.getByTestId("stock-action-put-away").click();
      await page.getByTestId("op-zone").selectOption({ index: 1 });
      await page.getByTestId("op-kg").fill("1000");
      await page.getByTestId("op-submit").click();
      await atDock.waitFor({ state: "detached" });
      // Let the page finish refreshing after the put-away before filling the next form.
      await page.locator(`[data-testid="stock-row"][data-lot="${lot.lotCode}"]`).first().waitFor();
      await page.waitForLoadState("networkidle");
      await page.getByTestId("pick-commodity").selectOption("cabai-rawit");
      const pickKg = page.getByTestId("pick-kg");
      await pickKg.fill("500");
      for (let i = 0; i < 3 && (await pickKg.inputValue()) !== "500"; i++) await pickKg.fill("500");
      await page.getByTestId("pick-suggest").click();
      await page.getByTestId("pick-confirm").click();
      await page
        .locator(`[data-testid="stock-row"][data-location="staging"][data-lot="${lot.lotCode}"]`)
        .waitFor();
      await screenshot(page, "j1-8-warehouse");

      await page.goto(`${baseURL}/konsol/pengiriman/baru`);
      await page.getByTestId("new-shipment-receiver").selectOption(pasarJaya);
      await page.getByTestId("new-shipment-origin").selectOption("gudang-bersama-jakarta");
      await page.getByTestId("new-shipment-destination").selectOption("pasar-induk-kramat-jati");
      await page.getByTestId("new-shipment-route-direct").check();
      await page.getByTestId("line-kind-0").selectOption("lot");
      await page.getByTestId("line-code-0").fill(lot.lgtin);
      await page.getByTestId("line-kg-0").fill("500");
      await page.getByTestId("new-shipment-submit").click();
      await page.getByTestId("shipment-detail").waitFor();
      const id = page.url().split("/").pop() as string;
      await page.getByTestId("shipment-dispatch").click();
      await page.locator('[data-testid="shipment-status"][data-status="in_transit"]').waitFor();
      return id;
    });
    await bumd.close();

    // 6. Pasar Jaya receives at Kramat Jati; its cash register reports the retail price.
    const pasar = await signedIn("pasar@lumbung.test");
    await step(pasar, "j1-market", async (page) => {
      await page.goto(`${baseURL}/konsol/pengiriman/${delivery}`);
      await page.getByTestId("pod-submit").click();
      await page.locator('[data-testid="shipment-status"][data-status="delivered"]').waitFor();
      const sites = await json<{ items: { code: string; sgln: string }[] }>(
        await page.request.get(`${baseURL}/api/v1/sites?kind=market`),
      );
      const market = sites.items.find((s) => s.code === "pasar-induk-kramat-jati")?.sgln as string;
      const sale = await page.request.post(`${baseURL}/epcis/events`, {
        headers: { "content-type": "application/json" },
        data: {
          "@context": [
            "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
            { lb: "https://lumbung.go.id/epcis/" },
          ],
          type: "ObjectEvent",
          eventTime: new Date().toISOString(),
          eventTimeZoneOffset: "+07:00",
          action: "OBSERVE",
          bizStep: "retail_selling",
          disposition: "retail_sold",
          quantityList: [{ epcClass: lot.lgtin, quantity: 20, uom: "KGM" }],
          readPoint: { id: market },
          bizLocation: { id: market },
          "lb:retailPrice": 60000,
        },
      });
      expect(sale.status()).toBe(201);
    });
    await pasar.close();

    // 7. A shopper scans the QR on the label: farm, journey and the farmer's share, no sign-in.
    const context = await browser.newContext({
      viewport: MOBILE,
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    try {
      await page.goto(lot.digitalLink.replace(/^https?:\/\/[^/]+/, baseURL));
      await page.getByTestId("trace").waitFor();
      expect(await visibleText(page.getByTestId("origin-producer"))).toContain("Gapoktan Sari Makmur");
      const timeline = await visibleText(page.getByTestId("trace-timeline"));
      for (const place of ["Panjang", "Priok", "Gudang Bersama Jakarta", "Pasar Induk Kramat Jati"]) {
        expect(timeline).toContain(place);
      }
      expect(await visibleText(page.getByTestId("farmers-share-percent"))).toMatch(/50(,0)?\s?%/);
      expect(await page.content()).not.toContain("Rina Hartono");
      await screenshot(page, "j1-9-public-trace");
      expect(errors).toEqual([]);
    } catch (error) {
      await screenshot(page, "FAILED-j1-public").catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  });
});

describe("J5 hilirisasi", () => {
  test("cassava enters the tapioca mill, the run passes the mass balance, and the tapioca traces to the farm", async () => {
    // The koperasi declares cassava and sends it to the mill (the J1 screens, through the API here).
    const koperasi = await signedIn("koperasi@lumbung.test");
    const cassava = await json<{ id: string; lgtin: string }>(
      await koperasi.api.post(`${baseURL}/api/v1/lots`, {
        data: {
          commodityCode: "singkong",
          quantity: "10",
          unit: "ton",
          harvestDate: "2025-04-14",
          villageCode: "18.02.01.2001",
          grade: "A",
          farmGatePrice: 1500,
        },
      }),
    );
    const mill = await organisationId(koperasi.api, "Pabrik Tapioka Lampung Tengah");
    const shipment = await json<{ id: string }>(
      await koperasi.api.post(`${baseURL}/api/v1/shipments`, {
        data: {
          receiverOrganisationId: mill,
          destinationSiteCode: "pabrik-tapioka-lampung-tengah",
          route: "direct",
          plannedDeparture: new Date().toISOString(),
          lines: [{ epc: cassava.lgtin, kg: 10_000 }],
        },
      }),
    );
    await json(await koperasi.api.post(`${baseURL}/api/v1/shipments/${shipment.id}/dispatch`, { data: {} }));
    await koperasi.close();

    const olah = await signedIn("olah@lumbung.test");
    const productLink = await step(olah, "j5-mill", async (page) => {
      await page.goto(`${baseURL}/konsol/pengiriman/${shipment.id}`);
      await page.getByTestId("pod-submit").click();
      await page.locator('[data-testid="shipment-status"][data-status="delivered"]').waitFor();

      await page.goto(`${baseURL}/konsol/olahan`);
      await page.getByTestId("olahan-processes").waitFor();
      expect(await visibleText(page.getByTestId("olahan-process-pengolahan-tapioka"))).toContain("20–30%");
      await page.getByTestId("olahan-input-lot-0").selectOption(cassava.id);
      await page.getByTestId("olahan-input-kg-0").fill("10000");
      await page.getByTestId("olahan-output-kg-0").fill("2500");
      await page.getByTestId("olahan-output-grade-0").fill("SNI mutu I");
      expect(await page.getByTestId("olahan-yield").getAttribute("data-state")).toBe("ok");
      await screenshot(page, "j5-1-run");
      await page.getByTestId("olahan-submit").click();
      await page.getByTestId("olahan-result").waitFor();
      expect(await page.getByTestId("olahan-result").getAttribute("data-flagged")).toBe("false");
      const label = (await page.getByTestId("olahan-label-link").first().getAttribute("href")) as string;
      expect((await (await page.request.get(`${baseURL}${label}`)).body()).subarray(0, 4).toString()).toBe(
        "%PDF",
      );
      await screenshot(page, "j5-2-result");
      const lots = await json<{ items: { digitalLink: string }[] }>(
        await page.request.get(`${baseURL}/api/v1/processing/lots`),
      );
      return lots.items[0]?.digitalLink as string;
    });
    await olah.close();

    const context = await browser.newContext({
      viewport: MOBILE,
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    const page = await context.newPage();
    try {
      await page.goto(productLink.replace(/^https?:\/\/[^/]+/, baseURL));
      await page.getByTestId("trace").waitFor();
      expect(await visibleText(page.getByTestId("trace-food-name"))).toMatch(/tapioka/i);
      expect(await visibleText(page.getByTestId("origin-producer"))).toContain("Gapoktan Sari Makmur");
      expect(await visibleText(page.getByTestId("trace-timeline"))).toContain(
        "Pabrik Tapioka Lampung Tengah",
      );
      await screenshot(page, "j5-3-public-trace");
    } catch (error) {
      await screenshot(page, "FAILED-j5-public").catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  });
});
