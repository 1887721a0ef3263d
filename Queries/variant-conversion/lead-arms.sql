-- variant-conversion/lead-arms: how each A/B variant of each funnel converts, by lead.
--
-- Grain:      one row per funnel and variant with at least one lead in the range, as session-arms.
-- Inputs:     temp view funnels_in_scope (Queries/shared/).
-- Exposure:   a lead with a "variantId", by "createdAt" in the company's [from, to): a cohort.
-- Conversion: a lead of that cohort with "convertedAt" set, at any time in the export, so
--             conversions never exceed exposures (a lead created before --from and converted in
--             the range belongs to an earlier cohort, not to this one).
-- NULL:       revenue_hundredths is always NULL (leads carry no amount).
-- Order:      funnel id, variant id.
SELECT
    v."funnelId" AS funnel_id,
    l."variantId" AS variant_id,
    COUNT(*) AS sessions,
    COUNT(*) AS leads,
    SUM(CASE WHEN l."convertedAt" IS NOT NULL THEN 1 ELSE 0 END) AS conversions,
    NULL AS revenue_hundredths,
    NULL AS revenue_squares_hundredths
FROM "leads" AS l
JOIN "funnel_variants" AS v ON v."id" = l."variantId"
JOIN funnels_in_scope AS f ON f.funnel_id = v."funnelId"
WHERE l."createdAt" >= f.from_utc
    AND l."createdAt" < f.to_utc
GROUP BY v."funnelId", l."variantId"
ORDER BY v."funnelId", l."variantId";
