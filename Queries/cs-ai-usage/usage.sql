-- usage: what customer-service AI was used, per company, local day or month, usage type and tier.
--
-- Grain:      one row per company, bucket (a local day or month), usage type and CS tier with usage.
-- Inputs:     temp.report_buckets ("companyId", "bucket", "month", "fromUTC", "toUTC"): each company's
--             local days or months of the range as UTC [from, to), filled by the report.
-- Period:     a record belongs to the bucket of its "occurredAt" in the company's time zone.
-- Units:      seconds are raw "durationSeconds" (NULL counts 0 and is counted in null_durations);
--             messages are "messageCount"; tokens as exported.
-- Checks:     billing_period_mismatches counts records whose exported "billingPeriod" is not their
--             local month (production writes the UTC month of the write there).
-- NULL:       none: every count is 0 or more.
-- Order:      company, bucket, usage type, tier.
-- Plan:       per bucket, cs_ai_usage_companyId_occurredAt_idx (companyId=? AND occurredAt>? AND occurredAt<?).
SELECT
    b."companyId" AS company_id,
    b."bucket" AS bucket,
    u."usageType" AS usage_type,
    u."tier" AS tier,
    COUNT(*) AS records,
    COUNT(DISTINCT u."voiceCallId") AS distinct_voice_calls,
    SUM(COALESCE(u."durationSeconds", 0)) AS seconds,
    SUM(CASE WHEN u."durationSeconds" IS NULL THEN 1 ELSE 0 END) AS null_durations,
    SUM(u."messageCount") AS messages,
    SUM(u."inputTokens") AS input_tokens,
    SUM(u."outputTokens") AS output_tokens,
    SUM(CASE WHEN u."billingPeriod" IS NOT NULL AND u."billingPeriod" <> b."month" THEN 1 ELSE 0 END)
        AS billing_period_mismatches
FROM temp."report_buckets" AS b
JOIN "cs_ai_usage" AS u
    ON u."companyId" = b."companyId"
    AND u."occurredAt" >= b."fromUTC"
    AND u."occurredAt" < b."toUTC"
GROUP BY b."companyId", b."bucket", u."usageType", u."tier"
ORDER BY b."companyId", b."bucket", u."usageType", u."tier";
