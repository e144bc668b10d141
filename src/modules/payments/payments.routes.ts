import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import QRCode from "qrcode";
import { z } from "zod";
import { access } from "../../http/access";
import { AppError } from "../../http/errors";
import { problems } from "../../http/schemas";
import { summarise } from "./payments.ledger";
import { SANDBOX_SIGNATURE_HEADER } from "./payments.providers";
import type { PaymentsService } from "./payments.service";

const tags = ["payments"];
const STATUSES = ["pending", "paid", "expired", "cancelled", "refunded"] as const;

const IntentView = z
  .object({
    id: z.string(),
    purpose: z.enum(["order", "invoice"]),
    referenceId: z.string(),
    amount: z.number().int(),
    status: z.enum(STATUSES),
    method: z.literal("qris"),
    provider: z.string().meta({ description: '"sandbox" for the simulated provider' }),
    qrisPayload: z
      .string()
      .meta({ description: "EMVCo merchant-presented QRIS payload (CRC-16 in object 63)" }),
    qrImageUrl: z.string(),
    expiresAt: z.string(),
    paidAt: z.string().nullable(),
    createdAt: z.string(),
    merchant: z.object({ name: z.string(), city: z.string() }),
    billNumber: z.string(),
    refundedAmount: z.number().int(),
  })
  .meta({ id: "PaymentIntent" });

const Line = z.object({ account: z.string(), amount: z.number().int() });
const Journal = z
  .object({
    id: z.string(),
    kind: z.string(),
    referenceId: z.string(),
    memo: z.string(),
    createdAt: z.string(),
    entries: z.array(Line).meta({ description: "Debit positive, credit negative; they sum to 0" }),
  })
  .meta({ id: "LedgerJournal" });
const Payout = z
  .object({
    id: z.string(),
    beneficiaryOrganisationId: z.string(),
    beneficiaryName: z.string(),
    bank: z.object({ name: z.string(), accountNumberMasked: z.string(), accountName: z.string() }),
    amount: z.number().int(),
    payableAccount: z.string(),
    journalId: z.string(),
    referenceIds: z.array(z.string()),
    memo: z.string(),
    status: z.literal("sent"),
    providerReference: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Payout" });

const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const IdParams = z.object({ id: z.string().min(1).max(100) });

export const paymentsRoutes: FastifyPluginAsyncZod<{ payments: PaymentsService }> = async (
  app,
  { payments },
) => {
  // The simulated provider delivers its callbacks over HTTP into this app, as a real PJP would from outside.
  payments.sandbox.useTransport(async (req) => {
    const res = await app.inject({ method: "POST", url: req.path, headers: req.headers, payload: req.body });
    return { status: res.statusCode, body: res.body };
  });

  app.get(
    "/api/v1/payments/intents/:id",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "One payment (QRIS code, amount, status); public, the id is unguessable",
        description: "Carries no personal data: the merchant, the amount, the code and its status.",
        params: IdParams,
        response: { 200: IntentView, ...problems(404) },
      },
    },
    async (req) => {
      const intent = await payments.getIntent(req.params.id);
      if (!intent) throw new AppError("payments.intent_not_found");
      return intent;
    },
  );

  app.get(
    "/api/v1/payments/intents/:id/qr.svg",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "The payment's QRIS code as an SVG image",
        params: IdParams,
        response: {
          200: { description: "SVG QR code", content: { "image/svg+xml": { schema: z.string() } } },
          ...problems(404),
        },
      },
    },
    async (req, reply) => {
      const intent = await payments.getIntent(req.params.id);
      if (!intent) throw new AppError("payments.intent_not_found");
      // Error correction M: what QRIS codes print with; a margin of 4 modules is the quiet zone readers need.
      const svg = await QRCode.toString(intent.qrisPayload, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 4,
      });
      const title = `QRIS ${intent.merchant.name} Rp ${intent.amount}`.replace(
        /[&<>"']/g,
        (c) => `&#${c.charCodeAt(0)};`,
      );
      return reply
        .type("image/svg+xml; charset=utf-8")
        .header("cache-control", "public, max-age=3600, immutable")
        .send(svg.replace(/^(<svg[^>]*>)/, `$1<title>${title}</title>`));
    },
  );

  app.post(
    "/api/v1/payments/sandbox/pay",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Sandbox only: pay a QRIS code as a customer's banking app would (simulated)",
        description:
          "Reads the code (CRC checked), finds the waiting payment and has the simulated provider send its " +
          "signed callback to `/api/v1/payments/callbacks/sandbox`; answers the payment after the callback was " +
          "processed. No money moves.",
        body: z.object({ payload: z.string().min(1).max(512) }),
        response: { 200: IntentView, ...problems(404, 409, 502) },
      },
    },
    async (req) => payments.sandboxPay(req.body.payload),
  );

  // The webhook's signature covers the exact bytes sent: this context keeps JSON bodies as raw strings.
  await app.register(async (plain) => {
    const hooks = plain.withTypeProvider<ZodTypeProvider>();
    hooks.removeContentTypeParser("application/json");
    hooks.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) =>
      done(null, body),
    );
    hooks.post(
      "/api/v1/payments/callbacks/:provider",
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: "A payment provider's signed notification (webhook)",
          description:
            `Signed with HMAC-SHA256 over \`<unix seconds>.<raw body>\` in the \`${SANDBOX_SIGNATURE_HEADER}\` ` +
            "header (`t=…,v1=…`, 300 s tolerance) for the sandbox. The same event id is applied once.",
          params: z.object({ provider: z.string().min(1).max(40) }),
          body: z.string().max(65_536).meta({ description: "The provider's JSON event, verified as sent" }),
          response: {
            200: z.object({
              received: z.literal(true),
              replayed: z.boolean(),
              intentId: z.string().nullable(),
              status: z.enum(STATUSES).nullable(),
            }),
            ...problems(404, 409, 422),
          },
        },
      },
      async (req) => payments.handleCallback(req.params.provider, req.body, req.headers),
    );
  });

  app.get(
    "/api/v1/payments/intents",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Payments, newest first (admin)",
        querystring: z.object({
          status: z.enum(STATUSES).optional(),
          purpose: z.enum(["order", "invoice"]).optional(),
          ...Page,
        }),
        response: { 200: z.object({ items: z.array(IntentView), total: z.number().int() }), ...problems() },
      },
    },
    async (req) => payments.listIntents(req.query),
  );

  app.get(
    "/api/v1/payments/ledger/balances",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Trial balance: every ledger account's balance (admin)",
        description: "Debit positive, credit negative. `total` is the sum of every balance and is always 0.",
        querystring: z.object({ prefix: z.string().max(200).optional() }),
        response: {
          200: z.object({
            accounts: z.array(z.object({ account: z.string(), balance: z.number().int() })),
            debits: z.number().int(),
            credits: z.number().int(),
            total: z.number().int(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => {
      if (!req.query.prefix) return payments.ledger.trialBalance();
      return summarise(await payments.ledger.balances(req.query.prefix));
    },
  );

  app.get(
    "/api/v1/payments/ledger/journals",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Ledger journals with their entries, newest first (admin)",
        querystring: z.object({ referenceId: z.string().max(100).optional(), ...Page }),
        response: { 200: z.object({ items: z.array(Journal), total: z.number().int() }), ...problems() },
      },
    },
    async (req) =>
      payments.ledger.journals({
        limit: req.query.limit,
        offset: req.query.offset,
        ...(req.query.referenceId ? { referenceId: req.query.referenceId } : {}),
      }),
  );

  app.get(
    "/api/v1/payments/payouts",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Payouts to beneficiaries' bank accounts, newest first (admin)",
        querystring: z.object({ organisationId: z.string().max(100).optional(), ...Page }),
        response: { 200: z.object({ items: z.array(Payout), total: z.number().int() }), ...problems() },
      },
    },
    async (req) =>
      payments.listPayouts({
        limit: req.query.limit,
        offset: req.query.offset,
        ...(req.query.organisationId ? { beneficiaryOrganisationId: req.query.organisationId } : {}),
      }),
  );
};
