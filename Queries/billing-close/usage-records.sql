-- usage-records: the CS AI usage records of one company in one billing period.
--
-- Grain:      one row per cs_ai_usage record, read through a cursor (never held as a whole).
-- Columns:    by position (UsageRecord.init(row:)): id, usage_type, tier, duration_seconds,
--             message_count, input_tokens, output_tokens, occurred_at, company_id.
-- Inputs:     :companyId, :fromUTC, :toUTC (the period in the company's time zone, as UTC [from, to)).
-- Period:     a record belongs to the period of its "occurredAt" — never "createdAt", never the
--             exported "billingPeriod" (production writes the UTC month of the write there).
-- NULL:       duration_seconds is NULL when the export has none (billed as 0 s, counted apart).
-- Order:      appended by UsageRecord.forEach, one of two (the query ends before its ORDER BY):
--             ORDER BY u."occurredAt" — then id within a tie, in Swift: the order allowances and
--             graduated tiers are consumed in; asking SQLite for ("occurredAt", "id") sorts every
--             row in a temporary b-tree, which was a fifth of a 5,000,000-record close.
--             ORDER BY u."id" — a close's ledger items, written in the ledger's key order (ids need
--             not follow time: 24.7 s against 10.1 s for 2,000,000 records with random ids); their
--             per-table hash does not depend on the order (docs/CLOSES.md).
-- Plan:       cs_ai_usage_companyId_occurredAt_idx (companyId=? AND occurredAt>? AND occurredAt<?);
--             by id, then one sort.
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
