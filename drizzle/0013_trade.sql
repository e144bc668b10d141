CREATE TABLE "partner_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"external_user_id" text NOT NULL,
	"user_id" text NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_product_photos" (
	"product_id" text NOT NULL,
	"media_id" text NOT NULL,
	"alt" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "market_product_photos_product_id_media_id_pk" PRIMARY KEY("product_id","media_id")
);
--> statement-breakpoint
CREATE TABLE "market_product_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"order_id" text NOT NULL,
	"rating" integer NOT NULL,
	"comment" text NOT NULL,
	"buyer_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "market_product_reviews_rating" CHECK ("market_product_reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "market_products" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"origin_region_code" text NOT NULL,
	"origin_region_name" text NOT NULL,
	"lot_epc" text,
	"lot_gtin" text,
	"lot_code" text,
	"status" text NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"price" integer DEFAULT 0 NOT NULL,
	"price_max" integer DEFAULT 0 NOT NULL,
	"sold_count" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"search_name" text GENERATED ALWAYS AS (lumbung_unaccent(lower("market_products"."name"))) STORED NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', lumbung_unaccent(lower("market_products"."name"))), 'A') || setweight(to_tsvector('simple', lumbung_unaccent(lower(replace("market_products"."category", '-', ' ')))), 'B') || setweight(to_tsvector('simple', lumbung_unaccent(lower("market_products"."description"))), 'C')) STORED NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "market_products_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "market_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_sellers" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"applied_by_user_id" text,
	"display_name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text NOT NULL,
	"nib" text NOT NULL,
	"halal_number" text,
	"pirt_number" text,
	"bank_name" text NOT NULL,
	"bank_account_number" text NOT NULL,
	"bank_account_name" text NOT NULL,
	"pickup_address" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"reviewed_by_user_id" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "market_sellers_organisation_id_unique" UNIQUE("organisation_id"),
	CONSTRAINT "market_sellers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "market_variants" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"sku" text,
	"price" integer NOT NULL,
	"stock" integer NOT NULL,
	"weight_grams" integer NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "market_variants_stock_not_negative" CHECK ("market_variants"."stock" >= 0),
	CONSTRAINT "market_variants_price_positive" CHECK ("market_variants"."price" > 0)
);
--> statement-breakpoint
CREATE TABLE "market_order_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_order_events" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"actor" text NOT NULL,
	"actor_user_id" text,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_order_items" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"position" integer NOT NULL,
	"product_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"product_name" text NOT NULL,
	"variant_name" text NOT NULL,
	"unit_price" integer NOT NULL,
	"quantity" integer NOT NULL,
	"weight_grams" integer NOT NULL,
	"lot_epc" text,
	CONSTRAINT "market_order_items_quantity" CHECK ("market_order_items"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "market_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"buyer_kind" text NOT NULL,
	"buyer_user_id" text,
	"partner_client_id" text,
	"external_user_id" text,
	"buyer_key" text NOT NULL,
	"buyer_name" text NOT NULL,
	"seller_id" text NOT NULL,
	"seller_organisation_id" text NOT NULL,
	"seller_name" text NOT NULL,
	"seller_slug" text NOT NULL,
	"status" text NOT NULL,
	"subtotal" integer NOT NULL,
	"shipping_fee" integer NOT NULL,
	"total" integer NOT NULL,
	"weight_grams" integer NOT NULL,
	"shipping_address" jsonb NOT NULL,
	"note" text,
	"fulfilment_method" text,
	"courier_name" text,
	"tracking_number" text,
	"shipment_id" text,
	"shipment_number" text,
	"shipment_status" text,
	"receiver_name" text,
	"payment_intent_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"packed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"cancel_reason" text,
	"return_requested_at" timestamp with time zone,
	"return_reason" text,
	"return_rejected_reason" text,
	"returned_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"refunded_amount" integer,
	"payout_id" text,
	"review_rating" integer,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	"source" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	CONSTRAINT "market_orders_number_unique" UNIQUE("number"),
	CONSTRAINT "market_orders_idempotency" UNIQUE("buyer_key","idempotency_key"),
	CONSTRAINT "market_orders_total" CHECK ("market_orders"."total" = "market_orders"."subtotal" + "market_orders"."shipping_fee"),
	CONSTRAINT "market_orders_review_rating" CHECK ("market_orders"."review_rating" is null or "market_orders"."review_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "market_stock_reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "market_stock_reservations_quantity" CHECK ("market_stock_reservations"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "partner_embed_tokens" (
	"jti" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"external_user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"user_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"order_id" text NOT NULL,
	"external_user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "partner_webhook_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"response_body" text
);
--> statement-breakpoint
CREATE TABLE "partner_webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"client_id" text NOT NULL,
	"order_id" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"replay_of" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"description" text,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"journal_id" text NOT NULL,
	"line" integer NOT NULL,
	"account" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("ledger_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_journals" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference_id" text NOT NULL,
	"memo" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"intent_id" text,
	"outcome" text NOT NULL,
	"body" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"reference_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"provider" text NOT NULL,
	"provider_reference" text NOT NULL,
	"qris_payload" text NOT NULL,
	"merchant_name" text NOT NULL,
	"merchant_city" text NOT NULL,
	"bill_number" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_intents_amount_positive" CHECK ("payment_intents"."amount" > 0),
	CONSTRAINT "payment_intents_refund_bounded" CHECK ("payment_intents"."refunded_amount" >= 0 and "payment_intents"."refunded_amount" <= "payment_intents"."amount")
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"intent_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"provider_refund_id" text NOT NULL,
	"journal_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_refunds_amount" CHECK ("payment_refunds"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"beneficiary_organisation_id" text NOT NULL,
	"beneficiary_name" text NOT NULL,
	"bank_name" text NOT NULL,
	"account_number_masked" text NOT NULL,
	"account_name" text NOT NULL,
	"amount" bigint NOT NULL,
	"payable_account" text NOT NULL,
	"journal_id" text NOT NULL,
	"reference_ids" text[] NOT NULL,
	"memo" text NOT NULL,
	"status" text NOT NULL,
	"provider_reference" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payouts_amount_positive" CHECK ("payouts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "procurement_contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"buyer_organisation_id" text NOT NULL,
	"supplier_organisation_id" text NOT NULL,
	"commodity_code" text NOT NULL,
	"grade" text NOT NULL,
	"period" text NOT NULL,
	"volume_grams_per_period" bigint NOT NULL,
	"price_rule" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"delivery_site_code" text NOT NULL,
	"quality" jsonb NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "procurement_contracts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "procurement_dispatches" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"order_line_no" integer NOT NULL,
	"shipment_id" text NOT NULL,
	"shipment_number" text NOT NULL,
	"shipment_line_no" integer NOT NULL,
	"lot_lgtin" text NOT NULL,
	"grams" bigint NOT NULL,
	"accepted_grams" bigint,
	"rejected_grams" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procurement_farm_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"koperasi_organisation_id" text NOT NULL,
	"lot_lgtin" text NOT NULL,
	"lot_id" text NOT NULL,
	"commodity_code" text NOT NULL,
	"farmer_name" text NOT NULL,
	"farmer_phone" text,
	"farmer_organisation_id" text,
	"grams" bigint NOT NULL,
	"price_per_kg" integer NOT NULL,
	"amount" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"order_id" text NOT NULL,
	"supplier_organisation_id" text NOT NULL,
	"buyer_organisation_id" text NOT NULL,
	"lines" jsonb NOT NULL,
	"amount" bigint NOT NULL,
	"vat_note" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_on" date,
	"payment_reference" text,
	"issue_journal_id" text,
	"payment_journal_id" text,
	CONSTRAINT "procurement_invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "procurement_invoices_order_id_unique" UNIQUE("order_id")
);
--> statement-breakpoint
CREATE TABLE "procurement_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"commodity_code" text NOT NULL,
	"grade" text NOT NULL,
	"quantity_grams" bigint NOT NULL,
	"remaining_grams" bigint NOT NULL,
	"price_per_kg" integer NOT NULL,
	"available_from" date NOT NULL,
	"available_until" date NOT NULL,
	"pickup_site_code" text,
	"pickup_regency_code" text,
	"pickup_address" text,
	"lot_lgtins" jsonb NOT NULL,
	"notes" text,
	"status" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_order_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"commodity_code" text NOT NULL,
	"grade" text NOT NULL,
	"quantity_grams" bigint NOT NULL,
	"price_per_kg" integer NOT NULL,
	"price_basis" text NOT NULL,
	"accepted_grams" bigint
);
--> statement-breakpoint
CREATE TABLE "procurement_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"buyer_organisation_id" text NOT NULL,
	"supplier_organisation_id" text NOT NULL,
	"offer_id" text,
	"contract_id" text,
	"order_date" date NOT NULL,
	"delivery_site_code" text NOT NULL,
	"deliver_by" date NOT NULL,
	"status" text NOT NULL,
	"decline_reason" text,
	"notes" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "procurement_orders_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "procurement_sequences" (
	"key" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_accounts" ADD CONSTRAINT "partner_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_product_photos" ADD CONSTRAINT "market_product_photos_product_id_market_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."market_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_product_photos" ADD CONSTRAINT "market_product_photos_media_id_media_files_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_product_reviews" ADD CONSTRAINT "market_product_reviews_product_id_market_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."market_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_products" ADD CONSTRAINT "market_products_seller_id_market_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."market_sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_sellers" ADD CONSTRAINT "market_sellers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_sellers" ADD CONSTRAINT "market_sellers_applied_by_user_id_users_id_fk" FOREIGN KEY ("applied_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_sellers" ADD CONSTRAINT "market_sellers_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_variants" ADD CONSTRAINT "market_variants_product_id_market_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."market_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order_events" ADD CONSTRAINT "market_order_events_order_id_market_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."market_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order_events" ADD CONSTRAINT "market_order_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_order_items" ADD CONSTRAINT "market_order_items_order_id_market_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."market_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_orders" ADD CONSTRAINT "market_orders_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_stock_reservations" ADD CONSTRAINT "market_stock_reservations_order_id_market_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."market_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_webhook_attempts" ADD CONSTRAINT "partner_webhook_attempts_delivery_id_partner_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."partner_webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_journal_id_ledger_journals_id_fk" FOREIGN KEY ("journal_id") REFERENCES "public"."ledger_journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_callbacks" ADD CONSTRAINT "payment_callbacks_intent_id_payment_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."payment_intents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_intent_id_payment_intents_id_fk" FOREIGN KEY ("intent_id") REFERENCES "public"."payment_intents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_journal_id_ledger_journals_id_fk" FOREIGN KEY ("journal_id") REFERENCES "public"."ledger_journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contracts" ADD CONSTRAINT "procurement_contracts_buyer_organisation_id_organisations_id_fk" FOREIGN KEY ("buyer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contracts" ADD CONSTRAINT "procurement_contracts_supplier_organisation_id_organisations_id_fk" FOREIGN KEY ("supplier_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_contracts" ADD CONSTRAINT "procurement_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_dispatches" ADD CONSTRAINT "procurement_dispatches_order_id_procurement_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."procurement_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_farm_payments" ADD CONSTRAINT "procurement_farm_payments_koperasi_organisation_id_organisations_id_fk" FOREIGN KEY ("koperasi_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_farm_payments" ADD CONSTRAINT "procurement_farm_payments_farmer_organisation_id_organisations_id_fk" FOREIGN KEY ("farmer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_farm_payments" ADD CONSTRAINT "procurement_farm_payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_invoices" ADD CONSTRAINT "procurement_invoices_order_id_procurement_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."procurement_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_invoices" ADD CONSTRAINT "procurement_invoices_supplier_organisation_id_organisations_id_fk" FOREIGN KEY ("supplier_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_invoices" ADD CONSTRAINT "procurement_invoices_buyer_organisation_id_organisations_id_fk" FOREIGN KEY ("buyer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_offers" ADD CONSTRAINT "procurement_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_offers" ADD CONSTRAINT "procurement_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_order_lines" ADD CONSTRAINT "procurement_order_lines_order_id_procurement_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."procurement_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_orders" ADD CONSTRAINT "procurement_orders_buyer_organisation_id_organisations_id_fk" FOREIGN KEY ("buyer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_orders" ADD CONSTRAINT "procurement_orders_supplier_organisation_id_organisations_id_fk" FOREIGN KEY ("supplier_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_orders" ADD CONSTRAINT "procurement_orders_offer_id_procurement_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."procurement_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_orders" ADD CONSTRAINT "procurement_orders_contract_id_procurement_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."procurement_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_orders" ADD CONSTRAINT "procurement_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_accounts_client_external_key" ON "partner_accounts" USING btree ("client_id","external_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_accounts_user_key" ON "partner_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "market_product_photos_media_idx" ON "market_product_photos" USING btree ("media_id");--> statement-breakpoint
CREATE INDEX "market_product_reviews_product_idx" ON "market_product_reviews" USING btree ("product_id","created_at");--> statement-breakpoint
CREATE INDEX "market_product_reviews_order_idx" ON "market_product_reviews" USING btree ("order_id","product_id");--> statement-breakpoint
CREATE INDEX "market_products_seller_idx" ON "market_products" USING btree ("seller_id","updated_at");--> statement-breakpoint
CREATE INDEX "market_products_search_idx" ON "market_products" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "market_products_name_trgm_idx" ON "market_products" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "market_products_newest_idx" ON "market_products" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "market_products"."listed";--> statement-breakpoint
CREATE INDEX "market_products_price_idx" ON "market_products" USING btree ("price","id") WHERE "market_products"."listed";--> statement-breakpoint
CREATE INDEX "market_products_popular_idx" ON "market_products" USING btree ("sold_count" DESC NULLS LAST,"rating_count" DESC NULLS LAST,"id") WHERE "market_products"."listed";--> statement-breakpoint
CREATE INDEX "market_products_category_idx" ON "market_products" USING btree ("category","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "market_products"."listed";--> statement-breakpoint
CREATE INDEX "market_products_filters_idx" ON "market_products" USING btree ("category","origin_region_code","price") WHERE "market_products"."listed";--> statement-breakpoint
CREATE INDEX "market_products_regency_idx" ON "market_products" USING btree ("origin_region_code","price") WHERE "market_products"."listed";--> statement-breakpoint
CREATE INDEX "market_search_words_trgm_idx" ON "market_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "market_sellers_status_idx" ON "market_sellers" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "market_variants_product_idx" ON "market_variants" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "market_order_events_order_idx" ON "market_order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "market_order_items_order_idx" ON "market_order_items" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "market_orders_buyer_idx" ON "market_orders" USING btree ("buyer_key","created_at");--> statement-breakpoint
CREATE INDEX "market_orders_partner_idx" ON "market_orders" USING btree ("partner_client_id","created_at");--> statement-breakpoint
CREATE INDEX "market_orders_seller_idx" ON "market_orders" USING btree ("seller_organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "market_orders_unpaid_idx" ON "market_orders" USING btree ("expires_at") WHERE "market_orders"."status" = 'menunggu_pembayaran';--> statement-breakpoint
CREATE INDEX "market_orders_delivered_idx" ON "market_orders" USING btree ("delivered_at") WHERE "market_orders"."status" = 'diterima';--> statement-breakpoint
CREATE INDEX "market_stock_reservations_order_idx" ON "market_stock_reservations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "market_stock_reservations_variant_idx" ON "market_stock_reservations" USING btree ("variant_id","status");--> statement-breakpoint
CREATE INDEX "partner_idem_order_idx" ON "partner_idempotency_keys" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "partner_webhook_attempts_delivery_idx" ON "partner_webhook_attempts" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE INDEX "partner_deliveries_due_idx" ON "partner_webhook_deliveries" USING btree ("next_attempt_at") WHERE "partner_webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "partner_deliveries_client_idx" ON "partner_webhook_deliveries" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_deliveries_endpoint_idx" ON "partner_webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_webhook_endpoints_client_idx" ON "partner_webhook_endpoints" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_line_idx" ON "ledger_entries" USING btree ("journal_id","line");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account");--> statement-breakpoint
CREATE INDEX "ledger_journals_created_idx" ON "ledger_journals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ledger_journals_reference_idx" ON "ledger_journals" USING btree ("reference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_callbacks_event_idx" ON "payment_callbacks" USING btree ("provider","event_id");--> statement-breakpoint
CREATE INDEX "payment_callbacks_intent_idx" ON "payment_callbacks" USING btree ("intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_provider_ref_idx" ON "payment_intents" USING btree ("provider","provider_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_one_pending_idx" ON "payment_intents" USING btree ("purpose","reference_id") WHERE "payment_intents"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "payment_intents_reference_idx" ON "payment_intents" USING btree ("purpose","reference_id");--> statement-breakpoint
CREATE INDEX "payment_intents_status_idx" ON "payment_intents" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "payment_refunds_intent_idx" ON "payment_refunds" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "payouts_beneficiary_idx" ON "payouts" USING btree ("beneficiary_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "payouts_created_idx" ON "payouts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "procurement_contracts_buyer_idx" ON "procurement_contracts" USING btree ("buyer_organisation_id");--> statement-breakpoint
CREATE INDEX "procurement_contracts_supplier_idx" ON "procurement_contracts" USING btree ("supplier_organisation_id");--> statement-breakpoint
CREATE INDEX "procurement_dispatches_order_idx" ON "procurement_dispatches" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "procurement_dispatches_shipment_idx" ON "procurement_dispatches" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "procurement_dispatches_lot_idx" ON "procurement_dispatches" USING btree ("lot_lgtin");--> statement-breakpoint
CREATE INDEX "procurement_farm_payments_koperasi_idx" ON "procurement_farm_payments" USING btree ("koperasi_organisation_id","paid_on");--> statement-breakpoint
CREATE INDEX "procurement_farm_payments_farmer_idx" ON "procurement_farm_payments" USING btree ("farmer_organisation_id","paid_on");--> statement-breakpoint
CREATE INDEX "procurement_farm_payments_lot_idx" ON "procurement_farm_payments" USING btree ("lot_lgtin");--> statement-breakpoint
CREATE INDEX "procurement_invoices_buyer_idx" ON "procurement_invoices" USING btree ("buyer_organisation_id","issued_at");--> statement-breakpoint
CREATE INDEX "procurement_invoices_supplier_idx" ON "procurement_invoices" USING btree ("supplier_organisation_id","issued_at");--> statement-breakpoint
CREATE INDEX "procurement_offers_status_idx" ON "procurement_offers" USING btree ("status","commodity_code");--> statement-breakpoint
CREATE INDEX "procurement_offers_org_idx" ON "procurement_offers" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "procurement_order_lines_no_key" ON "procurement_order_lines" USING btree ("order_id","line_no");--> statement-breakpoint
CREATE INDEX "procurement_orders_buyer_idx" ON "procurement_orders" USING btree ("buyer_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "procurement_orders_supplier_idx" ON "procurement_orders" USING btree ("supplier_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "procurement_orders_contract_idx" ON "procurement_orders" USING btree ("contract_id");