import Foundation
// Tests name the HTTP types of the requests they inspect and the responses they script (`.post`, `.accepted`,
// `.location`); re-exporting them lets a test import only this module, also with member import visibility.
@_exported import HTTPTypes
import OpenAPIRuntime

/// A transport that answers requests in memory and records them, for testing code that uses a generated client.
///
/// ```swift
/// let transport = MockTransport { _ in .init(status: .accepted, headerFields: [.location: "/api/operations/x"]) }
/// let client = Client(transport: transport, token: { "test-token" })
/// ```
public final class MockTransport: ClientTransport, Sendable {
    /// A request as the transport received it.
    public struct Request: Sendable {
        /// The request, whose path holds the query.
        public var request: HTTPRequest
        /// The body's bytes, if the request had a body.
        public var body: Data?
        /// The server URL the request's path is relative to.
        public var baseURL: URL
        /// The `operationId` of the operation that sent it.
        public var operationID: String

        /// The full URL the request is for, as a real transport would form it.
        public var url: URL? {
            URL(string: baseURL.absoluteString.trimmingSuffix("/") + (request.path ?? ""))
        }

        /// The body decoded as a JSON object, for comparing with a dictionary literal.
        public var jsonBody: NSDictionary? {
            body.flatMap { try? JSONSerialization.jsonObject(with: $0) as? NSDictionary }
        }
    }

    /// A canned response.
    public struct Response: Sendable {
        /// The status.
        public var status: HTTPResponse.Status
        /// The headers.
        public var headerFields: HTTPFields
        /// The body; nil sends no body at all.
        public var body: Data?

        /// Creates a response.
        public init(status: HTTPResponse.Status, headerFields: HTTPFields = [:], body: Data? = nil) {
            self.status = status
            self.headerFields = headerFields
            self.body = body
        }

        /// Creates a response with a UTF-8 text body, such as JSON.
        public init(status: HTTPResponse.Status, headerFields: HTTPFields = [:], body: String) {
            self.init(status: status, headerFields: headerFields, body: Data(body.utf8))
        }
    }

    private let respond: @Sendable (Request) async throws -> Response
    private let recorded = Locked<[Request]>([])

    /// Creates a transport that answers each request with what `respond` returns, or throws what it throws.
    public init(respond: @escaping @Sendable (Request) async throws -> Response) {
        self.respond = respond
    }

    /// Creates a transport that answers every request with the same response.
    public convenience init(_ response: Response) {
        self.init { _ in response }
    }

    /// Every request received so far, in order.
    public var requests: [Request] { recorded.withLock { $0 } }

    public func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        var bytes: Data?
        if let body { bytes = try await Data(collecting: body, upTo: .max) }
        let received = Request(request: request, body: bytes, baseURL: baseURL, operationID: operationID)
        recorded.withLock { $0.append(received) }
        let response = try await respond(received)
        return (
            HTTPResponse(status: response.status, headerFields: response.headerFields),
            response.body.map { HTTPBody($0) }
        )
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
