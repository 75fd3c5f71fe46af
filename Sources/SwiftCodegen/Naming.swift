/// Turns names from a description into Swift identifiers, deterministically.
///
/// Names are split into words at any character that is not an ASCII letter or digit and at lower-to-upper case
/// changes; `notification-emails` becomes `notificationEmails` and `publisherId` becomes `publisherID`. Wire names are
/// kept unchanged in coding keys and request builders, so only Swift sees these.
public enum Naming {
    /// Words written in capitals in Swift names, as the API Design Guidelines ask.
    static let acronyms: Set<String> = [
        "api", "id", "url", "uri", "uuid", "http", "https", "json", "xml", "html", "ip", "tls", "sql",
    ]

    /// Names that cannot be used as a member even with backticks, or would shadow what generated code relies on.
    ///
    /// `var`, `let` and `inout` are among them because as argument labels Swift 6.2 needs backticks around them and
    /// Swift 6.3 warns about the backticks.
    static let reservedMembers: Set<String> = [
        "self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "super", "var", "let", "inout",
    ]

    /// Type names that would shadow types the generated code uses.
    static let reservedTypes: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Codable", "CodingKey", "CodingKeys", "Data", "Date", "Decodable",
        "Decoder",
        "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float", "Foundation", "Hashable",
        "HTTPRequest", "HTTPResponse", "HTTPTypes", "Int", "Int32", "Int64", "Never", "Optional", "Protocol", "Self",
        "Sendable", "Set", "String", "Swift", "Type", "URL", "UUID", "Void", "APIClientError", "APIClientRuntime",
        "OpenAPIRuntime", "RequestBuilder", "ResponseReader", "RequestRunner", "JSONCoding", "DelimitedList",
        "RelativeReference", "TemplateComponent", "BearerTokenProvider", "ClientTransport", "ClientMiddleware",
        "APIOperation", "CaseIterable", "Indirect", "OpenAPIValueContainer", "Input", "Output", "Character",
        "Substring", "InvalidInput", "RawRepresentable", "Identifiable", "CustomStringConvertible", "Result",
        "HTTPBody", "HTTPFields", "MultipartFile", "ServerSentEvents", "JSONLines",
    ]

    /// Names no member or nested type of a generated type may take: members of the protocols generated types
    /// conform to, and the nested types that generated code refers to from inside them.
    static let reservedScopeNames: Set<String> = [
        "CodingKeys", "Input", "Output", "Form", "stringValue", "intValue", "hashValue", "rawValue", "allCases",
        "RawValue", "AllCases",
    ]

    /// The words of a name.
    public static func words(_ name: String) -> [String] {
        if let words = name.utf8.withContiguousStorageIfAvailable(asciiWords), let words { return words }
        // Unicode property lookups are reserved for the rare non-ASCII neighbour; every letter kept is ASCII.
        func isUpper(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
        }
        func isLower(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
        }
        var words: [String] = []
        var current = ""
        let characters = Array(name.unicodeScalars)
        for (index, scalar) in characters.enumerated() {
            guard scalar.isASCII, isUpper(scalar) || isLower(scalar) || ("0"..."9").contains(scalar) else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if let last = current.unicodeScalars.last {
                let lastIsLower = isLower(last) || ("0"..."9").contains(last)
                let nextIsLower = index + 1 < characters.count && isLower(characters[index + 1])
                // "publisherId" splits before "I"; "HTTPServer" splits before "S" of "Server".
                if isUpper(scalar) && (lastIsLower || (isUpper(last) && nextIsLower)) {
                    words.append(current)
                    current = ""
                }
            }
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// ``words(_:)`` of an ASCII name, nearly every name, read from its bytes; nil for any other name.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [String] = []
        forEachASCIIWord(bytes) {
            words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self))
        }
        return words
    }

    /// Calls `body` with where each word of an ASCII name lies, first to last: the same splits as for any name.
    private static func forEachASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }
        func isLower(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
                if let first = start { body(first..<index) }
                start = nil
                continue
            }
            guard let first = start else {
                start = index
                continue
            }
            // "publisherId" splits before "I"; "HTTPServer" before the "S" of "Server".
            let last = bytes[index - 1]
            let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
            if isUpper(byte) && (isLower(last) || isDigit(last) || (isUpper(last) && nextIsLower)) {
                body(first..<index)
                start = index
            }
        }
        if let first = start { body(first..<bytes.count) }
    }

    /// The words of an ASCII name joined in camel case, byte by byte, as ``camelCase(_:lowerFirst:)`` joins any
    /// name's through strings; nil for any other name.
    private static func asciiCamelCase(_ name: String, lowerFirst: Bool) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count + 1)
            var first = true
            forEachASCIIWord(bytes) { range in
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                if first && lowerFirst {
                    text.append(contentsOf: word.lazy.map(lowercased))
                } else {
                    appendCapitalized(word, to: &text)
                }
                first = false
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte + 0x20 : byte }
    private static func uppercased(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "a") < 26 ? byte - 0x20 : byte }

    /// ``capitalized(_:)`` of an ASCII word, appended byte by byte.
    private static func appendCapitalized(_ word: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        if word.count <= 6 {
            // The word lowercased, packed into an integer, is looked up among the acronyms'.
            let key = word.reduce(UInt64(0)) { $0 << 8 | UInt64(lowercased($1)) }
            if acronymKeys.contains(key) {
                text.append(contentsOf: word.lazy.map(uppercased))
                return
            }
            // Plurals keep a lowercase `s`: `ids` becomes `IDs`, `urls` becomes `URLs`.
            if word.count > 2, key & 0xFF == UInt64(UInt8(ascii: "s")), acronymKeys.contains(key >> 8) {
                text.append(contentsOf: word.dropLast().lazy.map(uppercased))
                text.append(UInt8(ascii: "s"))
                return
            }
        }
        text.append(uppercased(word[0]))
        text.append(contentsOf: word.dropFirst())
    }

    /// The acronyms, each packed into an integer as ``appendCapitalized(_:to:)`` packs a word.
    private static let acronymKeys: Set<UInt64> = Set(
        acronyms.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    /// An UpperCamelCase type name.
    public static func typeName(_ name: String) -> Identifier {
        typeName(joined: asciiCamelCase(name, lowerFirst: false) ?? camelCase(name, lowerFirst: false))
    }

    /// ``typeName(_:)`` with the words joined through strings, as a name outside ASCII is.
    static func generalTypeName(_ name: String) -> Identifier {
        typeName(joined: camelCase(name, lowerFirst: false))
    }

    private static func typeName(joined: String) -> Identifier {
        var text = joined
        if text.isEmpty { text = "Unnamed" }
        if startsWithDigit(text) { text = "_" + text }
        if reservedTypes.contains(text) { text += "_" }
        return Identifier(text)
    }

    /// A lowerCamelCase name for a property, parameter, function or enum case.
    public static func memberName(_ name: String) -> Identifier {
        memberName(joined: asciiCamelCase(name, lowerFirst: true) ?? camelCase(name, lowerFirst: true))
    }

    /// ``memberName(_:)`` with the words joined through strings, as a name outside ASCII is.
    static func generalMemberName(_ name: String) -> Identifier {
        memberName(joined: camelCase(name, lowerFirst: true))
    }

    private static func memberName(joined: String) -> Identifier {
        guard !joined.isEmpty else { return Identifier("unnamed") }
        var text = joined
        if startsWithDigit(text) {
            // A leading underscore is the only one lowerCamelCase allows; collisions such as `2017-10-31` and
            // `20171031` are numbered by the caller.
            text = "_" + text
        }
        // A word rather than an underscore keeps the name lowerCamelCase.
        if reservedMembers.contains(text) { text += "Value" }
        return Identifier(text)
    }

    /// Whether joined words begin with a digit; they hold ASCII letters and digits only.
    private static func startsWithDigit(_ text: String) -> Bool {
        text.utf8.first.map { $0 &- UInt8(ascii: "0") < 10 } ?? false
    }

    /// The words of any name joined in camel case through strings: the first word lowercased (`lowerFirst`) or
    /// capitalized, the others capitalized; empty when the name has no words.
    private static func camelCase(_ name: String, lowerFirst: Bool) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "" }
        return (lowerFirst ? first.lowercased() : capitalized(first)) + parts.dropFirst().map(capitalized).joined()
    }

    private static func capitalized(_ word: String) -> String {
        // Words hold ASCII letters and digits only, and no acronym or plural of one is longer than six.
        guard word.utf8.count <= 6 else {
            var bytes = Array(word.utf8)
            if bytes[0] &- UInt8(ascii: "a") < 26 { bytes[0] -= 0x20 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let lower = word.lowercased()
        if acronyms.contains(lower) { return word.uppercased() }
        // Plurals keep a lowercase `s`: `ids` becomes `IDs`, `urls` becomes `URLs`.
        if lower.count > 2, lower.hasSuffix("s"), acronyms.contains(String(lower.dropLast())) {
            return word.dropLast().uppercased() + "s"
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }
}

/// Hands out names unique within one scope, resolving collisions in the order names are asked for: the second
/// `notificationEmails` becomes `notificationEmails2`.
public struct UniqueNames: Sendable {
    /// Names taken in every scope, such as top-level type names; shared, never copied, so that creating a scope costs
    /// nothing however many there are.
    private let shared: Set<String>
    /// More names taken in many scopes, such as those every nested scope reserves; shared like `shared`.
    private let alsoShared: Set<String>
    private var used: Set<String>

    /// Every name taken so far, shared ones included.
    public var taken: Set<String> { used.union(shared).union(alsoShared) }

    /// Creates a scope in which `reserved` and `shared` names are already taken.
    public init(reserved: Set<String> = [], shared: Set<String> = []) {
        self.init(reserved: reserved, shared: shared, alsoShared: [])
    }

    /// Creates a scope in which `reserved` names and those of two shared sets are already taken, without joining the
    /// sets into a new one.
    init(reserved: Set<String>, shared: Set<String>, alsoShared: Set<String>) {
        self.shared = shared
        self.alsoShared = alsoShared
        used = reserved
        // Room for the names of a typical scope at once, rather than growing the set and hashing its names again at
        // every doubling.
        used.reserveCapacity(reserved.count + 16)
    }

    /// A unique version of `identifier`.
    public mutating func claim(_ identifier: Identifier) -> Identifier {
        var candidate = identifier.name
        var counter = 2
        while used.contains(candidate) || shared.contains(candidate) || alsoShared.contains(candidate) {
            candidate = identifier.name + String(counter)
            counter += 1
        }
        used.insert(candidate)
        return Identifier(candidate)
    }
}
