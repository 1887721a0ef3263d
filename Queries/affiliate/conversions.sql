-- conversions: the affiliate conversions a report or payout considers, with what attribution needs.
--
-- Grain:      one row per affiliate conversion of a company in scope with "convertedAt" in its
--             company-local range (temp.report_scope), REJECTED ones included (reported as left out).
-- Inputs:     temp.report_scope.
-- Visitor:    own_visitor_id is the "visitorId" of the conversion's own click ("clickId" holds the
--             click's id); order_session_id is the funnel session of its order, whose clicks are the
--             fallback (docs/AFFILIATE.md, A2).
-- Units:      order_total, commission_amount, reversal_amount and refunded are integer minor units
--             of the conversion's currency (affiliate money is stored exact, docs/STORE.md);
--             refunded sums COMPLETED refunds' "approvedAmount" of the order, in hundredths.
-- NULL:       customer_email, own_visitor_id, order_session_id, refunded when there is none.
-- Order:      "convertedAt", id (as attribution credits them; --bind-customer needs each
--             customer's earlier conversions first).
-- Columns:    read by position (AffiliateConversion.init(row:)): add new ones at the end.
SELECT
    v."id" AS id,
    v."companyId" AS company_id,
    v."partnerId" AS partner_id,
    v."linkId" AS link_id,
    v."clickId" AS click_id,
    v."orderId" AS order_id,
    v."status" AS status,
    v."currency" AS currency,
    v."orderTotal" AS order_total,
    v."commissionAmount" AS commission_amount,
    v."reversalAmount" AS reversal_amount,
    v."convertedAt" AS converted_at,
    v."approvedAt" AS approved_at,
    v."reversedAt" AS reversed_at,
    v."customerId" AS customer_id,
    v."subId1" AS sub_id1, v."subId2" AS sub_id2, v."subId3" AS sub_id3, v."subId4" AS sub_id4, v."subId5" AS sub_id5,
    cu."email" AS customer_email,
    own."visitorId" AS own_visitor_id,
    own."subId1" AS click_sub_id1, own."subId2" AS click_sub_id2, own."subId3" AS click_sub_id3,
    own."subId4" AS click_sub_id4, own."subId5" AS click_sub_id5,
    (SELECT fs."id" FROM "funnel_sessions" AS fs WHERE fs."orderId" = v."orderId" ORDER BY fs."id" LIMIT 1) AS order_session_id,
    -- "+" keeps the planner on refunds_orderId_idx: on refunds_status_idx it read every completed
    -- refund for each conversion (18.6 s of a 26 s report at scale 100, issue 12).
    (SELECT SUM(r."approvedAmount") FROM "refunds" AS r WHERE r."orderId" = v."orderId" AND +r."status" = 'COMPLETED') AS refunded
FROM "affiliate_conversions" AS v
JOIN temp."report_scope" AS s ON s."companyId" = v."companyId"
LEFT JOIN "customers" AS cu ON cu."id" = v."customerId"
LEFT JOIN "affiliate_clicks" AS own ON own."id" = v."clickId"
WHERE v."convertedAt" >= s."fromUTC"
    AND v."convertedAt" < s."toUTC"
ORDER BY v."convertedAt", v."id";
