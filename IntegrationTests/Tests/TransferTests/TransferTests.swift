import Foundation
import HTTPTypes
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import Testing
import Transfers

/// Runs `body` with a client over AsyncHTTPClient, which streams bodies both ways, to a transfer server on a loopback
/// port, then stops the server. A body that has not finished after 30 seconds fails: a client that held bodies back
/// until they ended would otherwise wait forever for a server that waits for it.
private func withServer(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
    let server = try TransferServer()
    let url = try await server.start()
    do {
        let transport = AsyncHTTPClientTransport(configuration: .init(timeout: .seconds(20)))
        let client = Client(serverURL: url, transport: transport)
        try await withTimeout(seconds: 30) { try await body(client) }
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Runs `operation`, or throws `TimedOut` when it has not finished after `seconds`, without waiting for it to end.
private func withTimeout(seconds: Int, _ operation: @escaping @Sendable () async throws -> Void) async throws {
    let outcome = FirstOutcome()
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        outcome.continuation = continuation
        Task {
            do {
                try await operation()
                outcome.resume(with: .success(()))
            } catch {
                outcome.resume(with: .failure(error))
            }
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            outcome.resume(with: .failure(TimedOut()))
        }
    }
}

/// Resumes a continuation with the first outcome it is given.
private final class FirstOutcome: @unchecked Sendable {
    private let lock = NSLock()
    var continuation: CheckedContinuation<Void, any Error>?

    func resume(with result: Result<Void, any Error>) {
        let pending: CheckedContinuation<Void, any Error>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(with: result)
    }
}

private struct TimedOut: Error {}

@Suite(.serialized) struct TransfersOverLoopback {
    @Test func aMultipartUploadArrivesPartByPartWithTheFileStreamedFromItsSource() async throws {
        try await withServer { client in
            // The file is a stream of unknown length, produced while the request is sent.
            let (stream, continuation) = AsyncStream<ArraySlice<UInt8>>.makeStream()
            let chunk = [UInt8](repeating: 0x25, count: 64 << 10)
            let producer = Task {
                for _ in 0..<32 { continuation.yield(chunk[...]) }
                continuation.finish()
            }
            let output = try await client.uploadDocument(
                body: .init(
                    title: "Care guide", tags: ["ferns", "shade"], details: .init(pages: 12),
                    file: MultipartFile(
                        HTTPBody(stream, length: .unknown, iterationBehavior: .single), filename: "guide.pdf")))
            await producer.value
            guard case .created(let receipt) = output else { throw Unexpected(output) }
            let parts = try #require(receipt.parts)
            #expect(parts.map(\.name) == ["title", "tags", "tags", "details", "file"])
            #expect(parts.compactMap(\.text) == ["Care guide", "ferns", "shade", #"{"pages":12}"#])
            #expect(parts[3].contentType == "application/json")
            let file = try #require(parts.last)
            #expect(file.filename == "guide.pdf")
            #expect(file.contentType == "application/pdf")
            #expect(file.size == 32 * chunk.count)
        }
    }

    @Test func aBodyOfSeveralMediaTypesTravelsInTheOneChosenAndTheAnswerIsReadByItsType() async throws {
        try await withServer { client in
            let asJSON = try await client.addNote(body: .json(.init(text: "Water on Mondays")))
            guard case .created(.json(let receipt)) = asJSON else { throw Unexpected(asJSON) }
            #expect(receipt.contentType == "application/json")
            #expect(receipt.size == #"{"text":"Water on Mondays"}"#.utf8.count)
            let asText = try await client.addNote(body: .plainText("Water on Mondays"))
            #expect(asText == .created(.plainText("16 bytes of text")))
            let bytes = HTTPBody(pattern(0..<70_000))
            let asBytes = try await client.addNote(body: .binary(bytes))
            guard case .created(.json(let raw)) = asBytes else { throw Unexpected(asBytes) }
            #expect(raw.contentType == "application/octet-stream")
            #expect(raw.size == 70_000)
        }
    }

    @Test func aDownloadLargerThanTheBoundedReadIsReadWhileTheServerStillSendsIt() async throws {
        try await withServer { client in
            let size = 9 << 20
            let output = try await client.downloadArchive(size: size)
            guard case .ok(let body) = output else { throw Unexpected(output) }
            var received: [UInt8] = []
            received.reserveCapacity(size)
            var gateOpened = false
            for try await chunk in body {
                received += chunk
                // The server holds back the second half until the gate opens: reaching it proves the first half
                // was handed over before the body ended.
                if !gateOpened, received.count >= size / 2 {
                    gateOpened = true
                    #expect(try await client.openGate(name: "archive") == .noContent)
                }
            }
            #expect(received.count == size)
            #expect(received == pattern(0..<size))
        }
    }

    @Test func eventsArriveOneByOneAsTheServerSendsThem() async throws {
        try await withServer { client in
            let output = try await client.watchEvents()
            guard case .ok(let events) = output else { throw Unexpected(output) }
            var received: [ServerSentEvent] = []
            for try await event in events {
                received.append(event)
                // The second event is sent only after the first was read here.
                if received.count == 1 { #expect(try await client.openGate(name: "events") == .noContent) }
            }
            #expect(
                received == [
                    ServerSentEvent(event: "added", data: "fern"),
                    ServerSentEvent(id: "2", event: "sold", data: "cactus\nin a pot"),
                ])
        }
    }
}

private struct Unexpected: Error, CustomStringConvertible {
    var description: String
    init(_ value: Any) { description = "unexpected \(value)" }
}
