// Issue 6 (trade) builds on this: QRIS payloads for marketplace orders. Routes and the sandbox payment
// provider come with the orders they pay for.
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
export { paymentsRoutes } from "./payments.routes";
export { createPaymentsService, type PaymentsService } from "./payments.service";
