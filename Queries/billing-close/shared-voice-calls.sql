-- shared-voice-calls: records of one company and billing period that share a voiceCallId.
--
-- Grain:      one row per record whose voiceCallId another record of the period also carries.
-- Inputs:     :companyId, :fromUTC, :toUTC (the period in the company's time zone, as UTC [from, to)).
-- NULL:       records without a voiceCallId are never shared and never listed.
-- Why:        each record is billed as given; the close warns, because two records for one call
--             are most likely double billing upstream (docs/BILLING.md, "Duplicates").
-- Order:      voiceCallId, then id (byte order): the order of the warnings and of their ids.
-- Plan:       the period's range of cs_ai_usage_companyId_occurredAt_idx, twice; SQLite groups the
--             inner one in a temporary b-tree, so memory does not grow with the period in Swift.
SELECT
    u."voiceCallId" AS voice_call_id,
    u."id" AS id
FROM "cs_ai_usage" AS u
WHERE u."companyId" = :companyId
    AND u."occurredAt" >= :fromUTC
    AND u."occurredAt" < :toUTC
    AND u."voiceCallId" IN (
        SELECT s."voiceCallId"
        FROM "cs_ai_usage" AS s
        WHERE s."companyId" = :companyId
            AND s."occurredAt" >= :fromUTC
            AND s."occurredAt" < :toUTC
            AND s."voiceCallId" IS NOT NULL
        GROUP BY s."voiceCallId"
        HAVING COUNT(*) > 1
    )
ORDER BY u."voiceCallId", u."id";
