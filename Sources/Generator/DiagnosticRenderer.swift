import APIDescription
import YAML

/// Prints diagnostics the way the Swift compiler does: the located message, the offending source line, and a caret
/// under the column; in colour only when asked (apigen asks when standard error is a terminal).
public struct DiagnosticRenderer: Sendable {
    private let file: String?
    private let lines: [Substring]
    private let otherFiles: DescriptionFileReader
    private let colour: Bool

    /// Prepares to render diagnostics of a description.
    ///
    /// - Parameters:
    ///   - source: The description's bytes.
    ///   - file: The description's path; a diagnostic located in another file shows that file's line, read with
    ///     `otherFiles`. Nil takes every diagnostic to be in the description.
    ///   - colour: Whether to colour the output for a terminal.
    ///   - otherFiles: Reads the other files the description refers to.
    public init(
        source: [UInt8], file: String? = nil, colour: Bool, otherFiles: @escaping DescriptionFileReader = { _ in nil }
    ) {
        self.file = file
        lines = Self.lines(source)
        self.otherFiles = otherFiles
        self.colour = colour
    }

    private static func lines(_ source: [UInt8]) -> [Substring] {
        String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The diagnostic and its notes, each followed by its source line and a caret.
    public func render(_ diagnostic: Diagnostic) -> String {
        ([diagnostic] + diagnostic.notes).map(renderOne).joined(separator: "\n")
    }

    private func renderOne(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity.rawValue
        var text =
            colour
            ? "\(bold)\(diagnostic.location): \(colourCode(diagnostic.severity))\(severity):\(reset)\(bold) \(diagnostic.message)\(reset)"
            : "\(diagnostic.location): \(severity): \(diagnostic.message)"
        let index = diagnostic.location.line - 1
        var lines = self.lines
        if let file, diagnostic.location.file != file {
            lines = otherFiles(diagnostic.location.file).map(Self.lines) ?? []
        }
        guard lines.indices.contains(index) else { return text }
        var line = String(lines[index])
        if line.hasSuffix("\r") { line.removeLast() }
        // Keep tabs in the caret line so the caret stays under the column however the terminal shows tabs.
        let prefix = line.prefix(max(0, diagnostic.location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        text += "\n" + sanitized(line) + "\n" + prefix + (colour ? "\(green)^\(reset)" : "^")
        return text
    }

    /// The line with control characters made visible, so that a hostile file cannot drive the terminal.
    private func sanitized(_ line: String) -> String {
        String(
            String.UnicodeScalarView(
                line.unicodeScalars.map { scalar in
                    scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F ? "\u{FFFD}" : scalar
                }))
    }

    private var bold: String { "\u{1B}[1m" }
    private var reset: String { "\u{1B}[0m" }
    private var green: String { "\u{1B}[1;32m" }

    private func colourCode(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;35m"
        case .note: "\u{1B}[1;30m"
        }
    }
}
