-- variant-conversion/session-arms: how each A/B variant of each funnel converts, by session.
--
-- Grain:      one row per funnel and variant with at least one session in the range (variants.sql
--             lists every variant; the others count zero).
-- Inputs:     temp views funnels_in_scope and session_outcomes (Queries/shared/).
-- Exposure:   a funnel session with a "variantId", by "startedAt" in the company's [from, to).
-- Conversion: session_outcomes.converted.
-- Units:      revenue_hundredths is the sum of converted sessions' amounts in hundredths
--             (DECIMAL(·,2) scale); Swift turns it into minor units of the company currency.
--             revenue_squares_hundredths is Σ amount² (hundredths²) of the same sessions, for
--             the revenue statistics; SQLite refuses (integer overflow) rather than wrap past 9.2e18.
-- NULL:       revenue_hundredths and revenue_squares_hundredths are NULL when nothing converted.
-- Order:      funnel id, variant id (matched to variants.sql by id).
SELECT
    so.funnel_id,
    so.variant_id,
    COUNT(*) AS sessions,
    SUM(CASE WHEN so.lead_id IS NOT NULL THEN 1 ELSE 0 END) AS leads,
    SUM(so.converted) AS conversions,
    SUM(CASE WHEN so.converted = 1 THEN so.amount END) AS revenue_hundredths,
    SUM(CASE WHEN so.converted = 1 THEN so.amount * so.amount END) AS revenue_squares_hundredths
-- CROSS JOIN keeps funnels outermost, so sessions are found per funnel and day range through
-- tally_funnel_sessions_report_idx (covering) rather than by scanning every session.
FROM funnels_in_scope AS f
CROSS JOIN session_outcomes AS so ON so.funnel_id = f.funnel_id
WHERE so.variant_id IS NOT NULL
    AND so.started_at >= f.from_utc
    AND so.started_at < f.to_utc
GROUP BY so.funnel_id, so.variant_id
ORDER BY so.funnel_id, so.variant_id;
