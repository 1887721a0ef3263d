/// A sum a close would compute beyond 64 bits: a clear error (exit 65) instead of a trap.
///
/// Production's amounts and counts are far inside 64 bits and the loader rejects what is not, but a
/// store can be edited by hand; money-writing code adds with ``Swift/Int64/adding(_:_:)`` so that
/// such a store fails with the name of what overflowed, never with a crash.
public struct ArithmeticOverflow: TallyError, Equatable {
    /// What was being computed (`gross of partner ap_good (USD)`).
    public let what: String

    public init(what: String) { self.what = what }

    public var message: String { "\(what) is beyond 64-bit integers; nothing was computed or written" }
    public var hint: String? { "an amount or count in the store is far beyond production's; fix it and load it again" }
    public var exitStatus: ExitStatus { .dataError }
}

extension Int64 {
    /// `self + other`, or ``ArithmeticOverflow`` naming `what`.
    public func adding(_ other: Int64, _ what: @autoclosure () -> String) throws -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { throw ArithmeticOverflow(what: what()) }
        return sum
    }

    /// `self × other`, or ``ArithmeticOverflow`` naming `what`.
    public func multiplied(by other: Int64, _ what: @autoclosure () -> String) throws -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        if overflow { throw ArithmeticOverflow(what: what()) }
        return product
    }
}
