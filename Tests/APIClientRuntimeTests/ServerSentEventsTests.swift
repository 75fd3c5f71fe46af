import APIClientRuntime
import Foundation
import OpenAPIRuntime
import Testing

// `ServerSentEvents` reads a body with swift-openapi-runtime's parser; these check what the generated clients hand
// their callers, as the body arrives in pieces.

/// The events of a body that arrives in the given chunks.
private func events(_ chunks: [String]) async throws -> [ServerSentEvent] {
    let (stream, continuation) = AsyncStream<ArraySlice<UInt8>>.makeStream()
    for chunk in chunks { continuation.yield(ArraySlice(chunk.utf8)) }
    continuation.finish()
    var result: [ServerSentEvent] = []
    for try await event in ServerSentEvents(HTTPBody(stream, length: .unknown, iterationBehavior: .single)) {
        result.append(event)
    }
    return result
}

@Test func eventsAreReadWithTheirFieldsAndMultiLineData() async throws {
    let text = ": a comment\nevent: price\ndata: {\"a\": 1}\ndata: second line\nid: 7\nretry: 3000\n\ndata: plain\n\n"
    let received = try await events([text])
    #expect(received.count == 2)
    #expect(received.first == ServerSentEvent(id: "7", event: "price", data: "{\"a\": 1}\nsecond line", retry: 3000))
    #expect(received.last?.data == "plain")
}

@Test func chunksMaySplitLinesAnywhere() async throws {
    let whole = try await events(["data: one\r\n\r\ndata: two\n\n"])
    let pieces = try await events(["da", "ta: one\r", "\n\r", "\ndata: t", "wo\n", "\n"])
    #expect(whole.map(\.data) == ["one", "two"])
    #expect(pieces == whole)
}

@Test func twoValuesAreEqualWhenTheyReadTheSameBody() {
    let body = HTTPBody("data: x\n\n")
    #expect(ServerSentEvents(body) == ServerSentEvents(body))
    #expect(ServerSentEvents(body) != ServerSentEvents(HTTPBody("data: x\n\n")))
}
