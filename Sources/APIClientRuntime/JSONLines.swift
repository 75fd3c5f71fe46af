import Foundation
import OpenAPIRuntime

/// The values of a JSON Lines response (`application/jsonl`, `application/x-ndjson`), one per line, decoded as they
/// arrive with the client's JSON rules (dates as RFC 3339 text) and swift-openapi-runtime's line reader.
///
/// The body is read once, as the values are iterated, and never held whole. Two values are equal when they read the
/// same body.
public struct JSONLines<Element: Decodable & Sendable>: AsyncSequence, Sendable, Hashable {
    /// The response body the values are read from.
    public let body: HTTPBody

    /// Reads values from a body.
    public init(_ body: HTTPBody) {
        self.body = body
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(lines: JSONLinesDeserializationSequence(upstream: body).makeAsyncIterator())
    }

    /// Reads one value at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var lines: JSONLinesDeserializationSequence<HTTPBody>.Iterator<HTTPBody.AsyncIterator>

        /// The next value; nil when the body ends.
        public mutating func next() async throws -> Element? {
            guard let line = try await lines.next() else { return nil }
            return try JSONCoding.decode(Element.self, from: Data(line))
        }
    }

    public static func == (lhs: JSONLines, rhs: JSONLines) -> Bool { lhs.body == rhs.body }

    public func hash(into hasher: inout Hasher) { hasher.combine(body) }
}
