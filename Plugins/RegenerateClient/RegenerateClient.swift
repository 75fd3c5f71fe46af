import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory regenerate-client [--check]`
///
/// Regenerates each `api-spec/NAME.yaml` into `Generated/Name` (the file name in UpperCamelCase) with apigen, or with
/// `--check` only verifies that `Generated/` is up to date.
@main
struct RegenerateClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let apigen = try context.tool(named: "apigen")
        let root = context.package.directoryURL
        let specs = try FileManager.default.contentsOfDirectory(
            at: root.appending(path: "api-spec"), includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !specs.isEmpty else {
            Diagnostics.error("api-spec/ holds no .yaml description to generate from.")
            return
        }
        var failed = false
        for spec in specs {
            let name = spec.deletingPathExtension().lastPathComponent
            let module = name.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined()
            let process = Process()
            process.executableURL = apigen.url
            process.currentDirectoryURL = root
            process.arguments =
                ["generate", "api-spec/\(spec.lastPathComponent)", "--output", "Generated/\(module)"] + arguments
            try process.run()
            process.waitUntilExit()
            failed = failed || process.terminationStatus != 0
        }
        if failed { throw RegenerationFailed() }
    }
}

struct RegenerationFailed: Error, CustomStringConvertible {
    var description: String { "apigen reported errors; Generated/ is unchanged where it failed." }
}
