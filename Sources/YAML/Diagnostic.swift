/// A problem found in a source file, located precisely enough for an editor to jump to it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable {
        /// Generation cannot go on.
        case error
        /// Generation goes on, but the description probably does not say what its author meant.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// How serious the problem is.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, as a full sentence.
    public var message: String
    /// Further located remarks, such as a fix suggestion or the place of an earlier definition.
    public var notes: [Diagnostic]

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String, notes: [Diagnostic] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    /// An error at `location`.
    public static func error(at location: SourceLocation, _ message: String, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.error, at: location, message, notes: notes)
    }

    /// A warning at `location`.
    public static func warning(at location: SourceLocation, _ message: String, notes: [Diagnostic] = []) -> Diagnostic {
        Diagnostic(.warning, at: location, message, notes: notes)
    }

    /// A note at `location`.
    public static func note(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.note, at: location, message)
    }

    /// The diagnostic and its notes in the compiler's format, one per line: `file:line:column: error: message`.
    public var description: String {
        ([self] + notes).map { "\($0.location): \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n")
    }
}

/// One or more diagnostics that stop a stage, thrown as a single error.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, in source order; at least one of them is an error.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics, sorting them into source order.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggests the known word closest to a misspelt one, for "did you mean" hints.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        let limit = max(1, min(3, candidate.count / 3))
        if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best?.name
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one.
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
