/// An error tally reports to its user: what went wrong and where, what to do next, and the
/// documented exit status.
///
/// Every layer throws its own conforming type (``StoreError``-style enums carrying their context);
/// the `tally` entry point catches them in one place, prints `tally: error: <message>` and the hint,
/// and exits with ``exitStatus``. Nothing else maps errors to statuses.
public protocol TallyError: Error, CustomStringConvertible {
    /// What went wrong, and where (file:line:column, table, report, option).
    var message: String { get }
    /// What the user can try next; nil when the message already says it.
    var hint: String? { get }
    /// The process exit status for this failure (README, `tally --help`).
    var exitStatus: ExitStatus { get }
}

extension TallyError {
    public var hint: String? { nil }
    /// The message and hint as one line: `message; hint`.
    public var description: String { hint.map { "\(message); \($0)" } ?? message }
}
