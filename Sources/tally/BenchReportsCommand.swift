import ArgumentParser
import Foundation

extension BenchCommand {
    /// `tally bench reports`: each rollup-reading report beside the same work done by the sqlite3
    /// shell and, when `duckdb` is on PATH, by DuckDB over its own columnar tables.
    struct Reports: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Time the reports (with and without rollups) against sqlite3 and DuckDB doing the core aggregation.",
            discussion: """
                On a loaded store (e.g. 'tally sample --out DIR --scale 100', then 'tally load DIR'), times \
                each report with its rollups, with --no-rollups, and the report's core aggregation — the \
                same counts and sums over every row, without the statistics — in the sqlite3 shell on the \
                same file. With --exports DIR and duckdb on PATH (pip install duckdb-cli; never needed to \
                build or run tally), DuckDB loads the exports into its own tables (CTAS, timed apart) and \
                runs the same aggregations. Runs are paired and alternate their order each repeat; the \
                ratios are medians of per-repeat ratios; the load average is printed beside each line.

                Example: tally bench reports --db /tmp/s100.sqlite --exports /tmp/s100 --repeats 3
                """)

        @Option(help: ArgumentHelp("The loaded store to measure.", valueName: "path"))
        var db: String

        @Option(help: ArgumentHelp("The exports the store was loaded from (for DuckDB's tables).", valueName: "dir"))
        var exports: String?

        @Option(help: "The sqlite3 command line shell.")
        var sqlite3 = "sqlite3"

        @Option(help: "The DuckDB command line shell; skipped when not found.")
        var duckdb = "duckdb"

        @Option(help: "Paired repeats (the medians of their ratios are printed).")
        var repeats = 3

        func validate() throws {
            guard repeats >= 1 else { throw ValidationError("--repeats must be 1 or more") }
            guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no store at \(db)") }
        }

        /// A report and its core aggregation: every row grouped as the report groups them.
        struct Case {
            let name: String
            let arguments: [String]
            let core: String
        }

        static let cases = [
            Case(
                name: "variant-conversion", arguments: ["report", "variant-conversion"],
                core: """
                    SELECT fs.funnelId, fs.variantId, COUNT(*), SUM(fs.leadId IS NOT NULL),
                      SUM(fs.orderId IS NOT NULL AND fs.status = 'COMPLETED' AND (o.id IS NULL OR o.status NOT IN ('CANCELED', 'REFUNDED'))),
                      SUM(COALESCE(o.total, fs.totalAmount))
                    FROM funnel_sessions fs LEFT JOIN orders o ON o.id = fs.orderId
                    WHERE fs.variantId IS NOT NULL GROUP BY fs.funnelId, fs.variantId ORDER BY 1, 2;
                    """),
            Case(
                name: "variant-conversion --view leads",
                arguments: ["report", "variant-conversion", "--view", "leads"],
                core: """
                    SELECT v.funnelId, l.variantId, COUNT(*), SUM(l.convertedAt IS NOT NULL)
                    FROM leads l JOIN funnel_variants v ON v.id = l.variantId GROUP BY v.funnelId, l.variantId ORDER BY 1, 2;
                    """),
            Case(
                name: "discount-codes", arguments: ["report", "discount-codes"],
                core: """
                    SELECT f.companyId, upper(trim(fs.discountCode)), COUNT(*),
                      SUM(fs.orderId IS NOT NULL AND fs.status = 'COMPLETED'), MIN(fs.startedAt), MAX(fs.startedAt)
                    FROM funnel_sessions fs JOIN funnels f ON f.id = fs.funnelId GROUP BY 1, 2 ORDER BY 1, 2;
                    SELECT companyId, currency, upper(trim(discountCode)), COUNT(*), SUM(subtotal), SUM(discountAmount),
                      SUM(shippingAmount), SUM(taxAmount), MIN(orderedAt), MAX(orderedAt)
                    FROM orders WHERE status NOT IN ('PENDING', 'CANCELED') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                    """),
        ]

        func run() throws {
            let tally = BenchFigures.tallyExecutable
            let duck = try duckDBStore()
            if let duck {
                print("duckdb_ctas_s,\(fixedDecimals(duck.ctasSeconds, 2)),load_average,\(BenchFigures.loadAverage())")
            }
            print(
                "report,tally_s,tally_no_rollups_s,sqlite3_core_s,duckdb_core_s,tally_vs_sqlite3,tally_vs_duckdb,"
                    + "no_rollups_vs_duckdb,tally_peak_rss_mb,load_average")
            for item in Self.cases {
                var times: [String: [Double]] = [:]
                var rss: [Double] = []
                for repeatIndex in 0..<repeats {
                    var steps: [(String, () throws -> Double)] = [
                        (
                            "tally",
                            {
                                let run = try ChildProcess.run(tally, item.arguments + ["--db", db, "--format", "csv"])
                                rss.append(run.peakResidentMegabytes)
                                return try Self.checked(run, "tally")
                            }
                        ),
                        (
                            "base",
                            {
                                try Self.checked(
                                    ChildProcess.run(
                                        tally, item.arguments + ["--db", db, "--format", "csv", "--no-rollups"]),
                                    "tally --no-rollups")
                            }
                        ),
                        ("sqlite3", { try Self.checked(ChildProcess.run(sqlite3, [db, item.core]), sqlite3) }),
                    ]
                    if let duck {
                        steps.append(
                            (
                                "duckdb",
                                { try Self.checked(ChildProcess.run(duckdb, [duck.path, "-c", item.core]), duckdb) }
                            ))
                    }
                    if repeatIndex % 2 == 1 { steps.reverse() }  // paired, alternating order
                    for (name, step) in steps { times[name, default: []].append(try step()) }
                }
                func ratio(_ a: String, _ b: String) -> String {
                    guard let x = times[a], let y = times[b] else { return "" }
                    return BenchFigures.printedRatio(x, over: y)
                }
                func median(_ name: String) -> String {
                    times[name].map { fixedDecimals(BenchFigures.median($0), 3) } ?? ""
                }
                print(
                    [
                        item.name, median("tally"), median("base"), median("sqlite3"), median("duckdb"),
                        ratio("tally", "sqlite3"), ratio("tally", "duckdb"), ratio("base", "duckdb"),
                        fixedDecimals(rss.max() ?? 0, 1), BenchFigures.loadAverage(),
                    ].joined(separator: ","))
            }
        }

        private static func checked(_ run: ChildProcess.Measurement, _ name: String) throws -> Double {
            guard run.status == 0 else {
                throw CommandFailure(message: "\(name) exited \(run.status) during the benchmark", status: .ioError)
            }
            return run.seconds
        }

        /// DuckDB's own tables from the exports, timed as one CTAS run; nil without duckdb or --exports.
        private func duckDBStore() throws -> (path: String, ctasSeconds: Double)? {
            guard let exports, let duck = BenchDuckDB(executable: duckdb) else { return nil }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-bench-\(getpid()).duckdb")
                .path
            let available = Dictionary(
                BenchDuckDB.sources(in: exports).map { ($0.table, $0.source) }, uniquingKeysWith: { first, _ in first })
            let tables = ["funnel_sessions", "orders", "leads", "funnel_variants", "funnels"].map {
                (table: $0, source: available[$0] ?? "(SELECT 1 WHERE false)")
            }
            return (path, try duck.timeCTAS(BenchDuckDB.ctas(tables), into: path))
        }
    }
}
