-- candidate-clicks: every click of the visitors (and the own clicks) attribution needs, in the
-- order derived duplicates are found.
--
-- Grain:      one row per affiliate click of a company in temp.report_scope whose visitor is in
--             temp.affiliate_candidate_visitors or whose id is in temp.affiliate_candidate_clicks,
--             any status, any time: a derived duplicate depends only on the clicks of its own
--             company, link and visitor (docs/AFFILIATE.md A4), and all of them are here.
-- Inputs:     temp.report_scope, temp.affiliate_candidate_visitors, temp.affiliate_candidate_clicks.
-- Columns:    those of affiliate/clicks.sql (AffiliateClick reads both).
-- NULL:       link_id, visitor_id, session_id, fraud_score, fraud_reasons as exported (a click
--             without a visitor comes only by its id).
-- Order:      visitor, company, link, "clickedAt", id, as affiliate/clicks.sql.
-- Plan:       MULTI-INDEX OR: affiliate_clicks_visitorId_idx per candidate visitor and the
--             primary key per candidate click, then one sort of those clicks only (a batch of at
--             most 2,048 conversions' visitors against 10M clicks). "+" on the company keeps the
--             planner off affiliate_clicks_companyId_clickedAt_idx, which would walk every click.
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
FROM "affiliate_clicks" AS c
WHERE +c."companyId" IN (SELECT s."companyId" FROM temp."report_scope" AS s)
    AND (c."visitorId" IN (SELECT v."visitorId" FROM temp."affiliate_candidate_visitors" AS v)
        OR c."id" IN (SELECT k."id" FROM temp."affiliate_candidate_clicks" AS k))
ORDER BY c."visitorId", c."companyId", c."linkId", c."clickedAt", c."id";
