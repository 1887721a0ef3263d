import Foundation
import XCTest

/// A throwaway PostgreSQL 15 cluster for one test class: `initdb` in a temporary directory, trust
/// authentication on 127.0.0.1 only, a free port, stopped and deleted after. Never a system service.
///
/// PostgreSQL refuses to run as root, so as root (CI) the server and its tools run as the
/// `postgres` user the Debian package creates, with the directory handed to it.
final class PostgresCluster: @unchecked Sendable {
    static let binaries = ProcessInfo.processInfo.environment["TALLY_PG_BIN"] ?? "/usr/lib/postgresql/15/bin"

    let directory: URL
    let port: Int
    private var running = false

    /// Starts a cluster; fails the test with what to install when PostgreSQL 15 is missing.
    init() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binaries + "/initdb") else {
            throw CommandError(
                "PostgreSQL 15 is not installed (\(Self.binaries)/initdb); apt-get install postgresql-15 (.ci/run does)"
            )
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if geteuid() == 0 {
            _ = try Command.run("/bin/chown", ["postgres", directory.path])
        }
        port = try Self.freePort()
        try serverTool("initdb", ["-D", data, "-A", "trust", "-U", "tally", "--no-sync", "-E", "UTF8", "--locale=C"])
        // The server outlives pg_ctl and would hold a captured pipe open: its output goes to the log.
        try serverTool(
            "pg_ctl", detached: true,
            [
                "-D", data, "-l", directory.appendingPathComponent("server.log").path, "-w", "-o",
                "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off", "start",
            ])
        running = true
    }

    deinit { stop() }

    private var data: String { directory.appendingPathComponent("data").path }

    /// Stops the server and deletes its directory.
    func stop() {
        stopServer()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops the server (fast shutdown: open connections are cut); the directory stays.
    func stopServer() {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return }
        running = false
        _ = try? serverTool("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"])
    }

    private let lock = NSLock()

    /// Rewrites pg_hba.conf so that `passwordUser` must give its password (SCRAM) and `tlsUser`
    /// may connect only over TLS (this server has none, so never), then reloads.
    func requirePasswordAndTLS(passwordUser: String, tlsUser: String) throws {
        let hba = directory.appendingPathComponent("data/pg_hba.conf")
        let rules = """
            host all \(passwordUser) 127.0.0.1/32 scram-sha-256
            hostnossl all \(tlsUser) 127.0.0.1/32 reject
            local all all trust
            host all all 127.0.0.1/32 trust

            """
        try rules.write(to: hba, atomically: false, encoding: .utf8)
        try serverTool("pg_ctl", ["-D", data, "reload"])
        Thread.sleep(forTimeInterval: 0.5)
    }

    /// The URL of `database` as the user `tally`.
    func url(_ database: String) -> String { "postgresql://tally@127.0.0.1:\(port)/\(database)" }

    /// Runs SQL (a script; psql meta-commands such as `\copy` allowed), stopping at the first error.
    @discardableResult
    func psql(_ sql: String, database: String = "postgres") throws -> String {
        let script = directory.appendingPathComponent("script-\(UUID().uuidString).sql")
        try sql.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        return try Command.run(
            Self.binaries + "/psql",
            [
                "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", "tally",
                "-d", database, "-f", script.path,
            ])
    }

    /// initdb and pg_ctl, as the `postgres` user when this process is root.
    @discardableResult
    private func serverTool(_ tool: String, detached: Bool = false, _ arguments: [String]) throws -> String {
        let path = Self.binaries + "/" + tool
        let (program, all) =
            geteuid() == 0 ? ("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments) : (path, arguments)
        return try Command.run(program, all, detached: detached)
    }

    /// A port nothing listens on now: bind port 0, read what the kernel chose, release it.
    private static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0
            }
        }
        guard bound else { throw CommandError("no free local port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a program to its end; its stdout, or an error with its stderr when it fails.
enum Command {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func capture(
        _ path: String, _ arguments: [String], environment: [String: String] = [:], detached: Bool = false
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("PG") || key == "TALLY_DB" { env.removeValue(forKey: key) }
        env.merge(environment) { _, new in new }
        process.environment = env
        if detached { return try spawnAndWait(path, arguments) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// posix_spawn and waitpid, output to /dev/null: for `pg_ctl start`, whose server lives on
    /// (Foundation's Process was seen never to notice that pg_ctl had exited).
    private static func spawnAndWait(_ path: String, _ arguments: [String]) throws -> Output {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
            throw CommandError("cannot start \(path)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Output(status: (status >> 8) & 0xff, stdout: "", stderr: "see the server log")
    }

    @discardableResult
    static func run(_ path: String, _ arguments: [String], detached: Bool = false) throws -> String {
        let output = try capture(path, arguments, detached: detached)
        guard output.status == 0 else {
            throw CommandError("\(path) \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)")
        }
        return output.stdout
    }
}
