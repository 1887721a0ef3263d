-- payout-conversions: every non-REJECTED affiliate conversion of one company up to a close's end.
--
-- Grain:      one row per affiliate conversion of :companyId with "convertedAt" before :endUTC.
-- Inputs:     :companyId, :endUTC (the end of the month being closed, UTC).
-- Status:     today's status with its timestamps; Swift reconstructs the status at the close
--             (docs/AFFILIATE.md, P0).
-- Units:      commission_amount and reversal_amount in integer minor units of the conversion's currency.
-- NULL:       approved_at, reversed_at, reversal_amount, commission_amount as exported.
-- Order:      partner, currency, "convertedAt", id.
SELECT
    v."id" AS id,
    v."partnerId" AS partner_id,
    v."currency" AS currency,
    v."status" AS status,
    v."commissionAmount" AS commission_amount,
    v."reversalAmount" AS reversal_amount,
    v."convertedAt" AS converted_at,
    v."approvedAt" AS approved_at,
    v."reversedAt" AS reversed_at
FROM "affiliate_conversions" AS v
WHERE v."companyId" = :companyId
    AND v."status" <> 'REJECTED'
    AND v."convertedAt" < :endUTC
ORDER BY v."partnerId", v."currency", v."convertedAt", v."id";
