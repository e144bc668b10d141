import { and, count, desc, eq, gt, inArray, lte, or, type SQL } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import { AppError, errorSpec, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { parseQrisPayload } from "./domain/qris";
import "./payments.errors";
import { createLedger, type LedgerLine } from "./payments.ledger";
import {
  type CallbackHeaders,
  createSandboxProvider,
  type PaymentProvider,
  type ProviderEvent,
  SANDBOX_PROVIDER,
  type SandboxProvider,
} from "./payments.providers";
import { paymentCallbacks, paymentIntents, paymentRefunds, payouts } from "./payments.tables";

export interface PaymentsDeps {
  db: Database;
  clock: Clock;
  /** LUMBUNG_SECRET: the sandbox provider's callback signing secret is derived from it. */
  secret: string;
  publicUrl: string;
  /** Real providers, when one is contracted; the sandbox is always there. */
  providers?: PaymentProvider[];
  /** The provider new intents are charged through (default: the sandbox). */
  defaultProvider?: string;
}

export type PaymentPurpose = "order" | "invoice";
export type IntentStatus = "pending" | "paid" | "expired" | "cancelled" | "refunded";

export interface PaymentIntentView {
  id: string;
  purpose: PaymentPurpose;
  referenceId: string;
  amount: number;
  status: IntentStatus;
  method: "qris";
  /** "sandbox" for the simulated provider. */
  provider: string;
  /** The EMVCo string: object 01 = "12", 53 = 360, 58 = ID, 54 amount, 62 bill number and reference, 63 CRC. */
  qrisPayload: string;
  /** `/api/v1/payments/intents/{id}/qr.svg` (public; the id is unguessable). */
  qrImageUrl: string;
  expiresAt: string;
  paidAt: string | null;
  createdAt: string;
  /** The merchant the payer's app shows (objects 59 and 60). */
  merchant: { name: string; city: string };
  billNumber: string;
  refundedAmount: number;
}

export interface CreateIntentInput {
  purpose: PaymentPurpose;
  referenceId: string;
  amount: number;
  merchant: { name: string; city: string; postalCode?: string | undefined };
  expiresAt: Date;
  billNumber: string;
}

export interface RecordPayoutInput {
  beneficiaryOrganisationId: string;
  beneficiaryName: string;
  bank: { name: string; accountNumber: string; accountName: string };
  amount: number;
  /** The account the money was owed from, e.g. `payable:seller:<sellerId>`. */
  payableAccount: string;
  referenceIds: string[];
  memo: string;
}

export interface PayoutView {
  id: string;
  beneficiaryOrganisationId: string;
  beneficiaryName: string;
  bank: { name: string; accountNumberMasked: string; accountName: string };
  amount: number;
  payableAccount: string;
  journalId: string;
  referenceIds: string[];
  memo: string;
  status: "sent";
  providerReference: string;
  createdAt: string;
}

export type PaidListener = (tx: DbOrTx, intent: PaymentIntentView) => Promise<void>;

export interface CallbackResult {
  received: true;
  replayed: boolean;
  intentId: string | null;
  status: IntentStatus | null;
}

type IntentRow = typeof paymentIntents.$inferSelect;

const MAX_AMOUNT = 9_999_999_999_999;

/** Text a payer's app can show: printable ASCII (accents dropped), at most `max` characters. */
export function qrisText(value: string, max: number, fallback: string): string {
  const ascii = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
  return ascii || fallback;
}

/** "****1234": enough for a beneficiary to recognise their account, useless to anyone else. */
export function maskAccountNumber(accountNumber: string): string {
  const digits = accountNumber.replace(/\D/g, "");
  return `****${digits.slice(-4)}`;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

function escrowAccount(purpose: PaymentPurpose, referenceId: string): string {
  return `escrow:${purpose}:${referenceId}`;
}

export function createPaymentsService(deps: PaymentsDeps) {
  const { db, clock } = deps;
  const sandbox: SandboxProvider = createSandboxProvider({ secret: deps.secret });
  const providers = new Map<string, PaymentProvider>([[sandbox.name, sandbox]]);
  for (const p of deps.providers ?? []) providers.set(p.name, p);
  const chosen = providers.get(deps.defaultProvider ?? SANDBOX_PROVIDER);
  if (!chosen) throw new Error(`unknown default payment provider ${deps.defaultProvider}`);
  const defaultProvider: PaymentProvider = chosen;
  const ledger = createLedger({ db, clock });
  const listeners = new Map<PaymentPurpose, PaidListener[]>();

  function providerOf(name: string): PaymentProvider {
    const p = providers.get(name);
    if (!p) throw new AppError("payments.unknown_provider", `No payment provider named ${name}`);
    return p;
  }

  function effectiveStatus(row: IntentRow, now: Date): IntentStatus {
    return row.status === "pending" && row.expiresAt.getTime() <= now.getTime() ? "expired" : row.status;
  }

  function view(row: IntentRow, now = clock.now()): PaymentIntentView {
    return {
      id: row.id,
      purpose: row.purpose,
      referenceId: row.referenceId,
      amount: row.amount,
      status: effectiveStatus(row, now),
      method: "qris",
      provider: row.provider,
      qrisPayload: row.qrisPayload,
      qrImageUrl: `/api/v1/payments/intents/${row.id}/qr.svg`,
      expiresAt: row.expiresAt.toISOString(),
      paidAt: row.paidAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      merchant: { name: row.merchantName, city: row.merchantCity },
      billNumber: row.billNumber,
      refundedAmount: row.refundedAmount,
    };
  }

  function checkAmount(amount: number, field = "amount"): void {
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) {
      throw new AppError("payments.invalid_amount", `${field} must be a positive whole number of rupiah`);
    }
  }

  /** Why a payment cannot be taken for this intent now, or null. */
  function refusalOf(
    row: IntentRow,
    at: Date,
  ): "payments.already_paid" | "payments.intent_cancelled" | "payments.intent_expired" | null {
    if (row.status === "paid" || row.status === "refunded") return "payments.already_paid";
    if (row.status === "cancelled") return "payments.intent_cancelled";
    if (row.status === "expired" || row.expiresAt.getTime() <= at.getTime()) return "payments.intent_expired";
    return null;
  }

  async function lockIntent(tx: DbOrTx, id: string): Promise<IntentRow> {
    const [row] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, id)).for("update");
    if (!row) throw new AppError("payments.intent_not_found", `No payment ${id}`);
    return row;
  }

  async function createIntent(tx: DbOrTx, input: CreateIntentInput): Promise<PaymentIntentView> {
    checkAmount(input.amount);
    const now = clock.now();
    if (!(input.expiresAt instanceof Date) || input.expiresAt.getTime() <= now.getTime()) {
      throw new AppError("payments.invalid_expiry", "expiresAt must be later than now");
    }
    // A pending intent past its deadline is expired in fact; say so in storage before a new one takes its place.
    await tx
      .update(paymentIntents)
      .set({ status: "expired", updatedAt: now })
      .where(
        and(
          eq(paymentIntents.purpose, input.purpose),
          eq(paymentIntents.referenceId, input.referenceId),
          eq(paymentIntents.status, "pending"),
          lte(paymentIntents.expiresAt, now),
        ),
      );
    const [waiting] = await tx
      .select({ id: paymentIntents.id })
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.purpose, input.purpose),
          eq(paymentIntents.referenceId, input.referenceId),
          eq(paymentIntents.status, "pending"),
        ),
      );
    if (waiting) {
      throw new AppError(
        "payments.pending_exists",
        `Payment ${waiting.id} is still waiting for ${input.purpose} ${input.referenceId}`,
      );
    }
    const id = newId("pay", now.getTime());
    const merchant = {
      name: qrisText(input.merchant.name, 25, "LUMBUNG"),
      city: qrisText(input.merchant.city, 15, "JAKARTA"),
      ...(input.merchant.postalCode && /^\d{5}$/.test(input.merchant.postalCode)
        ? { postalCode: input.merchant.postalCode }
        : {}),
    };
    const billNumber = qrisText(input.billNumber, 25, input.referenceId.slice(-25));
    const charge = await defaultProvider.createCharge({
      intentId: id,
      amount: input.amount,
      billNumber,
      merchant,
      expiresAt: input.expiresAt,
    });
    const inserted = await tx
      .insert(paymentIntents)
      .values({
        id,
        purpose: input.purpose,
        referenceId: input.referenceId,
        amount: input.amount,
        status: "pending",
        method: "qris",
        provider: defaultProvider.name,
        providerReference: charge.providerReference,
        qrisPayload: charge.qrisPayload,
        merchantName: merchant.name,
        merchantCity: merchant.city,
        billNumber,
        expiresAt: input.expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .catch((err: unknown) => {
        // Another request created the waiting intent between the check above and this insert.
        if (isUniqueViolation(err)) {
          throw new AppError(
            "payments.pending_exists",
            `A payment is already waiting for ${input.referenceId}`,
          );
        }
        throw err;
      });
    return view(inserted[0] as IntentRow, now);
  }

  async function getIntent(id: string, tx: DbOrTx = db): Promise<PaymentIntentView | null> {
    const [row] = await tx.select().from(paymentIntents).where(eq(paymentIntents.id, id));
    return row ? view(row) : null;
  }

  async function intentsFor(
    purpose: PaymentPurpose,
    referenceIds: readonly string[],
    tx: DbOrTx = db,
  ): Promise<PaymentIntentView[]> {
    if (!referenceIds.length) return [];
    const rows = await tx
      .select()
      .from(paymentIntents)
      .where(and(eq(paymentIntents.purpose, purpose), inArray(paymentIntents.referenceId, [...referenceIds])))
      .orderBy(desc(paymentIntents.createdAt), desc(paymentIntents.id));
    const now = clock.now();
    return rows.map((r) => view(r, now));
  }

  async function cancelIntent(tx: DbOrTx, id: string): Promise<void> {
    const row = await lockIntent(tx, id);
    if (row.status === "paid" || row.status === "refunded") {
      throw new AppError("payments.already_paid", `Payment ${id} was paid; refund it instead`);
    }
    if (row.status !== "pending") return;
    const now = clock.now();
    await tx
      .update(paymentIntents)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(paymentIntents.id, id));
    await providerOf(row.provider).cancelCharge(row.providerReference);
  }

  function onPaid(purpose: PaymentPurpose, listener: PaidListener): void {
    const list = listeners.get(purpose) ?? [];
    list.push(listener);
    listeners.set(purpose, list);
  }

  /**
   * A provider's callback: the signature is checked over the raw body before anything is read; a valid one
   * is recorded once (by the provider's event id) and applied in the same transaction as the ledger journal
   * and the paid listeners. A refused payment is recorded too, then answered with its error.
   */
  async function handleCallback(
    providerName: string,
    rawBody: string,
    headers: CallbackHeaders,
  ): Promise<CallbackResult> {
    const provider = providerOf(providerName);
    const now = clock.now();
    const check = provider.verifyCallback(rawBody, headers, now);
    if (!check.ok) {
      if (check.reason === "unreadable") throw new AppError("payments.invalid_callback");
      throw new AppError("payments.invalid_signature", `Callback signature refused: ${check.reason}`);
    }
    const event = check.event;
    const result = await db.transaction(async (tx) => applyEvent(tx, provider, event, now));
    if ("refusal" in result) {
      throw new AppError(
        result.refusal,
        `Payment ${result.intentId ?? event.providerReference}: ${result.refusal}`,
      );
    }
    return result;
  }

  async function applyEvent(
    tx: DbOrTx,
    provider: PaymentProvider,
    event: ProviderEvent,
    now: Date,
  ): Promise<CallbackResult | { refusal: string; intentId: string | null }> {
    const callbackId = newId("pcb", now.getTime());
    const [inserted] = await tx
      .insert(paymentCallbacks)
      .values({
        id: callbackId,
        provider: provider.name,
        eventId: event.eventId,
        eventType: event.type,
        outcome: "received",
        body: event.body,
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: paymentCallbacks.id });
    if (!inserted) {
      const [seen] = await tx
        .select({ intentId: paymentCallbacks.intentId })
        .from(paymentCallbacks)
        .where(
          and(eq(paymentCallbacks.provider, provider.name), eq(paymentCallbacks.eventId, event.eventId)),
        );
      const intent = seen?.intentId ? await getIntent(seen.intentId, tx) : null;
      return { received: true, replayed: true, intentId: intent?.id ?? null, status: intent?.status ?? null };
    }
    const settle = (outcome: string, intentId: string | null) =>
      tx.update(paymentCallbacks).set({ outcome, intentId }).where(eq(paymentCallbacks.id, callbackId));

    const [found] = await tx
      .select()
      .from(paymentIntents)
      .where(
        and(
          eq(paymentIntents.provider, provider.name),
          eq(paymentIntents.providerReference, event.providerReference),
        ),
      )
      .for("update");
    if (!found) {
      await settle("payments.intent_not_found", null);
      return { refusal: "payments.intent_not_found", intentId: null };
    }
    const refusal =
      refusalOf(found, event.paidAt) ?? (event.amount !== found.amount ? "payments.amount_mismatch" : null);
    if (refusal) {
      if (refusal === "payments.intent_expired" && found.status === "pending") {
        await tx
          .update(paymentIntents)
          .set({ status: "expired", updatedAt: now })
          .where(eq(paymentIntents.id, found.id));
      }
      await settle(refusal, found.id);
      return { refusal, intentId: found.id };
    }
    const [paid] = await tx
      .update(paymentIntents)
      .set({ status: "paid", paidAt: event.paidAt, updatedAt: now })
      .where(eq(paymentIntents.id, found.id))
      .returning();
    await ledger.post(tx, {
      kind: "payment",
      referenceId: found.referenceId,
      memo: `QRIS ${found.billNumber} paid through ${provider.name} (${found.id})`,
      lines: [
        { account: `clearing:qris:${provider.name}`, amount: found.amount },
        { account: escrowAccount(found.purpose, found.referenceId), amount: -found.amount },
      ],
    });
    await settle("applied", found.id);
    const intent = view(paid as IntentRow, now);
    for (const listener of listeners.get(found.purpose) ?? []) await listener(tx, intent);
    return { received: true, replayed: false, intentId: found.id, status: intent.status };
  }

  /**
   * The sandbox's customer: reads the code as a banking app would (CRC and all), refuses what a provider
   * would refuse, then lets the simulated provider send its signed callback through Lumbung's webhook.
   */
  async function sandboxPay(payload: string): Promise<PaymentIntentView> {
    const text = payload.trim();
    const parsed = parseQrisPayload(text);
    if (!parsed.ok) {
      const errors: FieldError[] = parsed.errors.map((message) => ({ field: "payload", message }));
      throw new AppError("payments.invalid_qris", parsed.errors.join("; "), { errors });
    }
    const reference = parsed.qris.reference;
    const [row] = reference
      ? await db.select().from(paymentIntents).where(eq(paymentIntents.providerReference, reference))
      : [];
    if (!row)
      throw new AppError("payments.intent_not_found", "No payment carries this QRIS code's reference");
    if (row.provider !== SANDBOX_PROVIDER) {
      throw new AppError("payments.not_sandbox", `Payment ${row.id} is charged through ${row.provider}`);
    }
    // A code re-signed after its amount or merchant was changed has a valid CRC but is not the one issued.
    if (text !== row.qrisPayload) throw new AppError("payments.payload_mismatch");
    const now = clock.now();
    const refusal = refusalOf(row, now);
    if (refusal) throw new AppError(refusal, `Payment ${row.id} cannot be paid`);
    const res = await sandbox.simulatePayment(
      { providerReference: row.providerReference, amount: parsed.qris.amount ?? row.amount },
      now,
    );
    if (res.status >= 300) {
      let code = "";
      let detail: string | undefined;
      try {
        const body = JSON.parse(res.body) as { code?: string; detail?: string };
        code = body.code ?? "";
        detail = body.detail;
      } catch {
        // not a problem document: reported as the provider failing below
      }
      if (code && errorSpec(code)) throw new AppError(code, detail);
      throw new AppError("payments.provider_unavailable", `The sandbox callback answered ${res.status}`);
    }
    return (await getIntent(row.id)) as PaymentIntentView;
  }

  async function refund(
    tx: DbOrTx,
    intentId: string,
    input: { amount: number; reason: string },
    opts: { fromAccount?: string } = {},
  ): Promise<void> {
    checkAmount(input.amount);
    const row = await lockIntent(tx, intentId);
    if (row.status === "refunded")
      throw new AppError("payments.intent_refunded", `Payment ${intentId} was refunded`);
    if (row.status !== "paid")
      throw new AppError("payments.not_paid", `Payment ${intentId} is ${row.status}`);
    if (row.refundedAmount + input.amount > row.amount) {
      throw new AppError(
        "payments.refund_exceeds_paid",
        `Refunding ${input.amount} would exceed the ${row.amount - row.refundedAmount} still paid`,
      );
    }
    const now = clock.now();
    const { providerRefundId } = await providerOf(row.provider).refund({
      providerReference: row.providerReference,
      amount: input.amount,
      reason: input.reason,
    });
    const { journalId } = await ledger.post(tx, {
      kind: "refund",
      referenceId: row.referenceId,
      memo: `Refund of ${row.id}: ${input.reason}`.slice(0, 500),
      lines: [
        { account: opts.fromAccount ?? escrowAccount(row.purpose, row.referenceId), amount: input.amount },
        { account: "refund:buyer", amount: -input.amount },
      ],
    });
    await tx.insert(paymentRefunds).values({
      id: newId("rfd", now.getTime()),
      intentId: row.id,
      amount: input.amount,
      reason: input.reason,
      providerRefundId,
      journalId,
      createdAt: now,
    });
    const refunded = row.refundedAmount + input.amount;
    await tx
      .update(paymentIntents)
      .set({
        refundedAmount: refunded,
        status: refunded === row.amount ? "refunded" : "paid",
        updatedAt: now,
      })
      .where(eq(paymentIntents.id, row.id));
  }

  async function recordPayout(
    tx: DbOrTx,
    input: RecordPayoutInput,
  ): Promise<{ id: string; journalId: string }> {
    checkAmount(input.amount);
    const now = clock.now();
    const id = newId("pyo", now.getTime());
    const { providerReference } = await defaultProvider.disburse({
      bank: input.bank,
      amount: input.amount,
      reference: id,
    });
    const { journalId } = await ledger.post(tx, {
      kind: "payout",
      referenceId: id,
      memo: input.memo,
      lines: [
        { account: input.payableAccount, amount: input.amount },
        { account: "payout:bank", amount: -input.amount },
      ],
    });
    await tx.insert(payouts).values({
      id,
      beneficiaryOrganisationId: input.beneficiaryOrganisationId,
      beneficiaryName: input.beneficiaryName,
      bankName: input.bank.name,
      accountNumberMasked: maskAccountNumber(input.bank.accountNumber),
      accountName: input.bank.accountName,
      amount: input.amount,
      payableAccount: input.payableAccount,
      journalId,
      referenceIds: input.referenceIds,
      memo: input.memo,
      status: "sent",
      providerReference,
      createdAt: now,
    });
    return { id, journalId };
  }

  async function listPayouts(q: {
    limit: number;
    offset: number;
    beneficiaryOrganisationId?: string;
  }): Promise<{ items: PayoutView[]; total: number }> {
    const where = q.beneficiaryOrganisationId
      ? eq(payouts.beneficiaryOrganisationId, q.beneficiaryOrganisationId)
      : undefined;
    const rows = await db
      .select()
      .from(payouts)
      .where(where)
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(q.limit)
      .offset(q.offset);
    const [counted] = await db.select({ n: count() }).from(payouts).where(where);
    return {
      items: rows.map((r) => ({
        id: r.id,
        beneficiaryOrganisationId: r.beneficiaryOrganisationId,
        beneficiaryName: r.beneficiaryName,
        bank: { name: r.bankName, accountNumberMasked: r.accountNumberMasked, accountName: r.accountName },
        amount: r.amount,
        payableAccount: r.payableAccount,
        journalId: r.journalId,
        referenceIds: r.referenceIds,
        memo: r.memo,
        status: r.status,
        providerReference: r.providerReference,
        createdAt: r.createdAt.toISOString(),
      })),
      total: Number(counted?.n ?? 0),
    };
  }

  async function listIntents(q: {
    status?: IntentStatus | undefined;
    purpose?: PaymentPurpose | undefined;
    limit: number;
    offset: number;
  }): Promise<{ items: PaymentIntentView[]; total: number }> {
    const now = clock.now();
    const conditions: (SQL | undefined)[] = [q.purpose ? eq(paymentIntents.purpose, q.purpose) : undefined];
    // "pending" and "expired" are read against the clock, like the views.
    if (q.status === "pending") {
      conditions.push(eq(paymentIntents.status, "pending"), gt(paymentIntents.expiresAt, now));
    } else if (q.status === "expired") {
      conditions.push(
        or(
          eq(paymentIntents.status, "expired"),
          and(eq(paymentIntents.status, "pending"), lte(paymentIntents.expiresAt, now)),
        ),
      );
    } else if (q.status) {
      conditions.push(eq(paymentIntents.status, q.status));
    }
    const where = and(...conditions);
    const rows = await db
      .select()
      .from(paymentIntents)
      .where(where)
      .orderBy(desc(paymentIntents.createdAt), desc(paymentIntents.id))
      .limit(q.limit)
      .offset(q.offset);
    const [counted] = await db.select({ n: count() }).from(paymentIntents).where(where);
    return { items: rows.map((r) => view(r, now)), total: Number(counted?.n ?? 0) };
  }

  return {
    createIntent,
    getIntent,
    intentsFor,
    cancelIntent,
    onPaid,
    refund,
    recordPayout,
    handleCallback,
    sandboxPay,
    listIntents,
    listPayouts,
    ledger: {
      post: (tx: DbOrTx, input: { kind: string; referenceId: string; memo: string; lines: LedgerLine[] }) =>
        ledger.post(tx, input),
      balances: (accountPrefix?: string, tx?: DbOrTx) => ledger.balances(accountPrefix, tx),
      trialBalance: (tx?: DbOrTx) => ledger.trialBalance(tx),
      journals: ledger.journals,
    },
    /** The simulated provider (its transport is installed by the routes plugin). */
    sandbox,
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
