-- session-side: how often sessions with each discount code complete, against the no-code baseline.
--
-- Grain:      one row per company, currency and canonical code (tally_fold_code: Unicode trim and
--             upper case), plus one '(no code)' baseline row per company and currency.
-- Inputs:     temp views funnels_in_scope and session_outcomes (Queries/shared/).
-- Sessions:   funnel sessions by "startedAt" in the company's [from, to), by their own
--             "discountCode". The baseline counts the no-code sessions (NULL, empty or blank) of the
--             funnels where some session used a code in the range.
-- Completion: session_outcomes.converted (docs/REPORTS.md, "Conversion").
-- Currency:   the session's order's, else the session's, else the company's.
-- Spellings:  the distinct raw codes, joined by U+001F (Swift sorts them).
-- NULL:       spellings is NULL for the baseline.
-- Order:      company, currency, code.
WITH coded_sessions AS (
    -- Sessions that typed any code, found through funnel_sessions_discountCode_idx.
    SELECT
        f.company_id,
        so.funnel_id,
        tally_fold_code(so.discount_code) AS code,
        so.discount_code AS raw_code,
        so.started_at,
        COALESCE(so.currency, f.currency) AS currency,
        so.converted AS completed
    FROM session_outcomes AS so
    JOIN funnels_in_scope AS f ON f.funnel_id = so.funnel_id
    WHERE so.discount_code > ''
        AND so.started_at >= f.from_utc
        AND so.started_at < f.to_utc
),

coded_funnels AS (
    SELECT DISTINCT company_id, funnel_id FROM coded_sessions WHERE code IS NOT NULL
),

baseline_sessions AS (
    -- No-code sessions of those funnels, through tally_funnel_sessions_report_idx (covering).
    SELECT
        cf.company_id,
        so.funnel_id,
        NULL AS code,
        NULL AS raw_code,
        so.started_at,
        COALESCE(so.currency, f.currency) AS currency,
        so.converted AS completed
    FROM coded_funnels AS cf
    JOIN funnels_in_scope AS f ON f.funnel_id = cf.funnel_id
    JOIN session_outcomes AS so ON so.funnel_id = cf.funnel_id
    WHERE (so.discount_code IS NULL OR tally_fold_code(so.discount_code) IS NULL)
        AND so.started_at >= f.from_utc
        AND so.started_at < f.to_utc
),

sessions_in_scope AS (
    SELECT * FROM coded_sessions WHERE code IS NOT NULL
    UNION ALL
    SELECT * FROM baseline_sessions
),

spellings AS (
    SELECT company_id, code, GROUP_CONCAT(raw_code, char(31)) AS spellings
    FROM (SELECT DISTINCT company_id, code, raw_code FROM sessions_in_scope WHERE code IS NOT NULL)
    GROUP BY company_id, code
)

SELECT
    s.company_id,
    s.currency,
    COALESCE(s.code, '(no code)') AS code,
    sp.spellings,
    COUNT(*) AS sessions,
    SUM(s.completed) AS completed,
    MIN(s.started_at) AS first_use,
    MAX(s.started_at) AS last_use
FROM sessions_in_scope AS s
LEFT JOIN spellings AS sp ON sp.company_id = s.company_id AND sp.code = s.code
GROUP BY s.company_id, s.currency, COALESCE(s.code, '(no code)')
ORDER BY s.company_id, s.currency, code;
