-- variant-conversion: how each A/B variant of each funnel converts, against its control.
--
-- Grain:      one row per funnel and variant: every variant of every funnel in scope, including
--             variants with no sessions in the range (zero counts).
-- Parameters: :view             'sessions' (funnel sessions by "startedAt") or 'leads' (leads by
--                               "createdAt", converted leads by "convertedAt");
--             :hasFunnelFilter  1 when temp.report_funnels lists the funnels to keep, else 0;
--             temp.report_scope one row per company in scope with its range in UTC,
--                               ("companyId", "fromUTC", "toUTC"), [from, to).
-- Conversion: a session with an "orderId" and status COMPLETED whose order, when loaded, is not
--             CANCELED or REFUNDED (DATA_MODEL §5.1).
-- Units:      revenue_hundredths is the sum of converted sessions' amounts — the order's "total"
--             when the order is loaded, else the session's "totalAmount" — in hundredths
--             (DECIMAL(·,2) scale); Swift turns it into minor units of the company currency.
-- NULL:       revenue_hundredths is NULL in the leads view and when nothing converted;
--             minimum_sessions is NULL when the funnel has no A/B test row.
-- Order:      funnel id, variant name, variant id (the report then puts the control first).
WITH funnels_in_scope AS (
    SELECT
        f."id" AS funnel_id,
        f."name" AS funnel_name,
        f."companyId" AS company_id,
        c."currency" AS currency,
        s."fromUTC" AS from_utc,
        s."toUTC" AS to_utc,
        -- The funnel's active test decides the low-sample threshold; else its first test by id.
        COALESCE(
            active."minimumSessions",
            (SELECT t."minimumSessions" FROM "funnel_ab_tests" AS t WHERE t."funnelId" = f."id" ORDER BY t."id" LIMIT 1)
        ) AS minimum_sessions
    FROM "funnels" AS f
    JOIN temp."report_scope" AS s ON s."companyId" = f."companyId"
    JOIN "companies" AS c ON c."id" = f."companyId"
    LEFT JOIN "funnel_ab_tests" AS active ON active."id" = f."activeTestId" AND active."funnelId" = f."id"
    WHERE :hasFunnelFilter = 0 OR f."id" IN (SELECT "id" FROM temp."report_funnels")
),

session_exposures AS (
    SELECT
        fs."funnelId" AS funnel_id,
        fs."variantId" AS variant_id,
        1 AS exposed,
        CASE WHEN fs."leadId" IS NOT NULL THEN 1 ELSE 0 END AS has_lead,
        CASE
            WHEN fs."orderId" IS NOT NULL
                AND fs."status" = 'COMPLETED'
                AND (o."id" IS NULL OR o."status" NOT IN ('CANCELED', 'REFUNDED'))
            THEN 1 ELSE 0
        END AS converted,
        COALESCE(o."total", fs."totalAmount") AS amount
    FROM "funnel_sessions" AS fs
    JOIN funnels_in_scope AS f ON f.funnel_id = fs."funnelId"
    LEFT JOIN "orders" AS o ON o."id" = fs."orderId"
    WHERE :view = 'sessions'
        AND fs."variantId" IS NOT NULL
        AND fs."startedAt" >= f.from_utc
        AND fs."startedAt" < f.to_utc
),

lead_exposures AS (
    SELECT
        v."funnelId" AS funnel_id,
        l."variantId" AS variant_id,
        CASE WHEN l."createdAt" >= f.from_utc AND l."createdAt" < f.to_utc THEN 1 ELSE 0 END AS exposed,
        CASE WHEN l."createdAt" >= f.from_utc AND l."createdAt" < f.to_utc THEN 1 ELSE 0 END AS has_lead,
        CASE WHEN l."convertedAt" >= f.from_utc AND l."convertedAt" < f.to_utc THEN 1 ELSE 0 END AS converted,
        NULL AS amount
    FROM "leads" AS l
    JOIN "funnel_variants" AS v ON v."id" = l."variantId"
    JOIN funnels_in_scope AS f ON f.funnel_id = v."funnelId"
    WHERE :view = 'leads'
),

exposures AS (
    SELECT * FROM session_exposures
    UNION ALL
    SELECT * FROM lead_exposures
),

per_variant AS (
    SELECT
        funnel_id,
        variant_id,
        SUM(exposed) AS sessions,
        SUM(has_lead) AS leads,
        SUM(converted) AS conversions,
        SUM(CASE WHEN converted = 1 THEN amount END) AS revenue_hundredths
    FROM exposures
    GROUP BY funnel_id, variant_id
)

SELECT
    f.company_id,
    f.currency,
    f.funnel_id,
    f.funnel_name,
    f.minimum_sessions,
    v."id" AS variant_id,
    v."name" AS variant_name,
    v."isControl" AS is_control,
    v."trafficWeight" AS traffic_weight,
    COALESCE(p.sessions, 0) AS sessions,
    COALESCE(p.leads, 0) AS leads,
    COALESCE(p.conversions, 0) AS conversions,
    p.revenue_hundredths
FROM funnels_in_scope AS f
JOIN "funnel_variants" AS v ON v."funnelId" = f.funnel_id
LEFT JOIN per_variant AS p ON p.funnel_id = f.funnel_id AND p.variant_id = v."id"
ORDER BY f.funnel_id, v."name", v."id";
