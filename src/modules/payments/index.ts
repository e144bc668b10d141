// QRIS payments for marketplace orders and procurement invoices: intents, provider callbacks, the
// double-entry ledger and payouts. Other modules use the service; the domain rules are pure.
export {
  buildQrisPayload,
  crc16ccitt,
  type MerchantCriteria,
  type ParsedQris,
  parseQrisPayload,
  QrisError,
  type QrisMerchant,
  type QrisRequest,
  readDataObjects,
} from "./domain/qris";
export {
  SIGNATURE_TOLERANCE_SECONDS,
  type SignatureCheck,
  signPayload,
  verifyPayload,
} from "./domain/signature";
export { type AccountBalance, type JournalView, journalProblem, type LedgerLine } from "./payments.ledger";
export {
  type CallbackTransport,
  type Charge,
  type ChargeRequest,
  createSandboxProvider,
  type PaymentProvider,
  type ProviderEvent,
  SANDBOX_CALLBACK_PATH,
  SANDBOX_PROVIDER,
  SANDBOX_SIGNATURE_HEADER,
  type SandboxProvider,
  sandboxCallbackSecret,
} from "./payments.providers";
export { paymentsRoutes } from "./payments.routes";
export {
  type CreateIntentInput,
  createPaymentsService,
  type IntentStatus,
  maskAccountNumber,
  type PaidListener,
  type PaymentIntentView,
  type PaymentPurpose,
  type PaymentsService,
  type PayoutView,
  type RecordPayoutInput,
} from "./payments.service";
