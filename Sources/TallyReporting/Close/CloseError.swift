import TallyCore

/// Why a close refused to write (docs/CLOSES.md).
public enum CloseError: TallyError, Equatable {
    /// The same kind and key was closed before from different inputs, or would now write different rows.
    /// `afterChange` is the kind's own word on what becomes of the difference (``CloseDefinition/afterChange``).
    case changedSinceClose(closeId: String, asOf: String, changes: [String], more: Int, afterChange: String)
    /// The inputs read again to write the ledger differ from those the plan hashed: the plan was
    /// computed outside the close's transaction (a programming error, never a user's).
    case inputsMoved(closeId: String)
    /// A monthly close of `period` while an earlier month (`open`) of the company is not closed.
    case periodOutOfOrder(company: String, period: CalendarMonth, open: CalendarMonth)
    /// A monthly close of `period` after a later month (`closed`) was closed.
    case laterPeriodClosed(company: String, period: CalendarMonth, closed: CalendarMonth)
    /// `--as-of` before the end of the period it closes.
    case asOfBeforePeriodEnd(period: CalendarMonth, periodEnd: String, asOf: String)
    /// A re-close from the same inputs with another `--as-of`: only the time written differs.
    case asOfDiffers(closeId: String, closedAsOf: String, requestedAsOf: String)
    /// A company's first close of a month before its first data (`first`; a typo such as 2016 for 2026).
    case beforeFirstActivity(company: String, period: CalendarMonth, first: CalendarMonth)
    /// A reopening of a close that is not in the ledger.
    case notClosed(kind: String, scopeKey: String)
    /// A reopening of a close that a later close of the same company builds on.
    case laterCloseDepends(closeId: String, later: String)
    /// A reopening the close's domain refuses (`reason`: a payout production has moved past
    /// PENDING), with the domain's own `hint`.
    case reopenRefused(closeId: String, reason: String, hint: String)
    /// A close of every company for a month before any company's first data (`first`, the earliest).
    case noCompanyDue(period: CalendarMonth, first: CalendarMonth)
    /// `--as-of` earlier than the as-of of the company's latest close of the same kind.
    case asOfBeforePreviousClose(company: String, asOf: String, previous: String, closeId: String)

    public var message: String {
        switch self {
        case .changedSinceClose(let id, let asOf, let changes, let more, _):
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
        case .asOfDiffers(let id, let closedAsOf, let requested):
            return "\(id) was closed as of \(closedAsOf) from the same inputs; only --as-of differs (\(requested)), "
                + "and a closed period is never rewritten"
        case .beforeFirstActivity(let company, let period, let first):
            return "\(company): \(period) is before the company's first data (\(first)); a company's closes start "
                + "at its first month with data"
        case .notClosed(let kind, let scopeKey):
            return "\(kind):\(scopeKey) is not closed; there is nothing to reopen"
        case .laterCloseDepends(let id, let later):
            return "\(id) cannot reopen: \(later) is closed after it and builds on it (its balances or adjustments)"
        case .reopenRefused(let id, let reason, _):
            return "\(id) cannot reopen: \(reason)"
        case .noCompanyDue(let period, let first):
            return "no company has data in or before \(period): the first month with data is \(first)"
        case .asOfBeforePreviousClose(let company, let asOf, let previous, let closeId):
            return
                "\(company): --as-of \(asOf) is earlier than the as-of of its latest close, \(closeId) (\(previous)); "
                + "a later close cannot stand for an earlier time"
        }
    }

    public var hint: String? {
        switch self {
        case .changedSinceClose(_, _, _, _, let afterChange):
            return afterChange
        case .inputsMoved:
            return "run the close again; if it repeats, report it as a bug"
        case .periodOutOfOrder(_, _, let open):
            return "close \(open) first"
        case .laterPeriodClosed, .asOfBeforePeriodEnd: return nil
        case .asOfDiffers(_, let closedAsOf, _):
            return "nothing will be adjusted: re-run with --as-of \(closedAsOf) to print the close again"
        case .beforeFirstActivity(_, _, let first), .noCompanyDue(_, let first):
            return "check --period (did you mean a later year?); the first month to close is \(first)"
        case .asOfBeforePreviousClose(_, _, let previous, _):
            return "give an --as-of at or after \(previous)"
        case .notClosed: return "'billing status' lists the closed periods"
        case .laterCloseDepends(_, let later): return "reopen \(later) first: only a company's latest close reopens"
        case .reopenRefused(_, _, let hint): return hint
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .changedSinceClose: return .closedPeriodChanged
        case .inputsMoved: return .ioError
        case .asOfDiffers: return .closedPeriodChanged
        case .periodOutOfOrder, .laterPeriodClosed, .asOfBeforePeriodEnd, .beforeFirstActivity,
            .asOfBeforePreviousClose, .noCompanyDue, .notClosed, .laterCloseDepends, .reopenRefused:
            return .usage
        }
    }
}
