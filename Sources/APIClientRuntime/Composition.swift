import Foundation

/// A value that matched none of a composition's alternatives, with what each alternative's decoding said.
///
/// Thrown while a `oneOf` or `anyOf` value decodes; a client reports it as the underlying error of an undecodable
/// body, so its description says which alternatives were tried and why each one failed.
public struct CompositionError: Error, Sendable, CustomStringConvertible {
    /// The generated type that could not decode.
    public var type: String
    /// The alternatives tried, by their Swift names, in order.
    public var alternatives: [String]
    /// What each alternative's decoding said, in the same order.
    public var reasons: [String]
    /// Where in the document the value is, as coding keys.
    public var codingPath: [String]

    /// Creates the error from the errors each alternative threw.
    public init(type: String, alternatives: [String], errors: [any Error], codingPath: [any CodingKey]) {
        self.type = type
        self.alternatives = alternatives
        reasons = errors.map(Self.reason)
        self.codingPath = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
    }

    public var description: String {
        let place = codingPath.isEmpty ? "the value" : "`\(codingPath.joined(separator: "."))`"
        let tried = zip(alternatives, reasons).map { "`\($0)`: \($1)" }.joined(separator: "; ")
        return "\(place) is none of the alternatives of `\(type)` (\(tried))"
    }

    /// A short account of a decoding error, without the coder's debugging noise.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .typeMismatch(let type, let context): return "expected \(type) at \(path(context))"
        case .valueNotFound(let type, let context): return "no \(type) at \(path(context))"
        case .keyNotFound(let key, let context):
            return "missing `\(key.stringValue)`" + (context.codingPath.isEmpty ? "" : " in \(path(context))")
        case .dataCorrupted(let context): return context.debugDescription
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty
            ? "the top" : "`" + context.codingPath.map(\.stringValue).joined(separator: ".") + "`"
    }

    /// The string value of a discriminator property, or nil when the value is not an object or lacks it.
    @_spi(Generated) public static func discriminator(_ name: String, in decoder: any Decoder) throws -> String? {
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return nil }
        return try? container.decodeIfPresent(String.self, forKey: AnyCodingKey(name))
    }
}

/// A coding key of any name, for the properties an object does not list.
@_spi(Generated) public struct AnyCodingKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    /// A key of this name.
    public init(_ name: String) {
        stringValue = name
    }

    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        nil
    }
}

/// The coding of the properties an object does not list, which travel beside its listed ones.
@_spi(Generated) public enum AdditionalProperties {
    /// Decodes every property except the listed ones, each as a `Value`.
    public static func decode<Value: Decodable>(
        _ type: Value.Type, from decoder: any Decoder, excluding listed: Set<String>
    ) throws -> [String: Value] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var result: [String: Value] = [:]
        for key in container.allKeys where !listed.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return result
    }

    /// Encodes each property beside the ones the object's own coding writes.
    public static func encode<Value: Encodable>(_ properties: [String: Value], to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (name, value) in properties {
            try container.encode(value, forKey: AnyCodingKey(name))
        }
    }
}
