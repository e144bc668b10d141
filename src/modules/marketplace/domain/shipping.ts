/**
 * Shipping fees for marketplace parcels: by chargeable weight and the destination province. Pure.
 *
 * Assumptions (written down because they are not a carrier's contract price list):
 * - Sellers ship from Lampung (the marketplace's UMKM are Lampung producers), by a regular parcel
 *   service (JNE REG, J&T EZ, SiCepat REG class), paid by the buyer at checkout.
 * - The per-kilogram rates are rounded from the public tariff checkers of those couriers for parcels
 *   from Bandar Lampung, looked at by hand (2024–2025): within Lampung about Rp 8–10 rb/kg, to Jakarta
 *   about Rp 12–16 rb/kg (the Bakauheni–Merak crossing is in the price), to the rest of Java about
 *   Rp 15–22 rb/kg, outside Sumatra–Java from about Rp 28 rb/kg up. We take one round figure per zone
 *   near the middle; a real deployment replaces this table with a courier rate API.
 * - Chargeable weight rounds up to whole kilograms with the couriers' usual 0.3 kg tolerance
 *   (1.3 kg is charged as 1 kg, 1.31 kg as 2 kg), minimum 1 kg.
 * - Delivery estimates are the couriers' published REG service levels for those lanes.
 */
export type ShippingZone = "lampung" | "dki_jakarta" | "jawa" | "lainnya";

export const SHIPPING_TARIFFS: Record<
  ShippingZone,
  { perKg: number; etaDaysMin: number; etaDaysMax: number }
> = {
  lampung: { perKg: 9_000, etaDaysMin: 1, etaDaysMax: 2 },
  dki_jakarta: { perKg: 14_000, etaDaysMin: 2, etaDaysMax: 3 },
  jawa: { perKg: 18_000, etaDaysMin: 2, etaDaysMax: 4 },
  lainnya: { perKg: 32_000, etaDaysMin: 4, etaDaysMax: 7 },
};

/** Kemendagri province codes: Lampung, DKI Jakarta, and the other provinces on Java. */
const LAMPUNG = "18";
const DKI_JAKARTA = "31";
const JAVA = new Set(["32", "33", "34", "35", "36"]);

const TOLERANCE_GRAMS = 300;

/** The zone of a Kemendagri region code (`31`, `31.71`, `18.71.06`, …), by its province. */
export function zoneOf(regionCode: string): ShippingZone {
  const province = regionCode.slice(0, 2);
  if (province === LAMPUNG) return "lampung";
  if (province === DKI_JAKARTA) return "dki_jakarta";
  if (JAVA.has(province)) return "jawa";
  return "lainnya";
}

export function chargeableKg(weightGrams: number): number {
  if (!Number.isInteger(weightGrams) || weightGrams < 0)
    throw new RangeError("weightGrams must be a whole number ≥ 0");
  return Math.max(1, Math.ceil((weightGrams - TOLERANCE_GRAMS) / 1000));
}

export interface ShippingQuote {
  weightGrams: number;
  chargeableKg: number;
  zone: ShippingZone;
  fee: number;
  /** The slowest delivery the service promises, in days. */
  etaDays: number;
  etaDaysMin: number;
}

export function shippingQuote(weightGrams: number, destinationRegionCode: string): ShippingQuote {
  const zone = zoneOf(destinationRegionCode);
  const tariff = SHIPPING_TARIFFS[zone];
  const kg = chargeableKg(weightGrams);
  return {
    weightGrams,
    chargeableKg: kg,
    zone,
    fee: kg * tariff.perKg,
    etaDays: tariff.etaDaysMax,
    etaDaysMin: tariff.etaDaysMin,
  };
}
