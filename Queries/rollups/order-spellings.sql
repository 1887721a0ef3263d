-- order-spellings: the raw spellings of each canonical discount code on one company's orders, per
-- company-local day of "orderedAt", for discount-codes' spellings column (the session side's come
-- from SessionRollupPass).
--
-- Grain:      one row per distinct (code, raw spelling, local day); side 'ORDER', funnel ''.
-- Inputs:     :companyId; temp.rollup_days.
-- NULL:       only spellings that fold to a code, of orders that count as sales (order-side.sql).
-- Order:      none (an INSERT).
INSERT INTO "tally_rollup_code_spellings" ("companyId", "side", "funnelId", "code", "rawCode", "localDay")
SELECT DISTINCT :companyId, 'ORDER', '', tally_fold_code(r."discountCode"), r."discountCode",
    (SELECT d."localDay" FROM temp."rollup_days" AS d WHERE d."fromUTC" <= r."orderedAt"
        ORDER BY d."fromUTC" DESC LIMIT 1)
FROM "orders" AS r
WHERE r."companyId" = :companyId AND r."status" NOT IN ('PENDING', 'CANCELED')
    AND tally_fold_code(r."discountCode") IS NOT NULL;
