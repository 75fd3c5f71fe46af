import Foundation

/// Percent-encoding for the parts of a request URL.
@_spi(Generated) public enum URIEncoding {
    /// Encodes a value as exactly one path segment: every byte outside the unreserved set is percent-encoded, so `/`,
    /// `?`, `#` and `%` cannot change the target.
    ///
    /// - Throws: ``InvalidInput`` for an empty value and for `.` and `..`, which clients and servers treat as moves
    ///   in the path rather than names.
    public static func pathSegment(_ value: String, field: String) throws(InvalidInput) -> String {
        if value.isEmpty { throw InvalidInput(field: field, problem: "a path parameter cannot be empty") }
        if value == "." || value == ".." {
            throw InvalidInput(
                field: field, problem: "`\(value)` would move within the path instead of naming a resource")
        }
        return percentEncoded(value)
    }

    /// Encodes a query name or value; `&`, `=`, `+`, `#` and every other reserved byte are percent-encoded.
    ///
    /// - Parameter allowReserved: Whether RFC 3986's reserved characters go as they are (OpenAPI's
    ///   `allowReserved`), except `&`, `=`, `+` and `#`, which would change how the query is read.
    public static func queryComponent(_ value: String, allowReserved: Bool = false) -> String {
        percentEncoded(value, keeping: allowReserved ? isKeptReserved : { _ in false })
    }

    /// Reserved characters that a value with `allowReserved` keeps.
    private static func isKeptReserved(_ byte: UInt8) -> Bool {
        ":/?[]@!$'()*,;".utf8.contains(byte)
    }

    private static func percentEncoded(_ value: String, keeping: (UInt8) -> Bool = { _ in false }) -> String {
        // Most values need no encoding at all; they are returned as they are, without a copy.
        guard value.containsUTF8Byte(where: { !isUnreserved($0) && !keeping($0) }) else { return value }
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            if isUnreserved(byte) || keeping(byte) {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        // Two 64-bit masks of RFC 3986's unreserved ASCII: letters, digits, `-`, `.`, `_` and `~`.
        let low: UInt64 = 0x03FF_6000_0000_0000
        let high: UInt64 = 0x47FF_FFFE_87FF_FFFE
        return byte < 64 ? low >> UInt64(byte) & 1 == 1 : byte < 128 && high >> UInt64(byte - 64) & 1 == 1
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}

/// A list carried as one string, its items joined by a separator, such as comma-separated e-mail addresses.
@_spi(Generated) public enum DelimitedList {
    /// Joins items for the wire.
    ///
    /// - Throws: ``InvalidInput`` when an item is empty, contains the separator, or has control characters or
    ///   surrounding spaces, any of which would change the list the server reads.
    public static func join(_ items: [String], separator: Character, field: String) throws(InvalidInput) -> String {
        let separatorByte = separator.asciiValue
        for (index, item) in items.enumerated() {
            // Printable ASCII without the separator, not starting or ending with a space, needs no closer look.
            if let separatorByte, let first = item.utf8.first, let last = item.utf8.last, first != 0x20, last != 0x20,
                !item.containsUTF8Byte(where: { $0 < 0x20 || $0 >= 0x7F || $0 == separatorByte })
            {
                continue
            }
            let problem: String? =
                if item.isEmpty { "item \(index + 1) is empty" } else if item.contains(separator) {
                    "item \(index + 1) contains the separator `\(separator)`"
                } else if item.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    "item \(index + 1) contains a control character"
                } else if item.first!.isWhitespace || item.last!.isWhitespace {
                    "item \(index + 1) begins or ends with white space"
                } else { nil }
            if let problem { throw InvalidInput(field: field, problem: problem) }
        }
        return items.count == 1 ? items[0] : items.joined(separator: String(separator))
    }

    /// Splits a received string into items, trimming white space around each and dropping empty ones.
    public static func split(_ text: String, separator: Character) -> [String] {
        text.split(separator: separator).compactMap { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }
}

/// The JSON coding every generated client uses, with sorted keys so that bodies are byte-for-byte reproducible.
@_spi(Generated) public enum JSONCoding {
    // Made once: creating a coder costs more than coding a small body. Both are safe to share between threads.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(withFraction))
        }
        return encoder
    }()

    // `date-time` values are RFC 3339 text; servers send them with and without fractional seconds.
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = date(rfc3339: text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "`\(text)` is not an RFC 3339 date-time.")
        }
        return decoder
    }()

    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let withoutFraction = Date.ISO8601FormatStyle()

    /// The moment an RFC 3339 date-time names, with or without fractional seconds.
    public static func date(rfc3339 text: String) -> Date? {
        (try? Date(text, strategy: withFraction)) ?? (try? Date(text, strategy: withoutFraction))
    }

    /// A `date-time` as the JSON coding writes it: RFC 3339 with fractional seconds.
    static func text(of date: Date) -> String {
        date.formatted(withFraction)
    }

    /// A parameter's value as JSON text, for a parameter described with a JSON `content`.
    ///
    /// - Throws: ``APIClientError`` with `invalidInput` naming the parameter when the value cannot be encoded.
    public static func text(
        _ value: some Encodable, field: String, operationID: String
    ) throws(APIClientError) -> String {
        do {
            return String(decoding: try encode(value), as: UTF8.self)
        } catch {
            throw APIClientError(
                operationID: operationID,
                reason: .invalidInput(field: field, problem: "it cannot be encoded as JSON: \(error)"))
        }
    }

    /// The text of a value that has no text form of its own in a parameter or form field, such as an object inside
    /// an object parameter or a composition: a string as itself, anything else as its JSON text.
    ///
    /// - Throws: ``APIClientError`` with `invalidInput` naming the field when the value cannot be encoded.
    public static func parameterText(
        _ value: some Encodable, field: String, operationID: String
    ) throws(APIClientError) -> String {
        let json = try text(value, field: field, operationID: operationID)
        guard json.hasPrefix("\""), let string = try? decode(String.self, from: Data(json.utf8)) else { return json }
        return string
    }

    /// ``parameterText(_:field:operationID:)`` of a value that may be absent; nil stays nil.
    public static func optionalParameterText(
        _ value: (some Encodable)?, field: String, operationID: String
    ) throws(APIClientError) -> String? {
        guard let value else { return nil }
        return try parameterText(value, field: field, operationID: operationID)
    }

    /// ``parameterText(_:field:operationID:)`` of each item of a list that may be absent; nil stays nil.
    public static func optionalParameterTexts(
        _ items: [some Encodable]?, field: String, operationID: String
    ) throws(APIClientError) -> [String]? {
        guard let items else { return nil }
        return try parameterTexts(items, field: field, operationID: operationID)
    }

    /// ``parameterText(_:field:operationID:)`` of each item of a list.
    public static func parameterTexts(
        _ items: [some Encodable], field: String, operationID: String
    ) throws(APIClientError) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(items.count)
        for item in items { texts.append(try parameterText(item, field: field, operationID: operationID)) }
        return texts
    }

    /// A map's entries as `(key, text)` pairs in the order of their keys, so that the same map always makes the same
    /// request; a `null` value has no text (nil).
    public static func parameterEntries(
        _ map: [String: some Encodable], field: String, operationID: String
    ) throws(APIClientError) -> [(String, String?)] {
        var entries: [(String, String?)] = []
        entries.reserveCapacity(map.count)
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            let text = try parameterText(value, field: field, operationID: operationID)
            entries.append((key, text == "null" ? nil : text))
        }
        return entries
    }

    /// Encodes a value.
    public static func encode(_ value: some Encodable) throws -> Data {
        try encoder.encode(value)
    }

    /// Decodes a value.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try decoder.decode(type, from: data)
    }
}
