-- usage-days-rollup: a company's CS AI usage of one billing period, per local day, from the billing rollups.
--
-- Grain:      one row per (local day, usage type, CS tier, duration in seconds): records that bill
--             alike (UsageAggregate), counted and summed.
-- Columns:    by position (BillingRollups.forEachDay): local_day, usage_type, tier,
--             duration_seconds, records, messages, input_tokens, output_tokens.
-- Inputs:     :companyId, :fromDay, :toDay (local days 'YYYY-MM-DD', [from, to): the period's days).
-- NULL:       none: a NULL duration is kept as 0 s (how it bills), sums of no value are 0.
-- Order:      local day (the order allowances are consumed in, a day at a time), then the key:
--             the grouping within a day does not change a sum.
-- Plan:       the primary key's range (companyId = ? AND localDay >= ? AND localDay < ?), no sort.
SELECT
    d."localDay" AS local_day,
    d."usageType" AS usage_type,
    d."tier" AS tier,
    d."durationSeconds" AS duration_seconds,
    d."records" AS records,
    d."messages" AS messages,
    d."inputTokens" AS input_tokens,
    d."outputTokens" AS output_tokens
FROM "tally_rollup_cs_ai_usage_days" AS d
WHERE d."companyId" = :companyId
    AND d."localDay" >= :fromDay
    AND d."localDay" < :toDay
ORDER BY d."localDay", d."usageType", d."tier", d."durationSeconds";
