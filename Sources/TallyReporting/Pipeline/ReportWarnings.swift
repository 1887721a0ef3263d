import Synchronization

/// Where reports say what they left out without failing (a company they cannot place): the CLI
/// points it at stderr; by default a warning goes nowhere, so library callers and tests stay quiet.
/// Each message is said once per process, however many reports of a command meet it (the dashboard
/// runs eleven).
public enum ReportWarnings {
    private struct State {
        var handler: @Sendable (String) -> Void = { _ in }
        var said: Set<String> = []
    }

    private static let state = Mutex(State())

    /// Sends every later warning to `handler`.
    public static func send(to handler: @escaping @Sendable (String) -> Void) {
        state.withLock { $0.handler = handler }
    }

    /// A company left out of a run over every company: its time zone does not parse.
    package static func companyLeftOut(_ company: String, timeZone: String) {
        emit(
            "company \(company) left out: its time zone '\(timeZone)' is not an IANA time zone "
                + "(fix companies.timezone and load it again)")
    }

    /// Says `message` to whoever listens, unless it was said already.
    package static func emit(_ message: String) {
        let handler = state.withLock { state in state.said.insert(message).inserted ? state.handler : nil }
        handler?(message)
    }
}
