import ArgumentParser
import Foundation
import TallyRegistry

/// `tally rollups status|rebuild`: the report, billing and affiliate click rollups the loader keeps
/// (docs/ROLLUPS.md, docs/BILLING.md, docs/AFFILIATE.md).
struct RollupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollups",
        abstract:
            "Show whether the report, billing and affiliate click rollups match the base tables, or rebuild them.",
        discussion: """
            Every load rebuilds the rollups in its own transaction (a load of CS AI usage into a store \
            that has usage rebuilds only the billing days it touched, a load of affiliate clicks into a \
            store that has clicks only the visitors it touched). A change made outside tally (the \
            sqlite3 shell) marks them stale; reports and billing closes then read the base tables, with \
            the same bytes, until the next load or 'tally rollups rebuild'.
            """,
        subcommands: [Status.self, Rebuild.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print 'fresh' or 'stale' for the report, billing and affiliate click rollups.",
            discussion: "Example: tally rollups status --db /tmp/sample.sqlite")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.openExisting()
            let families = Registry.rollups.families
            let fresh = try opened.queue.read { db in try families.map { try $0.areFresh(db) } }
            for (family, isFresh) in zip(families, fresh) {
                print("\(family.name): " + (isFresh ? "fresh" : "stale (\(family.whenStale))"))
            }
        }
    }

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild every company's rollups in one transaction.",
            discussion: "Example: tally rollups rebuild --db /tmp/sample.sqlite")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let opened = try store.openExisting()
            let started = Date()
            try opened.queue.write { db in try Registry.rollups.rebuild(db) }
            FileHandle.standardError.write(
                Data("tally: rollups rebuilt in \(fixedDecimals(Date().timeIntervalSince(started), 2)) s\n".utf8))
        }
    }
}
