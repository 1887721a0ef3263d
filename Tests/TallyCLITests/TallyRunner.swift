import Foundation
import XCTest

/// Runs the built `tally` binary the way a user does, capturing stdout, stderr and the exit status.
struct TallyRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable in the build products directory (`TALLY_BINARY` overrides it). On Linux the
    /// test bundle's URL is the products directory itself; on macOS it is the `.xctest` inside it.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["TALLY_BINARY"] { return URL(fileURLWithPath: path) }
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("tally") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    private final class Marker {}

    /// - Parameter program: another program to run the same way (a script); default: `tally`.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil, program: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = program ?? executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TALLY_DB")
        env.removeValue(forKey: "COLUMNS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `tally arguments`, kills it with SIGKILL after `delay` seconds (wherever it is), and
    /// waits for it: what a crash or a power cut does to a command.
    static func runKilled(_ arguments: [String], after delay: Double) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(for testCase: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
