-- cs-ai-shared-voice-calls: fills tally_rollup_cs_ai_shared_voice_calls (the billing rollups' rebuild).
--
-- Grain:      one row per cs_ai_usage record whose voiceCallId another record of the same company
--             carries (in any period: the close keeps the pairs that fall in its own period).
-- Inputs:     :companyId — one company (a refresh of the days a load touched), or NULL for every
--             company (a whole rebuild); the caller deletes the rows it replaces first.
-- NULL:       records without a voiceCallId are never shared and never kept.
-- Order:      none (an INSERT; readers order by voiceCallId, id).
-- Why:        the close warns about shared calls (docs/BILLING.md, "Duplicates"); asking the base
--             table per close reads every record of the period twice, these rows are a handful.
INSERT INTO "tally_rollup_cs_ai_shared_voice_calls" ("companyId", "voiceCallId", "id", "occurredAt")
SELECT u."companyId", u."voiceCallId", u."id", u."occurredAt"
FROM "cs_ai_usage" AS u
WHERE u."voiceCallId" IS NOT NULL
    AND (:companyId IS NULL OR u."companyId" = :companyId)
    AND (u."companyId", u."voiceCallId") IN (
        SELECT s."companyId", s."voiceCallId"
        FROM "cs_ai_usage" AS s
        WHERE s."voiceCallId" IS NOT NULL
            AND (:companyId IS NULL OR s."companyId" = :companyId)
        GROUP BY s."companyId", s."voiceCallId"
        HAVING COUNT(*) > 1
    );
