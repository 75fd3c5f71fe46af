import Benchmark
import CloudPartnerPortal
import Foundation
import Generator
import HTTPTypes
import OpenAPIRuntime

// In-process figures for the goals the design sets: generating the Cancel description and synthetic ones of 10 to
// 10,000 operations (with and without YAML anchors), and the cost of one call through a transport that does nothing.
// Each comes with percentiles and allocation counts; `compare.sh` puts the whole-process figures beside
// swift-openapi-generator's and the floor's.

/// The repository's root, from this file's place in it.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A synthetic description from `Benchmarks/synthetic.py`, the one script that writes them.
private func synthetic(operations: Int, anchors: Bool) -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
        ["python3", root.appending(path: "Benchmarks/synthetic.py").path, String(operations)]
        + (anchors ? ["--anchors"] : [])
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
    } catch {
        fatalError("python3 Benchmarks/synthetic.py could not run: \(error)")
    }
    let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(bytes)
}

/// A transport that answers at once with a fixed response, so that a call measures the client alone.
private struct FixedTransport: ClientTransport {
    let response: HTTPResponse
    let body: Data?

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        (response, self.body.map { HTTPBody($0) })
    }
}

private func callBenchmark(_ name: String, _ response: HTTPResponse, body: String?) {
    let client = Client(
        transport: FixedTransport(response: response, body: body.map { Data($0.utf8) }), token: { "token" })
    Benchmark(
        name, configuration: .init(metrics: [.wallClock, .mallocCountTotal, .instructions], maxDuration: .seconds(3))
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await client.cancelOperation(
                    publisherID: "contoso", offerID: "contoso-offer", notificationEmails: ["a@x.com"]))
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    let generation: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]
    let specPath = "api-spec/cloud-partner-portal.yaml"
    let cancel = Array((try? Data(contentsOf: root.appending(path: specPath))) ?? Data())
    Benchmark("Generate Cancel", configuration: .init(metrics: generation, maxDuration: .seconds(3))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Pipeline.generate(cancel, path: specPath, sourceName: specPath))
        }
    }
    for operations in [10, 100, 1_000, 10_000] {
        for anchors in [false, true] {
            let bytes = synthetic(operations: operations, anchors: anchors)
            Benchmark(
                "Generate \(operations) operations\(anchors ? ", anchors" : "")",
                configuration: .init(
                    metrics: generation, maxDuration: .seconds(operations >= 10_000 ? 30 : 5),
                    maxIterations: operations >= 1_000 ? 5 : 1_000)
            ) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try Pipeline.generate(bytes, path: "synthetic.yaml", sourceName: "synthetic.yaml"))
                }
            }
        }
    }
    callBenchmark("Call cancelOperation → 200", HTTPResponse(status: .ok), body: nil)
    callBenchmark(
        "Call cancelOperation → 202 with Location",
        HTTPResponse(
            status: .accepted,
            headerFields: [.location: "/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31"]),
        body: nil)
    callBenchmark(
        "Call cancelOperation → 400 with JSON body",
        HTTPResponse(status: .badRequest, headerFields: [.contentType: "application/json"]),
        body: #"{"error":{"code":"BadArgument","message":"The offer is not valid."}}"#)
}
