import TallyOutput
import TallyStore

/// Every report output `tally verify` checks, by the stem of its expected files
/// (`SampleData/expected/<name>.csv`, `.json`): each report over all companies and all time with
/// its default options, plus named variants of options worth pinning.
public enum ReportCatalog {
    public struct Entry: Sendable {
        public let name: String
        public let run: @Sendable (Store) throws -> ReportTable
    }

    public static let entries: [Entry] = [
        Entry(name: DiscountCodesReport.name) { try DiscountCodesReport(scope: ReportScope()).run(on: $0) },
        Entry(name: VariantConversionReport.name) { try VariantConversionReport(scope: ReportScope()).run(on: $0) },
        Entry(name: VariantConversionReport.name + "-leads") {
            try VariantConversionReport(scope: ReportScope(), view: .leads).run(on: $0)
        },
    ]

    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
