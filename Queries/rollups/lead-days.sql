-- lead-days: one company's leads per funnel, variant and company-local day of "createdAt", for the
-- variant-conversion leads view (variant-conversion/lead-arms-rollup.sql reads them).
--
-- Grain:      one row per (funnel, variant, local day) with at least one lead.
-- Inputs:     :companyId; temp.rollup_days.
-- NULL:       leads without a variant belong to no arm; converted counts "convertedAt" IS NOT NULL.
-- Order:      none (an INSERT).
INSERT INTO "tally_rollup_lead_days" ("companyId", "funnelId", "variantId", "localDay", "leads", "converted")
SELECT :companyId, l.funnel_id, l.variant_id, l.local_day, COUNT(*), SUM(l.converted)
FROM (
    SELECT
        v."funnelId" AS funnel_id,
        le."variantId" AS variant_id,
        CASE WHEN le."convertedAt" IS NOT NULL THEN 1 ELSE 0 END AS converted,
        (SELECT d."localDay" FROM temp."rollup_days" AS d WHERE d."fromUTC" <= le."createdAt"
            ORDER BY d."fromUTC" DESC LIMIT 1) AS local_day
    FROM "funnels" AS f
    JOIN "funnel_variants" AS v ON v."funnelId" = f."id"
    JOIN "leads" AS le ON le."variantId" = v."id"
    WHERE f."companyId" = :companyId
) AS l
GROUP BY l.funnel_id, l.variant_id, l.local_day;
