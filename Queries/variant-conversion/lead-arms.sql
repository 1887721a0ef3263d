-- variant-conversion/lead-arms: how each A/B variant of each funnel converts, by lead.
--
-- Grain:      one row per funnel and variant, as session-arms.
-- Inputs:     temp view funnels_in_scope (Queries/shared/).
-- Exposure:   a lead with a "variantId", by "createdAt" in the company's [from, to): a cohort.
-- Conversion: a lead of that cohort with "convertedAt" set, at any time in the export, so
--             conversions never exceed exposures (a lead created before --from and converted in
--             the range belongs to an earlier cohort, not to this one).
-- NULL:       revenue_hundredths is always NULL (leads carry no amount); minimum_sessions as
--             session-arms.
-- Order:      funnel id, variant name, variant id.
WITH per_variant AS (
    SELECT
        v."funnelId" AS funnel_id,
        l."variantId" AS variant_id,
        COUNT(*) AS sessions,
        SUM(CASE WHEN l."convertedAt" IS NOT NULL THEN 1 ELSE 0 END) AS conversions
    FROM "leads" AS l
    JOIN "funnel_variants" AS v ON v."id" = l."variantId"
    JOIN funnels_in_scope AS f ON f.funnel_id = v."funnelId"
    WHERE l."createdAt" >= f.from_utc
        AND l."createdAt" < f.to_utc
    GROUP BY v."funnelId", l."variantId"
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
