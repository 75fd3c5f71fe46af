import APIDescription
import YAML

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What `apigen generate` does, apart from parsing arguments: read, generate, then write or check.
public struct GenerateCommand: Sendable {
    /// The description's path as the user wrote it.
    public var spec: String
    /// The output directory as the user wrote it.
    public var output: String
    /// Whether to compare instead of writing.
    public var check: Bool
    /// Whether diagnostics use terminal colours.
    public var colour: Bool
    /// Whether the process ends once the command has run, as `apigen` does: the description's nodes and model are
    /// then left for the process's end to free (``Pipeline/Disposal/atProcessEnd``).
    public var endsProcess: Bool

    /// Creates the command.
    public init(spec: String, output: String, check: Bool, colour: Bool = false, endsProcess: Bool = false) {
        self.spec = spec
        self.output = output
        self.check = check
        self.colour = colour
        self.endsProcess = endsProcess
    }

    /// The outcome: an exit status and the lines for standard output and standard error.
    public struct Outcome: Sendable {
        /// 0 for success, 1 for errors in the description, a stale directory or a failed write.
        public var status: Int32
        /// Lines for standard output.
        public var output: [String] = []
        /// Lines for standard error: diagnostics in the compiler's format, then a summary.
        public var errors: [String] = []
    }

    /// Runs the command. Nothing is written unless generation succeeded, and never with `check`.
    public func run() -> Outcome {
        var outcome = Outcome(status: 0)
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.contents(of: spec)
        } catch {
            outcome.status = 1
            outcome.errors.append("\(spec): error: cannot read the description: \(error.reason).")
            return outcome
        }
        // The loader and the renderer read the same files; each is read from disk once.
        let otherFiles = FileCache()
        let readFile: DescriptionFileReader = { path in otherFiles.bytes(of: path) }
        // Made only when there is something to report: it splits the whole description into lines.
        func renderer() -> DiagnosticRenderer {
            DiagnosticRenderer(source: bytes, file: spec, colour: colour, otherFiles: readFile)
        }
        // Each file is compared with the directory's, and written to the new set, as soon as it is generated.
        var update = OutputDirectory.Update(OutputDirectory(url: URL(fileURLWithPath: output)), writing: !check)
        var writeError: OutputError?
        do {
            let warnings = try Pipeline.generate(
                bytes, path: spec, sourceName: GenerateCommand.sourceName(of: spec), readFile: readFile,
                disposal: endsProcess ? .atProcessEnd : .onAnotherThread
            ) { file in
                guard writeError == nil else { return }
                do throws(OutputError) { try update.add(file) } catch { writeError = error }
            }
            if !warnings.isEmpty { outcome.errors += renderer().render(warnings) }
        } catch {
            let count = error.diagnostics.filter { $0.severity == .error }.count
            outcome.status = 1
            outcome.errors += renderer().render(error.diagnostics)
            outcome.errors.append("\(count) error\(count == 1 ? "" : "s") in \(spec); nothing was written.")
            return outcome
        }
        let changes: [OutputDirectory.Change]
        do throws(OutputError) {
            if let writeError { throw writeError }
            changes = try update.finish()
        } catch {
            outcome.status = 1
            outcome.errors.append("error: \(error.message)")
            return outcome
        }
        if check {
            if !changes.isEmpty {
                outcome.status = 1
                outcome.errors += changes.map {
                    "\(output)/\($0.path): error: out of date; run `apigen generate \(spec) --output \(output)`."
                }
                outcome.errors.append(
                    "\(changes.count) generated file\(changes.count == 1 ? " is" : "s are") out of date.")
            }
            return outcome
        }
        guard !changes.isEmpty else {
            outcome.output.append("\(output) is up to date; nothing changed.")
            return outcome
        }
        outcome.output.append(
            "Updated \(changes.count) of \(update.count) file\(update.count == 1 ? "" : "s") in \(output):")
        outcome.output += changes.map { "  \($0.kind.rawValue) \($0.path)" }
        return outcome
    }

    /// The description's path relative to the package that holds it, so that file headers do not depend on the
    /// directory apigen runs in.
    public static func sourceName(of path: String) -> String {
        let file = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var directory = file.deletingLastPathComponent()
        while directory.path != "/", !directory.path.isEmpty {
            if FileSystem.kind(of: directory.appending(path: "Package.swift").path) != nil {
                return String(file.path.dropFirst(directory.path.count + 1))
            }
            directory = directory.deletingLastPathComponent()
        }
        return file.lastPathComponent
    }
}

/// The files a description refers to, read from disk once each, whatever reads them. Generation runs on one thread.
private final class FileCache: @unchecked Sendable {
    private var read: [String: [UInt8]?] = [:]

    func bytes(of path: String) -> [UInt8]? {
        if let bytes = read[path] { return bytes }
        let bytes = try? FileSystem.contents(of: path)
        read[path] = bytes
        return bytes
    }
}
