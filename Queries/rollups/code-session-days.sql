-- code-session-days: one company's sessions per funnel, canonical discount code, currency and
-- company-local day, for discount-codes (discount-codes/session-side-rollup.sql reads them).
--
-- Grain:      one row per (funnel, code, currency, local day) with at least one session; code ''
--             for sessions without a code, or whose code folds to nothing (the baseline).
-- Inputs:     :companyId; temp.rollup_days; the shared session_outcomes view.
-- NULL:       a session's currency falls back to its company's, as in session-side.sql.
-- Order:      none (an INSERT).
INSERT INTO "tally_rollup_code_session_days"
    ("companyId", "funnelId", "code", "currency", "localDay", "sessions", "completed", "firstUse", "lastUse")
SELECT :companyId, s.funnel_id, s.code, s.currency, s.local_day, COUNT(*), SUM(s.completed), MIN(s.started_at),
    MAX(s.started_at)
FROM (
    SELECT
        so.funnel_id,
        CASE WHEN so.discount_code > '' THEN COALESCE(tally_fold_code(so.discount_code), '') ELSE '' END AS code,
        COALESCE(so.currency, c."currency") AS currency,
        so.converted AS completed,
        so.started_at,
        (SELECT d."localDay" FROM temp."rollup_days" AS d WHERE d."fromUTC" <= so.started_at
            ORDER BY d."fromUTC" DESC LIMIT 1) AS local_day
    FROM "funnels" AS f
    JOIN "companies" AS c ON c."id" = f."companyId"
    JOIN session_outcomes AS so ON so.funnel_id = f."id"
    WHERE f."companyId" = :companyId
) AS s
GROUP BY s.funnel_id, s.code, s.currency, s.local_day;
