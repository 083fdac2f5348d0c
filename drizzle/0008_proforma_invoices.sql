CREATE SEQUENCE "public"."proforma_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "proforma_invoices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "proforma_invoices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"number" text NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until" timestamp with time zone,
	"total_cents" integer NOT NULL,
	"buyer_name" text NOT NULL,
	CONSTRAINT "proforma_invoices_orderId_unique" UNIQUE("order_id"),
	CONSTRAINT "proforma_invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "proforma_invoices_code_unique" UNIQUE("code"),
	CONSTRAINT "proforma_invoices_total_check" CHECK (total_cents >= 0)
);
--> statement-breakpoint
ALTER TABLE "proforma_invoices" ADD CONSTRAINT "proforma_invoices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;