import TallyReporting
import TallyStore

/// Every output `tally verify` checks, by the stem of its expected files
/// (`SampleData/expected/<name>.csv`, `.json`, `.html`), derived from the registry: each registered
/// report's ``Golden``s, then the dashboard (HTML only), after every load and close.
///
/// Entries run in phases: phase 0 after the fixtures load; phase 1 after `FIXTURE_DIR/late/` loads
/// too. Within a phase they run in registry order (closes write to the store as they run). Each
/// entry runs once and renders its formats from that one result.
public enum ReportCatalog {
    /// One output stem of `tally verify`, with how to compute it.
    public struct Entry: Sendable {
        /// The stem of its expected files.
        public let name: String
        /// The registered report it runs (``Registry/reports``); nil for the dashboard, which runs them all.
        public let report: String?
        public let phase: Int
        /// The extensions of its outputs.
        public let formats: [String]
        /// The outputs of one run by file extension.
        public let render: @Sendable (Store) throws -> [String: String]
    }

    /// What a report's entry writes.
    public static let formats = ["csv", "json", "html"]

    /// Every output, in the order they run within a phase.
    public static let entries: [Entry] =
        Registry.reports.flatMap { report in
            report.goldens.map { golden in
                Entry(
                    name: golden.stem ?? report.name, report: report.name, phase: golden.phase, formats: formats
                ) { store in try golden.render(store, report.name) }
            }
        } + [
            // Everything on one page, after every load and close above.
            Entry(name: "dashboard", report: nil, phase: 1, formats: ["html"]) { store in
                ["html": try Dashboard.render(scope: ReportScope(), on: store)]
            }
        ]

    /// The entry of output stem `name`, if any.
    public static func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }
}
