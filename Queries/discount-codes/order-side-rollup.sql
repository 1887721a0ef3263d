-- order-side-rollup: order-side.sql read from tally_rollup_code_order_days and
-- tally_rollup_code_spellings (docs/ROLLUPS.md). Not used with --funnel: orders are not per
-- funnel in the rollup, so a funnel filter reads the base tables.
--
-- Grain:      one row per (company, currency, code) as order-side.sql.
-- Inputs:     temp.report_scope ("fromDay", "toDay": the range as company-local days); the rollups.
-- NULL:       money sums NULL when every order of the group lacks the amount, as order-side.sql.
-- Order:      company, currency, code.
WITH spellings AS (
    SELECT company_id, code, GROUP_CONCAT(raw_code, char(31)) AS spellings
    FROM (
        SELECT DISTINCT s."companyId" AS company_id, sp."code" AS code, sp."rawCode" AS raw_code
        FROM temp."report_scope" AS s
        JOIN "tally_rollup_code_spellings" AS sp ON sp."companyId" = s."companyId" AND sp."side" = 'ORDER'
        WHERE sp."localDay" >= s."fromDay"
            AND sp."localDay" < s."toDay"
    )
    GROUP BY company_id, code
)

SELECT
    r."companyId" AS company_id,
    r."currency" AS currency,
    CASE WHEN r."code" = '' THEN '(no code)' ELSE r."code" END AS code,
    sp.spellings,
    SUM(r."orders") AS orders,
    SUM(r."grossHundredths") AS gross_hundredths,
    SUM(r."discountsHundredths") AS discounts_hundredths,
    SUM(r."returnsHundredths") AS returns_hundredths,
    SUM(r."shippingHundredths") AS shipping_hundredths,
    SUM(r."taxesHundredths") AS taxes_hundredths,
    SUM(r."inconsistentOrders") AS inconsistent_orders,
    MIN(r."firstUse") AS first_use,
    MAX(r."lastUse") AS last_use
FROM temp."report_scope" AS s
JOIN "tally_rollup_code_order_days" AS r ON r."companyId" = s."companyId"
LEFT JOIN spellings AS sp ON sp.company_id = r."companyId" AND sp.code = r."code"
WHERE r."localDay" >= s."fromDay"
    AND r."localDay" < s."toDay"
GROUP BY r."companyId", r."currency", CASE WHEN r."code" = '' THEN '(no code)' ELSE r."code" END
ORDER BY company_id, currency, code;
