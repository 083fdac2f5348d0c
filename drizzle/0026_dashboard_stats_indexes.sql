CREATE INDEX "after_sales_cases_created_idx" ON "after_sales_cases" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_approved_idx" ON "orders" USING btree ("approved_at") WHERE approved_at is not null;--> statement-breakpoint
CREATE INDEX "payment_proofs_approved_idx" ON "payment_proofs" USING btree ("reviewed_at") WHERE status = 'approved';