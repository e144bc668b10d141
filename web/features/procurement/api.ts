/** The procurement API as these pages use it, on lib/api.ts's request. */
import { request as call, queryString as query } from "../../lib/api.ts";

export interface Named {
  id: string;
  name: string;
}
export interface CommodityRef {
  code: string;
  name: string;
  nameEn: string;
}

export type OfferStatus = "open" | "closed" | "withdrawn";
export interface Offer {
  id: string;
  organisation: Named;
  commodity: CommodityRef;
  grade: string;
  quantityKg: number;
  remainingKg: number;
  pricePerKg: number;
  availableFrom: string;
  availableUntil: string;
  pickup: {
    siteCode: string | null;
    siteName: string | null;
    regencyCode: string | null;
    regencyName: string | null;
    address: string | null;
  };
  lots: {
    lgtin: string;
    id: string | null;
    lotCode: string | null;
    kg: number | null;
    harvestDate: string | null;
  }[];
  notes: string | null;
  status: OfferStatus;
  createdAt: string;
}
export interface NewOffer {
  commodityCode: string;
  grade: string;
  quantityKg: number;
  pricePerKg: number;
  availableFrom: string;
  availableUntil: string;
  pickupSiteCode?: string;
  pickupRegencyCode?: string;
  pickupAddress?: string;
  lots?: string[];
  notes?: string;
}

export type PriceRule =
  | { kind: "fixed"; pricePerKg: number }
  | {
      kind: "reference";
      reference: "HPP" | "HET" | "HAP";
      commodityCode?: string;
      marginPercent?: number;
      marginPerKg?: number;
    }
  | {
      kind: "indexed";
      level: "producer" | "wholesale" | "retail";
      province: string;
      commodityCode?: string;
      percent?: number;
      offsetPerKg?: number;
      floorPerKg?: number | null;
      capPerKg?: number | null;
    };

export type ContractStatus = "proposed" | "active" | "ended" | "cancelled";
export interface Contract {
  id: string;
  number: string;
  buyer: Named;
  supplier: Named;
  commodity: CommodityRef;
  grade: string;
  period: "week" | "month";
  volumeKgPerPeriod: number;
  priceRule: PriceRule;
  priceToday: { pricePerKg: number; basis: string } | null;
  startDate: string;
  endDate: string;
  deliverySite: { code: string; name: string };
  quality: {
    text: string;
    limits: { parameter: string; max?: number | null; min?: number | null; unit: string }[];
  };
  status: ContractStatus;
  statusReason: string | null;
  createdAt: string;
  acceptedAt: string | null;
  schedule:
    | {
        index: number;
        start: string;
        end: string;
        due: string;
        committedKg: number;
        deliveredKg: number;
        onTimeKg: number;
        state: "upcoming" | "open" | "met" | "short";
      }[]
    | null;
  orders?: { id: string; number: string; status: OrderStatus; deliverBy: string }[];
}
export interface NewContract {
  supplierOrganisationId: string;
  commodityCode: string;
  grade: string;
  period: "week" | "month";
  volumeKgPerPeriod: number;
  priceRule: PriceRule;
  startDate: string;
  endDate: string;
  deliverySiteCode: string;
  quality: Contract["quality"];
}

export type OrderStatus =
  | "sent"
  | "accepted"
  | "partially_accepted"
  | "declined"
  | "cancelled"
  | "dispatched"
  | "delivered"
  | "invoiced"
  | "paid";
export const ORDER_STATUSES: OrderStatus[] = [
  "sent",
  "accepted",
  "partially_accepted",
  "declined",
  "cancelled",
  "dispatched",
  "delivered",
  "invoiced",
  "paid",
];
export interface OrderLine {
  lineNo: number;
  commodity: CommodityRef;
  grade: string;
  quantityKg: number;
  pricePerKg: number;
  priceBasis: string;
  amount: number;
  acceptedKg: number | null;
  dispatchedKg: number;
  toDispatchKg: number;
  deliveredKg: number;
  rejectedKg: number;
}
export interface Order {
  id: string;
  number: string;
  buyer: Named;
  supplier: Named;
  offerId: string | null;
  contractId: string | null;
  orderDate: string;
  deliverySite: { code: string; name: string };
  deliverBy: string;
  status: OrderStatus;
  declineReason: string | null;
  notes: string | null;
  lines: OrderLine[];
  total: number;
  shipments: { id: string; number: string; received: boolean }[];
  dispatches: {
    shipmentNumber: string;
    orderLineNo: number;
    lot: string;
    kg: number;
    acceptedKg: number | null;
    rejectedKg: number | null;
    receivedAt: string | null;
  }[];
  invoice: { id: string; number: string; status: "issued" | "paid"; amount: number } | null;
  createdAt: string;
  respondedAt: string | null;
  deliveredAt: string | null;
  can: { respond: boolean; cancel: boolean; dispatch: boolean; invoice: boolean; pay: boolean };
}
export interface NewOrder {
  offerId?: string;
  contractId?: string;
  supplierOrganisationId?: string;
  deliverySiteCode?: string;
  deliverBy: string;
  lines: { commodityCode?: string; grade?: string; quantityKg: number; pricePerKg?: number }[];
  notes?: string;
}
export interface Dispatch {
  route: "roro" | "ferry" | "direct";
  plannedDeparture: string;
  lines: { lineNo: number; lots: { lot: string; kg: number }[] }[];
}

export interface Invoice {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  supplier: Named;
  buyer: Named;
  lines: {
    lineNo: number;
    description: string;
    kg: number;
    pricePerKg: number;
    amount: number;
    lots: string[];
  }[];
  amount: number;
  vatNote: string;
  issuedAt: string;
  dueDate: string;
  status: "issued" | "paid";
  paidAt: string | null;
  paidOn: string | null;
  paymentReference: string | null;
}

export type FarmPaymentMethod = "cash" | "bank_transfer" | "e_wallet";
export interface FarmPayment {
  id: string;
  koperasi: Named;
  lot: {
    id: string;
    lgtin: string;
    lotCode: string | null;
    harvestDate: string | null;
    tracePath: string | null;
  };
  commodity: CommodityRef;
  farmerName: string;
  farmerPhone: string | null;
  farmerOrganisation: Named | null;
  kg: number;
  pricePerKg: number;
  amount: number;
  paidOn: string;
  method: FarmPaymentMethod;
  reference: string | null;
  createdAt: string;
}
export interface NewFarmPayment {
  lot: string;
  farmerName: string;
  farmerPhone?: string;
  farmerOrganisationId?: string;
  kg: number;
  pricePerKg: number;
  paidOn: string;
  method: FarmPaymentMethod;
  reference?: string;
}

export interface Figures {
  orders: number;
  openOrders: number;
  orderedKg: number;
  acceptedKg: number;
  dispatchedKg: number;
  deliveredKg: number;
  rejectedKg: number;
  averagePricePaid: number | null;
  onTimeRate: number | null;
  invoicedAmount: number;
  paidAmount: number;
  outstandingAmount: number;
}
export interface Dashboard {
  organisation: { id: string; name: string; kind: string } | null;
  buyer: {
    totals: Figures;
    bySupplier: (Figures & { supplier: Named; activeContracts: number; committedKg: number })[];
    byCommodity: {
      commodity: CommodityRef;
      deliveredKg: number;
      averagePricePaid: number | null;
      reference: { kind: string; pricePerKg: number } | null;
      jakartaWholesale: { price: number; date: string; markets: number } | null;
    }[];
  } | null;
  supplier: {
    totals: Figures;
    offers: { open: number; openKg: number; total: number };
    ordersByStatus: Record<string, number>;
    activeContracts: number;
    proposedContracts: number;
    farmPayments: { count: number; kg: number; amount: number };
  } | null;
}
export interface Parties {
  suppliers: { id: string; name: string; kind: string; regionCode: string | null }[];
  buyers: { id: string; name: string; kind: string; regionCode: string | null }[];
  farmers: { id: string; name: string; kind: string; regionCode: string | null }[];
  deliverySites: { code: string; name: string; kind: string; regionCode: string }[];
}
export interface MyLot {
  id: string;
  lgtin: string;
  lotCode: string;
  commodity: { code: string; name: string };
  quantity: { grams: number };
  harvestDate: string;
}

const base = "/api/v1/procurement";

export const procurementApi = {
  dashboard: () => call<Dashboard>("GET", `${base}/dashboard`),
  parties: () => call<Parties>("GET", `${base}/parties`),
  offers: (q: { mine?: boolean; commodity?: string } = {}) =>
    call<{ items: Offer[] }>(
      "GET",
      `${base}/offers${query({ mine: q.mine ? "true" : undefined, commodity: q.commodity })}`,
    ),
  offer: (id: string) => call<Offer>("GET", `${base}/offers/${encodeURIComponent(id)}`),
  createOffer: (body: NewOffer) => call<Offer>("POST", `${base}/offers`, body),
  withdrawOffer: (id: string) => call<Offer>("POST", `${base}/offers/${encodeURIComponent(id)}/withdraw`),
  contracts: () => call<{ items: Contract[] }>("GET", `${base}/contracts`),
  contract: (id: string) => call<Contract>("GET", `${base}/contracts/${encodeURIComponent(id)}`),
  createContract: (body: NewContract) => call<Contract>("POST", `${base}/contracts`, body),
  contractAction: (id: string, action: "accept" | "cancel" | "end", reason?: string) =>
    call<Contract>("POST", `${base}/contracts/${encodeURIComponent(id)}/${action}`, reason ? { reason } : {}),
  orders: (q: { role?: "buyer" | "supplier"; status?: OrderStatus } = {}) =>
    call<{ items: Order[] }>("GET", `${base}/orders${query({ role: q.role, status: q.status })}`),
  order: (id: string) => call<Order>("GET", `${base}/orders/${encodeURIComponent(id)}`),
  createOrder: (body: NewOrder) => call<Order>("POST", `${base}/orders`, body),
  respond: (
    id: string,
    body: {
      decision: "accept" | "partial" | "decline";
      lines?: { lineNo: number; acceptedKg: number }[];
      reason?: string;
    },
  ) => call<Order>("POST", `${base}/orders/${encodeURIComponent(id)}/respond`, body),
  cancelOrder: (id: string) => call<Order>("POST", `${base}/orders/${encodeURIComponent(id)}/cancel`),
  dispatch: (id: string, body: Dispatch) =>
    call<{ order: Order; shipment: { id: string; number: string } }>(
      "POST",
      `${base}/orders/${encodeURIComponent(id)}/dispatch`,
      body,
    ),
  issueInvoice: (orderId: string) =>
    call<Invoice>("POST", `${base}/orders/${encodeURIComponent(orderId)}/invoice`, {}),
  invoices: () => call<{ items: Invoice[] }>("GET", `${base}/invoices`),
  invoice: (id: string) => call<Invoice>("GET", `${base}/invoices/${encodeURIComponent(id)}`),
  pay: (id: string, body: { reference: string; paidOn?: string }) =>
    call<Invoice>("POST", `${base}/invoices/${encodeURIComponent(id)}/pay`, body),
  farmPayments: () => call<{ items: FarmPayment[] }>("GET", `${base}/farm-payments`),
  myFarmPayments: () =>
    call<{ items: FarmPayment[]; totals: { kg: number; amount: number } }>(
      "GET",
      `${base}/farm-payments/mine`,
    ),
  recordFarmPayment: (body: NewFarmPayment) => call<FarmPayment>("POST", `${base}/farm-payments`, body),
  myLots: () => call<{ items: MyLot[] }>("GET", "/api/v1/lots?limit=100"),
  commodities: () =>
    call<{ items: { code: string; name: string; nameEn: string }[] }>("GET", "/api/v1/commodities"),
};
