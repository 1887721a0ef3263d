-- session-outcomes: every funnel session with whether it converted — the one definition of a
-- conversion that every session report reads (docs/REPORTS.md, "Conversion").
--
-- Grain:      one row per funnel session.
-- Conversion: the session has an "orderId" and status COMPLETED, and its order, when loaded, is not
--             CANCELED or REFUNDED.
-- Amount:     the order's "total" when the order is loaded, else the session's "totalAmount", in
--             hundredths (DECIMAL(·,2) scale).
-- Currency:   the order's, else the session's, else NULL (reports fall back to the company's).
-- Installed:  as a temporary view on the report's connection. SQLite flattens it into each query,
--             so only the columns a query reads are evaluated and tally_funnel_sessions_report_idx
--             still covers the session columns.
CREATE TEMP VIEW IF NOT EXISTS "session_outcomes" AS
SELECT
    fs."id" AS session_id,
    fs."funnelId" AS funnel_id,
    fs."variantId" AS variant_id,
    fs."leadId" AS lead_id,
    fs."startedAt" AS started_at,
    fs."discountCode" AS discount_code,
    COALESCE(o."currency", fs."currency") AS currency,
    CASE
        WHEN fs."orderId" IS NOT NULL
            AND fs."status" = 'COMPLETED'
            AND (o."id" IS NULL OR o."status" NOT IN ('CANCELED', 'REFUNDED'))
        THEN 1 ELSE 0
    END AS converted,
    COALESCE(o."total", fs."totalAmount") AS amount
FROM "funnel_sessions" AS fs
LEFT JOIN "orders" AS o ON o."id" = fs."orderId";
