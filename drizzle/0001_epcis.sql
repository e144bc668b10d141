CREATE TABLE "epcis_captures" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"running" boolean NOT NULL,
	"success" boolean NOT NULL,
	"error_behaviour" text NOT NULL,
	"event_count" integer NOT NULL,
	"stored_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb NOT NULL,
	"captured_by" text,
	"organisation_id" text
);
--> statement-breakpoint
CREATE TABLE "epcis_event_epcs" (
	"event_pk" text NOT NULL,
	"epc" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "epcis_event_epcs_event_pk_epc_role_pk" PRIMARY KEY("event_pk","epc","role")
);
--> statement-breakpoint
CREATE TABLE "epcis_events" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"event_time" timestamp (3) with time zone NOT NULL,
	"record_time" timestamp (3) with time zone NOT NULL,
	"action" text,
	"biz_step" text,
	"disposition" text,
	"read_point" text,
	"biz_location" text,
	"biz_transactions" text[] NOT NULL,
	"sources" text[] NOT NULL,
	"destinations" text[] NOT NULL,
	"has_error_declaration" boolean DEFAULT false NOT NULL,
	"capture_id" text NOT NULL,
	"captured_by" text,
	"namespaces" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "epcis_events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "epcis_participants" (
	"event_pk" text NOT NULL,
	"organisation_id" text NOT NULL,
	CONSTRAINT "epcis_participants_event_pk_organisation_id_pk" PRIMARY KEY("event_pk","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "epcis_event_epcs" ADD CONSTRAINT "epcis_event_epcs_event_pk_epcis_events_id_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."epcis_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "epcis_participants" ADD CONSTRAINT "epcis_participants_event_pk_epcis_events_id_fk" FOREIGN KEY ("event_pk") REFERENCES "public"."epcis_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "epcis_event_epcs_epc_idx" ON "epcis_event_epcs" USING btree ("epc","role");--> statement-breakpoint
CREATE INDEX "epcis_events_event_time_idx" ON "epcis_events" USING btree ("event_time");--> statement-breakpoint
CREATE INDEX "epcis_events_record_time_idx" ON "epcis_events" USING btree ("record_time");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_step_idx" ON "epcis_events" USING btree ("biz_step");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_location_idx" ON "epcis_events" USING btree ("biz_location");--> statement-breakpoint
CREATE INDEX "epcis_events_read_point_idx" ON "epcis_events" USING btree ("read_point");--> statement-breakpoint
CREATE INDEX "epcis_participants_org_idx" ON "epcis_participants" USING btree ("organisation_id");