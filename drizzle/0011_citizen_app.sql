CREATE TABLE "consents" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"purpose" text NOT NULL,
	"version" text NOT NULL,
	"granted" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"nik_ciphertext" text,
	"nik_hash" text,
	"nik_masked" text,
	"regency_code" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "user_profiles_nik_hash_unique" UNIQUE("nik_hash")
);
--> statement-breakpoint
CREATE TABLE "service_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"group_code" text NOT NULL,
	"kind" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"description_id" text NOT NULL,
	"description_en" text NOT NULL,
	"url" text NOT NULL,
	"agency" text NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"requirements" jsonb NOT NULL,
	"keywords" text[] NOT NULL,
	"regency_codes" text[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_entries_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "service_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"icon" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lapor_agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"parent_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lapor_agencies_code_unique" UNIQUE("code"),
	CONSTRAINT "lapor_agencies_organisation_id_unique" UNIQUE("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "lapor_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"group" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"description_id" text NOT NULL,
	"description_en" text NOT NULL,
	"keywords" text[] NOT NULL,
	"agency_id" text NOT NULL,
	"stage_hours" jsonb NOT NULL,
	"attributes" jsonb NOT NULL,
	"photo_required" boolean DEFAULT false NOT NULL,
	"duplicate_radius_m" integer NOT NULL,
	"duplicate_window_hours" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lapor_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lapor_followers" (
	"report_id" text NOT NULL,
	"user_id" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lapor_followers_report_id_user_id_pk" PRIMARY KEY("report_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "lapor_report_events" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_user_id" text,
	"actor_role" text NOT NULL,
	"agency_id" text,
	"note" text,
	"on_time" boolean,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lapor_report_photos" (
	"report_id" text NOT NULL,
	"media_id" text NOT NULL,
	"kind" text NOT NULL,
	"event_id" text,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lapor_report_photos_report_id_media_id_pk" PRIMARY KEY("report_id","media_id")
);
--> statement-breakpoint
CREATE TABLE "lapor_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"token" text NOT NULL,
	"category_code" text NOT NULL,
	"description" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"address" text,
	"regency_code" text,
	"district_code" text,
	"village_code" text,
	"privacy" text NOT NULL,
	"reporter_user_id" text,
	"contact" jsonb,
	"attributes" jsonb NOT NULL,
	"state" text NOT NULL,
	"agency_id" text NOT NULL,
	"assignee_user_id" text,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"stage_started_at" timestamp with time zone NOT NULL,
	"stage_due_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"confirm_due_at" timestamp with time zone,
	"merged_into_id" text,
	"follower_count" integer DEFAULT 0 NOT NULL,
	"rating" integer,
	"rating_comment" text,
	"source" text NOT NULL,
	"client_request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "lapor_reports_number_unique" UNIQUE("number"),
	CONSTRAINT "lapor_reports_token_unique" UNIQUE("token"),
	CONSTRAINT "lapor_reports_client_request" UNIQUE("reporter_user_id","client_request_id")
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_user_id" text,
	"purpose" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_articles" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"organisation_id" text NOT NULL,
	"author_user_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"image_media_id" text,
	"image_alt" text,
	"regency_codes" text[] NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "news_articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"outbox_id" text NOT NULL,
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"address" text NOT NULL,
	"provider_message_id" text,
	"status" text NOT NULL,
	"error" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" text NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_user_id_channel_pk" PRIMARY KEY("user_id","channel")
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"name" text NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "open311_api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_entries" ADD CONSTRAINT "service_entries_group_code_service_groups_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."service_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_agencies" ADD CONSTRAINT "lapor_agencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_categories" ADD CONSTRAINT "lapor_categories_agency_id_lapor_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."lapor_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_followers" ADD CONSTRAINT "lapor_followers_report_id_lapor_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."lapor_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_followers" ADD CONSTRAINT "lapor_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_report_events" ADD CONSTRAINT "lapor_report_events_report_id_lapor_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."lapor_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_report_events" ADD CONSTRAINT "lapor_report_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_report_photos" ADD CONSTRAINT "lapor_report_photos_report_id_lapor_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."lapor_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_report_photos" ADD CONSTRAINT "lapor_report_photos_media_id_media_files_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_reports" ADD CONSTRAINT "lapor_reports_category_code_lapor_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."lapor_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_reports" ADD CONSTRAINT "lapor_reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_reports" ADD CONSTRAINT "lapor_reports_agency_id_lapor_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."lapor_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapor_reports" ADD CONSTRAINT "lapor_reports_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_image_media_id_media_files_id_fk" FOREIGN KEY ("image_media_id") REFERENCES "public"."media_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_outbox_id_notification_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."notification_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id","purpose","at");--> statement-breakpoint
CREATE INDEX "service_entries_group_idx" ON "service_entries" USING btree ("group_code","sort");--> statement-breakpoint
CREATE INDEX "lapor_agencies_parent_idx" ON "lapor_agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "lapor_report_events_report_idx" ON "lapor_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "lapor_reports_agency_due_idx" ON "lapor_reports" USING btree ("agency_id","stage_due_at");--> statement-breakpoint
CREATE INDEX "lapor_reports_state_idx" ON "lapor_reports" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "lapor_reports_category_idx" ON "lapor_reports" USING btree ("category_code","created_at");--> statement-breakpoint
CREATE INDEX "lapor_reports_reporter_idx" ON "lapor_reports" USING btree ("reporter_user_id","created_at");--> statement-breakpoint
CREATE INDEX "lapor_reports_due_idx" ON "lapor_reports" USING btree ("stage_due_at") WHERE "lapor_reports"."stage_due_at" is not null;--> statement-breakpoint
CREATE INDEX "media_files_owner_idx" ON "media_files" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "news_articles_published_idx" ON "news_articles" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_outbox_idx" ON "notification_deliveries" USING btree ("outbox_id");