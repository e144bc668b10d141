CREATE TABLE "gs1_counters" (
	"scope" text PRIMARY KEY NOT NULL,
	"last_value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gs1_locations" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text NOT NULL,
	"company_prefix" text NOT NULL,
	"location_reference" text NOT NULL,
	"gln" text NOT NULL,
	"sgln" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lots" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"organisation_name" text NOT NULL,
	"trade_item_id" text NOT NULL,
	"commodity_code" text NOT NULL,
	"commodity_name" text NOT NULL,
	"gtin" text NOT NULL,
	"lot_code" text NOT NULL,
	"lgtin" text NOT NULL,
	"quantity_grams" bigint NOT NULL,
	"quantity" text NOT NULL,
	"quantity_unit" text NOT NULL,
	"harvest_date" date NOT NULL,
	"village_code" text NOT NULL,
	"village_label" text NOT NULL,
	"grade" text NOT NULL,
	"farm_gate_price" integer,
	"farm_gln" text NOT NULL,
	"farm_sgln" text NOT NULL,
	"event_id" text NOT NULL,
	"declared_by" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_items" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"commodity_code" text NOT NULL,
	"company_prefix" text NOT NULL,
	"item_reference" text NOT NULL,
	"gtin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_trade_item_id_trade_items_id_fk" FOREIGN KEY ("trade_item_id") REFERENCES "public"."trade_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gs1_locations_organisation_kind_key" ON "gs1_locations" USING btree ("organisation_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "gs1_locations_gln_key" ON "gs1_locations" USING btree ("gln");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_lgtin_key" ON "lots" USING btree ("lgtin");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_organisation_idempotency_key" ON "lots" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "lots_organisation_harvest_idx" ON "lots" USING btree ("organisation_id","harvest_date");--> statement-breakpoint
CREATE INDEX "lots_commodity_idx" ON "lots" USING btree ("commodity_code");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_items_organisation_commodity_key" ON "trade_items" USING btree ("organisation_id","commodity_code");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_items_gtin_key" ON "trade_items" USING btree ("gtin");