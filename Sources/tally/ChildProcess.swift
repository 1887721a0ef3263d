import Foundation

/// Runs a program and measures it: wall time and peak resident memory (from `wait4`'s rusage,
/// which is per child, unlike `getrusage(RUSAGE_CHILDREN)`).
enum ChildProcess {
    struct Measurement {
        let status: Int32
        let seconds: Double
        let peakResidentMegabytes: Double
    }

    static func run(_ executable: String, _ arguments: [String], stdoutPath: String = "/dev/null") throws -> Measurement
    {
        var fileActions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawnp(&pid, executable, &fileActions, nil, argv, environ)
        guard spawned == 0 else {
            throw CommandFailure(
                message: "cannot run \(executable): \(String(cString: strerror(spawned)))", status: .ioError)
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Date().timeIntervalSince(start)
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measurement(status: exitStatus, seconds: seconds, peakResidentMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
