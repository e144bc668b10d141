CREATE TABLE "notification_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient_user_id" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"title_id" text NOT NULL,
	"title_en" text NOT NULL,
	"body_id" text NOT NULL,
	"body_en" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stability_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"market_id" text,
	"price_level" text NOT NULL,
	"as_of" date,
	"level" text NOT NULL,
	"reason_id" text NOT NULL,
	"reason_en" text NOT NULL,
	"findings" jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	CONSTRAINT "stability_alerts_series" UNIQUE NULLS NOT DISTINCT("commodity_code","region_code","market_id","price_level")
);
--> statement-breakpoint
CREATE TABLE "stability_deliveries" (
	"subscription_id" text NOT NULL,
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"market_id" text,
	"price_level" text NOT NULL,
	"notified_level" text NOT NULL,
	CONSTRAINT "stability_deliveries_key" UNIQUE NULLS NOT DISTINCT("subscription_id","commodity_code","region_code","market_id","price_level")
);
--> statement-breakpoint
CREATE TABLE "stability_indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"commodity_code" text NOT NULL,
	"region_code" text NOT NULL,
	"market_id" text,
	"price_level" text NOT NULL,
	"as_of" date,
	"level" text NOT NULL,
	"reason_id" text NOT NULL,
	"reason_en" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"findings" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stability_indicators_series" UNIQUE NULLS NOT DISTINCT("commodity_code","region_code","market_id","price_level")
);
--> statement-breakpoint
CREATE TABLE "stability_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"commodity_code" text,
	"region_code" text,
	"min_level" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stability_subscriptions_scope" UNIQUE NULLS NOT DISTINCT("user_id","commodity_code","region_code")
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stability_deliveries" ADD CONSTRAINT "stability_deliveries_subscription_id_stability_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."stability_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stability_subscriptions" ADD CONSTRAINT "stability_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_outbox_recipient_idx" ON "notification_outbox" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("channel") WHERE "notification_outbox"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "stability_alerts_open_idx" ON "stability_alerts" USING btree ("level") WHERE "stability_alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "stability_indicators_region_idx" ON "stability_indicators" USING btree ("region_code");