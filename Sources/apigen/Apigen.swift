import ArgumentParser
import Generator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct Apigen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apigen",
        abstract: "Generates a Swift client from an OpenAPI 3.0 description.",
        discussion: """
            Exit status: 0 on success; 1 when the description has errors, the output is stale (with --check) or \
            cannot be written; 2 for a usage error. Diagnostics are coloured when standard error is a terminal and \
            NO_COLOR is not set.
            """,
        version: "0.1.0",
        subcommands: [Generate.self]
    )

    /// Runs the command, reporting usage errors with status 2 as the documentation promises.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                writeLineToStandardError(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here, not derived from the type's name at every start.
        commandName: "generate",
        abstract: "Generates the client for a description, or checks that a directory holds it.",
        discussion: """
            Examples (each command fits on one line, or continues after a backslash, so it can be copied whole):
              apigen generate api-spec/cloud-partner-portal.yaml \\
                --output Generated/CloudPartnerPortal
              apigen generate api-spec/cloud-partner-portal.yaml \\
                --output Generated/CloudPartnerPortal --check

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
        let colour = isatty(STDERR_FILENO) == 1 && getenv("NO_COLOR") == nil
        let outcome = GenerateCommand(spec: spec, output: output, check: check, colour: colour, endsProcess: true).run()
        for line in outcome.output { print(line) }
        for line in outcome.errors { writeLineToStandardError(line) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
