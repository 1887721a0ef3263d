-- shared-voice-calls-rollup: shared-voice-calls.sql over the billing rollups (the same rows).
--
-- Grain:      one row per record whose voiceCallId another record of the period also carries.
-- Inputs:     :companyId, :fromUTC, :toUTC (the period in the company's time zone, as UTC [from, to)).
-- NULL:       the rollup keeps no record without a voiceCallId.
-- Why:        tally_rollup_cs_ai_shared_voice_calls holds every record sharing a call with another
--             record of its company, in any period; a pair is shared in this period only when both
--             fall in it, hence the same grouping as the base query.
-- Order:      voiceCallId, then id (byte order): the order of the warnings and of their ids.
SELECT
    r."voiceCallId" AS voice_call_id,
    r."id" AS id
FROM "tally_rollup_cs_ai_shared_voice_calls" AS r
WHERE r."companyId" = :companyId
    AND r."occurredAt" >= :fromUTC
    AND r."occurredAt" < :toUTC
    AND r."voiceCallId" IN (
        SELECT s."voiceCallId"
        FROM "tally_rollup_cs_ai_shared_voice_calls" AS s
        WHERE s."companyId" = :companyId
            AND s."occurredAt" >= :fromUTC
            AND s."occurredAt" < :toUTC
        GROUP BY s."voiceCallId"
        HAVING COUNT(*) > 1
    )
ORDER BY r."voiceCallId", r."id";
