-- session-side-rollup: session-side.sql read from tally_rollup_code_session_days and
-- tally_rollup_code_spellings (docs/ROLLUPS.md).
--
-- Grain:      one row per (company, currency, code) as session-side.sql: codes of the range, and
--             '(no code)' from the funnels where a code was used in the range.
-- Inputs:     the funnels_in_scope view (from_day/to_day); the two rollup tables.
-- NULL:       spellings NULL for the baseline.
-- Order:      company, currency, code.
WITH days AS (
    SELECT
        f.company_id,
        r."funnelId" AS funnel_id,
        r."code" AS code,
        r."currency" AS currency,
        r."sessions" AS sessions,
        r."completed" AS completed,
        r."firstUse" AS first_use,
        r."lastUse" AS last_use
    FROM funnels_in_scope AS f
    JOIN "tally_rollup_code_session_days" AS r ON r."funnelId" = f.funnel_id
    WHERE r."localDay" >= f.from_day
        AND r."localDay" < f.to_day
),

coded_funnels AS (
    SELECT DISTINCT funnel_id FROM days WHERE code <> ''
),

days_in_scope AS (
    SELECT * FROM days WHERE code <> ''
    UNION ALL
    SELECT * FROM days WHERE code = '' AND funnel_id IN (SELECT funnel_id FROM coded_funnels)
),

spellings AS (
    SELECT company_id, code, GROUP_CONCAT(raw_code, char(31)) AS spellings
    FROM (
        SELECT DISTINCT f.company_id, sp."code" AS code, sp."rawCode" AS raw_code
        FROM funnels_in_scope AS f
        JOIN "tally_rollup_code_spellings" AS sp
            ON sp."companyId" = f.company_id AND sp."side" = 'SESSION' AND sp."funnelId" = f.funnel_id
        WHERE sp."localDay" >= f.from_day
            AND sp."localDay" < f.to_day
    )
    GROUP BY company_id, code
)

SELECT
    s.company_id,
    s.currency,
    CASE WHEN s.code = '' THEN '(no code)' ELSE s.code END AS code,
    sp.spellings,
    SUM(s.sessions) AS sessions,
    SUM(s.completed) AS completed,
    MIN(s.first_use) AS first_use,
    MAX(s.last_use) AS last_use
FROM days_in_scope AS s
LEFT JOIN spellings AS sp ON sp.company_id = s.company_id AND sp.code = s.code
GROUP BY s.company_id, s.currency, CASE WHEN s.code = '' THEN '(no code)' ELSE s.code END
ORDER BY s.company_id, s.currency, code;
