import { hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";
import { newId } from "../../lib/ids";
import { buildQrisPayload, type QrisMerchant } from "./domain/qris";
import { signPayload, verifyPayload } from "./domain/signature";

/**
 * What a payment provider (a PJP: a licensed QRIS acquirer or payment gateway) must offer Lumbung. A real
 * one calls its API in each method; the sandbox below plays the provider inside the process. Lumbung is
 * the merchant of record: buyers pay it, it holds the money for the order and pays the seller out.
 */
export interface PaymentProvider {
  /** Stored on every intent and callback; also the last part of the callback path and clearing account. */
  readonly name: string;
  /** True for a provider that moves no real money. */
  readonly simulated: boolean;
  /** Registers a dynamic QRIS charge for an intent and returns its payload. */
  createCharge(req: ChargeRequest): Promise<Charge>;
  /** Voids a charge so the payer's app refuses its code (best effort: a payment may already be under way). */
  cancelCharge(providerReference: string): Promise<void>;
  /** Checks a callback's signature over the raw body and reads it; never trusts an unsigned field. */
  verifyCallback(rawBody: string, headers: CallbackHeaders, now: Date): CallbackCheck;
  /** Sends (part of) a paid charge back to the payer. */
  refund(req: {
    providerReference: string;
    amount: number;
    reason: string;
  }): Promise<{ providerRefundId: string }>;
  /** Transfers money to a beneficiary's bank account (disbursement). */
  disburse(req: {
    bank: { name: string; accountNumber: string; accountName: string };
    amount: number;
    reference: string;
  }): Promise<{ providerReference: string }>;
}

export interface ChargeRequest {
  intentId: string;
  amount: number;
  billNumber: string;
  merchant: { name: string; city: string; postalCode?: string | undefined };
  expiresAt: Date;
}

export interface Charge {
  providerReference: string;
  qrisPayload: string;
}

export type CallbackHeaders = Record<string, string | string[] | undefined>;

/** A provider's notification, read after its signature was checked. */
export interface ProviderEvent {
  eventId: string;
  type: "payment.succeeded";
  providerReference: string;
  amount: number;
  paidAt: Date;
  body: unknown;
}

export type CallbackCheck =
  | { ok: true; event: ProviderEvent }
  | { ok: false; reason: "malformed" | "stale" | "mismatch" | "unreadable" };

/** Delivers a signed callback to Lumbung's webhook over HTTP (in the sandbox: through the app itself). */
export type CallbackTransport = (req: {
  path: string;
  headers: Record<string, string>;
  body: string;
}) => Promise<{ status: number; body: string }>;

export const SANDBOX_PROVIDER = "sandbox";
export const SANDBOX_SIGNATURE_HEADER = "x-sandbox-signature";
export const SANDBOX_CALLBACK_PATH = "/api/v1/payments/callbacks/sandbox";

/** The sandbox's callback signing key: HKDF-SHA256 from LUMBUNG_SECRET, so no second secret to manage. */
export function sandboxCallbackSecret(lumbungSecret: string): string {
  return Buffer.from(
    hkdfSync(
      "sha256",
      Buffer.from(lumbungSecret, "utf8"),
      "lumbung.payments.sandbox",
      "callback-signing-v1",
      32,
    ),
  ).toString("hex");
}

// The acquirer identity printed in sandbox codes. "SANDBOX" in the domain and NMID makes a sandbox code
// recognisable to anyone who decodes it; real codes carry the acquirer's and the merchant's registered ids.
const SANDBOX_MERCHANT: Omit<QrisMerchant, "name" | "city" | "postalCode"> = {
  nmid: "ID10SANDBOX0001",
  criteria: "UMI",
  mcc: "5499",
  acquirer: {
    domain: "ID.LUMBUNG.SANDBOX.WWW",
    merchantPan: "9360000000000000017",
    merchantId: "LUMBUNGSANDBOX",
  },
};

const SandboxEvent = z.object({
  id: z.string().min(1).max(100),
  type: z.literal("payment.succeeded"),
  data: z.object({
    reference: z.string().min(1).max(100),
    amount: z.number().int().positive(),
    paidAt: z.iso.datetime({ offset: true }),
  }),
});

/**
 * The simulated provider: a clearly fake PJP that keeps no state of its own. It makes real QRIS payloads
 * (any QRIS reader decodes them) and signs its callbacks exactly as a provider would, so the callback
 * route, signature check and replay protection are the ones production uses. Nothing here moves money.
 */
export interface SandboxProvider extends PaymentProvider {
  /** The customer's banking app approved the payment: send the provider's signed callback. */
  simulatePayment(
    charge: { providerReference: string; amount: number },
    at: Date,
  ): Promise<{ status: number; body: string }>;
  /** Installed by the routes plugin once the app exists. */
  useTransport(transport: CallbackTransport): void;
  /** Signs a body as the sandbox would (tests forge and replay callbacks with it). */
  sign(body: string, at: Date): string;
}

export function createSandboxProvider(opts: { secret: string }): SandboxProvider {
  const secret = sandboxCallbackSecret(opts.secret);
  let transport: CallbackTransport | null = null;
  const sign = (body: string, at: Date) => signPayload(secret, body, at);

  return {
    name: SANDBOX_PROVIDER,
    simulated: true,
    async createCharge(req) {
      // Object 62·05 holds at most 25 characters: a short random reference, not the intent id.
      const providerReference = `SBX${randomBytes(10).toString("hex").toUpperCase()}`;
      const qrisPayload = buildQrisPayload({
        merchant: { ...SANDBOX_MERCHANT, ...req.merchant },
        amount: req.amount,
        billNumber: req.billNumber,
        reference: providerReference,
        terminal: "LUMBUNG",
      });
      return { providerReference, qrisPayload };
    },
    async cancelCharge() {
      // The sandbox keeps no charges: Lumbung's own intent status is what refuses a later payment.
    },
    verifyCallback(rawBody, headers, now) {
      const header = headers[SANDBOX_SIGNATURE_HEADER];
      const check = verifyPayload([secret], rawBody, Array.isArray(header) ? header[0] : header, now);
      if (!check.ok) return { ok: false, reason: check.reason };
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return { ok: false, reason: "unreadable" };
      }
      const parsed = SandboxEvent.safeParse(json);
      if (!parsed.success) return { ok: false, reason: "unreadable" };
      return {
        ok: true,
        event: {
          eventId: parsed.data.id,
          type: parsed.data.type,
          providerReference: parsed.data.data.reference,
          amount: parsed.data.data.amount,
          paidAt: new Date(parsed.data.data.paidAt),
          body: json,
        },
      };
    },
    async refund() {
      return { providerRefundId: newId("sbxrf") };
    },
    async disburse() {
      return { providerReference: newId("sbxpo") };
    },
    async simulatePayment(charge, at) {
      if (!transport)
        throw new Error("the sandbox provider has no callback transport (routes not registered)");
      const body = JSON.stringify({
        id: newId("sbxevt"),
        type: "payment.succeeded",
        data: { reference: charge.providerReference, amount: charge.amount, paidAt: at.toISOString() },
      });
      return transport({
        path: SANDBOX_CALLBACK_PATH,
        headers: { "content-type": "application/json", [SANDBOX_SIGNATURE_HEADER]: sign(body, at) },
        body,
      });
    },
    useTransport(t) {
      transport = t;
    },
    sign,
  };
}
