import GRDB
import TallyCore
import TallyReporting

/// One partner's part of one conversion: the whole commission on the production basis, the
/// partner's touchpoints' part on a model basis.
struct PayoutShare {
    let conversion: PayoutConversion
    let partnerId: String
    let commission: Int64
    /// This share's part of the conversion's commission on its basis, in millionths (for clawbacks).
    let millionths: Int64

    /// The ledger's key of the share: on a model basis one conversion pays several partners.
    var key: ShareKey { ShareKey(conversionId: conversion.id, partnerId: partnerId) }
    var account: PayoutAccount { PayoutAccount(partnerId: partnerId, currency: conversion.currency) }
}

/// A conversion and the partner paid for it: what the ledger accrues and claws back once.
struct ShareKey: Hashable {
    let conversionId: String
    let partnerId: String
}

/// A partner's balance in one currency: the grain of a payout close's rows.
struct PayoutAccount: Hashable, Comparable {
    let partnerId: String
    let currency: String

    /// Rows come in the order of the text `partnerId|currency` (docs/AFFILIATE.md, section 6: the
    /// order the close has always printed, which a partner id that is a prefix of another's would
    /// change if the two fields were compared one after the other).
    static func < (a: PayoutAccount, b: PayoutAccount) -> Bool {
        "\(a.partnerId)|\(a.currency)" < "\(b.partnerId)|\(b.currency)"
    }
}
