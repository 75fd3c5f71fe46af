import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Returns a bearer token; called once for every request sent, so that it can refresh tokens that expire.
public typealias BearerTokenProvider = @Sendable () async throws -> String

/// Sends the requests of a generated client: builds them, adds the bearer token, passes them through the middlewares
/// to the transport, reads the response body up to a limit, and parses the response.
@_spi(Generated) public struct RequestRunner: Sendable {
    /// The server that request paths are relative to.
    public let serverURL: URL
    /// What carries requests to the server.
    public let transport: any ClientTransport
    /// What sees each request and response, first to last on the way out.
    public let middlewares: [any ClientMiddleware]
    /// The longest response body read, in bytes; a longer body is an error rather than a memory hazard.
    public let maxResponseBodyBytes: Int

    /// Creates a runner.
    public init(
        serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware] = [],
        maxResponseBodyBytes: Int = 8 << 20
    ) {
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.maxResponseBodyBytes = maxResponseBodyBytes
    }

    /// Sends one request and parses its response.
    ///
    /// Credentials are added after the middlewares have seen the request, just before the transport, so that a
    /// logging middleware never sees them and a retrying one gets fresh ones each time.
    ///
    /// - Parameters:
    ///   - operationID: The operation's `operationId`, passed to middlewares and the transport and named in errors.
    ///   - security: The operation's alternative security requirements, each with the credentials it needs (nil
    ///     where the caller gave none); empty when the operation sends none.
    ///   - server: The server of an operation that names its own, instead of the client's.
    ///   - request: Builds the request and its body.
    ///   - stream: Turns a response whose body is handed over unread (raw bytes, events or JSON Lines of a success)
    ///     into the output; nil for the others, whose bodies are read up to the limit and parsed.
    ///   - parse: Turns the response and its body into the operation's output.
    @inline(__always) public func send<Output>(
        _ operationID: String, security: SecurityRequirements, server: URL? = nil,
        request: () throws(APIClientError) -> (HTTPRequest, HTTPBody?),
        stream: ((HTTPResponse, HTTPBody) throws(APIClientError) -> Output?)? = nil,
        parse: (HTTPResponse, Data) throws(APIClientError) -> Output
    ) async throws(APIClientError) -> Output {
        let (httpRequest, body) = try request()
        let url = server ?? serverURL
        let response: HTTPResponse
        let responseBody: HTTPBody?
        do {
            if middlewares.isEmpty {
                // Without middlewares no chain of closures is needed.
                (response, responseBody) = try await authorizedSend(
                    consume httpRequest, body: body, baseURL: url, operationID: operationID, security: security)
            } else {
                let authorize: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
                    request, body, url in
                    try await authorizedSend(
                        request, body: body, baseURL: url, operationID: operationID, security: security)
                }
                let chain = middlewares.reversed().reduce(authorize) { next, middleware in
                    { request, body, url in
                        try await middleware.intercept(
                            request, body: body, baseURL: url, operationID: operationID, next: next)
                    }
                }
                (response, responseBody) = try await chain(httpRequest, body, url)
            }
        } catch let error as APIClientError {
            throw error
        } catch {
            throw APIClientError(operationID: operationID, reason: .transportFailed, underlyingError: error)
        }
        if let stream, let output = try stream(response, responseBody ?? HTTPBody()) { return output }
        let bytes = try await collect(responseBody, status: response.status.code, operationID: operationID)
        return try parse(response, bytes)
    }

    /// Adds the credentials and hands the request to the transport.
    @inline(__always) private func authorizedSend(
        _ request: consuming HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        security: SecurityRequirements
    ) async throws -> (HTTPResponse, HTTPBody?) {
        // Taken over, not copied: adding a field to a request another value still shares would copy its fields.
        try await Credential.authorize(&request, meeting: security, operationID: operationID)
        return try await transport.send(request, body: body, baseURL: baseURL, operationID: operationID)
    }

    @inline(__always) private func collect(_ body: HTTPBody?, status: Int, operationID: String)
        async throws(APIClientError) -> Data
    {
        guard let body else { return Data() }
        let tooLarge = APIClientError(
            operationID: operationID, reason: .responseBodyTooLarge(status: status, limit: maxResponseBodyBytes))
        if case .known(let length) = body.length, length > maxResponseBodyBytes { throw tooLarge }
        var data = Data()
        do {
            for try await chunk in body {
                guard data.count + chunk.count <= maxResponseBodyBytes else { throw tooLarge }
                data.append(contentsOf: chunk)
            }
        } catch let error as APIClientError {
            throw error
        } catch {
            throw APIClientError(operationID: operationID, reason: .transportFailed, underlyingError: error)
        }
        return data
    }
}

/// One operation of a generated client: its identity, its request builder and its response parser.
///
/// Generated operation namespaces conform to it, so one `RequestRunner` can send any of them.
public protocol APIOperation {
    /// The values a request sends.
    associatedtype Input: Sendable
    /// The outcome of a request.
    associatedtype Output: Sendable
    /// The operation's `operationId`.
    static var id: String { get }
    /// Builds the HTTP request for an input without sending it.
    static func request(for input: Input) throws(APIClientError) -> (HTTPRequest, HTTPBody?)
    /// Reads a response without a transport.
    static func output(from response: HTTPResponse, body: Data) throws(APIClientError) -> Output
}

@_spi(Generated) extension RequestRunner {
    /// Sends one request of an operation and parses its response.
    ///
    /// - Parameters:
    ///   - operation: The operation.
    ///   - input: The values to send.
    ///   - security: The operation's alternative security requirements, each with the credentials it needs.
    ///   - server: The server of an operation that names its own, instead of the client's.
    ///   - stream: For an operation with successes handed over as streams, its `streamedOutput(from:body:)`.
    public func send<Operation: APIOperation>(
        _ operation: Operation.Type, _ input: Operation.Input, security: SecurityRequirements, server: URL? = nil,
        stream: ((HTTPResponse, HTTPBody) throws(APIClientError) -> Operation.Output?)? = nil
    ) async throws(APIClientError) -> Operation.Output {
        try await send(
            Operation.id, security: security, server: server,
            request: { () throws(APIClientError) in try Operation.request(for: input) }, stream: stream,
            parse: { response, body throws(APIClientError) in try Operation.output(from: response, body: body) })
    }
}
