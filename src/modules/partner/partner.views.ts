import type { MarketOrderView, MarketProductDetail, MarketProductSummary } from "./partner.market";

/** Turns `/api/v1/…` paths into absolute URLs: a partner's app runs elsewhere and cannot resolve ours. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return /^https?:\/\//.test(path)
    ? path
    : `${publicUrl.replace(/\/$/, "")}${path.startsWith("/") ? "" : "/"}${path}`;
}

/**
 * An order as partners see it: the marketplace's view without internal fields, with the QRIS payload and
 * its image URL up front, since paying is the partner app's next step.
 */
export function partnerOrderView(publicUrl: string, order: MarketOrderView, externalUserId: string | null) {
  const p = order.payment;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    externalUserId: externalUserId ?? order.partner?.externalUserId ?? null,
    source: order.source,
    seller: { id: order.seller.id, name: order.seller.name },
    buyer: { name: order.buyer.name },
    items: order.items.map((i) => ({
      productId: i.productId,
      variantId: i.variantId,
      name: i.name,
      variantName: i.variantName,
      unitPrice: i.unitPrice,
      quantity: i.quantity,
      lineTotal: i.lineTotal,
      lotEpc: i.lotEpc,
    })),
    currency: "IDR" as const,
    subtotal: order.subtotal,
    shippingFee: order.shippingFee,
    total: order.total,
    shippingAddress: {
      name: order.shippingAddress.name,
      phone: order.shippingAddress.phone,
      address: order.shippingAddress.address,
      regionCode: order.shippingAddress.regionCode,
      postalCode: order.shippingAddress.postalCode ?? null,
    },
    qris: p
      ? { payload: p.qrisPayload, imageUrl: absoluteUrl(publicUrl, p.qrImageUrl), expiresAt: p.expiresAt }
      : null,
    payment: p ? { id: p.id, status: p.status, amount: p.amount, paidAt: p.paidAt } : null,
    fulfilment: order.fulfilment
      ? {
          method: order.fulfilment.method,
          courierName: order.fulfilment.courierName,
          trackingNumber: order.fulfilment.trackingNumber,
          shipmentNumber: order.fulfilment.shipmentNumber,
        }
      : null,
    history: order.history.map((h) => ({ status: h.status, at: h.at, note: h.note ?? null })),
    cancelReason: order.cancelReason ?? null,
    expiresAt: order.expiresAt,
    createdAt: order.createdAt,
  };
}
export type PartnerOrderView = ReturnType<typeof partnerOrderView>;

export function partnerProductSummary(
  publicUrl: string,
  p: MarketProductSummary,
  variants: MarketProductDetail["variants"] | null,
) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    category: { code: p.category.code, name: p.category.name },
    // The default variant's (the first): ordering `{ productId }` alone buys exactly this.
    price: p.price,
    stock: p.stock,
    unit: p.unitLabel,
    photoUrl: p.photo ? absoluteUrl(publicUrl, p.photo.url) : null,
    seller: { id: p.seller.id, name: p.seller.name, regencyName: p.seller.regencyName ?? null },
    traceable: p.traceable,
    rating: { average: p.rating.average, count: p.rating.count },
    soldCount: p.soldCount,
    variants: (variants ?? []).map((v) => ({
      id: v.id,
      name: v.name,
      price: v.price,
      stock: v.stock,
      weightGrams: v.weightGrams,
    })),
  };
}
export type PartnerProductSummary = ReturnType<typeof partnerProductSummary>;
