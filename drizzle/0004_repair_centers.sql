CREATE TABLE "repair_centers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "repair_centers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_id" integer NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"city" text NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"whatsapp" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"brands" text[] DEFAULT '{}'::text[] NOT NULL,
	"models" text DEFAULT '' NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"pending" jsonb,
	"rejection_reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" integer,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repair_centers_status_check" CHECK (status in ('in_review', 'approved', 'rejected')),
	CONSTRAINT "repair_centers_lat_check" CHECK (lat is null or (lat between -90 and 90)),
	CONSTRAINT "repair_centers_lng_check" CHECK (lng is null or (lng between -180 and 180)),
	CONSTRAINT "repair_centers_photos_check" CHECK (cardinality(photos) <= 6)
);
--> statement-breakpoint
ALTER TABLE "repair_centers" ADD CONSTRAINT "repair_centers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_centers" ADD CONSTRAINT "repair_centers_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "repair_centers_owner_idx" ON "repair_centers" USING btree ("owner_id","id");--> statement-breakpoint
CREATE INDEX "repair_centers_queue_idx" ON "repair_centers" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "repair_centers_public_idx" ON "repair_centers" USING btree ("country","published_at");