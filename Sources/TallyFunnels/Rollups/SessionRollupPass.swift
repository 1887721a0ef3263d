import GRDB
import TallyCore
import TallyReporting

/// Builds a company's three session rollups — `tally_rollup_variant_days`,
/// `tally_rollup_code_session_days` and the SESSION spellings of `tally_rollup_code_spellings` —
/// in one pass over its sessions (`Queries/rollups/sessions.sql`), funnel by funnel in `startedAt` order.
///
/// Sessions arrive day after day within each funnel, so a day's sums are held only until the first
/// session of the next day (or funnel): memory is one day of one funnel. The local day changes when
/// `startedAt` reaches the next day's first instant in the company's zone (DST-safe: each boundary
/// comes from ``CompanyTimeZone/start(of:)``), compared as text like every stored timestamp.
struct SessionRollupPass {
    struct VariantSums {
        var sessions: Int64 = 0
        var leads: Int64 = 0
        var conversions: Int64 = 0
        var revenue: Int64?
        /// Σ amount² of the converted sessions (hundredths²), for the revenue statistics.
        var revenueSquares: Int64?
    }

    struct CodeSums {
        var sessions: Int64 = 0
        var completed: Int64 = 0
        var firstUse: String
        var lastUse: String
    }

    struct CodeKey: Hashable {
        let code: String
        let currency: String
    }

    struct Spelling: Hashable {
        let code: String
        let raw: String
    }

    let company: String
    let zone: CompanyTimeZone
    let db: Database

    private var funnel: String?
    private var day: CalendarDay?
    private var nextDayStart = ""
    private var variants: [String: VariantSums] = [:]
    private var codes: [CodeKey: CodeSums] = [:]
    private var spellings: Set<Spelling> = []
    private let insertVariant: Statement
    private let insertCode: Statement
    private let insertSpelling: Statement

    init(company: String, zone: CompanyTimeZone, db: Database) throws {
        self.company = company
        self.zone = zone
        self.db = db
        insertVariant = try db.makeStatement(
            sql: """
                INSERT INTO "tally_rollup_variant_days" ("companyId", "funnelId", "variantId", "localDay", "sessions", "leads",
                    "conversions", "revenueHundredths", "revenueSquaresHundredths") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertCode = try db.makeStatement(
            sql: """
                INSERT INTO "tally_rollup_code_session_days" ("companyId", "funnelId", "code", "currency", "localDay", "sessions",
                    "completed", "firstUse", "lastUse") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertSpelling = try db.makeStatement(
            sql: """
                INSERT INTO "tally_rollup_code_spellings" ("companyId", "side", "funnelId", "code", "rawCode", "localDay")
                VALUES (?, 'SESSION', ?, ?, ?, ?)
                """)
    }

    /// Reads every session of the company and writes its day rows.
    mutating func run() throws {
        let funnels = try String.fetchAll(
            db, sql: #"SELECT "id" FROM "funnels" WHERE "companyId" = ? ORDER BY "id""#, arguments: [company])
        for funnel in funnels { try run(funnel: funnel) }
        try flush()
    }

    private mutating func run(funnel funnelId: String) throws {
        let rows = try Row.fetchCursor(db, sql: QueryCatalog.sql("rollups/sessions"), arguments: ["funnelId": funnelId])
        while let row = try rows.next() {
            let startedAt: String = row[7]
            if funnelId != funnel || startedAt >= nextDayStart {
                try flush()
                try begin(funnel: funnelId, startedAt: startedAt)
            }
            let converted: Int64 = row[3]
            if let variant: String = row[1] {
                var sums = variants[variant] ?? VariantSums()
                sums.sessions += 1
                sums.leads += row[2] as Int64
                sums.conversions += converted
                if converted == 1, let amount: Int64 = row[4] {
                    sums.revenue = (sums.revenue ?? 0) + amount
                    // Overflow traps rather than wraps: a day's Σ amount² beyond 9.2·10¹⁸ is
                    // refused by the load, never stored wrong.
                    sums.revenueSquares = (sums.revenueSquares ?? 0) + amount * amount
                }
                variants[variant] = sums
            }
            // As session-side.sql: a code is a non-empty text that folds to something.
            let raw: String? = row[5]
            let code = raw.flatMap { $0.isEmpty ? nil : DiscountCode.canonical($0) }
            if let code, let raw { spellings.insert(Spelling(code: code, raw: raw)) }
            let key = CodeKey(code: code ?? "", currency: row[6])
            var sums = codes[key] ?? CodeSums(firstUse: startedAt, lastUse: startedAt)
            sums.sessions += 1
            sums.completed += converted
            sums.lastUse = startedAt  // rows arrive in startedAt order
            codes[key] = sums
        }
    }

    private mutating func begin(funnel: String, startedAt: String) throws {
        guard case .success(let instant) = UTCTimestamp.parse(startedAt) else {
            throw DatabaseError(message: "funnel session of \(funnel) has an unreadable startedAt '\(startedAt)'")
        }
        self.funnel = funnel
        let day = zone.day(containing: instant)
        self.day = day
        nextDayStart = UTCTimestamp.format(zone.start(of: day.adding(days: 1)))
    }

    /// Writes the current funnel-day's sums, in a fixed order (the tables' keys order them anyway).
    private mutating func flush() throws {
        guard let funnel, let day else { return }
        let localDay = day.description
        for (variant, sums) in variants.sorted(by: { $0.key < $1.key }) {
            try insertVariant.execute(arguments: [
                company, funnel, variant, localDay, sums.sessions, sums.leads, sums.conversions, sums.revenue,
                sums.revenueSquares,
            ])
        }
        for (key, sums) in codes.sorted(by: { ($0.key.code, $0.key.currency) < ($1.key.code, $1.key.currency) }) {
            try insertCode.execute(arguments: [
                company, funnel, key.code, key.currency, localDay, sums.sessions, sums.completed, sums.firstUse,
                sums.lastUse,
            ])
        }
        for spelling in spellings.sorted(by: { ($0.code, $0.raw) < ($1.code, $1.raw) }) {
            try insertSpelling.execute(arguments: [company, funnel, spelling.code, spelling.raw, localDay])
        }
        variants.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
        spellings.removeAll(keepingCapacity: true)
    }
}
