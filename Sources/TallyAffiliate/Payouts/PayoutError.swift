import TallyCore

/// Why a payout close cannot run with the options it was given (docs/AFFILIATE.md, section 6); why a
/// close may not run at all is a `CloseError`.
public enum PayoutError: TallyError, Equatable {
    /// The company's payouts were closed on another basis (one basis per company).
    case otherPayoutBasis(company: String, closedKind: String)

    public var message: String {
        switch self {
        case .otherPayoutBasis(let company, let kind):
            return "company \(company) has payouts closed as \(kind); one company's payouts follow one basis, "
                + "or a month could be paid twice"
        }
    }

    public var hint: String? {
        switch self {
        case .otherPayoutBasis(_, let kind):
            let model = kind.dropFirst(AffiliatePayouts.kind.count).drop { $0 == "-" }
            return model.isEmpty
                ? "close this company with --basis production"
                : "close this company with --basis model --model \(model)"
        }
    }

    public var exitStatus: ExitStatus { .usage }
}
