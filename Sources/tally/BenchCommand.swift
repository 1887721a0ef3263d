import ArgumentParser
import Foundation
import TallyCore
import TallySample
import TallyStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure tally against a baseline on generated data, and print the figures.",
        subcommands: [Load.self])

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time 'tally load' against sqlite3's .import on a generated affiliate_clicks CSV export.",
            discussion: """
                Generates the export (27 columns, quoted user agents with commas, NULLs, t/f, \
                timestamps, fraudReasons arrays), loads it (a) with sqlite3 .import into the same \
                schema and 12 indexes, no validation, and (b) with tally load, full validation; \
                prints rows/s, the ratio, and tally's peak resident memory.

                Example: tally bench load --rows 100000,1000000
                """)

        @Option(help: "Row counts to measure, comma-separated.")
        var rows = "1000000"

        @Option(
            help: ArgumentHelp(
                "Where to write the generated files and stores (default: a temporary directory).", valueName: "dir"))
        var workDir: String?

        @Option(help: "The sqlite3 command line shell used as the baseline.")
        var sqlite3 = "sqlite3"

        func run() throws {
            let counts = rows.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !counts.isEmpty else { throw ValidationError("--rows needs whole numbers, e.g. 100000,1000000") }
            let directory =
                workDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("tally-bench-\(getpid())").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let tally =
                CommandLine.arguments[0].contains("/")
                ? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path : CommandLine.arguments[0]
            print(
                "rows,csv_mb,sqlite3_import_s,sqlite3_rows_per_s,tally_load_s,tally_rows_per_s,ratio,tally_peak_rss_mb")
            for count in counts {
                let figures = try measure(count: count, directory: directory, tally: tally)
                print(figures)
            }
            if workDir == nil { try? FileManager.default.removeItem(atPath: directory) }
        }

        private func measure(count: Int, directory: String, tally: String) throws -> String {
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
            let size = (try FileManager.default.attributesOfItem(atPath: clicks)[.size] as? Int) ?? 0

            // (b) tally: a fresh store with the parents, then the timed load in its own process.
            let tallyStore = directory + "/tally-\(count).sqlite"
            try? FileManager.default.removeItem(atPath: tallyStore)
            let setup = try ChildProcess.run(tally, ["load", parents, "--db", tallyStore, "--quiet"])
            guard setup.status == 0 else {
                throw CommandFailure(message: "loading the bench parents failed", status: .dataError)
            }
            let load = try ChildProcess.run(tally, ["load", clicks, "--db", tallyStore, "--quiet", "--format", "csv"])
            guard load.status == 0 else {
                throw CommandFailure(message: "tally load exited \(load.status) on \(clicks)", status: .dataError)
            }

            // (a) baseline: the same schema and indexes, created by tally, filled by sqlite3 .import.
            let baselineStore = directory + "/sqlite3-\(count).sqlite"
            try? FileManager.default.removeItem(atPath: baselineStore)
            _ = try Store.open(path: baselineStore)
            let baseline = try ChildProcess.run(
                sqlite3, [baselineStore, "-cmd", ".mode csv", ".import --skip 1 \(clicks) affiliate_clicks"])
            guard baseline.status == 0 else {
                throw CommandFailure(
                    message: "\(sqlite3) .import exited \(baseline.status); is the sqlite3 shell installed?",
                    status: .ioError)
            }
            let baselineRate = Double(count) / baseline.seconds
            let tallyRate = Double(count) / load.seconds
            return [
                String(count), fixedDecimals(Double(size) / 1_048_576, 1), fixedDecimals(baseline.seconds, 2),
                String(Int(baselineRate)), fixedDecimals(load.seconds, 2), String(Int(tallyRate)),
                fixedDecimals(tallyRate / baselineRate, 2), fixedDecimals(load.peakResidentMegabytes, 1),
            ].joined(separator: ",")
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

private func fixedDecimals(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}
