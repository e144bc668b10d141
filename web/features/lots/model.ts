/** Pure helpers of the lot pages: the declaration form's checks and how lots are written for people. */
import { TIME_ZONE } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n.ts";
import type { Declaration, QuantityUnit } from "./api.ts";

/** Today in Jakarta as "YYYY-MM-DD" (a harvest cannot be later). */
export function todayInJakarta(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export interface DeclarationForm {
  organisationId: string;
  commodityCode: string;
  quantity: string;
  unit: QuantityUnit;
  harvestDate: string;
  regency: string;
  district: string;
  villageCode: string;
  grade: string;
  farmGatePrice: string;
}

export const EMPTY_FORM: DeclarationForm = {
  organisationId: "",
  commodityCode: "",
  quantity: "",
  unit: "kg",
  harvestDate: "",
  regency: "",
  district: "",
  villageCode: "",
  grade: "",
  farmGatePrice: "",
};

export type FormErrors = Partial<Record<keyof DeclarationForm, MessageKey>>;

/** Finer than a gram is not stored: 3 decimals for kg, 6 for tonnes (as the server checks). */
const DECIMALS: Record<QuantityUnit, number> = { kg: 3, ton: 6 };

/** Accepts "1250", "1250.5" and the Indonesian "1250,5"; returns the API's dotted form or null. */
export function normaliseQuantity(raw: string, unit: QuantityUnit): string | null {
  const value = raw.trim().replace(",", ".");
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(value);
  if (!m) return null;
  if ((m[2] ?? "").length > DECIMALS[unit]) return null;
  return Number(value) > 0 ? value : null;
}

/** Whole rupiah, with or without thousands dots ("6.500", "6500"); null when not a positive integer. */
export function normaliseRupiah(raw: string): number | null {
  const digits = raw
    .trim()
    .replace(/^rp\.?\s*/i, "")
    .replace(/[.\s]/g, "");
  if (!/^\d{1,10}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= 1_000_000_000 ? n : null;
}

/** What the form can tell before asking the server; the server checks again and names its fields. */
export function checkDeclaration(
  form: DeclarationForm,
  opts: { needsOrganisation: boolean; today: string },
): { errors: FormErrors; body: Declaration | null } {
  const errors: FormErrors = {};
  if (opts.needsOrganisation && !form.organisationId) errors.organisationId = "validation.required";
  if (!form.commodityCode) errors.commodityCode = "validation.required";
  const quantity = normaliseQuantity(form.quantity, form.unit);
  if (!form.quantity.trim()) errors.quantity = "validation.required";
  else if (quantity === null) errors.quantity = "lots.form.quantityInvalid";
  if (!form.harvestDate) errors.harvestDate = "validation.required";
  else if (form.harvestDate > opts.today) errors.harvestDate = "lots.form.harvestFuture";
  if (!form.regency) errors.regency = "validation.required";
  else if (!form.district) errors.district = "validation.required";
  else if (!form.villageCode) errors.villageCode = "validation.required";
  if (!form.grade.trim()) errors.grade = "validation.required";
  const price = form.farmGatePrice.trim() ? normaliseRupiah(form.farmGatePrice) : null;
  if (form.farmGatePrice.trim() && price === null) errors.farmGatePrice = "lots.form.priceInvalid";
  if (Object.keys(errors).length || quantity === null) return { errors, body: null };
  return {
    errors,
    body: {
      commodityCode: form.commodityCode,
      quantity,
      unit: form.unit,
      harvestDate: form.harvestDate,
      villageCode: form.villageCode,
      grade: form.grade.trim(),
      farmGatePrice: price,
      ...(opts.needsOrganisation ? { organisationId: form.organisationId } : {}),
    },
  };
}

/** The order the form's fields come in, for focusing the first one with an error. */
export const FIELD_ORDER: (keyof DeclarationForm)[] = [
  "organisationId",
  "commodityCode",
  "quantity",
  "unit",
  "harvestDate",
  "regency",
  "district",
  "villageCode",
  "grade",
  "farmGatePrice",
];
