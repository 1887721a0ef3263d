import Foundation
import GRDB
import GRDBSQLite
import TallyCore
import TallyReporting

/// A company's affiliate program settings, with the schema defaults when it has no row (A3).
struct AffiliateProgram {
    /// `fraudScoreThreshold`, read as ×100 when ≤ 1 (production writes both 70 and 0.7).
    let fraudThreshold: FraudThreshold
    let attributionWindowDays: Int64
    let deduplicationWindowMins: Int64
    let holdPeriodDays: Int64
    let defaultCommissionRate: Fraction
    let minimumPayoutThreshold: Int64?

    /// `score > threshold`, compared as exact decimals (0.605 × 100 is 60.5, not 60.49999…). Scores
    /// far from the threshold are decided on the doubles; only near ties pay for the exact compare.
    func isAboveFraudThreshold(_ score: Double) -> Bool {
        let approximate = fraudThreshold.approximate
        if score > approximate + 1e-6 { return true }
        if score < approximate - 1e-6 { return false }
        return (Fraction(double: score) ?? Fraction(0)) > fraudThreshold.exact
    }

    static let defaults = AffiliateProgram(
        fraudThreshold: FraudThreshold(Fraction(70)), attributionWindowDays: 30, deduplicationWindowMins: 60,
        holdPeriodDays: 30,
        defaultCommissionRate: Fraction(10), minimumPayoutThreshold: nil)

    static func all(_ db: Database) throws -> [String: AffiliateProgram] {
        var programs: [String: AffiliateProgram] = [:]
        for row in try Row.fetchAll(db, sql: #"SELECT * FROM "affiliate_program_configs" ORDER BY "id""#) {
            let company: String = row["companyId"]
            guard programs[company] == nil else { continue }
            var threshold = Fraction(double: row["fraudScoreThreshold"]) ?? Fraction(70)
            if threshold <= Fraction(1) { threshold = threshold * Fraction(100) }
            programs[company] = AffiliateProgram(
                fraudThreshold: FraudThreshold(threshold), attributionWindowDays: row["attributionWindowDays"],
                deduplicationWindowMins: row["deduplicationWindowMins"], holdPeriodDays: row["holdPeriodDays"],
                defaultCommissionRate: Fraction(double: row["defaultCommissionRate"]) ?? Fraction(10),
                minimumPayoutThreshold: row["minimumPayoutThreshold"])
        }
        return programs
    }
}

/// A fraud-score threshold: exact, and as a double for deciding scores far from it cheaply (the
/// double was computed per click before: a tenth of a 1M-click report).
struct FraudThreshold {
    let exact: Fraction
    let approximate: Double

    init(_ exact: Fraction) {
        self.exact = exact
        approximate = Double(exact.numerator) / Double(exact.denominator)
    }
}
