CREATE TABLE "order_contact_values" (
	"value" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "orders_email_idx" ON "orders" USING btree ("email");--> statement-breakpoint
CREATE INDEX "orders_full_name_idx" ON "orders" USING btree ("full_name");--> statement-breakpoint
-- Back-office search at 500,000 orders (issue 15, ADR 0017): buyers' names and e-mails are
-- matched on their distinct values (a few per customer, not one per order), then their
-- orders are read by equality. The trigger keeps every value written on an order listed.
CREATE INDEX IF NOT EXISTS "order_contact_values_trgm_idx" ON "order_contact_values" USING gin ("value" gin_trgm_ops);--> statement-breakpoint
CREATE FUNCTION order_contact_values_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_contact_values (value) VALUES (NEW.email), (NEW.full_name) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER orders_contact_values AFTER INSERT OR UPDATE OF email, full_name ON "orders"
  FOR EACH ROW EXECUTE FUNCTION order_contact_values_add();--> statement-breakpoint
INSERT INTO order_contact_values (value) SELECT email FROM orders UNION SELECT full_name FROM orders ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP INDEX IF EXISTS "orders_email_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "orders_full_name_trgm_idx";
