-- usage-records: the CS AI usage records of one company in one billing period.
--
-- Grain:      one row per cs_ai_usage record.
-- Inputs:     :companyId, :fromUTC, :toUTC (the period in the company's time zone, as UTC [from, to)).
-- Period:     a record belongs to the period of its "occurredAt" — never "createdAt", never the
--             exported "billingPeriod" (production writes the UTC month of the write there).
-- NULL:       duration_seconds is NULL when the export has none (billed as 0 s, counted apart).
-- Order:      "occurredAt", then id: the order allowances and graduated tiers are consumed in.
-- Plan:       cs_ai_usage_companyId_occurredAt_idx (companyId=? AND occurredAt>? AND occurredAt<?).
SELECT
    u."id" AS id,
    u."usageType" AS usage_type,
    u."tier" AS tier,
    u."durationSeconds" AS duration_seconds,
    u."messageCount" AS message_count,
    u."inputTokens" AS input_tokens,
    u."outputTokens" AS output_tokens,
    u."voiceCallId" AS voice_call_id,
    u."occurredAt" AS occurred_at,
    -- Everything a bill depends on, so a change to any of it shows as a changed record.
    u."usageType" || '|' || u."tier" || '|' || COALESCE(u."durationSeconds", '') || '|' || u."messageCount"
        || '|' || u."inputTokens" || '|' || u."outputTokens" || '|' || u."occurredAt" || '|' || u."companyId"
        AS content
FROM "cs_ai_usage" AS u
WHERE u."companyId" = :companyId
    AND u."occurredAt" >= :fromUTC
    AND u."occurredAt" < :toUTC
ORDER BY u."occurredAt", u."id";
