-- Custom SQL migration file, put your code below! --
-- Stock on hand before the ledger existed becomes its opening row, so every product's
-- stock is the sum of its ledger from the start.
INSERT INTO "stock_adjustments" ("product_id", "delta", "reason", "note")
SELECT "id", "stock", 'initial', 'Stock on hand when the ledger started' FROM "products" WHERE "stock" > 0;
