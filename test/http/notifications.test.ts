import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createNotificationsService,
  type NotificationAdapter,
  simulatedSmsAdapter,
} from "../../src/modules/notifications";
import { notificationOutbox } from "../../src/modules/notifications/notifications.tables";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const t = useTestApp();
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

async function call(method: "GET" | "POST" | "PUT", url: string, token?: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: token ? bearer(token) : {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
}

async function inbox(token: string, query = "") {
  const res = await call("GET", `/api/v1/notifications${query}`, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: {
      id: string;
      kind: string;
      title: { id: string };
      payload: { link?: string };
      readAt: string | null;
    }[];
    nextOffset: number | null;
    unread: number;
  };
}

function item(recipientUserId: string, n: number, link?: string) {
  return {
    recipientUserId,
    kind: "lapor.state_changed",
    title: { id: `Laporan ${n} diproses`, en: `Report ${n} in progress` },
    body: { id: "Dinas PU mulai menangani laporan Anda.", en: "Dinas PU started on your report." },
    payload: link ? { link } : {},
  };
}

beforeAll(async () => {
  for (const who of ["warga", "dinas", "admin"] as const) {
    tokens[who] = await t.login(DEMO_EMAILS[who]);
    ids[who] = (await call("GET", "/api/v1/auth/me", tokens[who])).json().user.id;
  }
});

describe("the in-app inbox", () => {
  it("is for signed-in people only", async () => {
    expectProblem(await call("GET", "/api/v1/notifications"), 401, "auth.unauthenticated");
    expectProblem(
      await call("POST", "/api/v1/notifications/read", undefined, {}),
      401,
      "auth.unauthenticated",
    );
    expectProblem(await call("GET", "/api/v1/notifications/preferences"), 401, "auth.unauthenticated");
  });

  it("lists a citizen's notifications newest first with the unread count, never another's", async () => {
    const { notifications } = t.app.services;
    const written = await t.database.db.transaction((tx) =>
      notifications.enqueue(tx, [
        item(ids.warga as string, 1, "/lapor/lpr_1"),
        item(ids.warga as string, 2),
        item(ids.dinas as string, 3),
      ]),
    );
    expect(written).toBe(3); // in-app only: nobody has another channel yet
    const mine = await inbox(tokens.warga as string);
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n) => n.title.id).sort()).toEqual(["Laporan 1 diproses", "Laporan 2 diproses"]);
    expect(mine.items.find((n) => n.title.id === "Laporan 1 diproses")?.payload.link).toBe("/lapor/lpr_1");
    expect(mine.items.every((n) => n.readAt === null)).toBe(true);
    expect((await inbox(tokens.dinas as string)).items.map((n) => n.title.id)).toEqual([
      "Laporan 3 diproses",
    ]);
    const page = await inbox(tokens.warga as string, "?limit=1");
    expect(page.items).toHaveLength(1);
    expect(page.nextOffset).toBe(1);
  });

  it("keeps read state on the server: some ids, then all; another's ids are left alone", async () => {
    const mine = await inbox(tokens.warga as string);
    const dinasItem = (await inbox(tokens.dinas as string)).items[0]?.id as string;
    const first = mine.items[0]?.id as string;
    const res = await call("POST", "/api/v1/notifications/read", tokens.warga, { ids: [first, dinasItem] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: 1, unread: 1 });
    expect((await inbox(tokens.dinas as string)).unread).toBe(1);
    const after = await inbox(tokens.warga as string);
    expect(after.items.find((n) => n.id === first)?.readAt).not.toBeNull();
    const all = await call("POST", "/api/v1/notifications/read", tokens.warga, {});
    expect(all.json()).toEqual({ marked: 1, unread: 0 });
    expect((await inbox(tokens.warga as string)).unread).toBe(0);
  });
});

describe("preferences and the simulated gateways", () => {
  it("validates and normalises addresses per channel", async () => {
    const bad = await call("PUT", "/api/v1/notifications/preferences/sms", tokens.warga, {
      address: "021-5551234",
      enabled: true,
    });
    expect(expectProblem(bad, 400, "notifications.invalid_address").errors?.[0]?.field).toBe("body/address");
    expectProblem(
      await call("PUT", "/api/v1/notifications/preferences/email", tokens.warga, {
        address: "nur@aini",
        enabled: true,
      }),
      400,
      "notifications.invalid_address",
    );
    expectProblem(
      await call("PUT", "/api/v1/notifications/preferences/pigeon", tokens.warga, {
        address: "x@y.id",
        enabled: true,
      }),
      400,
      "request.validation",
    );
    const sms = await call("PUT", "/api/v1/notifications/preferences/sms", tokens.warga, {
      address: "0812-3456-7890",
      enabled: true,
    });
    expect(sms.statusCode, sms.body).toBe(200);
    expect(sms.json()).toMatchObject({
      channel: "sms",
      address: "+6281234567890",
      enabled: true,
      provider: "simulated-sms",
    });
    const email = await call("PUT", "/api/v1/notifications/preferences/email", tokens.warga, {
      address: "Nur.Aini@Contoh.ID",
      enabled: false,
    });
    expect(email.json()).toMatchObject({ address: "nur.aini@contoh.id", enabled: false });
    const prefs = (await call("GET", "/api/v1/notifications/preferences", tokens.warga)).json();
    expect(prefs.items.map((p: { channel: string }) => p.channel)).toEqual(["email", "sms"]);
    expect(prefs.channels).toContainEqual({
      channel: "whatsapp",
      provider: "simulated-whatsapp",
      simulated: true,
    });
  });

  it("enqueues one row per enabled channel and the simulated SMS gateway records what it would send", async () => {
    const { notifications } = t.app.services;
    const written = await notifications.enqueue(t.database.db, [
      item(ids.warga as string, 4, "/lapor/lpr_4"),
    ]);
    expect(written).toBe(2); // in-app + SMS (e-mail is switched off)
    const result = await notifications.dispatchPending();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const res = await call("GET", "/api/v1/notifications/deliveries?channel=sms", tokens.admin);
    expect(res.statusCode, res.body).toBe(200);
    const [d] = res.json().items;
    expect(d).toMatchObject({
      channel: "sms",
      provider: "simulated-sms",
      address: "+6281234567890",
      status: "sent",
      recipientUserId: ids.warga,
    });
    expect(d.text).toContain("Laporan 4 diproses");
    expect(d.text).toContain("/lapor/lpr_4");
    expect(d.providerMessageId).toMatch(/^simsm_/);
    // The SMS copy is not an inbox entry.
    expect(
      (await inbox(tokens.warga as string)).items.filter((n) => n.title.id === "Laporan 4 diproses"),
    ).toHaveLength(1);
    expectProblem(await call("GET", "/api/v1/notifications/deliveries", tokens.warga), 403, "auth.forbidden");
  });

  it("retries a failing gateway with backoff and gives up after the limit", async () => {
    let now = new Date("2026-03-01T00:00:00Z");
    let failures = 0;
    const flaky: NotificationAdapter = {
      ...simulatedSmsAdapter,
      provider: "flaky-sms",
      async deliver() {
        failures += 1;
        throw new Error("gateway timeout");
      },
    };
    const service = createNotificationsService({
      db: t.database.db,
      clock: { now: () => now },
      adapters: [flaky],
      maxAttempts: 3,
      retryBaseMs: 60_000,
    });
    await service.enqueue(t.database.db, [item(ids.warga as string, 5)]);
    const row = async () =>
      (
        await t.database.db
          .select()
          .from(notificationOutbox)
          .where(eq(notificationOutbox.titleId, "Laporan 5 diproses"))
      ).find((r) => r.channel === "sms");
    expect((await service.dispatchPending(now)).retrying).toBe(1);
    expect(await row()).toMatchObject({
      attempts: 1,
      lastError: "gateway timeout",
      failedAt: null,
      deliveredAt: null,
    });
    // Within the backoff nothing is tried.
    now = new Date(now.getTime() + 30_000);
    expect((await service.dispatchPending(now)).waiting).toBeGreaterThanOrEqual(1);
    expect(failures).toBe(1);
    now = new Date(now.getTime() + 31_000);
    await service.dispatchPending(now);
    expect(failures).toBe(2);
    now = new Date(now.getTime() + 121_000);
    expect((await service.dispatchPending(now)).failed).toBe(1);
    expect(await row()).toMatchObject({ attempts: 3 });
    expect((await row())?.failedAt).not.toBeNull();
    now = new Date(now.getTime() + 3_600_000);
    await service.dispatchPending(now);
    expect(failures).toBe(3);
    const failed = (await call("GET", "/api/v1/notifications/deliveries?channel=sms", tokens.admin))
      .json()
      .items.filter((d: { provider: string }) => d.provider === "flaky-sms");
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({ status: "failed", error: "gateway timeout" });
  });

  it("sends nothing on a channel switched off after the notification was queued", async () => {
    const { notifications } = t.app.services;
    await notifications.dispatchPending();
    await notifications.enqueue(t.database.db, [item(ids.warga as string, 6)]);
    await call("PUT", "/api/v1/notifications/preferences/sms", tokens.warga, {
      address: "+6281234567890",
      enabled: false,
    });
    const r = await notifications.dispatchPending();
    expect(r.sent).toBe(0);
    expect(r.failed).toBe(1);
    expect(await notifications.enqueue(t.database.db, [item(ids.warga as string, 7)])).toBe(1);
  });
});

describe("personal data", () => {
  it("exports a person's notifications and preferences and erases them", async () => {
    const { notifications } = t.app.services;
    const data = await notifications.personalData.export(ids.warga as string);
    expect(data.notifications.length).toBeGreaterThanOrEqual(5);
    expect(data.preferences.map((p) => p.channel).sort()).toEqual(["email", "sms"]);
    await t.database.db.transaction((tx) => notifications.personalData.erase(ids.warga as string, tx));
    expect((await inbox(tokens.warga as string)).items).toEqual([]);
    expect((await call("GET", "/api/v1/notifications/preferences", tokens.warga)).json().items).toEqual([]);
    expect((await inbox(tokens.dinas as string)).items).toHaveLength(1);
  });
});
