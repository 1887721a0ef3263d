import Foundation
import XCTest

final class LoadCommandTests: XCTestCase {
    private func write(_ text: String, to directory: URL, _ name: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func makeExports() throws -> URL {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let exports = directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        // Children sort before parents by name; the loader orders them by foreign keys.
        try write(
            "id,companyId,clientId,usageType,tier,channel,durationSeconds\nu1,c1,cl1,VOICE_CALL,AI_REP,voice,120\nu2,c1,cl1,FAX,AI_REP,fax,1\n",
            to: exports, "cs_ai_usage.csv")
        try write("id,clientId,name,slug,updatedAt\nc1,cl1,Co,co,2026-01-01 00:00:00\n", to: exports, "companies.csv")
        try write(
            "id,organizationId,name,slug,updatedAt\ncl1,o1,Cl,cl,2026-01-01 00:00:00\n", to: exports, "clients.csv")
        try write("id,name,slug,updatedAt\no1,Org,org,2026-01-01 00:00:00\n", to: exports, "organizations.csv")
        try write("not data", to: exports, "README.md")
        return directory
    }

    func testLoadingADirectoryPrintsTheSummaryAndExitsThreeWhenRowsAreRejected() throws {
        let directory = try makeExports()
        let db = directory.appendingPathComponent("t.sqlite").path
        let rejects = directory.appendingPathComponent("rejects.csv").path
        let result = try TallyRunner.run(
            [
                "load", directory.appendingPathComponent("exports").path, "--db", db, "--rejects", rejects, "--format",
                "csv",
            ])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            table,files,read,inserted,updated,unchanged,rejected,warnings
            organizations,1,1,1,0,0,0,0
            clients,1,1,1,0,0,0,0
            companies,1,1,1,0,0,0,0
            cs_ai_usage,1,2,1,0,0,1,0

            """)
        XCTAssertTrue(result.stderr.contains("skipped"), result.stderr)
        XCTAssertTrue(result.stderr.contains("loaded, but 1 row(s) were rejected; details in \(rejects)"))
        let rejectsText = try String(contentsOfFile: rejects, encoding: .utf8)
        XCTAssertTrue(rejectsText.hasPrefix("file,line,column,value,reason,message\n"))
        XCTAssertTrue(rejectsText.contains("cs_ai_usage.csv,3,usageType,FAX,unknown_enum,"), rejectsText)

        let again = try TallyRunner.run([
            "load", directory.appendingPathComponent("exports").path, "--db", db, "--format", "csv",
        ])
        XCTAssertTrue(again.stdout.contains("cs_ai_usage,1,2,0,0,1,1,0"), again.stdout)

        let status = try TallyRunner.run(["status", "--db", db, "--format", "csv"])
        XCTAssertEqual(status.status, 0)
        XCTAssertTrue(status.stdout.contains("cs_ai_usage,1\n"))
        XCTAssertTrue(
            status.stdout.contains(
                "load,finished_at,files,read,inserted,updated,unchanged,rejected,source,snapshot_at\n2,"))
    }

    func testStrictLoadsNothingAndExitsSixtyFive() throws {
        let directory = try makeExports()
        let db = directory.appendingPathComponent("t.sqlite").path
        let result = try TallyRunner.run([
            "load", directory.appendingPathComponent("exports").path, "--db", db, "--strict",
        ])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("--strict: 1 rejected row(s); nothing was loaded"), result.stderr)
        let status = try TallyRunner.run(["status", "--db", db, "--format", "csv"])
        XCTAssertTrue(status.stdout.contains("organizations,0\n"), status.stdout)
    }

    func testMissingPathExitsSixtySix() throws {
        let directory = try TallyRunner.temporaryDirectory(for: self)
        let result = try TallyRunner.run([
            "load", "/nonexistent/exports", "--db", directory.appendingPathComponent("t.sqlite").path,
        ])
        XCTAssertEqual(result.status, 66)
        XCTAssertTrue(result.stderr.contains("no such file or directory: /nonexistent/exports"))
    }
}
