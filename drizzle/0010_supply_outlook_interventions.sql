CREATE TABLE "interventions" (
	"id" text PRIMARY KEY NOT NULL,
	"recommendation_id" text NOT NULL,
	"kind" text NOT NULL,
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"quantity_kg" bigint NOT NULL,
	"effective_date" date NOT NULL,
	"watch" jsonb NOT NULL,
	"price_before" jsonb NOT NULL,
	"expected_effect_pct" real,
	"created" jsonb NOT NULL,
	"approved_by" text NOT NULL,
	"approved_by_name" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"quantity_kg" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"plan" jsonb NOT NULL,
	"cost_rp" bigint NOT NULL,
	"expected_effect" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"basis" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decided_by_name" text,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "freight_rates" (
	"route" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payload_kg" integer NOT NULL,
	"components" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_plans" (
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"daily_demand_kg" bigint NOT NULL,
	"target_cover_days" integer NOT NULL,
	"inflow_index" jsonb NOT NULL,
	"lampung_supply_kg" jsonb NOT NULL,
	"demand_elasticity" real NOT NULL,
	"source" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supply_plans_pk" PRIMARY KEY("commodity_code","region_code")
);
--> statement-breakpoint
CREATE TABLE "supply_stock_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"kg" bigint NOT NULL,
	"as_of" date NOT NULL,
	"note" text,
	"reported_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interventions_commodity_idx" ON "interventions" USING btree ("commodity_code","effective_date");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_open_key" ON "recommendations" USING btree ("fingerprint") WHERE "recommendations"."status" = 'open';--> statement-breakpoint
CREATE INDEX "recommendations_status_idx" ON "recommendations" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "supply_stock_reports_key_idx" ON "supply_stock_reports" USING btree ("commodity_code","region_code","organisation_id","as_of");