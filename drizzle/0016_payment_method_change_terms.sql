ALTER TABLE "payment_method_changes" ALTER COLUMN "payment_method_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_method_changes" ALTER COLUMN "previous_details" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD COLUMN "kind" text DEFAULT 'update' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD COLUMN "previous_terms" jsonb;--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD COLUMN "proposed_terms" jsonb;--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD COLUMN "decided_on_console" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "payment_method_changes_decided_idx" ON "payment_method_changes" USING btree ("decided_at");--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD CONSTRAINT "payment_method_changes_kind_check" CHECK (kind in ('create', 'update'));--> statement-breakpoint
ALTER TABLE "payment_method_changes" ADD CONSTRAINT "payment_method_changes_target_check" CHECK ((kind = 'create' and previous_details is null and previous_terms is null and proposed_terms is not null)
        or (kind = 'update' and payment_method_id is not null and previous_details is not null));