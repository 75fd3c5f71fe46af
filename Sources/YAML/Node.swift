/// A node of a YAML document: a scalar, a sequence or a mapping, and where it starts in its file.
public struct Node: Sendable {
    /// A scalar's text and how it was written, which decides its type.
    public struct Scalar: Hashable, Sendable {
        /// The text after unescaping and folding.
        public var text: String
        /// Whether the scalar was written without quotes or block indicators, so that `12` is a number and
        /// `null` is null.
        public var isPlain: Bool
        /// An explicit tag such as `!!str`, if one was written.
        public var tag: String?

        /// Creates a scalar.
        public init(text: String, isPlain: Bool = true, tag: String? = nil) {
            self.text = text
            self.isPlain = isPlain
            self.tag = tag
        }
    }

    /// A mapping entry; keys are always scalars.
    public struct Entry: Sendable {
        /// The key's text.
        public var key: String
        /// Where the key starts.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: Node
    }

    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar.
        case scalar(Scalar)
        /// A sequence of nodes, in order.
        case sequence([Node])
        /// A mapping with unique keys, in document order.
        case mapping([Entry])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }
}

extension Node {
    /// The type a scalar resolves to under the YAML 1.2 core schema.
    public enum ScalarType: String, Sendable {
        /// `null`, `~` or nothing.
        case null
        /// `true` or `false`.
        case boolean
        /// A whole number such as `12` or `0x1F`.
        case integer
        /// A number with a fraction or exponent, or an infinity or NaN.
        case number
        /// Anything else, and every quoted scalar.
        case string
    }

    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The entries, if this node is a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items, if this node is a sequence.
    public var items: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value for `key`, if this node is a mapping that has it.
    public subscript(key: String) -> Node? {
        // Entries are compared in place: copying each one to test it would retain all it holds.
        guard case .mapping(let entries) = content else { return nil }
        for index in entries.indices where Node.isSameKey(entries[index].key, key) { return entries[index].value }
        return nil
    }

    /// Whether two keys are the same: their lengths first, which are known at once and tell most keys apart, while
    /// comparing two strings' contents is a call.
    @inlinable public static func isSameKey(_ first: String, _ second: String) -> Bool {
        first.utf8.count == second.utf8.count && first == second
    }

    /// "a mapping", "a sequence", or the scalar's type, for messages such as "expected a string, found a mapping".
    public var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar:
            switch scalarType {
            case .null: "null"
            case .boolean: "a boolean"
            case .integer: "an integer"
            case .number: "a number"
            case .string, nil: "a string"
            }
        }
    }

    /// The scalar's resolved type, or nil for collections.
    public var scalarType: ScalarType? {
        guard let scalar else { return nil }
        switch scalar.tag {
        case "tag:yaml.org,2002:str": return .string
        case "tag:yaml.org,2002:int": return .integer
        case "tag:yaml.org,2002:float": return .number
        case "tag:yaml.org,2002:bool": return .boolean
        case "tag:yaml.org,2002:null": return .null
        default: break
        }
        guard scalar.isPlain else { return .string }
        let text = scalar.text
        // Most scalars are names and prose, which no other type starts like.
        switch text.utf8.first ?? 0 {
        case 0, UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            return .string
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .boolean
        default: break
        }
        if Self.isInteger(text) { return .integer }
        if Double(text) != nil || [".inf", "-.inf", "+.inf", ".nan", ".NaN", ".Inf", "-.Inf"].contains(text) {
            return .number
        }
        return .string
    }

    /// The scalar's text when it is a boolean.
    public var boolValue: Bool? {
        guard scalarType == .boolean, let text = scalar?.text else { return nil }
        return text.lowercased() == "true"
    }

    /// The scalar's value when it is an integer that fits in `Int`.
    public var intValue: Int? {
        guard scalarType == .integer, let text = scalar?.text else { return nil }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text)
    }

    /// The scalar's value when it is an integer or a number, as the nearest `Double` (infinite when it overflows).
    public var doubleValue: Double? {
        guard let type = scalarType, let text = scalar?.text else { return nil }
        switch type {
        case .integer:
            if let value = intValue { return Double(value) }
            return Double(text)
        case .number:
            switch text {
            case ".inf", "+.inf", ".Inf": return .infinity
            case "-.inf", "-.Inf": return -.infinity
            case ".nan", ".NaN": return .nan
            default: return Double(text)
            }
        default:
            return nil
        }
    }

    private static func isInteger(_ text: String) -> Bool {
        var digits = Substring(text).utf8
        let isDecimal = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        if digits.starts(with: "0x".utf8) {
            return digits.count > 2
                && digits.dropFirst(2).allSatisfy { byte in
                    isDecimal(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
                }
        }
        if digits.starts(with: "0o".utf8) {
            return digits.count > 2
                && digits.dropFirst(2).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }
        }
        if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDecimal)
    }
}

extension String {
    /// Whether the two strings are the same Unicode scalars (the same UTF-8 bytes), rather than canonically
    /// equivalent as `==` asks: mapping keys are told apart this way. Strings of different lengths are told apart
    /// without reading them.
    @inlinable public func hasSameScalars(as other: String) -> Bool {
        utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
    }
}
