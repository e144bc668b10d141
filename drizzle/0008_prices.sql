CREATE TABLE "price_markets" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"level" text NOT NULL,
	"operator" text,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
CREATE TABLE "price_observation_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"observation_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text,
	"action" text NOT NULL,
	"old_price" integer,
	"new_price" integer,
	"old_status" text,
	"new_status" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "price_observations" (
	"id" text PRIMARY KEY NOT NULL,
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"market_id" text,
	"level" text NOT NULL,
	"date" date NOT NULL,
	"price" integer NOT NULL,
	"status" text NOT NULL,
	"hold_reason" jsonb,
	"source" text NOT NULL,
	"recorded_by" text,
	"organisation_id" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "price_observations_series_date_key" UNIQUE NULLS NOT DISTINCT("commodity_code","region_code","market_id","level","date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "price_markets_code_key" ON "price_markets" USING btree ("code");--> statement-breakpoint
CREATE INDEX "price_markets_region_idx" ON "price_markets" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "price_observation_changes_obs_idx" ON "price_observation_changes" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "price_observations_date_idx" ON "price_observations" USING btree ("date","status");--> statement-breakpoint
CREATE INDEX "price_observations_status_idx" ON "price_observations" USING btree ("status");