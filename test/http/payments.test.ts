import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/lib/clock";
import {
  crc16ccitt,
  type PaymentIntentView,
  type PaymentPurpose,
  parseQrisPayload,
  SANDBOX_SIGNATURE_HEADER,
  sandboxCallbackSecret,
  signPayload,
} from "../../src/modules/payments";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const SECRET = "payments-test-secret-0123456789-abcdefghij";
const clock = fixedClock(new Date());
const t = useTestApp({ clock, config: { LUMBUNG_SECRET: SECRET } });
const tok: Record<string, string> = {};
const paidSeen: PaymentIntentView[] = [];
let seq = 0;

beforeAll(async () => {
  tok.admin = await t.login(DEMO_EMAILS.admin);
  tok.warga = await t.login(DEMO_EMAILS.warga);
  // A listener as the orders module registers one: it writes in the paying transaction.
  t.app.services.payments.onPaid("invoice", async (_tx, intent) => {
    if (intent.referenceId.startsWith("inv_test_")) paidSeen.push(intent);
  });
});

const payments = () => t.app.services.payments;

async function newIntent(
  opts: { amount?: number; minutes?: number; purpose?: PaymentPurpose; reference?: string } = {},
) {
  const referenceId = opts.reference ?? `inv_test_${++seq}`;
  return t.database.db.transaction((tx) =>
    payments().createIntent(tx, {
      purpose: opts.purpose ?? "invoice",
      referenceId,
      amount: opts.amount ?? 125_000,
      merchant: { name: "Kopi Robusta Tanggamus Ñ", city: "Kota Agung", postalCode: "35384" },
      expiresAt: new Date(clock.now().getTime() + (opts.minutes ?? 30) * 60_000),
      billNumber: `INV-${seq}`,
    }),
  );
}

const pay = (payload: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/payments/sandbox/pay", payload: { payload } });

function callback(body: string, signature: string | undefined) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/payments/callbacks/sandbox",
    headers: {
      "content-type": "application/json",
      ...(signature ? { [SANDBOX_SIGNATURE_HEADER]: signature } : {}),
    },
    payload: body,
  });
}

function eventBody(intent: PaymentIntentView, id: string, amount = intent.amount) {
  const reference = parseQrisPayload(intent.qrisPayload);
  if (!reference.ok) throw new Error("unreadable payload");
  return JSON.stringify({
    id,
    type: "payment.succeeded",
    data: { reference: reference.qris.reference, amount, paidAt: clock.now().toISOString() },
  });
}

async function trialBalance() {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/v1/payments/ledger/balances",
    headers: bearer(tok.admin as string),
  });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { accounts: { account: string; balance: number }[]; total: number };
  return { ...body, of: (account: string) => body.accounts.find((a) => a.account === account)?.balance ?? 0 };
}

async function journalCount() {
  const res = await t.app.inject({
    method: "GET",
    url: "/api/v1/payments/ledger/journals?limit=1",
    headers: bearer(tok.admin as string),
  });
  return res.json().total as number;
}

describe("payment intents", () => {
  it("issues a dynamic QRIS code that a payer's app reads, served publicly with its QR image", async () => {
    const intent = await newIntent({ amount: 87_500 });
    expect(intent).toMatchObject({ status: "pending", method: "qris", provider: "sandbox", amount: 87_500 });
    const parsed = parseQrisPayload(intent.qrisPayload);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.qris).toMatchObject({
      dynamic: true,
      amount: 87_500,
      merchantName: "Kopi Robusta Tanggamus N",
    });
    expect(parsed.qris.billNumber).toBe(intent.billNumber);
    expect(intent.qrisPayload).toContain("010212");
    expect(intent.qrisPayload).toContain("5303360");
    expect(intent.qrisPayload).toContain("5802ID");

    const got = await t.app.inject({ method: "GET", url: `/api/v1/payments/intents/${intent.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(intent);

    const svg = await t.app.inject({ method: "GET", url: intent.qrImageUrl });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg[^>]*><title>QRIS Kopi Robusta Tanggamus N Rp 87500<\/title>/);
    expect(svg.body).toContain("<path");

    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/payments/intents/pay_nope" }),
      404,
      "payments.intent_not_found",
    );
    expectProblem(
      await t.app.inject({ method: "GET", url: "/api/v1/payments/intents/pay_nope/qr.svg" }),
      404,
      "payments.intent_not_found",
    );
  });

  it("keeps one waiting code per transaction and refuses nonsense amounts", async () => {
    const first = await newIntent();
    await expect(newIntent({ reference: first.referenceId })).rejects.toMatchObject({
      code: "payments.pending_exists",
    });
    await expect(newIntent({ amount: 0 })).rejects.toMatchObject({ code: "payments.invalid_amount" });
    await expect(newIntent({ amount: 10.5 })).rejects.toMatchObject({ code: "payments.invalid_amount" });
    await expect(newIntent({ minutes: -1 })).rejects.toMatchObject({ code: "payments.invalid_expiry" });
    // Once cancelled, the transaction may ask for a new code.
    await t.database.db.transaction((tx) => payments().cancelIntent(tx, first.id));
    const again = await newIntent({ reference: first.referenceId });
    expect(again.status).toBe("pending");
    const both = await payments().intentsFor("invoice", [first.referenceId]);
    expect(both.map((i) => i.status)).toEqual(["pending", "cancelled"]);
  });
});

describe("sandbox payment", () => {
  it("marks the intent paid through a signed callback, runs the listener once and posts the journal", async () => {
    const before = await trialBalance();
    const intent = await newIntent({ amount: 125_000 });
    const res = await pay(intent.qrisPayload);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: intent.id, status: "paid", paidAt: clock.now().toISOString() });

    const seen = paidSeen.filter((i) => i.id === intent.id);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.status).toBe("paid");

    const after = await trialBalance();
    expect(after.total).toBe(0);
    expect(after.of("clearing:qris:sandbox") - before.of("clearing:qris:sandbox")).toBe(125_000);
    expect(after.of(`escrow:invoice:${intent.referenceId}`)).toBe(-125_000);

    const journals = await t.app.inject({
      method: "GET",
      url: `/api/v1/payments/ledger/journals?referenceId=${intent.referenceId}`,
      headers: bearer(tok.admin as string),
    });
    expect(journals.json().items).toEqual([
      expect.objectContaining({
        kind: "payment",
        entries: [
          { account: "clearing:qris:sandbox", amount: 125_000 },
          { account: `escrow:invoice:${intent.referenceId}`, amount: -125_000 },
        ],
      }),
    ]);

    // Paying the same code twice is refused and changes nothing.
    const count = await journalCount();
    expectProblem(await pay(intent.qrisPayload), 409, "payments.already_paid");
    expect(await journalCount()).toBe(count);
    expect(paidSeen.filter((i) => i.id === intent.id)).toHaveLength(1);
  });

  it("takes one of two payments of the same code sent at the same moment", async () => {
    const intent = await newIntent({ amount: 75_000 });
    const journals = await journalCount();
    const results = await Promise.all([
      pay(intent.qrisPayload),
      pay(intent.qrisPayload),
      pay(intent.qrisPayload),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expectProblem(r, 409, "payments.already_paid");
    expect(await journalCount()).toBe(journals + 1);
    expect(paidSeen.filter((i) => i.id === intent.id)).toHaveLength(1);
    expect((await trialBalance()).total).toBe(0);
  });

  it("refuses a code with a bad CRC (400) and a re-signed tampered code (400)", async () => {
    const intent = await newIntent({ amount: 50_000 });
    const last = intent.qrisPayload.slice(-1);
    const badCrc = intent.qrisPayload.slice(0, -1) + (last === "0" ? "1" : "0");
    const res = expectProblem(await pay(badCrc), 400, "payments.invalid_qris");
    expect(res.detail).toContain("CRC");

    // Amount changed from 50000 to 10000 and the CRC recomputed: a valid code, but not the one issued.
    const body = intent.qrisPayload.slice(0, -4).replace("540550000", "540510000");
    expect(body).not.toBe(intent.qrisPayload.slice(0, -4));
    expectProblem(await pay(body + crc16ccitt(body)), 400, "payments.payload_mismatch");
    expectProblem(await pay("00020101021226"), 400, "payments.invalid_qris");
    expect((await payments().getIntent(intent.id))?.status).toBe("pending");
  });

  it("refuses an expired code and a cancelled one (409)", async () => {
    const soon = await newIntent({ minutes: 1 });
    const cancelled = await newIntent();
    await t.database.db.transaction((tx) => payments().cancelIntent(tx, cancelled.id));
    expectProblem(await pay(cancelled.qrisPayload), 409, "payments.intent_cancelled");

    clock.advance(2 * 60_000);
    expectProblem(await pay(soon.qrisPayload), 409, "payments.intent_expired");
    const got = await t.app.inject({ method: "GET", url: `/api/v1/payments/intents/${soon.id}` });
    expect(got.json().status).toBe("expired");
    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/payments/intents?status=expired&limit=200",
      headers: bearer(tok.admin as string),
    });
    expect(list.json().items.map((i: PaymentIntentView) => i.id)).toContain(soon.id);
    expect(paidSeen.some((i) => i.id === soon.id || i.id === cancelled.id)).toBe(false);
  });
});

describe("provider callbacks", () => {
  it("applies a replayed callback once", async () => {
    const intent = await newIntent({ amount: 42_000 });
    const body = eventBody(intent, `evt_replay_${intent.id}`);
    const first = await callback(body, payments().sandbox.sign(body, clock.now()));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, replayed: false, intentId: intent.id, status: "paid" });
    const journals = await journalCount();
    const balance = (await trialBalance()).of("clearing:qris:sandbox");

    clock.advance(5_000);
    const again = await callback(body, payments().sandbox.sign(body, clock.now()));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, replayed: true, intentId: intent.id, status: "paid" });
    expect(await journalCount()).toBe(journals);
    expect((await trialBalance()).of("clearing:qris:sandbox")).toBe(balance);
    expect(paidSeen.filter((i) => i.id === intent.id)).toHaveLength(1);

    // Another event for the same (paid) intent: refused, recorded, still nothing applied.
    const other = eventBody(intent, `evt_other_${intent.id}`);
    expectProblem(
      await callback(other, payments().sandbox.sign(other, clock.now())),
      409,
      "payments.already_paid",
    );
    expect(await journalCount()).toBe(journals);
  });

  it("answers 401 to a bad, missing or stale signature and changes nothing", async () => {
    const intent = await newIntent({ amount: 33_000 });
    const body = eventBody(intent, `evt_sig_${intent.id}`);
    const journals = await journalCount();

    const forged = signPayload(
      sandboxCallbackSecret("someone-elses-secret-0123456789-abcdef"),
      body,
      clock.now(),
    );
    expectProblem(await callback(body, forged), 401, "payments.invalid_signature");
    expectProblem(await callback(body, undefined), 401, "payments.invalid_signature");
    const stale = payments().sandbox.sign(body, new Date(clock.now().getTime() - 10 * 60_000));
    expectProblem(await callback(body, stale), 401, "payments.invalid_signature");
    // A genuine signature over another body (the amount changed after signing).
    const tampered = eventBody(intent, `evt_sig_${intent.id}`, 1);
    expectProblem(
      await callback(tampered, payments().sandbox.sign(body, clock.now())),
      401,
      "payments.invalid_signature",
    );

    expect((await payments().getIntent(intent.id))?.status).toBe("pending");
    expect(await journalCount()).toBe(journals);
    // Nothing was recorded under that event id: the genuine delivery still applies.
    const ok = await callback(body, payments().sandbox.sign(body, clock.now()));
    expect(ok.json()).toMatchObject({ replayed: false, status: "paid" });
  });

  it("refuses a signed callback for another amount (422) and an unknown provider (404)", async () => {
    const intent = await newIntent({ amount: 20_000 });
    const body = eventBody(intent, `evt_amount_${intent.id}`, 19_000);
    expectProblem(
      await callback(body, payments().sandbox.sign(body, clock.now())),
      422,
      "payments.amount_mismatch",
    );
    expect((await payments().getIntent(intent.id))?.status).toBe("pending");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/payments/callbacks/acme",
      headers: { "content-type": "application/json" },
      payload: body,
    });
    expectProblem(res, 404, "payments.unknown_provider");
  });
});

describe("ledger, refunds and payouts", () => {
  it("refunds through the provider and keeps the ledger balanced", async () => {
    const intent = await newIntent({ amount: 60_000 });
    expect((await pay(intent.qrisPayload)).statusCode).toBe(200);
    const escrow = `escrow:invoice:${intent.referenceId}`;

    await t.database.db.transaction((tx) =>
      payments().refund(tx, intent.id, { amount: 10_000, reason: "kurang 1 kg" }),
    );
    let tb = await trialBalance();
    expect(tb.total).toBe(0);
    expect(tb.of(escrow)).toBe(-50_000);
    expect(await payments().getIntent(intent.id)).toMatchObject({ status: "paid", refundedAmount: 10_000 });

    await expect(
      t.database.db.transaction((tx) => payments().refund(tx, intent.id, { amount: 50_001, reason: "x" })),
    ).rejects.toMatchObject({ code: "payments.refund_exceeds_paid" });
    await t.database.db.transaction((tx) =>
      payments().refund(tx, intent.id, { amount: 50_000, reason: "batal" }),
    );
    tb = await trialBalance();
    expect(tb.total).toBe(0);
    expect(tb.of(escrow)).toBe(0);
    expect((await payments().getIntent(intent.id))?.status).toBe("refunded");
    expectProblem(await pay(intent.qrisPayload), 409, "payments.already_paid");

    const unpaid = await newIntent();
    await expect(
      t.database.db.transaction((tx) => payments().refund(tx, unpaid.id, { amount: 1, reason: "x" })),
    ).rejects.toMatchObject({ code: "payments.not_paid" });
  });

  it("records a payout from a seller's payable with a masked account, balanced", async () => {
    const intent = await newIntent({ amount: 200_000 });
    expect((await pay(intent.qrisPayload)).statusCode).toBe(200);
    const escrow = `escrow:invoice:${intent.referenceId}`;
    const payable = `payable:seller:sel_test_${seq}`;
    const result = await t.database.db.transaction(async (tx) => {
      await payments().ledger.post(tx, {
        kind: "order.completed",
        referenceId: intent.referenceId,
        memo: "selesai",
        lines: [
          { account: escrow, amount: 200_000 },
          { account: payable, amount: -200_000 },
        ],
      });
      return payments().recordPayout(tx, {
        beneficiaryOrganisationId: "org_test",
        beneficiaryName: "Kopi Robusta Tanggamus",
        bank: { name: "BRI", accountNumber: "0123-4567-8901-234", accountName: "KOPI ROBUSTA TANGGAMUS" },
        amount: 200_000,
        payableAccount: payable,
        referenceIds: [intent.referenceId],
        memo: `Payout ${intent.billNumber}`,
      });
    });
    const tb = await trialBalance();
    expect(tb.total).toBe(0);
    expect(tb.of(escrow)).toBe(0);
    expect(tb.of(payable)).toBe(0);
    expect(tb.of("payout:bank")).toBeLessThanOrEqual(-200_000);

    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/payments/payouts",
      headers: bearer(tok.admin as string),
    });
    expect(list.statusCode).toBe(200);
    const payout = list.json().items.find((p: { id: string }) => p.id === result.id);
    expect(payout).toMatchObject({
      journalId: result.journalId,
      amount: 200_000,
      bank: { name: "BRI", accountNumberMasked: "****1234" },
      referenceIds: [intent.referenceId],
    });
    expect(list.body).not.toContain("4567");
  });

  it("refuses a journal whose lines do not sum to zero and writes nothing", async () => {
    const journals = await journalCount();
    await expect(
      t.database.db.transaction((tx) =>
        payments().ledger.post(tx, {
          kind: "test",
          referenceId: "x",
          memo: "unbalanced",
          lines: [
            { account: "clearing:qris:sandbox", amount: 100 },
            { account: "escrow:order:x", amount: -99 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: "payments.unbalanced_journal" });
    await expect(
      t.database.db.transaction((tx) =>
        payments().ledger.post(tx, {
          kind: "test",
          referenceId: "x",
          memo: "one line",
          lines: [{ account: "a:b", amount: 0 }],
        }),
      ),
    ).rejects.toMatchObject({ code: "payments.unbalanced_journal" });
    expect(await journalCount()).toBe(journals);
    expect((await trialBalance()).total).toBe(0);
  });

  it("keeps the ledger and lists to admins", async () => {
    for (const url of [
      "/api/v1/payments/ledger/balances",
      "/api/v1/payments/ledger/journals",
      "/api/v1/payments/payouts",
      "/api/v1/payments/intents",
    ]) {
      expectProblem(await t.app.inject({ method: "GET", url }), 401, "auth.unauthenticated");
      expectProblem(
        await t.app.inject({ method: "GET", url, headers: bearer(tok.warga as string) }),
        403,
        "auth.forbidden",
      );
    }
    const paid = await t.app.inject({
      method: "GET",
      url: "/api/v1/payments/intents?status=paid&limit=200",
      headers: bearer(tok.admin as string),
    });
    const items = paid.json().items as PaymentIntentView[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((i) => i.status === "paid")).toBe(true);
    const sandbox = await t.app.inject({
      method: "GET",
      url: "/api/v1/payments/ledger/balances?prefix=clearing:",
      headers: bearer(tok.admin as string),
    });
    expect(sandbox.json().accounts.map((a: { account: string }) => a.account)).toEqual([
      "clearing:qris:sandbox",
    ]);
  });
});
