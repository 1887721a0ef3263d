-- variant-days: one company's sessions per funnel, variant and company-local day, for the
-- variant-conversion sessions view (variant-conversion/session-arms-rollup.sql reads them).
--
-- Grain:      one row per (funnel, variant, local day) with at least one session.
-- Inputs:     :companyId; temp.rollup_days (each local day's first UTC instant, every day of the
--             company's data); the shared session_outcomes view (the one conversion predicate).
-- NULL:       sessions without a variant are not in any arm (as in session-arms.sql);
--             revenueHundredths is NULL when no session of the day converted.
-- Order:      none (an INSERT; the table's primary key orders it).
INSERT INTO "tally_rollup_variant_days"
    ("companyId", "funnelId", "variantId", "localDay", "sessions", "leads", "conversions", "revenueHundredths")
SELECT
    :companyId,
    s.funnel_id,
    s.variant_id,
    s.local_day,
    COUNT(*),
    SUM(CASE WHEN s.lead_id IS NOT NULL THEN 1 ELSE 0 END),
    SUM(s.converted),
    SUM(CASE WHEN s.converted = 1 THEN s.amount END)
FROM (
    SELECT
        so.*,
        (SELECT d."localDay" FROM temp."rollup_days" AS d WHERE d."fromUTC" <= so.started_at
            ORDER BY d."fromUTC" DESC LIMIT 1) AS local_day
    FROM "funnels" AS f
    JOIN session_outcomes AS so ON so.funnel_id = f."id"
    WHERE f."companyId" = :companyId AND so.variant_id IS NOT NULL
) AS s
GROUP BY s.funnel_id, s.variant_id, s.local_day;
