import TallyCore

/// An exact fraction of 128-bit integers, kept reduced; money is rounded once, at the end.
package struct Fraction: Equatable, Comparable {
    package static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// A stored double read as the decimal its shortest text shows (`70`, `0.7`, `12.5`).
    package init?(double: Double?) {
        guard let double, double.isFinite else { return nil }
        self.init(decimalText: double.description)
    }

    package private(set) var numerator: Int128
    package private(set) var denominator: Int128

    package init(_ numerator: Int64, _ denominator: Int64 = 1) {
        self.init(raw: Int128(numerator), Int128(denominator))
    }

    private init(raw numerator: Int128, _ denominator: Int128) {
        let divisor = Self.gcd(numerator < 0 ? -numerator : numerator, denominator)
        self.numerator = divisor > 1 ? numerator / divisor : numerator
        self.denominator = divisor > 1 ? denominator / divisor : denominator
    }

    /// `1.5` → 3/2, exactly from decimal text.
    package init?(decimalText text: String) {
        guard let decimal = ExactDecimal(text), case .success(let scaled) = decimal.scaled(by: decimal.decimalPlaces)
        else {
            return nil
        }
        var denominator: Int64 = 1
        for _ in 0..<decimal.decimalPlaces { denominator *= 10 }
        self.init(scaled, denominator)
    }

    package static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(raw: a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    package static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(raw: a.numerator * b.numerator, a.denominator * b.denominator)
    }

    package static func += (a: inout Fraction, b: Fraction) { a = a + b }

    package var roundedHalfAwayFromZero: Int64 { Self.roundHalfAwayFromZero(numerator, denominator) }

    /// `numerator / denominator` (denominator > 0) rounded half away from zero.
    package static func roundHalfAwayFromZero(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        let magnitude = remainder < 0 ? -remainder : remainder
        let adjusted = magnitude * 2 >= denominator ? quotient + (numerator < 0 ? -1 : 1) : quotient
        return Int64(adjusted)
    }

    private static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}
