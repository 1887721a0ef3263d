import Foundation
import XCTest

/// A test class with its own throwaway PostgreSQL cluster per test, and the built `tally`.
class PullTestCase: XCTestCase {
    var cluster: PostgresCluster!
    private var scratch: URL!

    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleData")

    override func setUpWithError() throws {
        cluster = try PostgresCluster()
        scratch = cluster.directory.appendingPathComponent("stores")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() {
        cluster?.stop()
    }

    /// The built `tally` beside this test bundle.
    static var tally: String {
        let bundle = Bundle(for: PullTestCase.self).bundleURL
        return [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("tally").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "tally"
    }

    @discardableResult
    func tally(_ arguments: [String], environment: [String: String] = [:]) throws -> Command.Output {
        try Command.capture(Self.tally, arguments, environment: environment)
    }

    func store(_ name: String) -> String { scratch.appendingPathComponent(name + ".sqlite").path }

    func sampleSource(_ database: String = "shop") throws -> ProductionSource {
        let source = try ProductionSource(cluster: cluster, database: database)
        try source.copy(directory: Self.sampleData)
        return source
    }
}
