import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in the order they are appended.
@_spi(Generated) public struct URLEncodedForm: Sendable {
    private let operationID: String
    private var pairs: [String] = []

    /// An empty form for a request of an operation.
    public init(operationID: String) {
        self.operationID = operationID
    }

    /// Appends a field.
    public mutating func append(_ name: String, _ value: String) {
        pairs.append(Self.encoded(name) + "=" + Self.encoded(value))
    }

    /// Appends bytes as a field, in base64, the one form text can carry them in.
    public mutating func append(_ name: String, data: Data) {
        append(name, data.base64EncodedString())
    }

    /// Appends a value that is not plain text as its JSON.
    public mutating func appendJSON(_ name: String, _ value: some Encodable) throws(APIClientError) {
        append(name, try jsonText(value, field: name, operationID: operationID))
    }

    /// The body.
    public var body: Data { Data(pairs.joined(separator: "&").utf8) }

    /// The body's media type.
    public var contentType: String { "application/x-www-form-urlencoded" }

    /// Form encoding: unreserved bytes as they are, a space as `+`, everything else percent-encoded.
    private static func encoded(_ text: String) -> String {
        URIEncoding.queryComponent(text).replacing("%20", with: "+")
    }
}

/// The parts of a `multipart/form-data` body, in the order they are appended.
@_spi(Generated) public struct MultipartForm: Sendable {
    private let operationID: String
    private var data = Data()
    private let boundary: String

    /// An empty form for a request of an operation, with a boundary that no part's bytes are likely to hold.
    public init(operationID: String, boundary: String = "apigen-" + UUID().uuidString) {
        self.operationID = operationID
        self.boundary = boundary
    }

    /// Appends a text part.
    public mutating func append(_ name: String, _ value: String) {
        appendPart(name, headers: [], bytes: Data(value.utf8))
    }

    /// Appends a part of raw bytes, as a file named after the field.
    public mutating func append(_ name: String, data bytes: Data) {
        appendPart(
            name, filename: name, headers: ["Content-Type: application/octet-stream"], bytes: bytes)
    }

    /// Appends a value that is not plain text as a JSON part.
    public mutating func appendJSON(_ name: String, _ value: some Encodable) throws(APIClientError) {
        appendPart(
            name, headers: ["Content-Type: application/json"],
            bytes: Data(try jsonText(value, field: name, operationID: operationID).utf8))
    }

    private mutating func appendPart(_ name: String, filename: String? = nil, headers: [String], bytes: Data) {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\""
        if let filename { head += "; filename=\"\(Self.quoted(filename))\"" }
        head += "\r\n"
        for header in headers { head += header + "\r\n" }
        data.append(contentsOf: (head + "\r\n").utf8)
        data.append(bytes)
        data.append(contentsOf: "\r\n".utf8)
    }

    /// The body, with its closing boundary.
    public var body: Data { data + Data("--\(boundary)--\r\n".utf8) }

    /// The body's media type, naming the boundary.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// A name as it may appear between quotes: quotes and line breaks percent-encoded, as browsers do.
    private static func quoted(_ name: String) -> String {
        name.replacing("\"", with: "%22").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }
}

private func jsonText(_ value: some Encodable, field: String, operationID: String) throws(APIClientError) -> String {
    do {
        return String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    } catch {
        throw APIClientError(
            operationID: operationID,
            reason: .invalidInput(field: field, problem: "it cannot be encoded as JSON: \(error)"))
    }
}
