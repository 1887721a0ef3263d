-- usage-record-ids: the ids of one company's CS AI usage records in one billing period, in order.
--
-- Grain:      one row per cs_ai_usage record of the period.
-- Inputs:     :companyId, :fromUTC, :toUTC (the period in the company's time zone, as UTC [from, to)).
-- NULL:       none (id is the primary key).
-- Order:      ("occurredAt", id): the order of usage-records.sql, for the JSON shape's record_ids
--             when the close's sums come from the billing rollups.
-- Plan:       cs_ai_usage_companyId_occurredAt_idx (companyId=? AND occurredAt>? AND occurredAt<?),
--             then a sort of each run of equal "occurredAt" only (RIGHT PART OF ORDER BY).
SELECT
    u."id" AS id
FROM "cs_ai_usage" AS u
WHERE u."companyId" = :companyId
    AND u."occurredAt" >= :fromUTC
    AND u."occurredAt" < :toUTC
ORDER BY u."occurredAt", u."id";
