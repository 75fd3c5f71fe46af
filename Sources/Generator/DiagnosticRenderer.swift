import YAML

/// Prints diagnostics the way the Swift compiler does: the located message, the offending source line, and a caret
/// under the column; in colour only when asked (apigen asks when standard error is a terminal).
public struct DiagnosticRenderer: Sendable {
    private let lines: [Substring]
    private let colour: Bool

    /// Prepares to render diagnostics of one source file.
    public init(source: [UInt8], colour: Bool) {
        lines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        self.colour = colour
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
