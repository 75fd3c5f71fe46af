import CloudPartnerPortal
import Foundation
import HTTPTypes
import OpenAPIRuntime

// One cancelOperation call through apigen's client and a transport that answers at once, bearer token included, in
// microseconds per call for a 200, a 202 with a Location and a 400 with a JSON body: the same measurement
// Comparison's openapi-generator-calls makes of swift-openapi-generator's client, for compare.sh.

struct FixedTransport: ClientTransport {
    let response: HTTPResponse
    let body: Data?

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        (response, self.body.map { HTTPBody($0) })
    }
}

func microsecondsPerCall(_ transport: FixedTransport, calls: Int) async throws -> Double {
    let client = Client(transport: transport, token: { "token" })
    let start = ContinuousClock.now
    for _ in 0..<calls {
        _ = try await client.cancelOperation(
            publisherID: "contoso", offerID: "contoso-offer", notificationEmails: ["a@x.com"])
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
// `apigen-calls 400 10000` makes only that many calls of one kind, for a profiler such as perf, and for compare.sh,
// which counts their allocations.
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
        try await microsecondsPerCall(accepted, calls: 100_000),
        try await microsecondsPerCall(badRequest, calls: 100_000)
    ))
