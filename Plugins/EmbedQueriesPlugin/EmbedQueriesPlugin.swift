import Foundation
import PackagePlugin

/// Embeds `Queries/**/*.sql` into the target as `EmbeddedQueries.swift` at build time, the way
/// swift-openapi-generator's plugin generates code from a document: the SQL stays in `Queries/` for
/// people, the binary carries what was there when it was built, and no generated copy is committed.
///
/// An installed `tally` needs no resource bundle (SwiftPM looks bundles up beside the build folder,
/// swiftlang/swift-package-manager#4432).
@main
struct EmbedQueriesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let queries = context.package.directoryURL.appending(path: "Queries")
        let enumerator = FileManager.default.enumerator(at: queries, includingPropertiesForKeys: nil)
        let files = (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "sql" }.sorted {
            $0.path < $1.path
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedQueries.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) queries from Queries/",
                executable: try context.tool(named: "EmbedQueries").url,
                arguments: [queries.path, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
