/// Process exit codes, sysexits-style, shared by every command (listed in README and `tally --help`).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// The command ran and found a difference: schema drift, or a report that differs from its expectation.
    case difference = 1
    /// A load committed its good rows but rejected some (see `--rejects`).
    case loadedWithRejects = 3
    /// A close refused: the period or result was closed before from different inputs, and closed
    /// figures are never rewritten (docs/CLOSES.md).
    case closedPeriodChanged = 4
    /// Usage error: a bad option or argument (argument-parser's `EX_USAGE`).
    case usage = 64
    /// Bad data: input or store content that tally refuses.
    case dataError = 65
    /// Missing input: a file, directory or store that does not exist.
    case missingInput = 66
    /// Source unavailable: a PostgreSQL source that refuses the connection, the credentials or
    /// plain TLS, or drops the connection mid-pull (sysexits' `EX_UNAVAILABLE`).
    case sourceUnavailable = 69
    /// I/O error: a file that cannot be read or written.
    case ioError = 74

    /// One line for the help screen and README.
    public var meaning: String {
        switch self {
        case .success: return "success"
        case .difference: return "a check found a difference (schema drift, or verify outputs that differ)"
        case .loadedWithRejects: return "load committed, but some rows were rejected (see --rejects)"
        case .closedPeriodChanged: return "close refused: already closed from different inputs (nothing written)"
        case .usage: return "usage error: bad option, argument or name; an output path that is an input"
        case .dataError: return "bad data: rejected input, or a store tally cannot use"
        case .missingInput: return "missing input: no such file, directory or store"
        case .sourceUnavailable:
            return "source unavailable: the PostgreSQL source refused the connection or dropped it (nothing loaded)"
        case .ioError: return "I/O error: cannot read or write; disk full; store held or read-only"
        }
    }
}
