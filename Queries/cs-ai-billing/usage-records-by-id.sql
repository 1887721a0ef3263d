-- usage-records-by-id: usage-records.sql in id order, for writing a close's ledger items.
--
-- Grain:      one row per cs_ai_usage record of the company and period.
-- Columns:    by position, as usage-records.sql (UsageRecord.init(row:)).
-- Inputs:     :companyId, :fromUTC, :toUTC (the period in the company's time zone, as UTC [from, to)).
-- NULL:       duration_seconds is NULL when the export has none (billed as 0 s, counted apart).
-- Order:      id (byte order), the ledger's key order: a close's items then go into
--             tally_close_items' b-tree in key order instead of at random (ids need not follow
--             time: measured 24.7 s against 8.5 s for 2,000,000 records with random ids). Their hash
--             does not depend on the order (docs/CLOSES.md).
-- Plan:       cs_ai_usage_companyId_occurredAt_idx for the range, then one sort by id.
SELECT
    u."id" AS id,
    u."usageType" AS usage_type,
    u."tier" AS tier,
    u."durationSeconds" AS duration_seconds,
    u."messageCount" AS message_count,
    u."inputTokens" AS input_tokens,
    u."outputTokens" AS output_tokens,
    u."occurredAt" AS occurred_at,
    u."companyId" AS company_id
FROM "cs_ai_usage" AS u
WHERE u."companyId" = :companyId
    AND u."occurredAt" >= :fromUTC
    AND u."occurredAt" < :toUTC
ORDER BY u."id";
