import GRDB
import TallyStore

/// One kind of close (docs/CLOSES.md): the CS AI billing close, the affiliate payout close, the A/B
/// results close. ``CloseStage/run(_:on:dryRun:)`` runs every one the same way.
///
/// The stage opens one IMMEDIATE transaction, calls ``plans(in:)`` inside it, decides each plan
/// against the ledger and writes the ones to write — so nothing a plan was computed from can change
/// before it is written, for every close alike.
///
/// ## Topics
/// - ``Detail``: what a close computes beside its plan, for output (invoice lines, payout rows).
/// - ``plans(in:)``: the closes of one run, one per company or test, computed inside the stage's
///   transaction; each plan's key comes from ``ClosePlan/id(kind:scopeKey:)``.
public protocol CloseDefinition {
    /// What one close computes beside its plan, printed by the command.
    associatedtype Detail

    /// Computes every close of this run, without writing, on the stage's connection and inside its
    /// transaction.
    /// - Throws: ``CloseError`` for order and as-of refusals; the domain's errors for its data.
    func plans(in db: Database) throws -> [(detail: Detail, plan: ClosePlan)]

    /// What becomes of a change to a closed period's inputs, said as the hint of
    /// ``CloseError/changedSinceClose(closeId:asOf:changes:more:afterChange:)``: each kind promises
    /// only what it does (billing adjusts at the next close; payouts do not).
    static var afterChange: String { get }
}

extension CloseDefinition {
    /// A close with no adjustments: new figures are a new close.
    public static var afterChange: String {
        "write the new figures under a new range (--to) or --as-of, which is a new close"
    }
}

/// One close of a run: what it computed, its plan, and what the stage did with it.
public struct CloseRun<Detail> {
    public let detail: Detail
    public let plan: ClosePlan
    public let outcome: CloseStage.Outcome
}

extension CloseStage {
    /// Plans and runs `close` in one IMMEDIATE transaction: every plan is decided before any is
    /// written, so one refused close leaves the others of the run unwritten too; a dry run decides
    /// the same way and rolls back.
    public static func run<Close: CloseDefinition>(_ close: Close, on store: Store, dryRun: Bool) throws
        -> [CloseRun<Close.Detail>]
    {
        try executeAll(on: store, dryRun: dryRun, afterChange: Close.afterChange) { db in
            try close.plans(in: db).map { ($0.detail, $0.plan) }
        }
        .map { CloseRun(detail: $0.detail, plan: $0.plan, outcome: $0.outcome) }
    }
}
