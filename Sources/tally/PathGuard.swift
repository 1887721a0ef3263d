import Foundation

/// Refuses a command whose output would overwrite its own store or inputs, before anything opens.
///
/// `tally report … --db s.sqlite --out s.sqlite` once replaced an 85 MB store with a 2 KB CSV, and
/// `tally load orders.csv --rejects orders.csv` truncated the export before reading it. Paths are
/// compared both as resolved paths (symlinks of the directory resolved, `./` removed) and by file
/// identity (device and inode), so a symlink or a hard link to the store is caught too.
enum PathGuard {
    /// A path the command reads or keeps, which no output may name.
    struct Protected {
        let role: String
        let path: String
    }

    /// The store file and the journals SQLite keeps beside it.
    static func store(_ path: String) -> [Protected] {
        guard path != ":memory:" else { return [] }
        return [Protected(role: "the store", path: path)]
            + ["-journal", "-wal", "-shm"].map { Protected(role: "the store's journal", path: path + $0) }
    }

    /// Input files and directories, with the files directly inside each directory.
    static func inputs(_ paths: [String]) -> [Protected] {
        var protected: [Protected] = []
        for path in paths {
            protected.append(Protected(role: "an input", path: path))
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names {
                protected.append(Protected(role: "an input", path: (path as NSString).appendingPathComponent(name)))
            }
        }
        return protected
    }

    /// - Parameter outputs: (option, path) pairs; nil paths (option not given) and `-` are skipped.
    /// - Throws: a usage error (64) naming the option, the path and what it would overwrite.
    static func refuse(outputs: [(option: String, path: String?)], overlapping protected: [Protected]) throws {
        let keys = protected.map { (entry: $0, key: Key(path: $0.path)) }
        for (option, path) in outputs {
            guard let path, path != "-" else { continue }
            let key = Key(path: path)
            if let hit = keys.first(where: { $0.key.matches(key) }) {
                throw CommandFailure(
                    message: "\(option) \(path) is \(hit.entry.role) (\(hit.entry.path)); writing it would destroy it",
                    hint: "choose another output path; nothing was opened or written", status: .usage)
            }
        }
    }

    /// A path as resolved text and, when the file exists, its device and inode.
    private struct Key {
        let resolved: String
        let identity: (dev: UInt64, ino: UInt64)?

        init(path: String) {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL
            let directory = absolute.deletingLastPathComponent().path
            // realpath resolves every symlink of the directory; the file itself may not exist yet.
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let real =
                realpath(directory, &buffer) != nil
                ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : directory
            resolved = (real as NSString).appendingPathComponent(absolute.lastPathComponent)
            var info = stat()
            identity = stat(path, &info) == 0 ? (UInt64(info.st_dev), UInt64(info.st_ino)) : nil
        }

        func matches(_ other: Key) -> Bool {
            if resolved == other.resolved { return true }
            guard let a = identity, let b = other.identity else { return false }
            return a.dev == b.dev && a.ino == b.ino
        }
    }
}
