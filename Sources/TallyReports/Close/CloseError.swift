import TallyCore

/// Why a close refused to write (docs/CLOSES.md).
public enum CloseError: TallyError, Equatable {
    /// The same kind and key was closed before from different inputs, or would now write different rows.
    case changedSinceClose(closeId: String, asOf: String, changes: [String], more: Int)

    public var message: String {
        switch self {
        case .changedSinceClose(let id, let asOf, let changes, let more):
            let list = changes.joined(separator: "; ") + (more > 0 ? "; … and \(more) more" : "")
            return "\(id) was closed as of \(asOf) from different inputs, and a closed period is never rewritten "
                + "(changed: \(list))"
        }
    }

    public var hint: String? {
        switch self {
        case .changedSinceClose(let id, _, _, _):
            if id.hasPrefix("cs-ai-billing:") || id.hasPrefix("affiliate-payouts:") {
                return "the difference will be billed as adjustments at the next period's close"
            }
            return "write the new figures under a new range (--to) or --as-of, which is a new close"
        }
    }

    public var exitStatus: ExitStatus { .closedPeriodChanged }
}
