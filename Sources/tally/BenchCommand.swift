import ArgumentParser
import Foundation
import TallyCore
import TallySample
import TallyStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure tally against a baseline on generated data, and print the figures.",
        subcommands: [Load.self, Reports.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time 'tally load' against sqlite3's .import on a generated affiliate_clicks CSV export.",
            discussion: """
                Generates the export (27 columns, quoted user agents with commas, NULLs, t/f, \
                timestamps, fraudReasons arrays) and loads it three ways into the same schema: \
                (a) sqlite3 .import into the table with its 12 indexes live, (b) sqlite3's bulk path: \
                drop the indexes, .import, create them again with two sorter helper threads (as \
                tally builds them), and (c) tally load with full validation. When duckdb is on PATH \
                (pip install duckdb-cli; never needed to build or run tally), (d) DuckDB's CREATE \
                TABLE AS SELECT * FROM read_csv(...): a column store without indexes or checks. \
                With --exports DIR, the whole export set is loaded by tally into a fresh store and \
                made into DuckDB tables the same way. Runs are repeated and paired (the order \
                alternates each repeat); the ratios are medians of per-repeat ratios (above 1: \
                tally is faster), and the machine's load average is printed beside them.

                Example: tally bench load --rows 100000,1000000 --repeats 3
                """)

        @Option(help: "Row counts to measure, comma-separated (default: 1000000, or none with --exports).")
        var rows: String?

        @Option(
            help: ArgumentHelp(
                "An export directory (e.g. from 'tally sample --out DIR') to load whole, beside DuckDB.",
                valueName: "dir"))
        var exports: String?

        @Option(help: "The DuckDB command line shell; skipped when not found.")
        var duckdb = "duckdb"

        @Option(
            help: ArgumentHelp(
                "Where to write the generated files and stores (default: a temporary directory).", valueName: "dir"))
        var workDir: String?

        @Option(help: "The sqlite3 command line shell used as the baseline.")
        var sqlite3 = "sqlite3"

        @Option(help: "Paired repeats per row count (the medians of their ratios are printed).")
        var repeats = 3

        func validate() throws {
            guard repeats >= 1 else { throw ValidationError("--repeats must be 1 or more") }
            _ = try rowCounts()
        }

        /// `--rows` as counts: 1,000,000 when not given, none when only `--exports` is; every piece
        /// must be a whole number of at least 1 (a typo is an error, not a count left out).
        func rowCounts() throws -> [Int] {
            guard let rows else { return exports == nil ? [1_000_000] : [] }
            return try rows.split(separator: ",", omittingEmptySubsequences: false).map { piece in
                let text = piece.trimmingCharacters(in: .whitespaces)
                guard let count = Int(text), count >= 1 else {
                    throw ValidationError(
                        "--rows needs whole numbers of 1 or more, e.g. 100000,1000000 (got '\(text)')")
                }
                return count
            }
        }

        func run() throws {
            let counts = try rowCounts()
            let directory =
                workDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("tally-bench-\(getpid())").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let tally = BenchFigures.tallyExecutable
            let duck = BenchDuckDB(executable: duckdb)
            if !counts.isEmpty {
                print(
                    "rows,csv_mb,sqlite3_live_index_s,sqlite3_bulk_s,tally_load_s,tally_rows_per_s,"
                        + "tally_vs_bulk,tally_vs_live_index,tally_peak_rss_mb,duckdb_ctas_s,tally_vs_duckdb,load_average"
                )
            }
            for count in counts {
                let figures = try measure(count: count, directory: directory, tally: tally, duck: duck)
                print(figures)
            }
            if let exports {
                try measureExports(exports, directory: directory, tally: tally, duck: duck)
            }
            if workDir == nil { try? FileManager.default.removeItem(atPath: directory) }
        }

        private func measure(count: Int, directory: String, tally: String, duck: BenchDuckDB?) throws -> String {
            let parents = directory + "/parents-\(count)"
            try FileManager.default.createDirectory(atPath: parents, withIntermediateDirectories: true)
            try writeParents(to: parents)
            let clicks = directory + "/affiliate_clicks-\(count).csv"
            let writer = try ExportWriter(path: clicks, format: .csv, columns: ClickGenerator.columns)
            var random = SplitMix64(seed: 42)
            let start = UTCTimestamp.daysFromCivil(year: 2026, month: 2, day: 1)
            for number in 0..<count {
                let partner = "ap_\(number % 20)"
                writer.write(
                    ClickGenerator.row(
                        number: number, partner: partner, link: "al_\(number % 100)", company: "co_bench",
                        startMilliseconds: Int64(start) * 86_400_000, random: &random))
            }
            writer.close()
            let size = BenchFigures.fileBytes(clicks)
            var live: [Double] = []
            var bulk: [Double] = []
            var loads: [Double] = []
            var rss: [Double] = []
            var ctas: [Double] = []
            let ctasScript = BenchDuckDB.ctas([
                ("affiliate_clicks", BenchDuckDB.source(clicks, reader: "read_csv"))
            ])
            for repeatIndex in 0..<repeats {
                // Paired and alternating: even repeats run tally first, odd ones the baselines first,
                // so a slow phase of the machine does not always fall on the same side.
                var tallyRun: ChildProcess.Measurement?
                if repeatIndex % 2 == 0 {
                    tallyRun = try runTally(
                        count: count, parents: parents, clicks: clicks, directory: directory, tally: tally)
                }
                live.append(try runBaseline(count: count, clicks: clicks, directory: directory, bulk: false))
                bulk.append(try runBaseline(count: count, clicks: clicks, directory: directory, bulk: true))
                if let duck {
                    ctas.append(try duck.timeCTAS(ctasScript, into: directory + "/duckdb-\(count).duckdb"))
                }
                if tallyRun == nil {
                    tallyRun = try runTally(
                        count: count, parents: parents, clicks: clicks, directory: directory, tally: tally)
                }
                loads.append(tallyRun!.seconds)
                rss.append(tallyRun!.peakResidentMegabytes)
            }
            let median = BenchFigures.median
            // tally's rate over a baseline's is baseline time over tally time, per repeat.
            let versusBulk = BenchFigures.medianRatio(bulk, over: loads)
            let versusLive = BenchFigures.medianRatio(live, over: loads)
            let loadAverage = BenchFigures.loadAverage()
            return [
                String(count), fixedDecimals(Double(size) / 1_048_576, 1), fixedDecimals(median(live), 2),
                fixedDecimals(median(bulk), 2), fixedDecimals(median(loads), 2),
                String(Int(Double(count) / median(loads))),
                fixedDecimals(versusBulk, 2), fixedDecimals(versusLive, 2), fixedDecimals(rss.max() ?? 0, 1),
                ctas.isEmpty ? "" : fixedDecimals(median(ctas), 2),
                BenchFigures.printedRatio(ctas, over: loads), loadAverage,
            ].joined(separator: ",")
        }

        /// tally: a fresh store with the parents, then the timed load in its own process.
        private func runTally(count: Int, parents: String, clicks: String, directory: String, tally: String) throws
            -> ChildProcess.Measurement
        {
            let store = directory + "/tally-\(count).sqlite"
            try? FileManager.default.removeItem(atPath: store)
            let setup = try ChildProcess.run(tally, ["load", parents, "--db", store, "--quiet"])
            guard setup.status == 0 else {
                throw CommandFailure(message: "loading the bench parents failed", status: .dataError)
            }
            let load = try ChildProcess.run(tally, ["load", clicks, "--db", store, "--quiet", "--format", "csv"])
            guard load.status == 0 else {
                throw CommandFailure(message: "tally load exited \(load.status) on \(clicks)", status: .dataError)
            }
            return load
        }

        /// sqlite3 into the same schema, created by tally: `.import` with the indexes live, or the bulk
        /// path — drop the table's indexes, `.import`, create them again — timed as one process.
        private func runBaseline(count: Int, clicks: String, directory: String, bulk: Bool) throws -> Double {
            let store = directory + "/sqlite3-\(count).sqlite"
            try? FileManager.default.removeItem(atPath: store)
            let opened = try Store.open(path: store)
            var arguments = [store, "-cmd", ".mode csv"]
            if bulk {
                let indexes = try opened.schemaDump().entries.filter {
                    $0.type == "index" && $0.table == "affiliate_clicks"
                }
                arguments += [indexes.map { #"DROP INDEX "\#($0.name)";"# }.joined(separator: " ")]
                arguments += [".import --skip 1 \(clicks) affiliate_clicks"]
                // The strongest sqlite3 path: the builds with two sorter helper threads, as tally's.
                arguments += ["PRAGMA threads = 2;\n" + indexes.map { $0.sql + ";" }.joined(separator: "\n")]
            } else {
                arguments += [".import --skip 1 \(clicks) affiliate_clicks"]
            }
            let run = try ChildProcess.run(sqlite3, arguments)
            guard run.status == 0 else {
                throw CommandFailure(
                    message: "\(sqlite3) exited \(run.status); is the sqlite3 shell installed?", status: .ioError)
            }
            return run.seconds
        }

        private func writeParents(to directory: String) throws {
            try "id,name,slug,updatedAt\norg_bench,Bench,bench,2026-01-01 00:00:00\n"
                .write(toFile: directory + "/organizations.csv", atomically: true, encoding: .utf8)
            try "id,organizationId,name,slug,updatedAt\ncl_bench,org_bench,Bench,bench,2026-01-01 00:00:00\n"
                .write(toFile: directory + "/clients.csv", atomically: true, encoding: .utf8)
            try "id,clientId,name,slug,updatedAt\nco_bench,cl_bench,Bench,bench,2026-01-01 00:00:00\n"
                .write(toFile: directory + "/companies.csv", atomically: true, encoding: .utf8)
            var partners = "id,companyId,email,firstName,lastName,affiliateCode,updatedAt\n"
            for index in 0..<20 {
                partners += "ap_\(index),co_bench,p\(index)@example.com,P,\(index),CODE\(index),2026-01-01 00:00:00\n"
            }
            try partners.write(toFile: directory + "/affiliate_partners.csv", atomically: true, encoding: .utf8)
            var links = "id,partnerId,companyId,destinationUrl,trackingCode,updatedAt\n"
            for index in 0..<100 {
                links +=
                    "al_\(index),ap_\(index % 20),co_bench,https://shop.example.com/,T\(index),2026-01-01 00:00:00\n"
            }
            try links.write(toFile: directory + "/affiliate_links.csv", atomically: true, encoding: .utf8)
        }
    }
}
