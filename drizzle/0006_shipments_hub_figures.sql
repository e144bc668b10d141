CREATE TABLE "packed_containers" (
	"id" text PRIMARY KEY NOT NULL,
	"epc" text NOT NULL,
	"organisation_id" text,
	"container_type" text,
	"grams" bigint NOT NULL,
	"location" text,
	"packed_at" timestamp with time zone NOT NULL,
	"event_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub_visits" ADD COLUMN "hold_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "hub_visits" ADD COLUMN "held_seconds" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "hub_visits" ADD COLUMN "inspection_loss_grams" bigint;--> statement-breakpoint
ALTER TABLE "hub_visits" ADD COLUMN "staged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipment_history" ADD COLUMN "position" bigserial NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "packed_containers_epc_key" ON "packed_containers" USING btree ("epc");--> statement-breakpoint
CREATE INDEX "packed_containers_organisation_idx" ON "packed_containers" USING btree ("organisation_id","packed_at");