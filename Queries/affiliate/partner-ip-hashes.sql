-- partner-ip-hashes: distinct ipAddressHash values per partner among its clicks in range.
--
-- Used when: the fraud view passes over the clicks (--no-rollups, or a stale click rollup); from a
--             fresh rollup it counts the clicks' address keys instead (docs/AFFILIATE.md).
--
-- Grain:      one row per partner with a click of a company in temp.report_scope in range.
-- Inputs:     temp.report_scope (companyId, fromUTC, toUTC).
-- Period:     "clickedAt" in [fromUTC, toUTC), the same range the fraud view counts clicks in.
-- NULL:       NULL hashes are not counted (COUNT DISTINCT skips them), as the view never held them.
-- IPs:        ip_address_hash is the keyed hash the loader stores (docs/LOADING.md), never the address.
-- Order:      none (the view orders its rows).
-- Plan:       SCAN c (rowid order; CROSS JOIN keeps the clicks outer), the scope by its key, one sort
--             for GROUP BY and a temporary b-tree per partner for the distinct values: memory is
--             SQLite's bounded cache whatever the number of addresses. Counted in Swift, the sets
--             of hashes reached 199 MB at 10M clicks (issue 12).
SELECT
    c."partnerId" AS partner_id,
    COUNT(DISTINCT c."ipAddressHash") AS distinct_ip_hashes
FROM "affiliate_clicks" AS c NOT INDEXED
CROSS JOIN temp."report_scope" AS s ON s."companyId" = c."companyId"
WHERE c."clickedAt" >= s."fromUTC" AND c."clickedAt" < s."toUTC"
GROUP BY c."partnerId";
