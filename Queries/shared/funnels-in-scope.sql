-- funnels-in-scope: the funnels a report covers, with their company's currency and UTC range.
--
-- Grain:      one row per funnel of a company in temp.report_scope, kept by temp.report_funnels
--             when that lists any funnel.
-- Columns:    funnel_id, funnel_name, company_id, currency (the company's), from_utc, to_utc
--             ([from, to) of the company's local days), minimum_sessions (the funnel's active A/B
--             test's, else its first test's by id, else NULL), test_started_utc (the active
--             test's "startedAt", else NULL: where CUPED's pre-period ends).
-- Installed:  as a temporary view on the report's connection, after the scope tables are filled.
CREATE TEMP VIEW IF NOT EXISTS "funnels_in_scope" AS
SELECT
    f."id" AS funnel_id,
    f."name" AS funnel_name,
    f."companyId" AS company_id,
    c."currency" AS currency,
    s."fromUTC" AS from_utc,
    s."toUTC" AS to_utc,
    s."fromDay" AS from_day,
    s."toDay" AS to_day,
    COALESCE(
        active."minimumSessions",
        (SELECT t."minimumSessions" FROM "funnel_ab_tests" AS t WHERE t."funnelId" = f."id" ORDER BY t."id" LIMIT 1)
    ) AS minimum_sessions,
    active."startedAt" AS test_started_utc
FROM "funnels" AS f
JOIN temp."report_scope" AS s ON s."companyId" = f."companyId"
JOIN "companies" AS c ON c."id" = f."companyId"
LEFT JOIN "funnel_ab_tests" AS active ON active."id" = f."activeTestId" AND active."funnelId" = f."id"
WHERE NOT EXISTS (SELECT 1 FROM temp."report_funnels")
    OR f."id" IN (SELECT "id" FROM temp."report_funnels");
