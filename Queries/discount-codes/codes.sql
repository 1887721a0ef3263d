-- discount-codes/codes: how each discount code performs, against the sessions that used no code.
--
-- Grain:      one row per company, currency and canonical code (trimmed, upper-case), plus one
--             baseline row per company and currency with code '(no code)'.
-- Inputs:     temp views funnels_in_scope and session_outcomes (Queries/shared/); temp.report_scope
--             one row per company in scope with its range in UTC [from, to); temp.report_funnels.
-- Sessions:   funnel sessions by "startedAt"; the baseline counts no-code sessions of the funnels
--             where some session used a code in the range ("the same funnels and period").
-- Completion: session_outcomes.converted (docs/REPORTS.md, "Conversion").
-- Orders:     orders by "orderedAt", not CANCELED; an order's code is its own "discountCode", else
--             its session's; its discount is the order's "discountAmount" when the order carries the
--             code, else the session's.
-- Units:      money columns are sums in hundredths (DECIMAL(·,2)) of the currency; Swift converts to
--             minor units. refunded sums "approvedAmount" of COMPLETED refunds.
-- NULL:       session columns are NULL for codes seen only on orders; order columns NULL when no order.
-- Order:      company, currency, code ('(no code)' sorts first in the report).
WITH coded_sessions AS (
    -- Sessions that typed any code, found through funnel_sessions_discountCode_idx.
    SELECT
        f.company_id,
        so.funnel_id,
        NULLIF(UPPER(TRIM(so.discount_code)), '') AS code,
        so.discount_code AS raw_code,
        so.started_at,
        COALESCE(so.currency, f.currency) AS currency,
        so.converted AS completed
    FROM session_outcomes AS so
    JOIN funnels_in_scope AS f ON f.funnel_id = so.funnel_id
    WHERE so.discount_code > ''
        AND so.started_at >= f.from_utc
        AND so.started_at < f.to_utc
),

coded_funnels AS (
    SELECT DISTINCT company_id, funnel_id FROM coded_sessions WHERE code IS NOT NULL
),

baseline_sessions AS (
    -- No-code sessions of those funnels, through tally_funnel_sessions_report_idx (covering).
    SELECT
        cf.company_id,
        so.funnel_id,
        NULL AS code,
        NULL AS raw_code,
        so.started_at,
        COALESCE(so.currency, f.currency) AS currency,
        so.converted AS completed
    FROM coded_funnels AS cf
    JOIN funnels_in_scope AS f ON f.funnel_id = cf.funnel_id
    JOIN session_outcomes AS so ON so.funnel_id = cf.funnel_id
    WHERE NULLIF(UPPER(TRIM(so.discount_code)), '') IS NULL
        AND so.started_at >= f.from_utc
        AND so.started_at < f.to_utc
),

sessions_in_scope AS (
    SELECT * FROM coded_sessions WHERE code IS NOT NULL
    UNION ALL
    SELECT * FROM baseline_sessions
),

completed_refunds AS (
    SELECT "orderId" AS order_id, SUM("approvedAmount") AS refunded
    FROM "refunds"
    WHERE "status" = 'COMPLETED'
    GROUP BY "orderId"
),

orders_in_scope AS (
    SELECT
        o."companyId" AS company_id,
        o."currency" AS currency,
        o."subtotal" AS subtotal,
        o."total" AS total,
        o."orderedAt" AS ordered_at,
        o."discountCode" AS raw_order_code,
        NULLIF(UPPER(TRIM(o."discountCode")), '') AS order_code,
        NULLIF(UPPER(TRIM(fs."discountCode")), '') AS session_code,
        CASE
            WHEN NULLIF(UPPER(TRIM(o."discountCode")), '') IS NOT NULL THEN o."discountAmount"
            ELSE COALESCE(fs."discountAmount", 0)
        END AS discount,
        cr.refunded
    FROM "orders" AS o
    JOIN temp."report_scope" AS s ON s."companyId" = o."companyId"
    LEFT JOIN "funnel_sessions" AS fs ON fs."orderId" = o."id"
    LEFT JOIN completed_refunds AS cr ON cr.order_id = o."id"
    WHERE o."orderedAt" >= s."fromUTC"
        AND o."orderedAt" < s."toUTC"
        AND o."status" <> 'CANCELED'
        AND (NOT EXISTS (SELECT 1 FROM temp."report_funnels")
            OR fs."funnelId" IN (SELECT "id" FROM temp."report_funnels"))
),

session_stats AS (
    SELECT
        company_id,
        COALESCE(code, '(no code)') AS code_key,
        currency,
        COUNT(*) AS sessions,
        SUM(completed) AS completed,
        MIN(started_at) AS first_session,
        MAX(started_at) AS last_session
    FROM sessions_in_scope
    GROUP BY company_id, code_key, currency
),

order_stats AS (
    SELECT
        company_id,
        COALESCE(order_code, session_code, '(no code)') AS code_key,
        currency,
        COUNT(*) AS orders,
        SUM(discount) AS discount_hundredths,
        SUM(subtotal) AS gross_hundredths,
        SUM(total) AS total_hundredths,
        SUM(COALESCE(refunded, 0)) AS refunded_hundredths,
        MIN(ordered_at) AS first_order,
        MAX(ordered_at) AS last_order
    FROM orders_in_scope
    GROUP BY company_id, code_key, currency
),

spellings AS (
    SELECT company_id, code AS code_key, GROUP_CONCAT(raw, char(31)) AS spellings
    FROM (
        SELECT DISTINCT company_id, code, raw_code AS raw FROM sessions_in_scope WHERE code IS NOT NULL
        UNION
        SELECT DISTINCT company_id, order_code, raw_order_code FROM orders_in_scope WHERE order_code IS NOT NULL
    )
    GROUP BY company_id, code
),

keys AS (
    SELECT company_id, code_key, currency FROM session_stats
    UNION
    SELECT company_id, code_key, currency FROM order_stats
)

SELECT
    k.company_id,
    k.currency,
    k.code_key AS code,
    sp.spellings,
    ss.sessions,
    ss.completed,
    os.orders,
    os.discount_hundredths,
    os.gross_hundredths,
    os.total_hundredths,
    os.refunded_hundredths,
    MIN(COALESCE(ss.first_session, os.first_order), COALESCE(os.first_order, ss.first_session)) AS first_use,
    MAX(COALESCE(ss.last_session, os.last_order), COALESCE(os.last_order, ss.last_session)) AS last_use
FROM keys AS k
LEFT JOIN session_stats AS ss
    ON ss.company_id = k.company_id AND ss.code_key = k.code_key AND ss.currency = k.currency
LEFT JOIN order_stats AS os
    ON os.company_id = k.company_id AND os.code_key = k.code_key AND os.currency = k.currency
LEFT JOIN spellings AS sp
    ON sp.company_id = k.company_id AND sp.code_key = k.code_key
ORDER BY k.company_id, k.currency, k.code_key;
