/** The payments API (`/api/v1/payments`) as the payment panel, the sandbox and the finance console use it. */
import { request as call, queryString as query } from "../../lib/api.ts";

export type PaymentPurpose = "order" | "invoice";
export type IntentStatus = "pending" | "paid" | "expired" | "cancelled" | "refunded";
export const INTENT_STATUSES: readonly IntentStatus[] = [
  "pending",
  "paid",
  "expired",
  "cancelled",
  "refunded",
];

/** One QRIS payment as the server describes it (the orders and invoices that need paying embed it). */
export interface PaymentIntentView {
  id: string;
  purpose: PaymentPurpose;
  referenceId: string;
  amount: number;
  status: IntentStatus;
  method: "qris";
  provider: string;
  qrisPayload: string;
  qrImageUrl: string;
  expiresAt: string;
  paidAt: string | null;
  createdAt: string;
  /** Present from the payments module; other modules' copies of the view may leave these out. */
  merchant?: { name: string; city: string };
  billNumber?: string;
  refundedAmount?: number;
}

export interface LedgerLine {
  account: string;
  amount: number;
}

export interface Journal {
  id: string;
  kind: string;
  referenceId: string;
  memo: string;
  createdAt: string;
  entries: LedgerLine[];
}

export interface TrialBalance {
  accounts: { account: string; balance: number }[];
  debits: number;
  credits: number;
  total: number;
}

export interface Payout {
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

export interface Page<T> {
  items: T[];
  total: number;
}

export const paymentsApi = {
  intent: (id: string) =>
    call<PaymentIntentView>("GET", `/api/v1/payments/intents/${encodeURIComponent(id)}`),
  /** The sandbox's simulated banking app pays a code; answers the payment once the callback was processed. */
  sandboxPay: (payload: string) =>
    call<PaymentIntentView>("POST", "/api/v1/payments/sandbox/pay", { payload }),
  intents: (filters: { status?: string; limit?: number; offset?: number }) =>
    call<Page<PaymentIntentView>>("GET", `/api/v1/payments/intents${query(filters)}`),
  trialBalance: () => call<TrialBalance>("GET", "/api/v1/payments/ledger/balances"),
  journals: (filters: { limit?: number; offset?: number }) =>
    call<Page<Journal>>("GET", `/api/v1/payments/ledger/journals${query(filters)}`),
  payouts: (filters: { limit?: number; offset?: number }) =>
    call<Page<Payout>>("GET", `/api/v1/payments/payouts${query(filters)}`),
};
