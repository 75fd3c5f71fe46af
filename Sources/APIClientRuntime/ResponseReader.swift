import Foundation
import HTTPTypes

/// Reads the parts of one response that a generated response parser asks for, turning problems into errors that
/// carry the operation, the status and the raw body.
@_spi(Generated) public struct ResponseReader: Sendable {
    private let operationID: String
    /// The response.
    public let response: HTTPResponse
    /// The body, read up to the client's limit.
    public let body: Data

    /// Creates a reader.
    public init(operationID: String, response: HTTPResponse, body: Data) {
        self.operationID = operationID
        self.response = response
        self.body = body
    }

    /// The status code.
    public var status: Int { response.status.code }

    /// A header the description requires.
    public func requiredHeader(_ name: String) throws(APIClientError) -> String {
        guard let value = optionalHeader(name) else {
            throw APIClientError(operationID: operationID, reason: .missingHeader(name: name, status: status))
        }
        return value
    }

    /// A header the response may carry; several fields of the name are joined as `HTTPFields` joins them.
    public func optionalHeader(_ name: String) -> String? {
        // Compared in place: making an `HTTPField.Name` lower-cases a copy of the name, and the fields' own lookup
        // joins through a lazy sequence even when, as nearly always, there is one field.
        var found: HTTPField?
        var more = false
        for field in response.headerFields where Self.isASCIICaseInsensitiveMatch(field.name.canonicalName, name) {
            if found == nil { found = field } else { more = true }
        }
        guard let found else { return nil }
        return more ? response.headerFields[found.name] : found.value
    }

    /// Whether a lower-case field name and a name as the description spells it are the same, ignoring ASCII case.
    private static func isASCIICaseInsensitiveMatch(_ canonical: String, _ name: String) -> Bool {
        guard canonical.utf8.count == name.utf8.count else { return false }
        for (lower, byte) in zip(canonical.utf8, name.utf8)
        where lower != byte && !(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && lower == byte + 32) {
            return false
        }
        return true
    }

    /// A header the description requires, converted to its schema's type.
    public func requiredHeader<Value: HeaderText>(_ name: String, as type: Value.Type) throws(APIClientError) -> Value {
        try converted(name, requiredHeader(name), as: type)
    }

    /// A header the response may carry, converted to its schema's type.
    public func optionalHeader<Value: HeaderText>(_ name: String, as type: Value.Type) throws(APIClientError) -> Value?
    {
        try optionalHeader(name).map { text throws(APIClientError) in try converted(name, text, as: type) }
    }

    /// A header of comma-separated items the description requires, each converted to the items' type.
    public func requiredHeaderItems<Value: HeaderText>(
        _ name: String, as type: Value.Type
    ) throws(APIClientError) -> [Value] {
        try items(name, requiredHeader(name), as: type)
    }

    /// A header of comma-separated items the response may carry, each converted to the items' type.
    public func optionalHeaderItems<Value: HeaderText>(
        _ name: String, as type: Value.Type
    ) throws(APIClientError) -> [Value]? {
        try optionalHeader(name).map { text throws(APIClientError) in try items(name, text, as: type) }
    }

    private func items<Value: HeaderText>(
        _ name: String, _ text: String, as type: Value.Type
    ) throws(APIClientError) -> [Value] {
        var result: [Value] = []
        for item in text.split(separator: ",") {
            result.append(
                try converted(name, String(item.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()), as: type))
        }
        return result
    }

    private func converted<Value: HeaderText>(
        _ name: String, _ text: String, as type: Value.Type
    ) throws(APIClientError) -> Value {
        guard let value = Value(headerText: text) else {
            throw APIClientError(operationID: operationID, reason: .invalidHeader(name: name, status: status))
        }
        return value
    }

    /// A text body, decoded as UTF-8.
    public func text() throws(APIClientError) -> String {
        guard let text = String(validating: body, as: UTF8.self) else {
            throw APIClientError(operationID: operationID, reason: .undecodableBody(status: status, body: body))
        }
        return text
    }

    /// A text body that may be absent: an empty body is nil.
    public func optionalText() throws(APIClientError) -> String? {
        body.isEmpty ? nil : try text()
    }

    /// Whether the body holds more than white space; an error body without that is no body.
    public var hasBody: Bool {
        body.withUnsafeBytes { bytes in !bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
    }

    /// Which of the media types documented for the response its `Content-Type` is: the most specific match, the
    /// first of equals. A documented `application/*+json`, `text/*` or `*/*` matches the types it covers; parameters
    /// such as `charset` are ignored. A response without `Content-Type` is the first documented type.
    ///
    /// - Parameter documented: The documented media types, in document order.
    /// - Returns: The index of the matching media type in `documented`.
    public func mediaTypeIndex(of documented: [String]) throws(APIClientError) -> Int {
        guard let header = response.headerFields[.contentType] else { return 0 }
        let received = MediaType(header)
        var best: (index: Int, score: Int)?
        for (index, text) in documented.enumerated() {
            guard let score = MediaType(text).specificity(matching: received) else { continue }
            if best == nil || score > best!.score { best = (index, score) }
        }
        guard let best else {
            throw APIClientError(
                operationID: operationID, reason: .unexpectedContentType(status: status, contentType: header))
        }
        return best.index
    }

    /// The raw body, or nil when it is empty.
    public func optionalBytes() -> Data? {
        body.isEmpty ? nil : body
    }

    /// A JSON body the description requires.
    public func requiredJSON<Value: Decodable>(_ type: Value.Type) throws(APIClientError) -> Value {
        try requiredJSON(decoding: type)
    }

    /// A JSON body that may be absent: an empty body is nil, a body that is not the documented JSON is an error.
    public func optionalJSON<Value: Decodable>(_ type: Value.Type) throws(APIClientError) -> Value? {
        hasBody ? try requiredJSON(type) : nil
    }

    /// A JSON body the description requires, of a type that reads itself: read without `JSONDecoder` where the
    /// reader is sure of the result, otherwise decoded by it, so that the value or the error is always the decoder's.
    @inlinable public func requiredJSON<Value: Decodable & JSONReadable>(
        _ type: Value.Type
    ) throws(APIClientError) -> Value {
        if let value = JSONReader.read(type, from: body) { return value }
        return try requiredJSON(decoding: type)
    }

    /// A JSON body that may be absent, of a type that reads itself, read as `requiredJSON(_:)` reads it.
    @inlinable public func optionalJSON<Value: Decodable & JSONReadable>(
        _ type: Value.Type
    ) throws(APIClientError) -> Value? {
        hasBody ? try requiredJSON(type) : nil
    }

    /// A JSON body the description requires, decoded by `JSONDecoder`.
    @usableFromInline func requiredJSON<Value: Decodable>(decoding type: Value.Type) throws(APIClientError) -> Value {
        do {
            return try JSONCoding.decode(type, from: body)
        } catch {
            throw APIClientError(
                operationID: operationID, reason: .undecodableBody(status: status, body: body), underlyingError: error)
        }
    }
}

/// A media type's type and subtype, in lower case, without parameters.
struct MediaType: Equatable {
    var type: Substring
    var subtype: Substring

    init(_ text: String) {
        let essence = text.lowercased().prefix { $0 != ";" }.filter { $0 != " " && $0 != "\t" }
        let parts = essence.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        type = parts[0]
        subtype = parts.count > 1 ? parts[1] : ""
    }

    /// How specifically this documented type matches a received one, higher being more specific; nil when it does
    /// not match.
    func specificity(matching received: MediaType) -> Int? {
        if self == received { return 4 }
        if type == "*", subtype == "*" { return 0 }
        guard type == received.type else { return nil }
        if subtype == "*" { return 1 }
        if subtype.hasPrefix("*+"), received.subtype.hasSuffix(subtype.dropFirst()) { return 2 }
        return nil
    }
}
