CREATE TABLE "deposit_addresses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deposit_addresses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"payment_method_id" integer NOT NULL,
	"deposit_key_id" integer NOT NULL,
	"derivation_index" integer NOT NULL,
	"network" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deposit_addresses_key_index_unique" UNIQUE("deposit_key_id","derivation_index"),
	CONSTRAINT "deposit_addresses_order_method_unique" UNIQUE("order_id","payment_method_id"),
	CONSTRAINT "deposit_addresses_address_unique" UNIQUE("network","address"),
	CONSTRAINT "deposit_addresses_network_check" CHECK (network in ('btc', 'erc20', 'trc20')),
	CONSTRAINT "deposit_addresses_index_check" CHECK (derivation_index >= 0)
);
--> statement-breakpoint
CREATE TABLE "deposit_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deposit_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"network" text NOT NULL,
	"extended_key" text NOT NULL,
	"next_index" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deposit_keys_key_unique" UNIQUE("network","extended_key"),
	CONSTRAINT "deposit_keys_network_check" CHECK (network in ('btc', 'erc20', 'trc20')),
	CONSTRAINT "deposit_keys_next_index_check" CHECK (next_index >= 0 and next_index <= 2147483647)
);
--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "deposit_network" text;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD COLUMN "deposit_key" text;--> statement-breakpoint
ALTER TABLE "deposit_addresses" ADD CONSTRAINT "deposit_addresses_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_addresses" ADD CONSTRAINT "deposit_addresses_payment_method_id_payment_methods_id_fk" FOREIGN KEY ("payment_method_id") REFERENCES "public"."payment_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_addresses" ADD CONSTRAINT "deposit_addresses_deposit_key_id_deposit_keys_id_fk" FOREIGN KEY ("deposit_key_id") REFERENCES "public"."deposit_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_deposit_check" CHECK ((deposit_network is null) = (deposit_key is null) and (deposit_network is null or deposit_network in ('btc', 'erc20', 'trc20')));