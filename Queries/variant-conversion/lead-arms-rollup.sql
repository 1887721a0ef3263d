-- lead-arms-rollup: lead-arms.sql read from tally_rollup_lead_days (docs/ROLLUPS.md).
--
-- Grain:      one row per variant of each funnel in scope, as lead-arms.sql.
-- Inputs:     the funnels_in_scope view (from_day/to_day); tally_rollup_lead_days.
-- NULL:       revenue_hundredths is NULL: the leads view has no revenue.
-- Order:      funnel id, variant name, variant id.
WITH per_variant AS (
    SELECT
        r."funnelId" AS funnel_id,
        r."variantId" AS variant_id,
        SUM(r."leads") AS sessions,
        SUM(r."converted") AS conversions
    FROM funnels_in_scope AS f
    JOIN "tally_rollup_lead_days" AS r ON r."funnelId" = f.funnel_id
    WHERE r."localDay" >= f.from_day
        AND r."localDay" < f.to_day
    GROUP BY r."funnelId", r."variantId"
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
    COALESCE(p.sessions, 0) AS leads,
    COALESCE(p.conversions, 0) AS conversions,
    NULL AS revenue_hundredths
FROM funnels_in_scope AS f
JOIN "funnel_variants" AS v ON v."funnelId" = f.funnel_id
LEFT JOIN per_variant AS p ON p.funnel_id = f.funnel_id AND p.variant_id = v."id"
ORDER BY f.funnel_id, v."name", v."id";
