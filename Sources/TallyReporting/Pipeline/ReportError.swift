import TallyCore

/// Why a report cannot run with the options it was given. Raised before any output is written.
public enum ReportError: TallyError, Equatable {
    case emptyRange(from: CalendarDay, to: CalendarDay)
    case unknownCompany(id: String, known: [String])
    case unknownFunnel(id: String, known: [String])
    case unknownVariant(id: String, known: [String])
    case unknownTest(id: String, known: [String])
    case unknownTimeZone(company: String, timeZone: String)
    /// A check a report makes on its own counts failed: a defect in tally, not in the data.
    case inconsistentCounts(String)
    /// A stored value outside its closed set (``StoredEnum``): a production enum value this tally
    /// does not know, or a ledger edited by hand.
    case unknownValue(table: String, column: String, value: String, known: [String])

    public var message: String {
        switch self {
        case .emptyRange(let from, let to):
            return "--from \(from) is not before --to \(to): the range [from, to) is empty"
        case .unknownCompany(let id, let known):
            return "no company '\(id)' in the store (companies: \(Self.list(known)))"
        case .unknownFunnel(let id, let known):
            return "no funnel '\(id)' in the companies in scope (funnels: \(Self.list(known)))"
        case .unknownVariant(let id, let known):
            return "--control \(id) is not a variant of the funnels in scope (variants: \(Self.list(known)))"
        case .unknownTest(let id, let known):
            return "no funnel_ab_tests row '\(id)' in the store (tests: \(Self.list(known)))"
        case .unknownTimeZone(let company, let zone):
            return "company \(company) has time zone '\(zone)', which is not an IANA time zone this system knows"
        case .inconsistentCounts(let detail):
            return "internal check failed: \(detail); nothing was written"
        case .unknownValue(let table, let column, let value, let known):
            return "\(table).\(column) holds '\(value)', which is not one of its values (\(Self.list(known)))"
        }
    }

    public var hint: String? {
        switch self {
        case .emptyRange: return "give a --to later than --from"
        case .unknownCompany, .unknownFunnel, .unknownVariant, .unknownTest:
            return "'tally status' shows what is loaded"
        case .unknownTimeZone: return "fix companies.timezone in the export and load it again"
        case .inconsistentCounts: return "this is a defect in tally; please report it with the command line"
        case .unknownValue:
            return "a newer production enum value needs a newer tally; otherwise fix the row and load it again"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .unknownTimeZone, .inconsistentCounts, .unknownValue: return .dataError
        default: return .usage
        }
    }

    /// At most ten accepted values, so a store with thousands of funnels prints one readable line.
    private static func list(_ values: [String]) -> String {
        guard !values.isEmpty else { return "none" }
        let shown = values.prefix(10).joined(separator: ", ")
        return values.count > 10 ? "\(shown), … and \(values.count - 10) more" : shown
    }
}
