import Foundation
import HTTPTypes
import OpenAPIRuntime

// The same measurement as apigen-calls, for the client swift-openapi-generator generates:
// one cancelOperation call through a transport that answers at once, with the bearer token added by a middleware
// (that generator's clients have no built-in token support).

struct FixedTransport: ClientTransport {
    let response: HTTPResponse
    let body: Data?

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        (response, self.body.map { HTTPBody($0) })
    }
}

struct BearerToken: ClientMiddleware {
    let token: @Sendable () async throws -> String

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer " + (try await token())
        return try await next(request, body, baseURL)
    }
}

func microsecondsPerCall(_ transport: FixedTransport, calls: Int) async throws -> Double {
    let client = Client(
        serverURL: URL(string: "https://cloudpartner.azure.com")!, transport: transport,
        middlewares: [BearerToken(token: { "token" })])
    let start = ContinuousClock.now
    for _ in 0..<calls {
        let output = try await client.cancelOperation(
            path: .init(publisherId: "contoso", offerId: "contoso-offer"),
            query: .init(api_hyphen_version: ._2017_hyphen_10_hyphen_31),
            body: .json(.init(metadata: .init(notification_hyphen_emails: "a@x.com"))))
        switch output {
        case .accepted(let accepted): _ = accepted.headers.Location
        case .badRequest(let bad): _ = try bad.body.json
        default: break
        }
    }
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(calls) * 1e6
}

let ok = FixedTransport(response: HTTPResponse(status: .ok), body: nil)
let accepted = FixedTransport(
    response: HTTPResponse(
        status: .accepted,
        headerFields: [.location: "/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31"]),
    body: nil)
let badRequest = FixedTransport(
    response: HTTPResponse(status: .badRequest, headerFields: [.contentType: "application/json"]),
    body: Data(#"{"error":{"code":"BadArgument","message":"The offer is not valid."}}"#.utf8))
// `openapi-generator-calls 400 10000` makes only that many calls of one kind: compare.sh counts allocations so.
let arguments = CommandLine.arguments.dropFirst()
if let kind = arguments.first, let count = arguments.dropFirst().first.flatMap({ Int($0) }) {
    let transports = ["200": ok, "202": accepted, "400": badRequest]
    guard let transport = transports[kind] else { fatalError("the kinds are 200, 202 and 400") }
    print(String(format: "%.2f", try await microsecondsPerCall(transport, calls: count)))
    exit(0)
}
_ = try await microsecondsPerCall(accepted, calls: 2_000)
print(
    String(
        format: "%.2f %.2f %.2f", try await microsecondsPerCall(ok, calls: 100_000),
        try await microsecondsPerCall(accepted, calls: 100_000), try await microsecondsPerCall(badRequest, calls: 100_000)
    ))
