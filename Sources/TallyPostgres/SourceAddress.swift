import Foundation

/// A PostgreSQL source as the user named it, and the same without its secrets.
///
/// The connection string goes to libpq unchanged (so URIs, `PG*` variables, `~/.pgpass` and
/// `sslmode` behave as in `psql`); only ``display`` — user, host, port, database, no password, no
/// query parameters but `sslmode` — is ever printed, recorded in the load history or put in an
/// error. ``redact(_:)`` removes the password (from the URI or `PGPASSWORD`) from any text.
public struct SourceAddress: Sendable, Equatable {
    /// What libpq connects with.
    let connectionString: String
    /// The source without credentials: `postgresql://tally@127.0.0.1:5432/shop`.
    public let display: String
    private let secrets: [String]

    /// Whether `text` names a PostgreSQL source rather than a file.
    public static func isSource(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ uri: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        connectionString = uri
        var secrets: [String] = []
        if let password = environment["PGPASSWORD"], !password.isEmpty { secrets.append(password) }
        let scheme = uri.hasPrefix("postgres://") ? "postgres://" : "postgresql://"
        let rest = uri.dropFirst(scheme.count)
        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        let beforeQuery = rest[..<queryStart]
        let authorityEnd = beforeQuery.firstIndex(of: "/") ?? beforeQuery.endIndex
        var authority = String(beforeQuery[..<authorityEnd])
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                let password = String(userInfo[userInfo.index(after: colon)...])
                if !password.isEmpty {
                    secrets.append(password)
                    secrets.append(password.removingPercentEncoding ?? password)
                }
                authority = String(userInfo[..<colon]) + authority[at...]
            }
        }
        var parameters: [String] = []
        for pair in rest[queryStart...].dropFirst().split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.first == "password", parts.count == 2 {
                secrets.append(parts[1])
                secrets.append(parts[1].removingPercentEncoding ?? parts[1])
            } else if parts.first == "sslmode" {
                parameters.append(String(pair))
            }
        }
        display =
            scheme + authority + beforeQuery[authorityEnd...]
            + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
        self.secrets = secrets.filter { $0.count >= 1 }.sorted { $0.count > $1.count }
    }

    /// `text` with every known secret and the raw connection string replaced.
    public func redact(_ text: String) -> String {
        var result = text.replacingOccurrences(of: connectionString, with: display)
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: "***") }
        return result
    }
}
