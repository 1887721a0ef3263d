-- sessions: one funnel's sessions in "startedAt" order, for SessionRollupPass, which
-- builds tally_rollup_variant_days, tally_rollup_code_session_days and the session spellings of
-- tally_rollup_code_spellings in one pass (three GROUP BY passes with a local day found per row
-- were two thirds of a scale-100 rebuild).
--
-- Grain:      one row per session of the funnel.
-- Inputs:     :funnelId; the shared session_outcomes view (the one conversion predicate).
-- NULL:       variant_id NULL: in no arm; discount_code NULL or blank: no code; amount as the view;
--             currency falls back to the company's, as session-side.sql.
-- Order:      "startedAt" — tally_funnel_sessions_report_idx's own order (funnelId, startedAt),
--             so SQLite does not sort, and the funnel's days arrive one after the other.
SELECT
    so.funnel_id,
    so.variant_id,
    CASE WHEN so.lead_id IS NOT NULL THEN 1 ELSE 0 END AS has_lead,
    so.converted,
    so.amount,
    so.discount_code,
    COALESCE(so.currency, c."currency") AS currency,
    so.started_at
FROM "funnels" AS f
JOIN "companies" AS c ON c."id" = f."companyId"
CROSS JOIN session_outcomes AS so ON so.funnel_id = f."id"
WHERE f."id" = :funnelId
ORDER BY so.started_at;
