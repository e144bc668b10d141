import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export interface FreightComponent {
  /** What the money pays for, e.g. "Truk Lampung Tengah → Bakauheni". */
  label: string;
  rp: number;
  /** Per truck (divided by the payload), per kg, or per tonne-kilometre over `km`. */
  per: "truck" | "kg" | "tonne_km";
  km?: number;
  source: string;
}

/** What it costs to move food from Lampung to Jakarta on a route, component by component. */
export const freightRates = pgTable("freight_rates", {
  /** `roro` (Panjang → Tanjung Priok) or `ferry` (Bakauheni → Merak). */
  route: text("route").primaryKey(),
  name: text("name").notNull(),
  /** Kilograms one truck carries, to turn per-truck fares into rupiah per kg. */
  payloadKg: integer("payload_kg").notNull(),
  components: jsonb("components").$type<FreightComponent[]>().notNull(),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
