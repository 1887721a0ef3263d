-- lead-arms-rollup: lead-arms.sql read from tally_rollup_lead_days (docs/ROLLUPS.md).
--
-- Grain:      one row per funnel and variant with at least one lead in the range.
-- Inputs:     the funnels_in_scope view (from_day/to_day); tally_rollup_lead_days.
-- NULL:       revenue_hundredths is always NULL: the leads view has no revenue.
-- Order:      funnel id, variant id.
SELECT
    r."funnelId" AS funnel_id,
    r."variantId" AS variant_id,
    SUM(r."leads") AS sessions,
    SUM(r."leads") AS leads,
    SUM(r."converted") AS conversions,
    NULL AS revenue_hundredths,
    NULL AS revenue_squares_hundredths
FROM funnels_in_scope AS f
JOIN "tally_rollup_lead_days" AS r ON r."funnelId" = f.funnel_id
WHERE r."localDay" >= f.from_day
    AND r."localDay" < f.to_day
GROUP BY r."funnelId", r."variantId"
ORDER BY r."funnelId", r."variantId";
