import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import TallyReporting

/// The click rollup read on a second connection, on a thread of its own, while the report's
/// connection reads and credits the conversions: the two halves of an affiliate report take about
/// the same time at 10M clicks (1.3 s and 0.7 s), and the machine has two cores.
///
/// Both connections see the same data: the report's transaction has read (it resolved the scope)
/// and so holds a shared lock, and in a rollback-journal store no writer can commit while any
/// reader holds one. A WAL store (where a writer can) or an in-memory one reads on the report's
/// own connection instead, as does any store the second connection cannot read before it has
/// handed a click to `visit` (a busy writer waiting for the report's lock, say).
final class ParallelClickPass: @unchecked Sendable {
    private let group = DispatchGroup()
    private var error: Error?
    private var visitedAny = false

    /// Starts reading on another thread, or returns nil when this store must be read in sequence.
    /// `visit` and `names` belong to that thread until ``finish()`` returns.
    static func start(
        context: ReportContext, names: AffiliateNames, visit: @escaping (ClickFact) throws -> Void
    ) throws -> ParallelClickPass? {
        guard try context.reads(AffiliateClickRollups.self),
            let path = sqlite3_db_filename(context.db.sqliteConnection, "main").map({ String(cString: $0) }),
            !path.isEmpty,
            let mode = try String.fetchOne(context.db, sql: "PRAGMA journal_mode"), mode.lowercased() != "wal"
        else { return nil }
        let pass = ParallelClickPass()
        let scope = context.scope
        let handed = Handed(names: names, visit: visit)
        pass.group.enter()
        Thread {
            let (names, visit) = (handed.names, handed.visit)
            defer { pass.group.leave() }
            do {
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(2)
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try queue.read { db in
                    guard try AffiliateClickRollups.areFresh(db) else {
                        throw ReportError.inconsistentCounts("the affiliate click rollup changed during the report")
                    }
                    let context = ReportContext(db: db, scope: scope, readsRollups: false)
                    try AffiliateClickRollups.forEachFact(context: context, names: names) { fact in
                        pass.visitedAny = true
                        try visit(fact)
                    }
                }
            } catch {
                pass.error = error
            }
        }.start()
        return pass
    }

    /// What the report hands the thread, and takes back at ``finish()``.
    private final class Handed: @unchecked Sendable {
        let names: AffiliateNames
        let visit: (ClickFact) throws -> Void
        init(names: AffiliateNames, visit: @escaping (ClickFact) throws -> Void) {
            self.names = names
            self.visit = visit
        }
    }

    /// Waits for the thread. True when it read every click; false when it failed before handing
    /// any (the caller then reads them itself); throws when it failed midway.
    func finish() throws -> Bool {
        group.wait()
        guard let error else { return true }
        if visitedAny { throw error }
        return false
    }
}
