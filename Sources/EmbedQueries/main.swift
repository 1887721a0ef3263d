import Foundation

// Build tool behind the EmbedQueriesPlugin: writes `EmbeddedQueries.swift`, a dictionary from query
// name (the path under Queries/ without `.sql`) to its SQL text.
//
// Usage: EmbedQueries QUERIES_DIR OUTPUT.swift FILE.sql...
//
// Each SQL text becomes an ordinary string literal with every special character escaped, so no
// SQL content (quotes, backslashes, `"""#`) can end the literal early.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedQueries QUERIES_DIR OUTPUT.swift FILE.sql...\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
let output = URL(fileURLWithPath: arguments[2])

func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case let s where s.value < 0x20 || s.value > 0x7E: result += "\\u{\(String(s.value, radix: 16))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

var entries: [(String, String)] = []
for path in arguments.dropFirst(3) {
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    guard full.hasPrefix(root + "/") else { continue }
    let name = String(full.dropFirst(root.count + 1).dropLast(".sql".count))
    do {
        entries.append((name, try String(contentsOfFile: full, encoding: .utf8)))
    } catch {
        FileHandle.standardError.write(Data("EmbedQueries: cannot read \(full): \(error)\n".utf8))
        exit(74)
    }
}
entries.sort { $0.0 < $1.0 }

var source = "// Generated at build time by EmbedQueriesPlugin from Queries/. Not committed; edit Queries/.\n"
source += "enum EmbeddedQueries {\n    static let sql: [String: String] = [\n"
for (name, text) in entries { source += "        \(literal(name)): \(literal(text)),\n" }
source += entries.isEmpty ? "        :\n" : ""
source += "    ]\n}\n"

// Rewrite only on change, so an unchanged query set does not recompile TallyReporting.
if (try? String(contentsOf: output, encoding: .utf8)) != source {
    do {
        try source.write(to: output, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("EmbedQueries: cannot write \(output.path): \(error)\n".utf8))
        exit(74)
    }
}
