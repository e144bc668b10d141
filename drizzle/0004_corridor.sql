CREATE TABLE "commodity_thresholds" (
	"commodity_code" text PRIMARY KEY NOT NULL,
	"min_celsius" double precision,
	"max_celsius" double precision,
	"max_relative_humidity" double precision,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "excursions" (
	"id" text PRIMARY KEY NOT NULL,
	"event_pk" text NOT NULL,
	"event_id" text NOT NULL,
	"epc" text NOT NULL,
	"commodity_code" text NOT NULL,
	"measurement" text NOT NULL,
	"value" double precision NOT NULL,
	"uom" text NOT NULL,
	"limit" double precision NOT NULL,
	"direction" text NOT NULL,
	"sgln" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"input_commodity_code" text NOT NULL,
	"output_commodity_code" text NOT NULL,
	"min_yield_bp" integer NOT NULL,
	"max_yield_bp" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "production_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"event_pk" text NOT NULL,
	"event_id" text NOT NULL,
	"organisation_id" text,
	"process_code" text,
	"production_order" text,
	"site_sgln" text,
	"input_epcs" text[] NOT NULL,
	"output_epcs" text[] NOT NULL,
	"input_grams" bigint NOT NULL,
	"output_grams" bigint NOT NULL,
	"yield_bp" integer,
	"flagged" boolean NOT NULL,
	"flag_reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_visits" (
	"id" text PRIMARY KEY NOT NULL,
	"shipment_id" text NOT NULL,
	"hub_sgln" text NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"inspected_at" timestamp with time zone,
	"inspection_outcome" text,
	"inspection_note" text,
	"held_at" timestamp with time zone,
	"hold_reason" text,
	"released_at" timestamp with time zone,
	"departed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proofs_of_delivery" (
	"id" text PRIMARY KEY NOT NULL,
	"shipment_id" text NOT NULL,
	"recadv" text NOT NULL,
	"received_by" text NOT NULL,
	"receiver_name" text,
	"photo" text,
	"signature" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proofs_of_delivery_shipment_id_unique" UNIQUE("shipment_id")
);
--> statement-breakpoint
CREATE TABLE "shipment_history" (
	"id" text PRIMARY KEY NOT NULL,
	"shipment_id" text NOT NULL,
	"event_pk" text NOT NULL,
	"event_id" text NOT NULL,
	"biz_step" text,
	"disposition" text,
	"sgln" text,
	"at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "shipment_legs" (
	"id" text PRIMARY KEY NOT NULL,
	"shipment_id" text NOT NULL,
	"seq" integer NOT NULL,
	"mode" text NOT NULL,
	"from_sgln" text NOT NULL,
	"from_name" text NOT NULL,
	"to_sgln" text NOT NULL,
	"to_name" text NOT NULL,
	"carrier_organisation_id" text,
	"carrier_name" text NOT NULL,
	"vehicle" text NOT NULL,
	"bol_number" text,
	"planned_departure" timestamp with time zone NOT NULL,
	"planned_arrival" timestamp with time zone NOT NULL,
	"actual_departure" timestamp with time zone,
	"actual_arrival" timestamp with time zone,
	"eta" timestamp with time zone,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"shipment_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"epc" text NOT NULL,
	"kind" text NOT NULL,
	"commodity_code" text,
	"description" text NOT NULL,
	"shipped_grams" bigint NOT NULL,
	"accepted_grams" bigint,
	"rejected_grams" bigint,
	"rejection_reason" text
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"desadv" text NOT NULL,
	"po_reference" text,
	"shipper_organisation_id" text NOT NULL,
	"receiver_organisation_id" text NOT NULL,
	"origin_sgln" text NOT NULL,
	"origin_name" text NOT NULL,
	"destination_sgln" text NOT NULL,
	"destination_name" text NOT NULL,
	"route" text NOT NULL,
	"status" text NOT NULL,
	"current_sgln" text,
	"current_leg_seq" integer,
	"eta" timestamp with time zone,
	"held_reason" text,
	"notes" text,
	"dispatched_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_bookings" (
	"id" text PRIMARY KEY NOT NULL,
	"zone_id" text NOT NULL,
	"tenant_organisation_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"kg" bigint NOT NULL,
	"pallets" integer NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "capacity_bookings_range" CHECK ("capacity_bookings"."to_date" >= "capacity_bookings"."from_date")
);
--> statement-breakpoint
CREATE TABLE "stock_balances" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_organisation_id" text NOT NULL,
	"site_code" text NOT NULL,
	"location" text NOT NULL,
	"epc" text NOT NULL,
	"commodity_code" text,
	"state" text NOT NULL,
	"grams" bigint NOT NULL,
	"expiry_date" date,
	"first_received_at" timestamp with time zone NOT NULL,
	"last_moved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_balances_key" UNIQUE("tenant_organisation_id","site_code","location","epc","state"),
	CONSTRAINT "stock_balances_not_negative" CHECK ("stock_balances"."grams" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_organisation_id" text NOT NULL,
	"site_code" text NOT NULL,
	"location" text NOT NULL,
	"epc" text NOT NULL,
	"commodity_code" text,
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"delta_grams" bigint NOT NULL,
	"balance_after_grams" bigint NOT NULL,
	"reason" text,
	"event_pk" text NOT NULL,
	"event_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warehouse_tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"site_code" text NOT NULL,
	"organisation_id" text NOT NULL,
	"since" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warehouse_zones" (
	"id" text PRIMARY KEY NOT NULL,
	"site_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"capacity_kg" bigint NOT NULL,
	"pallet_places" integer NOT NULL,
	"sgln" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "gln" text;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "sgln" text;--> statement-breakpoint
ALTER TABLE "hub_visits" ADD CONSTRAINT "hub_visits_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proofs_of_delivery" ADD CONSTRAINT "proofs_of_delivery_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_history" ADD CONSTRAINT "shipment_history_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_legs" ADD CONSTRAINT "shipment_legs_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_lines" ADD CONSTRAINT "shipment_lines_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_bookings" ADD CONSTRAINT "capacity_bookings_zone_id_warehouse_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."warehouse_zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "excursions_epc_idx" ON "excursions" USING btree ("epc","at");--> statement-breakpoint
CREATE INDEX "excursions_event_idx" ON "excursions" USING btree ("event_pk");--> statement-breakpoint
CREATE UNIQUE INDEX "production_runs_event_key" ON "production_runs" USING btree ("event_pk");--> statement-breakpoint
CREATE INDEX "production_runs_org_idx" ON "production_runs" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "production_runs_flagged_idx" ON "production_runs" USING btree ("flagged","at");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_visits_shipment_hub_key" ON "hub_visits" USING btree ("shipment_id","hub_sgln");--> statement-breakpoint
CREATE INDEX "hub_visits_hub_idx" ON "hub_visits" USING btree ("hub_sgln","departed_at");--> statement-breakpoint
CREATE INDEX "shipment_history_shipment_idx" ON "shipment_history" USING btree ("shipment_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_history_event_key" ON "shipment_history" USING btree ("shipment_id","event_pk");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_legs_seq_key" ON "shipment_legs" USING btree ("shipment_id","seq");--> statement-breakpoint
CREATE INDEX "shipment_legs_carrier_idx" ON "shipment_legs" USING btree ("carrier_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_lines_no_key" ON "shipment_lines" USING btree ("shipment_id","line_no");--> statement-breakpoint
CREATE INDEX "shipment_lines_epc_idx" ON "shipment_lines" USING btree ("epc");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_number_key" ON "shipments" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_desadv_key" ON "shipments" USING btree ("desadv");--> statement-breakpoint
CREATE INDEX "shipments_shipper_idx" ON "shipments" USING btree ("shipper_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "shipments_receiver_idx" ON "shipments" USING btree ("receiver_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "shipments_current_idx" ON "shipments" USING btree ("current_sgln","status");--> statement-breakpoint
CREATE INDEX "capacity_bookings_zone_idx" ON "capacity_bookings" USING btree ("zone_id","from_date");--> statement-breakpoint
CREATE INDEX "capacity_bookings_tenant_idx" ON "capacity_bookings" USING btree ("tenant_organisation_id");--> statement-breakpoint
CREATE INDEX "stock_balances_site_idx" ON "stock_balances" USING btree ("site_code","commodity_code");--> statement-breakpoint
CREATE INDEX "stock_balances_epc_idx" ON "stock_balances" USING btree ("epc");--> statement-breakpoint
CREATE INDEX "stock_movements_tenant_epc_idx" ON "stock_movements" USING btree ("tenant_organisation_id","epc","at");--> statement-breakpoint
CREATE INDEX "stock_movements_tenant_commodity_idx" ON "stock_movements" USING btree ("tenant_organisation_id","commodity_code","at");--> statement-breakpoint
CREATE INDEX "stock_movements_site_idx" ON "stock_movements" USING btree ("site_code","at");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouse_tenants_site_org_key" ON "warehouse_tenants" USING btree ("site_code","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouse_zones_site_code_key" ON "warehouse_zones" USING btree ("site_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouse_zones_sgln_key" ON "warehouse_zones" USING btree ("sgln");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_gln_key" ON "sites" USING btree ("gln");