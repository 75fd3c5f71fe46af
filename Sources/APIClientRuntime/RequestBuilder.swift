import Foundation
import HTTPTypes

/// Assembles one request of one operation: the path with its encoded segments, the query, headers and JSON body.
///
/// Generated request builders drive it; every value goes through the encoding its place on the wire needs.
@_spi(Generated) public struct RequestBuilder: Sendable {
    private let operationID: String
    private let method: HTTPRequest.Method
    private var path = ""
    private var query = ""
    private var headerFields = HTTPFields()
    private var body: Data?

    /// Starts a request.
    public init(operationID: String, method: HTTPRequest.Method) {
        self.operationID = operationID
        self.method = method
    }

    /// Appends text of the path template as written.
    public mutating func appendPath(_ literal: String) {
        path += literal
    }

    /// Appends a path parameter as one encoded segment.
    public mutating func appendPathParameter(_ value: String, field: String) throws(APIClientError) {
        do {
            path += try URIEncoding.pathSegment(value, field: field)
        } catch {
            throw invalid(error)
        }
    }

    /// Adds a query item; nil adds nothing.
    public mutating func addQuery(_ name: String, _ value: String?) {
        guard let value else { return }
        query += query.isEmpty ? "?" : "&"
        query += URIEncoding.queryComponent(name) + "=" + URIEncoding.queryComponent(value)
    }

    /// Sets a header; nil sets nothing.
    ///
    /// - Throws: ``APIClientError`` when the value holds a line break, NUL or other control character, which could
    ///   end the header early or be altered on the way.
    public mutating func setHeader(_ name: String, _ value: String?) throws(APIClientError) {
        guard let value else { return }
        guard let fieldName = HTTPField.Name(name) else {
            throw invalid(InvalidInput(field: name, problem: "it is not a valid header name"))
        }
        guard HeaderValue.isSafe(value) else {
            throw invalid(
                InvalidInput(field: name, problem: "a header value cannot contain line breaks or control characters"))
        }
        headerFields[fieldName] = value
    }

    /// Encodes the body as JSON and sets `Content-Type: application/json`.
    public mutating func setJSONBody(_ value: some Encodable) throws(APIClientError) {
        do {
            body = try JSONCoding.encode(value)
        } catch let error as InvalidInput {
            throw invalid(error)
        } catch {
            throw invalid(InvalidInput(field: "body", problem: "it cannot be encoded as JSON: \(error)"))
        }
        headerFields[.contentType] = "application/json"
    }

    /// The finished request, whose path holds the query, and its body.
    public var request: (HTTPRequest, Data?) {
        var fields = headerFields
        if fields[.accept] == nil { fields[.accept] = "application/json" }
        return (
            HTTPRequest(method: method, scheme: nil, authority: nil, path: path + query, headerFields: fields), body
        )
    }

    private func invalid(_ error: InvalidInput) -> APIClientError {
        APIClientError(
            operationID: operationID, reason: .invalidInput(field: error.field, problem: error.problem),
            underlyingError: nil)
    }
}

/// Checks on header values.
@_spi(Generated) public enum HeaderValue {
    /// Whether a value can travel in a header unchanged: no control characters, which includes CR, LF and NUL.
    public static func isSafe(_ value: String) -> Bool {
        !value.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }
    }
}
