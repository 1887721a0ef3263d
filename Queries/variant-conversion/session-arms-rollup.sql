-- session-arms-rollup: session-arms.sql read from tally_rollup_variant_days (docs/ROLLUPS.md).
--
-- Grain:      one row per funnel and variant with at least one session in the range.
-- Inputs:     the funnels_in_scope view (its from_day/to_day: the range as company-local days);
--             tally_rollup_variant_days, rebuilt by every load that changed what it sums.
-- Why:        a day's sessions are exactly those of [start of day, start of next day) in the
--             company's zone, so summing whole days of the range gives the base tables' figures
--             (a test runs every report both ways and compares bytes).
-- NULL:       revenue_hundredths and revenue_squares_hundredths NULL when no session of the range
--             converted, as session-arms.sql.
-- Order:      funnel id, variant id.
SELECT
    r."funnelId" AS funnel_id,
    r."variantId" AS variant_id,
    SUM(r."sessions") AS sessions,
    SUM(r."leads") AS leads,
    SUM(r."conversions") AS conversions,
    SUM(r."revenueHundredths") AS revenue_hundredths,
    SUM(r."revenueSquaresHundredths") AS revenue_squares_hundredths
FROM funnels_in_scope AS f
JOIN "tally_rollup_variant_days" AS r ON r."funnelId" = f.funnel_id
WHERE r."localDay" >= f.from_day
    AND r."localDay" < f.to_day
GROUP BY r."funnelId", r."variantId"
ORDER BY r."funnelId", r."variantId";
