-- variant-conversion/variants: every A/B variant of every funnel in scope, with what the report
-- prints about it; the arms' counts come from session-arms.sql or lead-arms.sql (or their rollup
-- twins) and are matched to these rows in Swift, zero when a variant had none.
--
-- Grain:      one row per funnel in scope and variant.
-- Inputs:     temp view funnels_in_scope (Queries/shared/).
-- NULL:       minimum_sessions is NULL when the funnel has no A/B test row.
-- Order:      funnel id, variant name, variant id (the report then puts the control first).
SELECT
    f.company_id,
    f.currency,
    f.funnel_id,
    f.funnel_name,
    f.minimum_sessions,
    v."id" AS variant_id,
    v."name" AS variant_name,
    v."isControl" AS is_control,
    v."trafficWeight" AS traffic_weight
FROM funnels_in_scope AS f
JOIN "funnel_variants" AS v ON v."funnelId" = f.funnel_id
ORDER BY f.funnel_id, v."name", v."id";
