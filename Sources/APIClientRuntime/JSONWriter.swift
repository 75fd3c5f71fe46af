import Foundation

/// A value that writes its own JSON, byte for byte what generated clients write with `JSONEncoder` (sorted keys,
/// slashes unescaped, RFC 3339 dates), without the encoder's containers and boxes.
///
/// Generated structs and enums conform; request bodies of such types are written this way.
public protocol JSONWritable {
    /// Appends the value's JSON.
    func writeJSON(to writer: inout JSONWriter) throws
}

/// Writes JSON into a byte buffer, one value at a time.
///
/// Commas are placed by the writer: a key or an array item that follows a value is preceded by one.
public struct JSONWriter {
    /// The JSON written so far.
    public var bytes: [UInt8] { written }
    @usableFromInline var written: [UInt8] = []
    @usableFromInline var followsValue = false

    /// An empty writer.
    public init() {
        written.reserveCapacity(128)
    }

    /// The JSON of a value.
    public static func json(of value: some JSONWritable) throws -> Data {
        Data(try bytes(of: value))
    }

    /// The JSON of a value, as the bytes the writer wrote, without a copy.
    @inlinable public static func bytes(of value: some JSONWritable) throws -> [UInt8] {
        var writer = JSONWriter()
        try value.writeJSON(to: &writer)
        return writer.written
    }

    // MARK: Structure

    /// Starts an object.
    public mutating func beginObject() {
        written.append(UInt8(ascii: "{"))
        followsValue = false
    }

    /// Ends an object.
    public mutating func endObject() {
        written.append(UInt8(ascii: "}"))
        followsValue = true
    }

    /// Writes a key and the value that follows it.
    @inlinable public mutating func write(key: String, _ value: some JSONWritable) throws {
        writeKey(key)
        try value.writeJSON(to: &self)
    }

    /// Writes a key given as its JSON text (`"name":`) and a value that cannot write its own JSON, which
    /// `JSONEncoder` writes.
    public mutating func write(jsonKey: StaticString, encodable value: some Encodable) throws {
        writeKey(jsonKey: jsonKey)
        try write(encodable: value)
    }

    /// Writes a value that cannot write its own JSON, which `JSONEncoder` writes.
    public mutating func write(encodable value: some Encodable) throws {
        written += try JSONCoding.encode(value)
        followsValue = true
    }

    /// Writes a key given as its JSON text, quoted and escaped, with the colon that follows it (`"name":`), and the
    /// value that follows it: generated writers know their keys' JSON when they are generated, and copy it at once.
    @inlinable public mutating func write(jsonKey: StaticString, _ value: some JSONWritable) throws {
        writeKey(jsonKey: jsonKey)
        try value.writeJSON(to: &self)
    }

    @usableFromInline mutating func writeKey(jsonKey: StaticString) {
        if followsValue { written.append(UInt8(ascii: ",")) }
        jsonKey.withUTF8Buffer { written.append(contentsOf: $0) }
        followsValue = false
    }

    @usableFromInline mutating func writeKey(_ key: String) {
        if followsValue { written.append(UInt8(ascii: ",")) }
        writeString(key)
        written.append(UInt8(ascii: ":"))
        followsValue = false
    }

    /// Writes the items of an array.
    @inlinable mutating func writeArray<Items: Sequence>(_ items: Items) throws where Items.Element: JSONWritable {
        written.append(UInt8(ascii: "["))
        followsValue = false
        for item in items {
            if followsValue { written.append(UInt8(ascii: ",")) }
            try item.writeJSON(to: &self)
            followsValue = true
        }
        written.append(UInt8(ascii: "]"))
        followsValue = true
    }

    // MARK: Scalars

    /// Writes text that is already JSON, such as a number.
    @usableFromInline mutating func writeRaw(_ text: String) {
        written += text.utf8
        followsValue = true
    }

    /// Writes a string, escaped as `JSONEncoder` escapes it: quotes, backslashes and control characters only.
    mutating func writeString(_ text: String) {
        written.append(UInt8(ascii: "\""))
        // Most strings need no escape: their bytes are copied at once.
        if !text.containsUTF8Byte(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            written.append(contentsOf: text.utf8)
            written.append(UInt8(ascii: "\""))
            followsValue = true
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): written += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): written += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: written += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: written += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: written += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: written += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: written += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                written += [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
                    hex[Int(byte & 0xF)],
                ]
            default: written.append(byte)
            }
        }
        written.append(UInt8(ascii: "\""))
        followsValue = true
    }

    /// Writes a floating-point number as `JSONEncoder` does: its shortest text, without a trailing `.0`.
    mutating func writeNumber(_ text: String, isFinite: Bool) throws {
        guard isFinite else {
            throw InvalidInput(field: "body", problem: "\(text) cannot be written as a JSON number")
        }
        writeRaw(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }
}

extension String: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeString(self) }
}

extension Bool: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeRaw(self ? "true" : "false") }
}

extension Int: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeRaw(String(self)) }
}

extension Int32: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeRaw(String(self)) }
}

extension Int64: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeRaw(String(self)) }
}

extension Double: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws {
        try writer.writeNumber(description, isFinite: isFinite)
    }
}

extension Float: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws {
        try writer.writeNumber(description, isFinite: isFinite)
    }
}

extension Date: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeString(JSONCoding.text(of: self)) }
}

extension Data: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeString(base64EncodedString()) }
}

extension UUID: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeString(uuidString) }
}

extension URL: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeString(absoluteString) }
}

extension CalendarDate: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) throws { writer.writeString(description) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    /// Writes the value, or `null`.
    @inlinable public func writeJSON(to writer: inout JSONWriter) throws {
        guard let self else { return writer.writeRaw("null") }
        try self.writeJSON(to: &writer)
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    @inlinable public func writeJSON(to writer: inout JSONWriter) throws { try writer.writeArray(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    /// Writes the entries in the order of their keys' UTF-8 bytes, as `JSONEncoder` sorts them.
    public func writeJSON(to writer: inout JSONWriter) throws {
        writer.beginObject()
        for (key, value) in sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            try writer.write(key: key, value)
        }
        writer.endObject()
    }
}

extension Indirect: JSONWritable where Wrapped: JSONWritable {
    @inlinable public func writeJSON(to writer: inout JSONWriter) throws { try value.writeJSON(to: &writer) }
}

extension JSONWritable where Self: RawRepresentable, RawValue: JSONWritable {
    /// Writes the raw value, as an enum's `Encodable` conformance does.
    @inlinable public func writeJSON(to writer: inout JSONWriter) throws { try rawValue.writeJSON(to: &writer) }
}
