import TallyReporting

extension CloseRun {
    /// Whether the stage wrote this close (not a dry run, not a re-run of an unchanged close).
    var wasWritten: Bool {
        if case .closed = outcome { return true }
        return false
    }
}

extension CloseStage.Outcome {
    /// One stderr line saying what the close did.
    func summary(closeId: String) -> String {
        switch self {
        case .closed(let rows): return "closed \(closeId): \(rows) row(s) written"
        case .unchanged: return "\(closeId) is already closed from the same inputs: nothing written"
        case .dryRun(let rows, let alreadyClosed):
            return alreadyClosed
                ? "dry run: \(closeId) is already closed from the same inputs; a close would write nothing"
                : "dry run: a close of \(closeId) would write \(rows) row(s); nothing written"
        }
    }
}
