CREATE TABLE "payment_method_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_method_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"payment_method_id" integer NOT NULL,
	"previous_details" text NOT NULL,
	"proposed_details" text NOT NULL,
	"proposed_by" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_method_changes_status_check" CHECK (status in ('pending', 'confirmed', 'cancelled')),
	CONSTRAINT "payment_method_changes_decider_check" CHECK (decided_by is null or decided_by <> proposed_by or status = 'cancelled')
);
--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD CONSTRAINT "payment_method_changes_payment_method_id_payment_methods_id_fk" FOREIGN KEY ("payment_method_id") REFERENCES "public"."payment_methods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD CONSTRAINT "payment_method_changes_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD CONSTRAINT "payment_method_changes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_method_changes_one_pending_idx" ON "payment_method_changes" USING btree ("payment_method_id") WHERE status = 'pending';