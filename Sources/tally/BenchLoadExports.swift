import Foundation

extension BenchCommand.Load {
    /// `--exports DIR`: the whole export set, `tally load DIR` into a fresh store beside DuckDB
    /// making a table of each file, paired and alternating like the clicks runs. tally validates,
    /// converts, checks foreign keys, builds production's indexes and its rollups; DuckDB does none
    /// of that, so the ratio says what all of it costs against the fastest way to query the files.
    func measureExports(_ exports: String, directory: String, tally: String, duck: BenchDuckDB?) throws {
        let sources = BenchDuckDB.sources(in: exports)
        guard !sources.isEmpty else {
            throw CommandFailure(
                message: "no export files (.csv, .ndjson, .json, gzipped or not) in \(exports)", status: .missingInput)
        }
        let bytes = sources.reduce(Int64(0)) { $0 + BenchFigures.fileBytes($1.path) }
        let store = directory + "/tally-exports.sqlite"
        let script = BenchDuckDB.ctas(sources.map { ($0.table, $0.source) })
        var loads: [Double] = []
        var rss: [Double] = []
        var storeBytes: Int64 = 0
        var ctas: [Double] = []
        for repeatIndex in 0..<repeats {
            var steps: [() throws -> Void] = [
                {
                    try? FileManager.default.removeItem(atPath: store)
                    let run = try ChildProcess.run(tally, ["load", exports, "--db", store, "--quiet"])
                    guard run.status == 0 else {
                        throw CommandFailure(
                            message: "tally load \(exports) exited \(run.status); run it by hand to see why",
                            status: .dataError)
                    }
                    loads.append(run.seconds)
                    rss.append(run.peakResidentMegabytes)
                    storeBytes = BenchFigures.fileBytes(store)
                }
            ]
            if let duck {
                steps.append { ctas.append(try duck.timeCTAS(script, into: directory + "/duckdb-exports.duckdb")) }
            }
            if repeatIndex % 2 == 1 { steps.reverse() }  // paired, alternating order
            for step in steps { try step() }
        }
        let median = BenchFigures.median
        print(
            "exports,export_mb,tables,tally_load_s,tally_peak_rss_mb,store_mb,duckdb_ctas_s,tally_vs_duckdb,load_average"
        )
        print(
            [
                exports, fixedDecimals(Double(bytes) / 1_048_576, 1), String(sources.count),
                fixedDecimals(median(loads), 2), fixedDecimals(rss.max() ?? 0, 1),
                fixedDecimals(Double(storeBytes) / 1_048_576, 1),
                ctas.isEmpty ? "" : fixedDecimals(median(ctas), 2),
                BenchFigures.printedRatio(ctas, over: loads),
                BenchFigures.loadAverage(),
            ].joined(separator: ","))
    }
}
