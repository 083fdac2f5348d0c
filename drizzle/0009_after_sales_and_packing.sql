CREATE SEQUENCE "public"."after_sales_case_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "packing_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "packing_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"parcel_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_key" text NOT NULL,
	"preview_key" text,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packing_files_kind_check" CHECK (kind in ('photo', 'video'))
);
--> statement-breakpoint
CREATE TABLE "packing_parcels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "packing_parcels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"position" integer NOT NULL,
	"seal_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"recorded_by" integer NOT NULL,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packing_parcels_order_position_unique" UNIQUE("order_id","position")
);
--> statement-breakpoint
CREATE TABLE "packing_units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "packing_units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"parcel_id" integer NOT NULL,
	"order_line_id" integer NOT NULL,
	"serial_number" text NOT NULL,
	"burn_in_hashrate" double precision,
	"burn_in_hashrate_unit" text,
	"burn_in_hours" double precision,
	"burn_in_passed" boolean,
	"corrects_unit_id" integer,
	"recorded_by" integer NOT NULL,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packing_units_burn_in_check" CHECK ((burn_in_hours is null or burn_in_hours >= 0) and (burn_in_hashrate is null or burn_in_hashrate >= 0))
);
--> statement-breakpoint
CREATE TABLE "after_sales_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "after_sales_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"order_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"description" text NOT NULL,
	"standard_resolution" text NOT NULL,
	"resolution" text,
	"repair_center_id" integer,
	"rejection_reason" text,
	"reissue_carrier" text,
	"reissue_tracking" text,
	"decision_due_at" timestamp with time zone NOT NULL,
	"reissue_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "after_sales_cases_number_unique" UNIQUE("number"),
	CONSTRAINT "after_sales_cases_status_check" CHECK (status in ('submitted', 'under_review', 'awaiting_reissue', 'awaiting_unit', 'at_repair_center', 'reissue_shipped', 'resolved', 'rejected')),
	CONSTRAINT "after_sales_cases_type_check" CHECK (type in ('wrong_item', 'missing_item', 'damaged_in_transit', 'defective'))
);
--> statement-breakpoint
CREATE TABLE "after_sales_case_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "after_sales_case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"event" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" integer,
	"actor_role" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "after_sales_case_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "after_sales_case_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"message_id" integer,
	"kind" text NOT NULL,
	"file_key" text NOT NULL,
	"preview_key" text,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "after_sales_case_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "after_sales_case_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"order_line_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"serial_number" text,
	CONSTRAINT "after_sales_case_lines_quantity_check" CHECK (quantity > 0)
);
--> statement-breakpoint
CREATE TABLE "after_sales_case_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "after_sales_case_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"from_staff" boolean NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "packing_files" ADD CONSTRAINT "packing_files_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_files" ADD CONSTRAINT "packing_files_parcel_id_packing_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."packing_parcels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_files" ADD CONSTRAINT "packing_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD CONSTRAINT "packing_parcels_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_parcels" ADD CONSTRAINT "packing_parcels_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_units" ADD CONSTRAINT "packing_units_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_units" ADD CONSTRAINT "packing_units_parcel_id_packing_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."packing_parcels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_units" ADD CONSTRAINT "packing_units_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packing_units" ADD CONSTRAINT "packing_units_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_repair_center_id_repair_centers_id_fk" FOREIGN KEY ("repair_center_id") REFERENCES "public"."repair_centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_events" ADD CONSTRAINT "after_sales_case_events_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_events" ADD CONSTRAINT "after_sales_case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_files" ADD CONSTRAINT "after_sales_case_files_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_files" ADD CONSTRAINT "after_sales_case_files_message_id_after_sales_case_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."after_sales_case_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_files" ADD CONSTRAINT "after_sales_case_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_lines" ADD CONSTRAINT "after_sales_case_lines_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_lines" ADD CONSTRAINT "after_sales_case_lines_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_messages" ADD CONSTRAINT "after_sales_case_messages_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_case_messages" ADD CONSTRAINT "after_sales_case_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "packing_files_order_idx" ON "packing_files" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "packing_units_order_idx" ON "packing_units" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "packing_units_serial_idx" ON "packing_units" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "after_sales_cases_customer_idx" ON "after_sales_cases" USING btree ("customer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_order_idx" ON "after_sales_cases" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_queue_idx" ON "after_sales_cases" USING btree ("status","due_at","id");--> statement-breakpoint
CREATE INDEX "after_sales_case_events_case_idx" ON "after_sales_case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "after_sales_case_files_case_idx" ON "after_sales_case_files" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "after_sales_case_lines_case_idx" ON "after_sales_case_lines" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "after_sales_case_messages_case_idx" ON "after_sales_case_messages" USING btree ("case_id","id");