/// A decimal number read exactly from text: sign, digits and a power-of-ten exponent.
///
/// `"12.50"` is 1250 × 10⁻², `"1.5e3"` is 15 × 10². tally reads every money and DECIMAL value
/// through this type, never through `Double`, so no binary rounding ever happens.
public struct ExactDecimal: Equatable, Sendable {
    public let isNegative: Bool
    /// Significant digits without leading zeros ("0" for zero).
    public let digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    public let exponent: Int

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`, also `.5` and `5.`; nil for anything else.
    public init?<S: StringProtocol>(_ text: S) {
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        var iterator = text.utf8.makeIterator()
        var byte = iterator.next()
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            byte = iterator.next()
        }
        while let current = byte {
            if current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") {
                sawDigit = true
                if !(digits.isEmpty && current == UInt8(ascii: "0")) { digits.append(current - UInt8(ascii: "0")) }
                if sawPoint { fractionDigits += 1 }
            } else if current == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                guard sawDigit else { return nil }
                var exponentNegative = false
                var next = iterator.next()
                if next == UInt8(ascii: "-") || next == UInt8(ascii: "+") {
                    exponentNegative = next == UInt8(ascii: "-")
                    next = iterator.next()
                }
                var value = 0
                var sawExponentDigit = false
                while let e = next {
                    guard e >= UInt8(ascii: "0") && e <= UInt8(ascii: "9"), value < 100_000 else { return nil }
                    value = value * 10 + Int(e - UInt8(ascii: "0"))
                    sawExponentDigit = true
                    next = iterator.next()
                }
                guard sawExponentDigit else { return nil }
                exponent = exponentNegative ? -value : value
                break
            } else {
                return nil
            }
            byte = iterator.next()
        }
        guard sawDigit else { return nil }
        // Drop trailing zeros into the exponent so equal values compare equal.
        var shift = exponent - fractionDigits
        while digits.count > 1, digits.last == 0 {
            digits.removeLast()
            shift += 1
        }
        if digits.isEmpty || digits == [0] {
            self.digits = [0]
            self.exponent = 0
            self.isNegative = false
            return
        }
        self.digits = digits
        self.exponent = shift
        self.isNegative = negative
    }

    /// True when `text` is a decimal literal `ExactDecimal` accepts; allocates nothing.
    public static func isValidLiteral<S: StringProtocol>(_ text: S) -> Bool {
        var sawDigit = false
        var sawPoint = false
        var sawExponent = false
        var exponentDigits = false
        var previous: UInt8 = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawExponent { exponentDigits = true } else { sawDigit = true }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard offset == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else {
                    return false
                }
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return false }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return false }
                sawExponent = true
            default:
                return false
            }
            previous = byte
        }
        return sawDigit && (!sawExponent || exponentDigits)
    }

    /// True when the value is zero.
    public var isZero: Bool { digits == [0] }

    /// Number of decimals the value needs (0 for integers).
    public var decimalPlaces: Int { max(0, -exponent) }

    /// The value × 10^scale as an integer, when that is exact and fits in 64 bits.
    /// - Returns: `.success(n)`, or why not: ``ScalingFailure/tooManyDecimals`` or ``ScalingFailure/outOfRange``.
    public func scaled(by scale: Int) -> Result<Int64, ScalingFailure> {
        if decimalPlaces > scale { return .failure(.tooManyDecimals) }
        return integer(shiftedBy: exponent + scale)
    }

    /// The value × 10^scale rounded half away from zero to an integer (one rounding, on the exact value).
    /// - Returns: The integer and whether rounding dropped non-zero digits.
    public func rounded(scale: Int) -> Result<(value: Int64, isRounded: Bool), ScalingFailure> {
        let shift = exponent + scale
        if shift >= 0 { return integer(shiftedBy: shift).map { ($0, false) } }
        let keep = digits.count + shift  // digits left of the decimal point after scaling
        if keep < 0 {
            return .success((0, !isZero))
        }
        let kept = Array(digits[0..<keep])
        let dropped = digits[keep...]
        let firstDropped = dropped.first ?? 0
        var magnitude: Int64 = 0
        for digit in kept {
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return .failure(.outOfRange) }
            magnitude = sum
        }
        if firstDropped >= 5 {
            let (sum, overflow) = magnitude.addingReportingOverflow(1)
            if overflow { return .failure(.outOfRange) }
            magnitude = sum
        }
        return .success((isNegative ? -magnitude : magnitude, true))
    }

    private func integer(shiftedBy shift: Int) -> Result<Int64, ScalingFailure> {
        if isZero { return .success(0) }
        if digits.count + shift > 19 { return .failure(.outOfRange) }
        var magnitude: Int64 = 0
        for digit in digits + Array(repeating: 0, count: shift) {
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return .failure(.outOfRange) }
            magnitude = sum
        }
        return .success(isNegative ? -magnitude : magnitude)
    }

    /// Number of digits left of the decimal point (0 for values below 1).
    public var integerDigitCount: Int { isZero ? 0 : max(0, digits.count + exponent) }

    /// Why a decimal cannot become an integer at a given scale.
    public enum ScalingFailure: Error, Equatable {
        case tooManyDecimals
        case outOfRange
    }
}
