import ArgumentParser
import Foundation
import TallyOutput
import TallyReports
import TallyStore

extension AttributionModel: ExpressibleByArgument {}

/// Attribution options shared by `report affiliate` and `report affiliate-credits`.
struct AttributionOptionGroup: ParsableArguments {
    @Option(
        help:
            "production (the conversion's own partner) or a click model: last-click, first-click, linear, time-decay, position-based."
    )
    var model: AttributionModel = .production

    @Option(help: ArgumentHelp("Time-decay half-life in days.", valueName: "days"))
    var halfLifeDays: Double = 7

    @Option(
        help: ArgumentHelp("Attribution window for every click, overriding partners' and programs'.", valueName: "days")
    )
    var windowDays: Int?

    @Flag(help: "SUSPICIOUS clicks are eligible too.")
    var includeSuspicious = false

    @Flag(help: "Keep self-referring partners' touchpoints (dropped by default).")
    var noExcludeSelfReferrals = false

    @Flag(help: "Clicks of the visitors of the customer's earlier conversions join the candidates.")
    var bindCustomer = false

    @Flag(help: "Commission on credited revenue minus credited refunds.")
    var netOfRefunds = false

    var options: AttributionOptions {
        var options = AttributionOptions()
        options.model = model
        options.halfLifeDays = halfLifeDays
        options.windowDays = windowDays.map(Int64.init)
        options.includesSuspicious = includeSuspicious
        options.excludesSelfReferrals = !noExcludeSelfReferrals
        options.bindsCustomer = bindCustomer
        options.isNetOfRefunds = netOfRefunds
        return options
    }

    func validate() throws {
        guard halfLifeDays > 0, halfLifeDays.isFinite else {
            throw ValidationError("--half-life-days must be positive")
        }
        if let windowDays, windowDays < 0 { throw ValidationError("--window-days cannot be negative") }
    }
}

extension ReportCommand {
    struct Affiliate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "affiliate",
            abstract:
                "Affiliate attribution per partner (or link, SubID, tier, type, day) and currency: production view or a model.",
            discussion: "Example: tally report affiliate --db /tmp/sample.sqlite --model linear --format csv")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var attribution: AttributionOptionGroup
        @OptionGroup var rollups: RollupOptions

        @Option(
            name: .customLong("by"),
            help: ArgumentHelp(
                "partner, link, subid1…subid5, tier, partnership-type or day; several, comma-separated, combine "
                    + "(the group column joins their values with ' | ').", valueName: "grouping[,grouping]"))
        var groupings: String = "partner"

        func validate() throws { _ = try parsedGroupings() }

        private func parsedGroupings() throws -> [AffiliateReport.Grouping] {
            try groupings.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let grouping = AffiliateReport.Grouping(rawValue: trimmed) else {
                    throw ValidationError(
                        "--by: no grouping '\(trimmed)'; use "
                            + AffiliateReport.Grouping.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return grouping
            }
        }

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            var report = AffiliateReport(
                scope: scope.scope, options: attribution.options, groupings: try parsedGroupings())
            report.readsRollups = rollups.reads
            try output.write(try report.run(on: try store.openExisting()), report: AffiliateReport.name)
        }
    }

    struct AffiliateCredits: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "affiliate-credits",
            abstract:
                "One row per conversion and touchpoint: weight, credited revenue, conversions and commission (the audit trail).",
            discussion:
                "Example: tally report affiliate-credits --db /tmp/sample.sqlite --model position-based --format csv")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var attribution: AttributionOptionGroup
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let report = AffiliateCreditsReport(scope: scope.scope, options: attribution.options)
            try output.write(try report.run(on: try store.openExisting()), report: AffiliateCreditsReport.name)
        }
    }
}

extension ReportCommand {
    struct AffiliateFraud: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "affiliate-fraud",
            abstract: "Per partner: clicks excluded by each cause, clicks per IP hash, self-referrals, with flags.",
            discussion: "Example: tally report affiliate-fraud --db /tmp/sample.sqlite")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var attribution: AttributionOptionGroup
        @OptionGroup var rollups: RollupOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            var report = AffiliateFraudReport(scope: scope.scope, options: attribution.options)
            report.readsRollups = rollups.reads
            try output.write(try report.run(on: try store.openExisting()), report: AffiliateFraudReport.name)
        }
    }

    struct ClickQueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "click-queue",
            abstract:
                "Per company: click-queue rows by status, the oldest PENDING age as of --as-of, FAILED by retries.",
            discussion: "Example: tally report click-queue --db /tmp/sample.sqlite --as-of 2026-05-01T00:00:00Z")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(help: ArgumentHelp("The instant ages are measured at; never the clock.", valueName: "time"))
        var asOf: Instant

        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.refuseOverwriting(store.protected)
            let report = ClickQueueReport(scope: scope.scope, asOf: asOf.milliseconds)
            try output.write(try report.run(on: try store.openExisting()), report: ClickQueueReport.name)
        }
    }
}
