-- Back-office search (issue 15): every key a person has in hand, matched anywhere in the
-- value and regardless of case (ILIKE '%…%'), served by trigram GIN indexes so it stays an
-- index lookup at 500,000 orders. pg_trgm is a trusted extension (PostgreSQL 13+): the
-- database owner may create it; PGlite loads it as a bundled extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_number_trgm_idx" ON "orders" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_full_name_trgm_idx" ON "orders" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_email_trgm_idx" ON "orders" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "shipments_tracking_trgm_idx" ON "shipments" USING gin ("tracking_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "payment_proofs_reference_trgm_idx" ON "payment_proofs" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "packing_units_serial_trgm_idx" ON "packing_units" USING gin ("serial_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "proforma_invoices_number_trgm_idx" ON "proforma_invoices" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_full_name_trgm_idx" ON "users" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
-- The all-orders list filtered by state, newest first, keyset-paged by (created_at, id).
CREATE INDEX IF NOT EXISTS "orders_status_created_idx" ON "orders" ("status", "created_at", "id");
