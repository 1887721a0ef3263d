-- clicks: every affiliate click of the companies in scope, in the order derived duplicates are found.
--
-- Grain:      one row per affiliate click of a company in temp.report_scope, any status, any time
--             (duplicates are derived over every click of a link and visitor, docs/AFFILIATE.md A4).
-- Inputs:     temp.report_scope.
-- Units:      fraud_score as stored (a double, read back as its decimal text).
-- NULL:       link_id, visitor_id, session_id, fraud_score, fraud_reasons as exported.
-- IPs:        ip_address_hash is the keyed hash the loader stores (docs/LOADING.md), never the address.
-- Order:      company, link, visitor, "clickedAt", id (BINARY collation: ids compared as bytes).
SELECT
    c."id" AS id,
    c."companyId" AS company_id,
    c."partnerId" AS partner_id,
    c."linkId" AS link_id,
    c."visitorId" AS visitor_id,
    c."sessionId" AS session_id,
    c."clickedAt" AS clicked_at,
    c."status" AS status,
    c."fraudScore" AS fraud_score,
    c."fraudReasons" AS fraud_reasons,
    c."ipAddressHash" AS ip_address_hash,
    c."subId1" AS sub_id1, c."subId2" AS sub_id2, c."subId3" AS sub_id3, c."subId4" AS sub_id4, c."subId5" AS sub_id5
FROM "affiliate_clicks" AS c
JOIN temp."report_scope" AS s ON s."companyId" = c."companyId"
ORDER BY c."companyId", c."linkId", c."visitorId", c."clickedAt", c."id";
