import TallyOutput
import TallyStore

/// Every report tally can run with its default options, by the name `tally verify` and the expected
/// files use (`SampleData/expected/<name>.csv`, `.json`).
public enum ReportCatalog {
    public struct Entry: Sendable {
        public let name: String
        /// The SQL file behind it (`Queries/<query>.sql`).
        public let query: String
        public let run: @Sendable (Store) throws -> ReportTable
    }

    /// All companies, all time, default options.
    public static let entries: [Entry] = [
        Entry(name: "discount-codes", query: "discount-codes") { try DiscountCodesReport(scope: ReportScope()).run(on: $0) },
        Entry(name: "variant-conversion", query: "variant-conversion") {
            try VariantConversionReport(scope: ReportScope()).run(on: $0)
        },
        Entry(name: "variant-conversion-leads", query: "variant-conversion") {
            try VariantConversionReport(scope: ReportScope(), view: .leads).run(on: $0)
        },
    ]

    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
