import Foundation

/// An exact amount of money: integer minor units of one currency.
///
/// tally never holds money in a `Double`. Amounts are integers of the currency's minor unit
/// (cents for USD, yen for JPY, fils for KWD), so sums are exact and formatting is lossless.
public struct Money: Equatable, Hashable, Sendable {
    /// The amount in minor units; negative for refunds, reversals and credits.
    public let minorUnits: Int64
    /// ISO 4217 code, upper-case.
    public let currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// The amount as exact decimal text in major units, with exactly the currency's number of
    /// decimals: `1250 USD` → `"12.50"`, `-5 USD` → `"-0.05"`, `1500 JPY` → `"1500"`.
    public var decimalText: String {
        Money.decimalText(minorUnits: minorUnits, exponent: CurrencyExponent.of(currency))
    }

    /// Formats `minorUnits` with `exponent` decimals, exactly.
    public static func decimalText(minorUnits: Int64, exponent: Int) -> String {
        let negative = minorUnits < 0
        // magnitude avoids overflow on Int64.min
        let digits = String(minorUnits.magnitude)
        guard exponent > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, exponent + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -exponent)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }
}

/// ISO 4217 minor-unit exponents.
public enum CurrencyExponent {
    /// Currencies whose minor unit is not 1/100 (ISO 4217 list 1). Everything else uses 2.
    private static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
        "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]

    /// The number of decimals of `currency`'s minor unit (2 when unknown).
    public static func of(_ currency: String) -> Int {
        exceptions[currency.uppercased()] ?? 2
    }

    /// Whether `code` is a currency tally knows: the system's common ISO 4217 codes (ICU's list;
    /// `XXX`, "no currency", and the test and metal codes are not among them) and the codes above.
    public static func isKnown(_ code: String) -> Bool { known.contains(code) }

    private static let known = Set(Locale.commonISOCurrencyCodes).union(exceptions.keys)
}

/// tally's one rounding rule for money: half away from zero, on integers.
extension Money {
    /// `value / divisor` rounded half away from zero (`divisor` > 0): 5 / 2 → 3, −5 / 2 → −3.
    public static func divideRounded(_ value: Int64, by divisor: Int64) -> Int64 {
        let quotient = value / divisor
        let remainder = (value % divisor).magnitude
        return remainder * 2 >= divisor.magnitude ? quotient + (value < 0 ? -1 : 1) : quotient
    }

    /// An integer amount with `decimals` decimals rewritten with `newDecimals` decimals: exact when
    /// digits are added, rounded half away from zero when they are dropped (hundredths of a
    /// DECIMAL(·,2) column to yen: 150050 → 1501).
    public static func rescale(_ value: Int64, decimals: Int, to newDecimals: Int) -> Int64 {
        var factor: Int64 = 1
        for _ in 0..<abs(newDecimals - decimals) { factor *= 10 }
        return newDecimals >= decimals ? value * factor : divideRounded(value, by: factor)
    }
}

/// Amounts the store keeps as DECIMAL(·,2) hundredths (orders, sessions, refunds).
extension Money {
    /// Hundredths of a DECIMAL(·,2) column as money of `currency`, rounded half away from zero when
    /// the currency has fewer decimals (JPY: 150050 hundredths → ¥1501).
    public init(hundredths: Int64, currency: String) {
        self.init(
            minorUnits: Money.rescale(hundredths, decimals: 2, to: CurrencyExponent.of(currency)), currency: currency)
    }

    /// The amount as hundredths, for writing back to a DECIMAL(·,2) column (exact for every
    /// currency with at most 2 decimals; rounded half away from zero beyond).
    public var hundredths: Int64 { Money.rescale(minorUnits, decimals: CurrencyExponent.of(currency), to: 2) }
}

/// Exact arithmetic on amounts of one currency.
extension Money {
    /// The sum; both amounts must be in the same currency (a report never adds across currencies).
    public static func + (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "money is never added across currencies")
        return Money(minorUnits: a.minorUnits + b.minorUnits, currency: a.currency)
    }

    /// The difference, in the same currency.
    public static func - (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "money is never subtracted across currencies")
        return Money(minorUnits: a.minorUnits - b.minorUnits, currency: a.currency)
    }

    /// The amount divided by `divisor` (> 0), rounded half away from zero to the minor unit.
    public func dividedRounded(by divisor: Int64) -> Money {
        Money(minorUnits: Money.divideRounded(minorUnits, by: divisor), currency: currency)
    }
}
