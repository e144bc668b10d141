CREATE TABLE "product_lots" (
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
	"grade" text NOT NULL,
	"production_date" date NOT NULL,
	"process_code" text NOT NULL,
	"process_name" text NOT NULL,
	"production_order" text,
	"site_sgln" text NOT NULL,
	"site_name" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"event_id" text NOT NULL,
	"declared_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "excursions" ADD COLUMN "participants" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "production_runs" ADD COLUMN "min_yield_bp" integer;--> statement-breakpoint
ALTER TABLE "production_runs" ADD COLUMN "max_yield_bp" integer;--> statement-breakpoint
ALTER TABLE "production_runs" ADD COLUMN "inputs" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "production_runs" ADD COLUMN "outputs" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "production_runs" ADD COLUMN "participants" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "product_lots" ADD CONSTRAINT "product_lots_trade_item_id_trade_items_id_fk" FOREIGN KEY ("trade_item_id") REFERENCES "public"."trade_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_lots_lgtin_key" ON "product_lots" USING btree ("lgtin");--> statement-breakpoint
CREATE INDEX "product_lots_organisation_date_idx" ON "product_lots" USING btree ("organisation_id","production_date");--> statement-breakpoint
CREATE INDEX "product_lots_event_idx" ON "product_lots" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "production_runs_event_id_idx" ON "production_runs" USING btree ("event_id");