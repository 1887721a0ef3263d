-- status: the health of the affiliate click queue, per company.
--
-- Grain:      one row per company in scope (temp.report_scope) with queued clicks.
-- Inputs:     temp.report_scope (the range applies to "queuedAt"); :asOf, the instant ages are
--             measured at (never the clock).
-- Units:      oldest_pending_at is the "queuedAt" of the oldest PENDING row; Swift turns it into an
--             age in seconds as of :asOf. failed_by_retries lists "retryCount:rows" of FAILED rows.
-- NULL:       oldest_pending_at when nothing is PENDING; failed_by_retries when nothing FAILED.
-- Order:      company.
WITH queue AS (
    SELECT q.*
    FROM "affiliate_click_queue" AS q
    JOIN temp."report_scope" AS s ON s."companyId" = q."companyId"
    WHERE q."queuedAt" >= s."fromUTC" AND q."queuedAt" < s."toUTC" AND q."queuedAt" <= :asOf
),

failed AS (
    SELECT "companyId", GROUP_CONCAT("retryCount" || ':' || rows, ' ') AS failed_by_retries
    FROM (
        SELECT "companyId", "retryCount", COUNT(*) AS rows FROM queue WHERE "status" = 'FAILED'
        GROUP BY "companyId", "retryCount" ORDER BY "companyId", "retryCount"
    )
    GROUP BY "companyId"
)

SELECT
    q."companyId" AS company_id,
    COUNT(*) AS total,
    SUM(CASE WHEN q."status" = 'PENDING' THEN 1 ELSE 0 END) AS pending,
    SUM(CASE WHEN q."status" = 'PROCESSING' THEN 1 ELSE 0 END) AS processing,
    SUM(CASE WHEN q."status" = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
    SUM(CASE WHEN q."status" = 'FAILED' THEN 1 ELSE 0 END) AS failed,
    SUM(CASE WHEN q."status" = 'DUPLICATE' THEN 1 ELSE 0 END) AS duplicate,
    MIN(CASE WHEN q."status" = 'PENDING' THEN q."queuedAt" END) AS oldest_pending_at,
    f.failed_by_retries
FROM queue AS q
LEFT JOIN failed AS f ON f."companyId" = q."companyId"
GROUP BY q."companyId"
ORDER BY q."companyId";
