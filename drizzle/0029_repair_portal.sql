ALTER TABLE "repair_centers" DROP CONSTRAINT "repair_centers_status_check";--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "unit_received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "diagnosis_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "diagnosed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD COLUMN "repair_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_case_files" ADD COLUMN "event_id" integer;--> statement-breakpoint
ALTER TABLE "after_sales_case_files" ADD CONSTRAINT "after_sales_case_files_event_id_after_sales_case_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."after_sales_case_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "after_sales_cases_center_idx" ON "after_sales_cases" USING btree ("repair_center_id");--> statement-breakpoint
ALTER TABLE "repair_centers" ADD CONSTRAINT "repair_centers_status_check" CHECK (status in ('in_review', 'approved', 'rejected', 'withdrawn'));