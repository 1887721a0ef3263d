-- order-side: sales by discount code, as Shopify's "Sales by discount" report reads them.
--
-- Grain:      one row per company, order currency and canonical code of the order's own
--             "discountCode" (tally_fold_code), plus '(no code)' for orders without one.
-- Inputs:     temp.report_scope (companies and their UTC ranges), temp.report_funnels (when it lists
--             funnels, only orders of sessions of those funnels).
-- Orders:     by "orderedAt" in the company's [from, to), status neither PENDING (awaiting
--             payment) nor CANCELED; REFUNDED orders count, and their refunds are returns. A code
--             typed in a session but not carried by its order is not a sale of that code.
-- Units:      sums in hundredths (DECIMAL(10,2)) of the order currency; Swift converts to minor
--             units. returns_hundredths sums COMPLETED refunds' "approvedAmount", else their
--             "requestedAmount".
-- Checks:     inconsistent_orders counts orders whose total is not
--             subtotal − discountAmount + shippingAmount + taxAmount (reported, never corrected).
-- NULL:       spellings is NULL for '(no code)'.
-- Order:      company, currency, code.
WITH completed_returns AS (
    -- Aggregated once, then joined by order id (a per-order subquery planned on refunds_status_idx
    -- scanned every completed refund for each order).
    SELECT "orderId" AS order_id, SUM(COALESCE("approvedAmount", "requestedAmount")) AS returned
    FROM "refunds"
    WHERE "status" = 'COMPLETED'
    GROUP BY "orderId"
),

orders_in_scope AS (
    SELECT
        o."companyId" AS company_id,
        o."currency" AS currency,
        tally_fold_code(o."discountCode") AS code,
        o."discountCode" AS raw_code,
        o."subtotal" AS subtotal,
        o."discountAmount" AS discount,
        o."shippingAmount" AS shipping,
        o."taxAmount" AS tax,
        o."orderedAt" AS ordered_at,
        COALESCE(cr.returned, 0) AS returned,
        CASE
            WHEN o."total" <> o."subtotal" - o."discountAmount" + o."shippingAmount" + o."taxAmount" THEN 1 ELSE 0
        END AS inconsistent
    FROM "orders" AS o
    JOIN temp."report_scope" AS s ON s."companyId" = o."companyId"
    LEFT JOIN completed_returns AS cr ON cr.order_id = o."id"
    WHERE o."orderedAt" >= s."fromUTC"
        AND o."orderedAt" < s."toUTC"
        AND o."status" NOT IN ('PENDING', 'CANCELED')
        AND (
            NOT EXISTS (SELECT 1 FROM temp."report_funnels")
            OR EXISTS (
                SELECT 1 FROM "funnel_sessions" AS fs
                WHERE fs."orderId" = o."id" AND fs."funnelId" IN (SELECT "id" FROM temp."report_funnels")
            )
        )
),

spellings AS (
    SELECT company_id, code, GROUP_CONCAT(raw_code, char(31)) AS spellings
    FROM (SELECT DISTINCT company_id, code, raw_code FROM orders_in_scope WHERE code IS NOT NULL)
    GROUP BY company_id, code
)

SELECT
    o.company_id,
    o.currency,
    COALESCE(o.code, '(no code)') AS code,
    sp.spellings,
    COUNT(*) AS orders,
    SUM(o.subtotal) AS gross_hundredths,
    SUM(o.discount) AS discounts_hundredths,
    SUM(o.returned) AS returns_hundredths,
    SUM(o.shipping) AS shipping_hundredths,
    SUM(o.tax) AS taxes_hundredths,
    SUM(o.inconsistent) AS inconsistent_orders,
    MIN(o.ordered_at) AS first_use,
    MAX(o.ordered_at) AS last_use
FROM orders_in_scope AS o
LEFT JOIN spellings AS sp ON sp.company_id = o.company_id AND sp.code = o.code
GROUP BY o.company_id, o.currency, COALESCE(o.code, '(no code)')
ORDER BY o.company_id, o.currency, code;
