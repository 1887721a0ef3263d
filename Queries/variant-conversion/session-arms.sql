-- variant-conversion/session-arms: how each A/B variant of each funnel converts, by session.
--
-- Grain:      one row per funnel and variant: every variant of every funnel in scope, including
--             variants with no sessions in the range (zero counts).
-- Inputs:     temp views funnels_in_scope and session_outcomes (Queries/shared/).
-- Exposure:   a funnel session with a "variantId", by "startedAt" in the company's [from, to).
-- Conversion: session_outcomes.converted.
-- Units:      revenue_hundredths is the sum of converted sessions' amounts in hundredths
--             (DECIMAL(·,2) scale); Swift turns it into minor units of the company currency.
-- NULL:       revenue_hundredths is NULL when nothing converted; minimum_sessions is NULL when the
--             funnel has no A/B test row.
-- Order:      funnel id, variant name, variant id (the report then puts the control first).
WITH per_variant AS (
    SELECT
        so.funnel_id,
        so.variant_id,
        COUNT(*) AS sessions,
        SUM(CASE WHEN so.lead_id IS NOT NULL THEN 1 ELSE 0 END) AS leads,
        SUM(so.converted) AS conversions,
        SUM(CASE WHEN so.converted = 1 THEN so.amount END) AS revenue_hundredths
    -- CROSS JOIN keeps funnels outermost, so sessions are found per funnel and day range through
    -- tally_funnel_sessions_report_idx (covering) rather than by scanning every session.
    FROM funnels_in_scope AS f
    CROSS JOIN session_outcomes AS so ON so.funnel_id = f.funnel_id
    WHERE so.variant_id IS NOT NULL
        AND so.started_at >= f.from_utc
        AND so.started_at < f.to_utc
    GROUP BY so.funnel_id, so.variant_id
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
