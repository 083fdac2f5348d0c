CREATE TABLE "help_pages" (
	"slug" text NOT NULL,
	"locale" text NOT NULL,
	"markdown" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "help_pages_slug_locale_pk" PRIMARY KEY("slug","locale"),
	CONSTRAINT "help_pages_markdown_check" CHECK (length(markdown) <= 20000)
);
--> statement-breakpoint
ALTER TABLE "help_pages" ADD CONSTRAINT "help_pages_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;