import OpenAPIRuntime

/// The events of a `text/event-stream` response, read as they arrive, with swift-openapi-runtime's parser.
///
/// ```swift
/// if case .ok(let events) = try await client.watchPlants() {
///     for try await event in events { print(event.event ?? "message", event.data ?? "") }
/// }
/// ```
///
/// The body is read once, as the events are iterated, and never held whole, so a stream may run as long as the
/// server keeps it open. Two values are equal when they read the same body.
public struct ServerSentEvents: AsyncSequence, Sendable, Hashable {
    public typealias Element = ServerSentEvent

    /// The response body the events are read from.
    public let body: HTTPBody

    /// Reads events from a body.
    public init(_ body: HTTPBody) {
        self.body = body
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(events: body.asDecodedServerSentEvents().makeAsyncIterator())
    }

    /// Reads one event at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        typealias Lines = ServerSentEventsLineDeserializationSequence<HTTPBody>
        var events: ServerSentEventsDeserializationSequence<Lines>.Iterator<Lines.Iterator<HTTPBody.AsyncIterator>>

        /// The next event; nil when the stream ends.
        public mutating func next() async throws -> ServerSentEvent? {
            try await events.next()
        }
    }
}
