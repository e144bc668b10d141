/**
 * QRIS payload reading, shared with the server: the same pure rules (tested in
 * src/modules/payments/domain/qris.test.ts) decode a pasted code in the sandbox page.
 */
export { type ParsedQris, parseQrisPayload } from "../../../src/modules/payments/domain/qris.ts";
