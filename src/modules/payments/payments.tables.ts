import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * A request for money: one dynamic QRIS code for one order or invoice. The stored status is what was
 * decided; a pending intent past `expiresAt` reads as expired before any process has written that down.
 */
export const paymentIntents = pgTable(
  "payment_intents",
  {
    id: text("id").primaryKey(),
    purpose: text("purpose").$type<"order" | "invoice">().notNull(),
    referenceId: text("reference_id").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    refundedAmount: bigint("refunded_amount", { mode: "number" }).notNull().default(0),
    status: text("status").$type<"pending" | "paid" | "expired" | "cancelled" | "refunded">().notNull(),
    method: text("method").$type<"qris">().notNull(),
    provider: text("provider").notNull(),
    /** The provider's id of the charge; printed in QRIS object 62·05 so a payment finds its intent. */
    providerReference: text("provider_reference").notNull(),
    qrisPayload: text("qris_payload").notNull(),
    merchantName: text("merchant_name").notNull(),
    merchantCity: text("merchant_city").notNull(),
    billNumber: text("bill_number").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("payment_intents_provider_ref_idx").on(t.provider, t.providerReference),
    // At most one code waiting to be paid per order or invoice: a second would let a buyer pay twice.
    uniqueIndex("payment_intents_one_pending_idx")
      .on(t.purpose, t.referenceId)
      .where(sql`${t.status} = 'pending'`),
    index("payment_intents_reference_idx").on(t.purpose, t.referenceId),
    index("payment_intents_status_idx").on(t.status, t.createdAt),
    check("payment_intents_amount_positive", sql`${t.amount} > 0`),
    check(
      "payment_intents_refund_bounded",
      sql`${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.amount}`,
    ),
  ],
);

/**
 * Every callback a provider delivered with a valid signature. The provider's event id is unique: a
 * retried or replayed delivery finds its row and changes nothing.
 */
export const paymentCallbacks = pgTable(
  "payment_callbacks",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    intentId: text("intent_id").references(() => paymentIntents.id),
    /** `applied`, or the error code it was refused with (`payments.already_paid`, …). */
    outcome: text("outcome").notNull(),
    body: jsonb("body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("payment_callbacks_event_idx").on(t.provider, t.eventId),
    index("payment_callbacks_intent_idx").on(t.intentId),
  ],
);

/** Refunds sent through the provider, each with its journal. */
export const paymentRefunds = pgTable(
  "payment_refunds",
  {
    id: text("id").primaryKey(),
    intentId: text("intent_id")
      .notNull()
      .references(() => paymentIntents.id),
    amount: bigint("amount", { mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    providerRefundId: text("provider_refund_id").notNull(),
    journalId: text("journal_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("payment_refunds_intent_idx").on(t.intentId),
    check("payment_refunds_amount", sql`${t.amount} > 0`),
  ],
);

/** A double-entry journal: its entries sum to zero (checked by the service before anything is written). */
export const ledgerJournals = pgTable(
  "ledger_journals",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    referenceId: text("reference_id").notNull(),
    memo: text("memo").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("ledger_journals_created_idx").on(t.createdAt),
    index("ledger_journals_reference_idx").on(t.referenceId),
  ],
);

/** One line of a journal; debit positive, credit negative, whole rupiah. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: text("id").primaryKey(),
    journalId: text("journal_id")
      .notNull()
      .references(() => ledgerJournals.id),
    line: integer("line").notNull(),
    account: text("account").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("ledger_entries_line_idx").on(t.journalId, t.line),
    index("ledger_entries_account_idx").on(t.account),
    check("ledger_entries_amount_nonzero", sql`${t.amount} <> 0`),
  ],
);

/** Money sent to a beneficiary's bank account; only a masked account number is kept. */
export const payouts = pgTable(
  "payouts",
  {
    id: text("id").primaryKey(),
    beneficiaryOrganisationId: text("beneficiary_organisation_id").notNull(),
    beneficiaryName: text("beneficiary_name").notNull(),
    bankName: text("bank_name").notNull(),
    accountNumberMasked: text("account_number_masked").notNull(),
    accountName: text("account_name").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    payableAccount: text("payable_account").notNull(),
    journalId: text("journal_id")
      .notNull()
      .references(() => ledgerJournals.id),
    referenceIds: text("reference_ids").array().notNull(),
    memo: text("memo").notNull(),
    status: text("status").$type<"sent">().notNull(),
    providerReference: text("provider_reference").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("payouts_beneficiary_idx").on(t.beneficiaryOrganisationId, t.createdAt),
    index("payouts_created_idx").on(t.createdAt),
    check("payouts_amount_positive", sql`${t.amount} > 0`),
  ],
);
