CREATE TABLE "registration_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"next" text,
	"add_product" integer,
	"add_quantity" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "registration_links_locale_check" CHECK (locale in ('en', 'es'))
);
--> statement-breakpoint
CREATE INDEX "registration_links_expires_idx" ON "registration_links" USING btree ("expires_at");