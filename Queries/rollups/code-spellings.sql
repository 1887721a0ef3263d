-- code-spellings: the raw spellings of each canonical discount code of one company, per side
-- (SESSION: per funnel; ORDER: funnel '') and company-local day, for discount-codes' spellings column.
--
-- Grain:      one row per distinct (side, funnel, code, raw spelling, local day).
-- Inputs:     :companyId; temp.rollup_days; the shared session_outcomes view.
-- NULL:       only spellings that fold to a code; sessions as in session-side.sql, orders that
--             count as sales as in order-side.sql.
-- Order:      none (an INSERT).
INSERT INTO "tally_rollup_code_spellings" ("companyId", "side", "funnelId", "code", "rawCode", "localDay")
SELECT DISTINCT :companyId, 'SESSION', so.funnel_id, tally_fold_code(so.discount_code), so.discount_code,
    (SELECT d."localDay" FROM temp."rollup_days" AS d WHERE d."fromUTC" <= so.started_at
        ORDER BY d."fromUTC" DESC LIMIT 1)
FROM "funnels" AS f
JOIN session_outcomes AS so ON so.funnel_id = f."id"
WHERE f."companyId" = :companyId AND so.discount_code > '' AND tally_fold_code(so.discount_code) IS NOT NULL
UNION
SELECT DISTINCT :companyId, 'ORDER', '', tally_fold_code(r."discountCode"), r."discountCode",
    (SELECT d."localDay" FROM temp."rollup_days" AS d WHERE d."fromUTC" <= r."orderedAt"
        ORDER BY d."fromUTC" DESC LIMIT 1)
FROM "orders" AS r
WHERE r."companyId" = :companyId AND r."status" NOT IN ('PENDING', 'CANCELED')
    AND tally_fold_code(r."discountCode") IS NOT NULL;
