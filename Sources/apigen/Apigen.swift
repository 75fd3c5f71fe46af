import ArgumentParser
import Foundation
import Generator
import YAML

@main
struct Apigen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigen",
        abstract: "Generates a Swift client from an OpenAPI 3.0 description.",
        discussion: """
            Exit status: 0 on success; 1 when the description has errors, the output is stale (with --check) or \
            cannot be written; 2 for a usage error.
            """,
        version: "0.1.0",
        subcommands: [Generate.self]
    )
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generates the client for a description, or checks that a directory holds it.",
        discussion: """
            Examples:
              apigen generate api-spec/cloud-partner-portal.yaml --output Generated/CloudPartnerPortal
              apigen generate api-spec/cloud-partner-portal.yaml --output Generated/CloudPartnerPortal --check

            Files are written only when the whole description is valid, and replace the directory's previous \
            contents in one step. Errors are printed as FILE:LINE:COLUMN: error: MESSAGE.
            """
    )

    @Argument(help: "The OpenAPI 3.0 description, a YAML file.")
    var spec: String

    @Option(name: .shortAndLong, help: "The directory that holds the generated Swift files.")
    var output: String

    @Flag(help: "Write nothing; exit with status 1, naming each stale file, when the directory differs.")
    var check = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: spec)))
        } catch {
            fail("\(spec): error: cannot read the description: \(error.localizedDescription)")
        }
        let generated: [GeneratedFile]
        do {
            let result = try Pipeline.generate(bytes, path: spec, sourceName: sourceName(of: spec))
            report(result.warnings)
            generated = result.files
        } catch {
            report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            fail("\(count) error\(count == 1 ? "" : "s") in \(spec); nothing was written.")
        }
        let directory = OutputDirectory(url: URL(fileURLWithPath: output))
        if check {
            let stale = directory.staleFiles(comparedWith: generated)
            guard stale.isEmpty else {
                for path in stale { printError("\(output)/\(path): error: stale; regenerate with apigen generate \(spec) --output \(output)") }
                fail("\(stale.count) generated file\(stale.count == 1 ? " is" : "s are") out of date.")
            }
            return
        }
        do {
            try directory.replace(with: generated)
        } catch {
            fail("error: \(error.message)")
        }
        print("Generated \(generated.count) files in \(output).")
    }

    /// The description's path relative to the package that holds it, so headers do not depend on where apigen runs.
    private func sourceName(of path: String) -> String {
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var directory = file.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appending(path: "Package.swift").path) {
                return String(file.path.dropFirst(directory.path.count + 1))
            }
            directory = directory.deletingLastPathComponent()
        }
        return file.lastPathComponent
    }
}

private func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { printError(diagnostic.description) }
}

private func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

private func fail(_ text: String) -> Never {
    printError(text)
    Apigen.exit(withError: ExitCode.failure)
}
