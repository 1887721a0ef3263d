import TallyOutput
import TallyReporting
import TallyStore

/// One report as the registry lists it (``Registry/reports``): its name, its SQL folder, its charts,
/// its golden outputs and its section of the dashboard.
public struct RegisteredReport: Sendable {
    /// The name outputs carry: `tally report NAME` (or the close's own command), `--format html`'s
    /// page, verify's output stems.
    public let name: String
    /// The `Queries/` folder its SQL lives in; nil when it has none of its own.
    public let queryFolder: String?
    /// The charts of its HTML page (``ReportHTML/noCharts`` for a table alone).
    public let htmlParts: ReportHTML.Parts
    /// What `tally verify` pins of it over SampleData (``ReportCatalog`` derives its outputs from these).
    public let goldens: [Golden]
    /// Its section of the dashboard for a scope, when it has one.
    public let dashboard: (@Sendable (ReportScope, Store) throws -> HTMLSection)?

    public init(
        name: String, queryFolder: String?, htmlParts: @escaping ReportHTML.Parts = ReportHTML.noCharts,
        goldens: [Golden] = [], dashboard: (@Sendable (ReportScope, Store) throws -> HTMLSection)? = nil
    ) {
        self.name = name
        self.queryFolder = queryFolder
        self.htmlParts = htmlParts
        self.goldens = goldens
        self.dashboard = dashboard
    }
}
