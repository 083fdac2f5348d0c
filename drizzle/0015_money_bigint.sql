ALTER TABLE "orders" ALTER COLUMN "goods_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "freight_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "paid_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "payment_methods" ALTER COLUMN "min_order_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "payment_methods" ALTER COLUMN "max_order_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "payment_proofs" ALTER COLUMN "amount_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "proforma_invoices" ALTER COLUMN "total_cents" SET DATA TYPE bigint;