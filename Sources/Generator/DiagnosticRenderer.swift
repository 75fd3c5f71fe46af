import APIDescription
import YAML

/// Prints diagnostics the way the Swift compiler does: the located message, the offending source line, and a caret
/// under the column; in colour only when asked (apigen asks when standard error is a terminal).
public struct DiagnosticRenderer: Sendable {
    private let file: String?
    private let source: SourceLines
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
        self.source = SourceLines(source)
        self.otherFiles = otherFiles
        self.colour = colour
    }

    /// The diagnostic and its notes, each followed by its source line and a caret.
    public func render(_ diagnostic: Diagnostic) -> String {
        render([diagnostic])[0]
    }

    /// Each diagnostic and its notes, each followed by its source line and a caret; another file's lines are found
    /// once for all of them.
    public func render(_ diagnostics: [Diagnostic]) -> [String] {
        var others: [String: SourceLines] = [:]
        return diagnostics.map { diagnostic in
            ([diagnostic] + diagnostic.notes).map { renderOne($0, others: &others) }.joined(separator: "\n")
        }
    }

    private func renderOne(_ diagnostic: Diagnostic, others: inout [String: SourceLines]) -> String {
        let severity = diagnostic.severity.rawValue
        var text =
            colour
            ? "\(bold)\(diagnostic.location): \(colourCode(diagnostic.severity))\(severity):\(reset)\(bold) \(diagnostic.message)\(reset)"
            : "\(diagnostic.location): \(severity): \(diagnostic.message)"
        var lines = source
        if let file, diagnostic.location.file != file {
            let other = diagnostic.location.file
            if others[other] == nil { others[other] = SourceLines(otherFiles(other) ?? []) }
            lines = others[other]!
        }
        guard let line = lines.line(diagnostic.location.line) else { return text }
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

/// A file's bytes and where each of its lines starts, with line breaks counted as libyaml counts them (so that a
/// diagnostic's line number finds its line): LF, CR, CR LF, and U+0085, U+2028 and U+2029 in UTF-8.
///
/// Finding the starts is one pass over the bytes; a line becomes a string only when a diagnostic shows it.
struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Where each line starts, as byte offsets.
    private let starts: [Int]
    /// Where each line's text ends: where its break starts, or the end of the file for the last line.
    private let ends: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Nearly every byte is neither a break nor the first byte of one.
                if byte > 0x0D, byte < 0xC2 {
                    index += 1
                    continue
                }
                let width: Int
                switch byte {
                case 0x0A: width = 1
                case 0x0D: width = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: width = 2
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    width = 3
                default:
                    index += 1
                    continue
                }
                ends.append(index)
                index += width
                starts.append(index)
            }
        }
        ends.append(bytes.count)
        self.starts = starts
        self.ends = ends
    }

    /// The text of a line, numbered from 1, without its break; nil past the last line.
    func line(_ number: Int) -> String? {
        let index = number - 1
        guard ends.indices.contains(index) else { return nil }
        return String(decoding: bytes[starts[index]..<ends[index]], as: UTF8.self)
    }
}
