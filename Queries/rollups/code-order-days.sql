-- code-order-days: one company's orders per currency, canonical discount code and company-local
-- day of "orderedAt", for discount-codes (discount-codes/order-side-rollup.sql reads them).
--
-- Grain:      one row per (currency, code, local day) with at least one order that counts as a
--             sale (status neither PENDING nor CANCELED, as in order-side.sql); code '' for none.
-- Inputs:     :companyId; temp.rollup_days.
-- NULL:       the money sums are NULL when every order of the group lacks the amount; returns
--             are the COMPLETED refunds' approved (else requested) amounts, 0 without any.
-- Order:      none (an INSERT).
WITH completed_returns AS (
    SELECT "orderId" AS order_id, SUM(COALESCE("approvedAmount", "requestedAmount")) AS returned
    FROM "refunds"
    WHERE "status" = 'COMPLETED'
    GROUP BY "orderId"
)
INSERT INTO "tally_rollup_code_order_days"
    ("companyId", "currency", "code", "localDay", "orders", "grossHundredths", "discountsHundredths",
     "returnsHundredths", "shippingHundredths", "taxesHundredths", "inconsistentOrders", "firstUse", "lastUse")
SELECT :companyId, o.currency, o.code, o.local_day, COUNT(*), SUM(o.subtotal), SUM(o.discount), SUM(o.returned),
    SUM(o.shipping), SUM(o.tax), SUM(o.inconsistent), MIN(o.ordered_at), MAX(o.ordered_at)
FROM (
    SELECT
        r."currency" AS currency,
        COALESCE(tally_fold_code(r."discountCode"), '') AS code,
        r."subtotal" AS subtotal,
        r."discountAmount" AS discount,
        r."shippingAmount" AS shipping,
        r."taxAmount" AS tax,
        r."orderedAt" AS ordered_at,
        COALESCE(cr.returned, 0) AS returned,
        CASE
            WHEN r."total" <> r."subtotal" - r."discountAmount" + r."shippingAmount" + r."taxAmount" THEN 1 ELSE 0
        END AS inconsistent,
        (SELECT d."localDay" FROM temp."rollup_days" AS d WHERE d."fromUTC" <= r."orderedAt"
            ORDER BY d."fromUTC" DESC LIMIT 1) AS local_day
    FROM "orders" AS r
    LEFT JOIN completed_returns AS cr ON cr.order_id = r."id"
    WHERE r."companyId" = :companyId AND r."status" NOT IN ('PENDING', 'CANCELED')
) AS o
GROUP BY o.currency, o.code, o.local_day;
