DROP INDEX "epcis_event_epcs_epc_idx";--> statement-breakpoint
CREATE INDEX "epcis_events_biz_transactions_idx" ON "epcis_events" USING gin ("biz_transactions");--> statement-breakpoint
CREATE INDEX "epcis_events_sources_idx" ON "epcis_events" USING gin ("sources");--> statement-breakpoint
CREATE INDEX "epcis_events_destinations_idx" ON "epcis_events" USING gin ("destinations");--> statement-breakpoint
CREATE INDEX "epcis_event_epcs_epc_idx" ON "epcis_event_epcs" USING btree ("epc" text_pattern_ops,"role");