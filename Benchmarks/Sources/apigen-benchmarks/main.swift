import CloudPartnerPortal
import Foundation
import Generator
import HTTPTypes
import OpenAPIRuntime

// Prints the figures the design sets goals for: generation time and size for the Cancel description, generation
// time and memory at 1,000 operations, and the cost of one call through a transport that does nothing.

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The median of `runs` timings of `body`, in seconds.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return samples.sorted()[runs / 2]
}

/// The peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
    #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    #endif
}

/// A description with `count` operations shaped like the Cancel operation, each with its own schemas.
func syntheticDescription(operations count: Int) -> String {
    var paths = ""
    var schemas = ""
    for index in 0..<count {
        paths += """
              /api/publishers/{publisherId}/offers/{offerId}/cancel\(index):
                post:
                  operationId: cancelOperation\(index)
                  summary: Cancels operation \(index).
                  parameters:
                    - {name: publisherId, in: path, required: true, schema: {type: string}}
                    - {name: offerId, in: path, required: true, schema: {type: string}}
                    - {name: api-version, in: query, required: true, schema: {type: string, default: '2017-10-31'}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Request\(index)'}
                  responses:
                    '200': {description: Cancelled.}
                    '202':
                      description: Accepted.
                      headers:
                        Location: {required: true, schema: {type: string}}
                    '400':
                      description: Bad request.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Error\(index)'}

            """
        schemas += """
                Request\(index):
                  type: object
                  required: [metadata]
                  properties:
                    metadata:
                      type: object
                      properties:
                        notification-emails: {type: string, x-apigen-delimiter: ','}
                Error\(index):
                  type: object
                  properties:
                    code: {type: string}
                    message: {type: string}

            """
    }
    return """
        openapi: 3.0.3
        info: {title: Synthetic, version: '1'}
        servers: [{url: 'https://example.com'}]
        paths:
        \(paths)components:
          schemas:
        \(schemas)
        """
}

/// A transport that answers at once with a fixed response, so that a call measures the client alone.
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

// `apigen-benchmarks synthetic N` prints the synthetic description of N operations, for compare.sh.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "synthetic", let count = Int(CommandLine.arguments[2])
{
    print(syntheticDescription(operations: count))
    exit(0)
}

let specPath = "api-spec/cloud-partner-portal.yaml"
let cancelBytes = Array(try Data(contentsOf: root.appending(path: specPath)))
var files: [GeneratedFile] = []
let cancelSeconds = try median(runs: 101) {
    files = try Pipeline.generate(cancelBytes, path: specPath, sourceName: specPath).files
}
let lines = files.reduce(0) { $0 + $1.contents.split(separator: "\n", omittingEmptySubsequences: false).count - 1 }
print(
    String(
        format: "generate Cancel description:        %8.2f ms (median of 101), %d files, %d lines", cancelSeconds * 1e3,
        files.count, lines))

for count in [100, 1_000] {
    let bytes = Array(syntheticDescription(operations: count).utf8)
    let seconds = try median(runs: 5) {
        _ = try Pipeline.generate(bytes, path: "synthetic.yaml", sourceName: "synthetic.yaml")
    }
    print(
        String(
            format: "generate %5d operations (%5.1f MB): %8.1f ms (median of 5), peak memory so far %.0f MiB", count,
            Double(bytes.count) / 1e6, seconds * 1e3, peakMemoryMiB()))
}

let accepted = FixedTransport(
    response: HTTPResponse(
        status: .accepted,
        headerFields: [.location: "/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31"]),
    body: nil)
let badRequest = FixedTransport(
    response: HTTPResponse(status: .badRequest, headerFields: [.contentType: "application/json"]),
    body: Data(#"{"error":{"code":"BadArgument","message":"The offer is not valid."}}"#.utf8))
_ = try await microsecondsPerCall(accepted, calls: 2_000)
print(
    String(
        format: "cancelOperation → 202 with Location:  %8.2f µs per call",
        try await microsecondsPerCall(accepted, calls: 100_000)))
print(
    String(
        format: "cancelOperation → 400 with JSON body: %8.2f µs per call",
        try await microsecondsPerCall(badRequest, calls: 100_000)))
