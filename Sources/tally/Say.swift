import Foundation

/// Writes one line to stderr, prefixed `tally: `: what a command says beside its output.
func say(_ line: String) {
    FileHandle.standardError.write(Data("tally: \(line)\n".utf8))
}
