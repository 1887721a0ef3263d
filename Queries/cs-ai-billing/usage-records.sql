-- usage-records: the CS AI usage records of one company in one billing period.
--
-- Grain:      one row per cs_ai_usage record, read through a cursor (never held as a whole).
-- Columns:    by position (UsageRecord.init(row:)): id, usage_type, tier, duration_seconds,
--             message_count, input_tokens, output_tokens, occurred_at, company_id.
-- Inputs:     :companyId, :fromUTC, :toUTC (the period in the company's time zone, as UTC [from, to)).
-- Period:     a record belongs to the period of its "occurredAt" — never "createdAt", never the
--             exported "billingPeriod" (production writes the UTC month of the write there).
-- NULL:       duration_seconds is NULL when the export has none (billed as 0 s, counted apart).
-- Order:      "occurredAt" here; then id within a tie, in Swift (see ORDER BY): the order
--             allowances and graduated tiers are consumed in.
-- Plan:       cs_ai_usage_companyId_occurredAt_idx (companyId=? AND occurredAt>? AND occurredAt<?).
SELECT
    u."id" AS id,
    u."usageType" AS usage_type,
    u."tier" AS tier,
    u."durationSeconds" AS duration_seconds,
    u."messageCount" AS message_count,
    u."inputTokens" AS input_tokens,
    u."outputTokens" AS output_tokens,
    -- With the columns above, everything a bill depends on: the record's content hash is taken
    -- over them (UsageRecord), so a change to any of them shows as a changed record.
    u."occurredAt" AS occurred_at,
    u."companyId" AS company_id
FROM "cs_ai_usage" AS u
WHERE u."companyId" = :companyId
    AND u."occurredAt" >= :fromUTC
    AND u."occurredAt" < :toUTC
-- Ties of occurredAt go out in id order too, but that part is sorted by UsageRecord.forEach as
-- the rows stream: asking SQLite for it ("occurredAt", "id") sorts every row in a temporary b-tree,
-- which was a fifth of a 5,000,000-record close.
ORDER BY u."occurredAt";
