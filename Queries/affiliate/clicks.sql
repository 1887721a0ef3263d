-- clicks: every affiliate click of the companies in scope, in the order derived duplicates are found.
--
-- Grain:      one row per affiliate click of a company in temp.report_scope, any status, any time
--             (duplicates are derived over every click of a link and visitor, docs/AFFILIATE.md A4).
-- Inputs:     temp.report_scope.
-- Units:      fraud_score as stored (a double, read back as its decimal text).
-- NULL:       link_id, visitor_id, session_id, fraud_score, fraud_reasons as exported.
-- IPs:        ip_address_hash is the keyed hash the loader stores (docs/LOADING.md), never the address.
-- row_id:     the click's rowid: a click rollup rebuild finds its ipAddressHash's key by it.
-- Order:      visitor, company, link, "clickedAt", id (BINARY collation: ids compared as bytes):
--             each (company, link, visitor) in time order, as derived duplicates are found, and
--             each visitor's clicks together, so distinct visitors are counted as they stream
--             instead of held in a set per group (issue 12: 275 MB at 10M clicks).
-- Plan:       SCAN c (rowid order), one sort. NOT INDEXED because the planner otherwise walks
--             affiliate_clicks_companyId_clickedAt_idx and fetches every row from the table in
--             index order: one random page read per click, which at 1M clicks took 4.9 s in the
--             sqlite3 shell against 2.0 s for this scan and sort (issue 12).
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
    c."subId1" AS sub_id1, c."subId2" AS sub_id2, c."subId3" AS sub_id3, c."subId4" AS sub_id4, c."subId5" AS sub_id5,
    c."rowid" AS row_id
FROM "affiliate_clicks" AS c NOT INDEXED
WHERE c."companyId" IN (SELECT s."companyId" FROM temp."report_scope" AS s)
ORDER BY c."visitorId", c."companyId", c."linkId", c."clickedAt", c."id";
