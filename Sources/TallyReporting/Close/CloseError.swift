import TallyCore

/// Why a close refused to write (docs/CLOSES.md).
public enum CloseError: TallyError, Equatable {
    /// The same kind and key was closed before from different inputs, or would now write different rows.
    case changedSinceClose(closeId: String, asOf: String, changes: [String], more: Int)
    /// The inputs read again to write the ledger differ from those the plan hashed: the plan was
    /// computed outside the close's transaction (a programming error, never a user's).
    case inputsMoved(closeId: String)
    /// A monthly close of `period` while an earlier month (`open`) of the company is not closed.
    case periodOutOfOrder(company: String, period: CalendarMonth, open: CalendarMonth)
    /// A monthly close of `period` after a later month (`closed`) was closed.
    case laterPeriodClosed(company: String, period: CalendarMonth, closed: CalendarMonth)
    /// `--as-of` before the end of the period it closes.
    case asOfBeforePeriodEnd(period: CalendarMonth, periodEnd: String, asOf: String)

    public var message: String {
        switch self {
        case .changedSinceClose(let id, let asOf, let changes, let more):
            let list = changes.joined(separator: "; ") + (more > 0 ? "; … and \(more) more" : "")
            return "\(id) was closed as of \(asOf) from different inputs, and a closed period is never rewritten "
                + "(changed: \(list))"
        case .inputsMoved(let id):
            return "\(id): the inputs changed between planning and writing the close; nothing was written"
        case .periodOutOfOrder(let company, let period, let open):
            return "\(company): \(open) is not closed yet; periods close in order, so \(period) cannot close before it"
        case .laterPeriodClosed(let company, let period, let closed):
            return "\(company): \(closed) is already closed; \(period) comes before it and can no longer close "
                + "(later changes to it reach the next close)"
        case .asOfBeforePeriodEnd(let period, let periodEnd, let asOf):
            return "--as-of \(asOf) is before the end of \(period) (\(periodEnd)); a period closes after it ends"
        }
    }

    public var hint: String? {
        switch self {
        case .changedSinceClose(let id, _, _, _):
            if id.hasPrefix("cs-ai-billing:") || id.hasPrefix("affiliate-payouts:") {
                return "the difference will be billed as adjustments at the next period's close"
            }
            return "write the new figures under a new range (--to) or --as-of, which is a new close"
        case .inputsMoved:
            return "run the close again; if it repeats, report it as a bug"
        case .periodOutOfOrder(_, _, let open):
            return "close \(open) first"
        case .laterPeriodClosed, .asOfBeforePeriodEnd: return nil
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .changedSinceClose: return .closedPeriodChanged
        case .inputsMoved: return .ioError
        case .periodOutOfOrder, .laterPeriodClosed, .asOfBeforePeriodEnd: return .usage
        }
    }
}
