/// A Swift identifier: ASCII letters, digits and underscores, not starting with a digit.
///
/// Only ``Naming`` creates identifiers from text in a description, so whatever a description says, an identifier
/// cannot carry anything but a name. The printer adds backticks where the name is a keyword.
public struct Identifier: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The name without backticks.
    public let name: String

    /// Wraps a name the generator itself chose; it must already be a valid identifier.
    public init(_ name: String) {
        precondition(Identifier.isValid(name), "`\(name)` is not a valid identifier")
        self.name = name
    }

    static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first) else { return false }
        let isNameByte = { (byte: UInt8) in isDigit(byte) || byte == UInt8(ascii: "_") || isLetter(byte) }
        // Every identifier is checked when it is made: from the contiguous bytes where the string has them.
        return name.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isNameByte) }
            ?? name.utf8.allSatisfy(isNameByte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    public var description: String { name }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.name < rhs.name }
}

/// A piece of Swift source, built from trusted generator text, identifiers and string literals.
///
/// Text from a description can enter code only as an identifier or a string literal; the printer escapes each for its
/// context, which is what makes generated code injection-proof.
public struct Code: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// One part of a piece of code.
    public enum Fragment: Sendable, Hashable {
        /// Source text written by the generator itself.
        case source(String)
        /// A name, printed with backticks when it is a keyword.
        case identifier(Identifier)
        /// An argument label at a call site, where no keyword but `_` needs backticks.
        case label(Identifier)
        /// A value printed as a string literal.
        case literal(String)
        /// A bracketed, comma-separated list such as call arguments; the printer puts each item on its own line when
        /// the whole does not fit.
        case list(open: String, items: [Code], close: String, trailingComma: Bool)
    }

    /// The parts, in order.
    public var fragments: [Fragment]

    /// Creates code from parts.
    public init(fragments: [Fragment]) {
        self.fragments = fragments
    }

    /// Creates code from generator text.
    public init(stringLiteral value: String) {
        fragments = [.source(value)]
    }

    /// Creates code from an interpolation.
    public init(stringInterpolation: StringInterpolation) {
        fragments = stringInterpolation.fragments
    }

    /// Builds code from generator text with names, literals and other code interpolated.
    public struct StringInterpolation: StringInterpolationProtocol {
        var fragments: [Fragment] = []

        /// Starts an interpolation, with room for its fragments: a literal before and after each interpolated value.
        public init(literalCapacity: Int, interpolationCount: Int) {
            fragments.reserveCapacity(2 * interpolationCount + 1)
        }

        /// Appends generator text.
        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { fragments.append(.source(literal)) }
        }

        /// Interpolates a name.
        public mutating func appendInterpolation(_ identifier: Identifier) {
            fragments.append(.identifier(identifier))
        }

        /// Interpolates an argument label of a call.
        public mutating func appendInterpolation(label: Identifier) {
            fragments.append(.label(label))
        }

        /// Interpolates a string literal holding `value`.
        public mutating func appendInterpolation(literal value: String) {
            fragments.append(.literal(value))
        }

        /// Interpolates other code.
        public mutating func appendInterpolation(_ code: Code) {
            fragments += code.fragments
        }
    }

    /// Joins pieces of code with a separator.
    public static func joined(_ parts: [Code], separator: String) -> Code {
        var fragments: [Fragment] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { fragments.append(.source(separator)) }
            fragments += part.fragments
        }
        return Code(fragments: fragments)
    }

    /// A call: `callee(arguments…)`.
    public static func call(_ callee: Code, _ arguments: [Code]) -> Code {
        Code(fragments: callee.fragments + [.list(open: "(", items: arguments, close: ")", trailingComma: false)])
    }

    /// An array literal.
    public static func array(_ elements: [Code]) -> Code {
        Code(fragments: [.list(open: "[", items: elements, close: "]", trailingComma: true)])
    }

    /// The code as it will be printed.
    public var description: String { Printer.render(self) }
}
