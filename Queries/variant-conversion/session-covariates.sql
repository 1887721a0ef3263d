-- variant-conversion/session-covariates: CUPED's covariate — each identified session's customer
-- revenue before the test started — summed per funnel and variant (docs/REPORTS.md, "CUPED").
--
-- Grain:      one row per funnel and variant with at least one session with history in the range.
-- Inputs:     temp views funnels_in_scope and session_outcomes (Queries/shared/); always the base
--             tables, with or without rollups (the pre-period depends on the test start and on
--             :cuped_days, which no rollup fixes), so both modes print the same bytes.
-- Identified: a session whose lead ("leadId") has a "customerId", else whose cart ("cartId")
--             has one. Sessions without a customer have covariate 0 and are not rows here; the
--             report takes their count and revenue from session-arms.
-- Covariate:  x = Σ "total" (hundredths) of the customer's orders in the funnel's company and
--             currency with "orderedAt" in [start − :cuped_days days, start), start = the active
--             test's "startedAt", else the range start; CANCELED and REFUNDED orders do not
--             count (the conversion rule of session_outcomes).
-- Outcome:    y = the session's converted amount in hundredths, 0 when it did not convert.
-- Units:      covariate_sum Σx, covariate_squares Σx², cross_products Σxy, outcome_sum Σy and
--             outcome_squares Σy² (hundredths, hundredths²); SQLite refuses (integer overflow)
--             rather than wrap past 9.2e18.
-- NULL:       none: every row sums at least one session, and a session without pre-period
--             orders has x = 0.
-- Order:      funnel id, variant id.
-- Plan:       the pre-period revenue is summed once per funnel and customer (one range scan of
--             orders_companyId_orderedAt_idx per funnel); from each such customer, their lead
--             (leads_customerId_key) and carts (carts_companyId_customerId_idx) lead to their
--             sessions (funnel_sessions_leadId_idx, _cartId_idx). Sessions of customers without
--             history are never read: they add 0 to every sum. The cost follows the customers
--             with history, not the sessions.
WITH history AS MATERIALIZED (
    SELECT f.funnel_id, o."customerId" AS customer_id, SUM(o."total") AS x
    FROM funnels_in_scope AS f
    JOIN "orders" AS o
        ON o."companyId" = f.company_id
        AND o."orderedAt" >= strftime(
            '%Y-%m-%dT%H:%M:%fZ', COALESCE(f.test_started_utc, f.from_utc), '-' || :cuped_days || ' days')
        AND o."orderedAt" < COALESCE(f.test_started_utc, f.from_utc)
    WHERE o."customerId" IS NOT NULL
        AND o."currency" = f.currency
        AND o."status" NOT IN ('CANCELED', 'REFUNDED')
    GROUP BY f.funnel_id, o."customerId"
),
-- Only customers with history matter: a session without pre-period revenue adds 0 to every sum.
-- CROSS JOIN keeps the history outermost, so each customer's lead and carts are found by index;
-- the unary + keeps SQLite from reading sessions by funnel instead of by lead or cart.
identified AS MATERIALIZED (
    SELECT fs."id" AS session_id, h.funnel_id, h.x
    FROM history AS h
    CROSS JOIN "leads" AS l ON l."customerId" = h.customer_id
    CROSS JOIN "funnel_sessions" AS fs ON fs."leadId" = l."id" AND +fs."funnelId" = h.funnel_id
    UNION ALL
    SELECT fs."id", h.funnel_id, h.x
    FROM history AS h
    JOIN funnels_in_scope AS f ON f.funnel_id = h.funnel_id
    CROSS JOIN "carts" AS c ON c."companyId" = f.company_id AND c."customerId" = h.customer_id
    CROSS JOIN "funnel_sessions" AS fs ON fs."cartId" = c."id" AND +fs."funnelId" = h.funnel_id
    LEFT JOIN "leads" AS l ON l."id" = fs."leadId"
    WHERE l."customerId" IS NULL
),
sessions AS MATERIALIZED (
    SELECT
        so.funnel_id,
        so.variant_id,
        CASE WHEN so.converted = 1 THEN COALESCE(so.amount, 0) ELSE 0 END AS y,
        i.x
    FROM identified AS i
    JOIN session_outcomes AS so ON so.session_id = i.session_id
    JOIN funnels_in_scope AS f ON f.funnel_id = so.funnel_id
    WHERE so.variant_id IS NOT NULL
        AND so.started_at >= f.from_utc
        AND so.started_at < f.to_utc
)
SELECT
    funnel_id,
    variant_id,
    SUM(CASE WHEN x > 0 THEN 1 ELSE 0 END) AS sessions_with_history,
    SUM(x) AS covariate_sum,
    SUM(x * x) AS covariate_squares,
    SUM(x * y) AS cross_products
FROM sessions
GROUP BY funnel_id, variant_id
ORDER BY funnel_id, variant_id;
