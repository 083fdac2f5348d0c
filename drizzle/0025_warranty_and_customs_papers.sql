CREATE TABLE "customs_papers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customs_papers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customs_papers_orderId_unique" UNIQUE("order_id"),
	CONSTRAINT "customs_papers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "unit_test_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_test_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"packing_unit_id" integer NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_test_reports_packingUnitId_unique" UNIQUE("packing_unit_id"),
	CONSTRAINT "unit_test_reports_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "origin_country" text DEFAULT 'CN' NOT NULL;--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD COLUMN "net_weight_grams" integer;--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD COLUMN "gross_weight_grams" integer;--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD COLUMN "length_mm" integer;--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD COLUMN "width_mm" integer;--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD COLUMN "height_mm" integer;--> statement-breakpoint
ALTER TABLE "customs_papers" ADD CONSTRAINT "customs_papers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_test_reports" ADD CONSTRAINT "unit_test_reports_packing_unit_id_packing_units_id_fk" FOREIGN KEY ("packing_unit_id") REFERENCES "public"."packing_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "packing_units_serial_key_idx" ON "packing_units" USING btree (upper(trim(serial_number)));--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD CONSTRAINT "packing_parcels_measures_check" CHECK ((net_weight_grams is null or net_weight_grams > 0) and (gross_weight_grams is null or gross_weight_grams > 0) and (length_mm is null or length_mm > 0) and (width_mm is null or width_mm > 0) and (height_mm is null or height_mm > 0));