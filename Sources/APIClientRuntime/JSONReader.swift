import Foundation

/// A value that reads itself from JSON, giving what its `Decodable` conformance decodes with the generated clients'
/// `JSONDecoder`, without the decoder's containers, boxes and dictionaries.
///
/// Generated structs and enums conform where response bodies read them. A reader never guesses: whatever it is not
/// sure to read as `JSONDecoder` would (escaped keys, a key listed twice, numbers at the edges of their type, values
/// of the wrong kind, invalid JSON) stops it with ``JSONReader/Unsure``, and the whole body is then decoded by
/// `JSONDecoder`, so that the result, or the error, is always the decoder's.
public protocol JSONReadable {
    /// Reads a value, or stops with ``JSONReader/Unsure`` where `JSONDecoder` must decide.
    init(json reader: inout JSONReader) throws(JSONReader.Unsure)
}

/// Reads JSON from a buffer, one value at a time, for ``JSONReadable`` types.
///
/// It accepts strictly what RFC 8259 allows, never more than `JSONDecoder` does: anything it does not accept ends the
/// reading with ``Unsure``, and `JSONDecoder` decides instead.
public struct JSONReader {
    /// The reader cannot be sure to read as `JSONDecoder` would; `JSONDecoder` decides instead.
    public struct Unsure: Error {
        @usableFromInline init() {}
    }

    /// An object's key, as its bytes in the buffer: compared with the names a type knows without making a string.
    struct Key {
        let start: UnsafeRawPointer
        let count: Int

        /// The key's place among names each followed by a NUL, or nil when it is none of them.
        func index(among names: StaticString) -> Int? {
            var name = names.utf8Start
            let end = name + names.utf8CodeUnitCount
            var index = 0
            while name < end {
                var length = 0
                while name[length] != 0 { length += 1 }
                if length == count && memcmp(name, start, count) == 0 { return index }
                name += length + 1
                index += 1
            }
            return nil
        }

        /// Whether the key is plain ASCII, which no other spelling of a name can equal; a key with other characters
        /// might equal a known name in another Unicode normalization, as Swift compares strings.
        var isASCII: Bool {
            UnsafeRawBufferPointer(start: start, count: count).allSatisfy { $0 < 0x80 }
        }
    }

    /// The properties of one object read so far, so that a key listed twice is noticed.
    public struct Seen {
        private var first: UInt64 = 0
        private var others: Set<Int> = []

        /// No properties seen.
        public init() {}

        /// Whether every property of these bits, by place, has been seen: all those below 64.
        func contains(_ bits: UInt64) -> Bool {
            first & bits == bits
        }

        /// Notes the property at `index` in its type's list, stopping when it was seen before: `JSONDecoder` keeps the
        /// first of repeated keys, and such bodies are rare enough to leave to it.
        mutating func insert(_ index: Int) throws(Unsure) {
            if index < 64 {
                let bit: UInt64 = 1 << UInt64(index)
                guard first & bit == 0 else { throw Unsure() }
                first |= bit
            } else {
                guard others.insert(index).inserted else { throw Unsure() }
            }
        }
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Whether reading has failed since it began; see ``nextKey(among:seen:)``.
    private var failed = false
    private var depth = 0
    /// Whether the object or array just begun has no member read yet: the next one needs no comma.
    private var atFirstMember = false

    /// Deeper nesting is left to `JSONDecoder`, whose own limit is 512.
    private static let maximumDepth = 256

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Reads a whole document as a value, or returns nil where `JSONDecoder` must decide.
    @inlinable public static func read<Value: JSONReadable>(_ type: Value.Type, from data: Data) -> Value? {
        var value: Value?
        guard read(from: data, { reader throws(Unsure) in value = try Value(json: &reader) }) else { return nil }
        return value
    }

    /// Runs `body` over a whole document, returning whether it read all of it without a failure.
    ///
    /// The generic `read(_:from:)` is specialised at each call site; this part of it is not, so that each operation
    /// that returns a type gets a call of the type's reader, not a copy of it (a copy for every operation was a third
    /// of what the readers added to a whole-module build).
    @usableFromInline static func read(from data: Data, _ body: (inout JSONReader) throws(Unsure) -> Void) -> Bool {
        data.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer)
            do {
                try body(&reader)
            } catch {
                return false
            }
            return reader.isAtEnd()
        }
    }

    /// Whether nothing but white space follows.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return position == bytes.count
    }

    // MARK: Structure

    /// Starts reading an object.
    public mutating func beginObject() throws(Unsure) {
        try begin(UInt8(ascii: "{"))
    }

    /// The next key of the object being read, with its colon read; nil at the object's end.
    mutating func nextKey() throws(Unsure) -> Key? {
        guard try nextMember(closing: UInt8(ascii: "}")) else { return nil }
        let key = try rawString()
        try readColon()
        return key
    }

    /// Moves to the next key of the object being read that is one of `names`, skipping the values of the others,
    /// and returns its place in the list; nil at the object's end, and once anything has failed.
    ///
    /// Generated readers read a type's properties with this and `value(_:nullable:)`, which do not throw but note
    /// a failure for ``endObject(seen:requiring:)`` to throw once: a `try` at each property would give every one its
    /// own path releasing all the others, which is most of what compiling a reader costs.
    ///
    /// - Parameters:
    ///   - names: The type's keys, in its order, each followed by a NUL (`"id\0name\0"`): one constant, where a
    ///     `switch` over the names would compare each in the generated code.
    ///   - seen: The keys read so far; a key listed twice is a failure.
    public mutating func nextKey(among names: StaticString, seen: inout Seen) -> Int? {
        guard !failed else { return nil }
        do {
            while let key = try nextKey() {
                if let index = key.index(among: names) {
                    try seen.insert(index)
                    return index
                }
                try skipValue(of: key)
            }
        } catch {
            failed = true
        }
        return nil
    }

    /// Reads a property's value, or returns nil and notes the failure for ``endObject(seen:requiring:)``.
    ///
    /// Not inlinable: specialised for each property's type, it made every reader larger to compile without making it
    /// faster; the commonest types have overloads of their own, which need no generic call.
    ///
    /// - Parameters:
    ///   - type: The value's type.
    ///   - nullable: Whether `null` is read as nil.
    public mutating func value<Value: JSONReadable>(_ type: Value.Type, nullable: Bool = false) -> Value? {
        property(nullable: nullable) { reader throws(Unsure) in try Value(json: &reader) }
    }

    /// Reads a string property, as `value(_:nullable:)` reads any other.
    public mutating func value(_ type: String.Type, nullable: Bool = false) -> String? {
        property(nullable: nullable) { reader throws(Unsure) in try reader.readString() }
    }

    /// Reads an integer property, as `value(_:nullable:)` reads any other.
    public mutating func value(_ type: Int.Type, nullable: Bool = false) -> Int? {
        property(nullable: nullable) { reader throws(Unsure) in try reader.readInteger() }
    }

    /// Reads a Boolean property, as `value(_:nullable:)` reads any other.
    public mutating func value(_ type: Bool.Type, nullable: Bool = false) -> Bool? {
        property(nullable: nullable) { reader throws(Unsure) in try reader.readBool() }
    }

    /// Reads a number property, as `value(_:nullable:)` reads any other.
    public mutating func value(_ type: Double.Type, nullable: Bool = false) -> Double? {
        property(nullable: nullable) { reader throws(Unsure) in try reader.readDouble() }
    }

    /// A property read by `read`: nil for `null` when it is nullable, and nil with the failure noted when `read`
    /// throws.
    @inline(__always) private mutating func property<Value>(
        nullable: Bool, _ read: (inout JSONReader) throws(Unsure) -> Value
    ) -> Value? {
        if nullable && readNull() { return nil }
        do {
            return try read(&self)
        } catch {
            failed = true
            return nil
        }
    }

    /// Decodes a property's value with `JSONDecoder`, or returns nil and notes the failure for
    /// ``endObject(seen:requiring:)``.
    ///
    /// - Parameters:
    ///   - type: The value's type.
    ///   - nullable: Whether `null` is read as nil.
    public mutating func decodedValue<Value: Decodable>(_ type: Value.Type, nullable: Bool = false) -> Value? {
        property(nullable: nullable) { reader throws(Unsure) in try reader.decode(type) }
    }

    /// Ends an object read with ``nextKey(among:seen:)``: stops the reader when anything failed or a property the
    /// type requires was absent.
    ///
    /// - Parameters:
    ///   - seen: The keys read.
    ///   - required: A bit for each required property, by its place among the names.
    public mutating func endObject(seen: Seen, requiring required: UInt64) throws(Unsure) {
        guard !failed, seen.contains(required) else { throw Unsure() }
    }

    /// Starts reading an array.
    public mutating func beginArray() throws(Unsure) {
        try begin(UInt8(ascii: "["))
    }

    /// Whether the array being read has another item; false at its end.
    public mutating func hasNextItem() throws(Unsure) -> Bool {
        try nextMember(closing: UInt8(ascii: "]"))
    }

    /// Skips the value of a key the type does not know, checking that it is valid JSON. A key that is not plain
    /// ASCII might equal a known name spelled in another normalization, so it is left to `JSONDecoder`.
    mutating func skipValue(of key: Key) throws(Unsure) {
        guard key.isASCII else { throw Unsure() }
        try skipValue()
    }

    /// Reads a value of a type that does not read itself, with `JSONDecoder`, which decodes it exactly as it would
    /// inside the document.
    public mutating func decode<Value: Decodable>(_ type: Value.Type) throws(Unsure) -> Value {
        skipWhitespace()
        let start = position
        try skipValue()
        let data = Data(bytes[start..<position])
        do {
            return try JSONCoding.decode(type, from: data)
        } catch {
            throw Unsure()
        }
    }

    /// Reads `null`, returning whether it was there; otherwise reads nothing.
    public mutating func readNull() -> Bool {
        skipWhitespace()
        guard matches("null") else { return false }
        position += 4
        return true
    }

    private mutating func begin(_ opening: UInt8) throws(Unsure) {
        skipWhitespace()
        try expect(opening)
        depth += 1
        guard depth <= Self.maximumDepth else { throw Unsure() }
        atFirstMember = true
    }

    /// Moves to the next member of an object or array: past its comma, or past the closing bracket (false).
    private mutating func nextMember(closing: UInt8) throws(Unsure) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw Unsure() }
        if bytes[position] == closing {
            position += 1
            depth -= 1
            atFirstMember = false
            return false
        }
        if atFirstMember {
            atFirstMember = false
        } else {
            try expect(UInt8(ascii: ","))
            skipWhitespace()
        }
        return true
    }

    // MARK: Scalars

    /// Reads a string.
    @usableFromInline mutating func readString() throws(Unsure) -> String {
        skipWhitespace()
        try expect(UInt8(ascii: "\""))
        let start = position
        var isASCII = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                position += 1
                if isASCII { return String(decoding: text, as: UTF8.self) }
                guard let string = String(validating: text, as: UTF8.self) else { throw Unsure() }
                return string
            }
            if byte == UInt8(ascii: "\\") {
                position = start
                return try escapedString()
            }
            guard byte >= 0x20 else { throw Unsure() }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        throw Unsure()
    }

    /// Reads a string and converts it, leaving text the type refuses to `JSONDecoder`.
    mutating func readString<Value>(as convert: (String) -> Value?) throws(Unsure) -> Value {
        guard let value = convert(try readString()) else { throw Unsure() }
        return value
    }

    /// Reads the rest of a string that holds escapes, from just after its opening quote.
    private mutating func escapedString() throws(Unsure) -> String {
        var utf8: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: utf8, as: UTF8.self) else { throw Unsure() }
                return string
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Unsure() }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    // Only scalars outside the surrogates; a surrogate pair is left to `JSONDecoder`.
                    let value = try hexQuad()
                    guard !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) else {
                        throw Unsure()
                    }
                    utf8 += String(scalar).utf8
                default: throw Unsure()
                }
            case 0..<0x20: throw Unsure()
            default: utf8.append(byte)
            }
        }
        throw Unsure()
    }

    private mutating func hexQuad() throws(Unsure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Unsure() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unsure()
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Reads a key: a string without escapes, which `JSONDecoder` would have to unescape before comparing.
    private mutating func rawString() throws(Unsure) -> Key {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return Key(start: bytes.baseAddress! + start, count: position - 1 - start)
            }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { throw Unsure() }
            position += 1
        }
        throw Unsure()
    }

    /// Reads an integer written without fraction or exponent that fits in `Int`.
    mutating func readInteger() throws(Unsure) -> Int {
        skipWhitespace()
        let isNegative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if isNegative { position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                isNegative
                ? times10.subtractingReportingOverflow(Int(digit)) : times10.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { throw Unsure() }
            value = next
            position += 1
        }
        let digits = position - start
        // No digits, a leading zero, or a fraction or exponent that `JSONDecoder` would have to judge.
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw Unsure() }
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Unsure()
            default: break
            }
        }
        return value
    }

    /// Reads a number as a `Double`; values too large or too small for a normal `Double` are left to `JSONDecoder`.
    mutating func readDouble() throws(Unsure) -> Double {
        skipWhitespace()
        let start = position
        try skipNumber()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite, value == 0 || value.magnitude >= .leastNormalMagnitude,
            value != 0 || !text.utf8.contains(where: { (0x31...0x39).contains($0) })
        else { throw Unsure() }
        return value
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(Unsure) -> Bool {
        skipWhitespace()
        if matches("true") {
            position += 4
            return true
        }
        if matches("false") {
            position += 5
            return false
        }
        throw Unsure()
    }

    // MARK: Skipping

    /// Skips one value, checking it strictly.
    private mutating func skipValue() throws(Unsure) {
        skipWhitespace()
        guard position < bytes.count else { throw Unsure() }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            while try hasNextItem() { try skipValue() }
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try readBool()
        case UInt8(ascii: "n"):
            guard readNull() else { throw Unsure() }
        default:
            try skipNumber()
        }
    }

    /// Skips a number written as RFC 8259 allows.
    private mutating func skipNumber() throws(Unsure) {
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = skipDigits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw Unsure()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { throw Unsure() }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard skipDigits() > 0 else { throw Unsure() }
        }
    }

    private mutating func skipDigits() -> Int {
        let start = position
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        return position - start
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Unsure) {
        guard position < bytes.count, bytes[position] == byte else { throw Unsure() }
        position += 1
    }

    private func matches(_ word: StaticString) -> Bool {
        position + word.utf8CodeUnitCount <= bytes.count
            && memcmp(bytes.baseAddress! + position, word.utf8Start, word.utf8CodeUnitCount) == 0
    }
}

// MARK: Conformances

extension String: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) { self = try reader.readString() }
}

extension Bool: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) { self = try reader.readBool() }
}

extension Int: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) { self = try reader.readInteger() }
}

extension Int64: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) { self = Int64(try reader.readInteger()) }
}

extension Int32: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        guard let value = Int32(exactly: try reader.readInteger()) else { throw JSONReader.Unsure() }
        self = value
    }
}

extension Double: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) { self = try reader.readDouble() }
}

extension Date: JSONReadable {
    /// Reads an RFC 3339 date-time, as the generated clients' `JSONDecoder` does.
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = try reader.readString(as: JSONCoding.date(rfc3339:))
    }
}

extension Data: JSONReadable {
    /// Reads base64 text, as `JSONDecoder` does by default.
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = try reader.readString(as: { Data(base64Encoded: $0) })
    }
}

extension UUID: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = try reader.readString(as: UUID.init(uuidString:))
    }
}

extension URL: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = try reader.readString(as: { URL(string: $0) })
    }
}

extension CalendarDate: JSONReadable {
    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = try reader.readString(as: { CalendarDate($0) })
    }
}

extension Optional: JSONReadable where Wrapped: JSONReadable {
    /// Reads `null` as nil, anything else as the wrapped value.
    @inlinable public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = reader.readNull() ? nil : try Wrapped(json: &reader)
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    @inlinable public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = []
        try reader.beginArray()
        while try reader.hasNextItem() { append(try Element(json: &reader)) }
    }
}

extension Dictionary: JSONReadable where Key == String, Value: JSONReadable {
    /// Reads an object's entries; a key listed twice, which `JSONDecoder` resolves its own way, is left to it.
    @inlinable public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self = [:]
        try reader.beginObject()
        while try reader.nextMember() {
            let key = try reader.readString()
            try reader.readColon()
            guard updateValue(try Value(json: &reader), forKey: key) == nil else { throw JSONReader.Unsure() }
        }
    }
}

extension Indirect: JSONReadable where Wrapped: JSONReadable {
    @inlinable public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        self.init(try Wrapped(json: &reader))
    }
}

extension JSONReadable where Self: RawRepresentable, RawValue: JSONReadable {
    /// Reads the raw value, as an enum's `Decodable` conformance does; a value the type refuses is left to
    /// `JSONDecoder`.
    @inlinable public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
        guard let value = Self(rawValue: try RawValue(json: &reader)) else { throw JSONReader.Unsure() }
        self = value
    }
}

extension JSONReader {
    /// Moves to the next entry of a map: true with the reader at its key, false at the map's end.
    @usableFromInline mutating func nextMember() throws(Unsure) -> Bool {
        try nextMember(closing: UInt8(ascii: "}"))
    }

    /// Reads the colon after a map's key.
    @usableFromInline mutating func readColon() throws(Unsure) {
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
    }
}
