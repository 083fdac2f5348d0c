CREATE INDEX "orders_overdue_quote_idx" ON "orders" USING btree ("created_at") WHERE status = 'awaiting_quote';--> statement-breakpoint
CREATE INDEX "orders_overdue_payment_idx" ON "orders" USING btree ("payment_due_at") WHERE status = 'awaiting_payment';--> statement-breakpoint
CREATE INDEX "orders_overdue_tracking_idx" ON "orders" USING btree ("approved_at") WHERE status = 'ready_to_ship';