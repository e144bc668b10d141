/**
 * BUMD procurement in the browser: Gapoktan Sari Makmur's rice offer (its lot declared through the
 * API) → Food Station orders from the console → the gapoktan accepts part of it and dispatches it from
 * its lot → Food Station signs for the delivery (the shipments API, as its warehouse scanner would) →
 * the gapoktan invoices what was accepted → Food Station records its bank transfer → paid.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Actor, json, launchChromium, screenshot, signedInActor, step, visibleText } from "./browser.ts";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const signedIn = (email: string): Promise<Actor> => signedInActor(browser, baseURL, email);

function todayWIB(offset = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

describe("a BUMD purchase order from offer to paid invoice", () => {
  test("offer → order → partial acceptance → shipment → receipt → invoice → paid", async () => {
    const koperasi = await signedIn("koperasi@lumbung.test");
    const bumd = await signedIn("bumd@lumbung.test");

    // The gapoktan's rice lot and its offer, through the API.
    const lot = await json<{ id: string; lgtin: string; lotCode: string }>(
      await koperasi.api.post(`${baseURL}/api/v1/lots`, {
        data: {
          commodityCode: "beras-medium",
          quantity: "1000",
          unit: "kg",
          harvestDate: todayWIB(-2),
          villageCode: "18.72.01.1001",
          grade: "medium",
          farmGatePrice: 9_100,
        },
      }),
    );
    const offer = await json<{ id: string }>(
      await koperasi.api.post(`${baseURL}/api/v1/procurement/offers`, {
        data: {
          commodityCode: "beras-medium",
          grade: "medium e2e",
          quantityKg: 900,
          pricePerKg: 11_700,
          availableFrom: todayWIB(),
          availableUntil: todayWIB(20),
          pickupRegencyCode: "18.72",
          pickupAddress: "Gudang Gapoktan, Metro",
          lots: [lot.id],
        },
      }),
    );

    // Food Station orders 600 kg from the offer in its console.
    const orderId = await step(bumd, "procurement-order", async (page) => {
      await page.goto(`${baseURL}/konsol/pengadaan/penawaran`);
      await page.getByTestId(`pr-offer-order-${offer.id}`).click();
      await page.getByTestId("pr-order-offer").waitFor();
      await page.getByTestId("pr-order-quantity").fill("600");
      await page.getByTestId("pr-order-site").selectOption("gudang-bersama-jakarta");
      await page.getByTestId("pr-order-deliver-by").fill(todayWIB(5));
      await page.getByTestId("pr-order-submit").click();
      await page.getByTestId("pr-order-facts").waitFor();
      expect(await visibleText(page.getByTestId("pr-order-total"))).toContain("7.020.000");
      await screenshot(page, "procurement-order-sent");
      return page.url().split("/").at(-1) as string;
    });

    // The gapoktan accepts 500 kg, then ships them from its lot.
    await step(koperasi, "procurement-respond", async (page) => {
      await page.goto(`${baseURL}/konsol/pengadaan/po/${orderId}`);
      await page.getByTestId("pr-respond-partial").check();
      await page.getByTestId("pr-respond-kg-1").fill("500");
      await page.getByTestId("pr-respond-reason").fill("Baru 500 kg yang kering giling");
      await page.getByTestId("pr-respond-submit").click();
      await page.getByTestId("pr-dispatch-form").waitFor();
      expect(await visibleText(page.getByTestId("procurement-status").first())).toBe("Diterima sebagian");
      await page.getByTestId("pr-dispatch-lot-1").selectOption(lot.id);
      await page.getByTestId("pr-dispatch-kg-1").fill("500");
      await page.getByTestId("pr-dispatch-submit").click();
      await page.getByTestId("pr-order-shipments").waitFor();
      expect(await visibleText(page.getByTestId("procurement-status").first())).toBe("Dikirim");
      await screenshot(page, "procurement-dispatched");
    });

    // Food Station's warehouse signs for it: 495 kg accepted, 5 kg wet.
    const order = await json<{ shipments: { id: string }[] }>(
      await bumd.api.get(`${baseURL}/api/v1/procurement/orders/${orderId}`),
    );
    await json(
      await bumd.api.post(`${baseURL}/api/v1/shipments/${order.shipments[0]?.id}/receive`, {
        data: { lines: [{ lineNo: 1, acceptedKg: 495, rejectedKg: 5, reason: "Satu karung basah" }] },
      }),
    );

    // The gapoktan invoices what was accepted.
    await step(koperasi, "procurement-invoice", async (page) => {
      await page.goto(`${baseURL}/konsol/pengadaan/po/${orderId}`);
      expect(await visibleText(page.getByTestId("pr-line-delivered-1"))).toBe("495 kg");
      await page.getByTestId("pr-order-issue-invoice").click();
      await page.getByTestId("pr-invoice-facts").waitFor();
      expect(await visibleText(page.getByTestId("pr-invoice-amount"))).toContain("5.791.500");
    });

    // Food Station records its transfer: paid.
    await step(bumd, "procurement-pay", async (page) => {
      await page.goto(`${baseURL}/konsol/pengadaan/faktur`);
      await page.getByRole("link", { name: /^INV-/ }).first().click();
      await page.getByTestId("pr-pay-reference").fill("BNI-TRF-E2E-0001");
      await page.getByTestId("pr-pay-submit").click();
      expect(await visibleText(page.getByTestId("pr-invoice-paid"))).toContain("BNI-TRF-E2E-0001");
      await screenshot(page, "procurement-paid");
      await page.goto(`${baseURL}/konsol/pengadaan/po/${orderId}`);
      expect(await visibleText(page.getByTestId("procurement-status").first())).toBe("Lunas");
    });

    await koperasi.close();
    await bumd.close();
  });
});
