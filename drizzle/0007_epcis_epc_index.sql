DROP INDEX "epcis_event_epcs_epc_idx";--> statement-breakpoint
CREATE INDEX "epcis_event_epcs_epc_idx" ON "epcis_event_epcs" USING btree ("epc" text_pattern_ops,"role","event_pk");