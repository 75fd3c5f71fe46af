import FlyingFox
import FlyingSocks
import Foundation

/// A server on an ephemeral loopback port for the transfer tests: it reads uploads part by part and says what it
/// received, and sends downloads and events in pieces, holding back the rest until the client opens a gate, so that
/// a client that waited for the whole body before reading any of it would never finish.
actor TransferServer {
    private let server: HTTPServer
    private var task: Task<Void, any Error>?

    init() throws {
        let gates = Gates()
        // IPv4 explicitly, as the portal stand-in does.
        server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled,
            handler: TransferHandler(gates: gates))
    }

    /// Starts listening and returns the server's base URL.
    func start() async throws -> URL {
        let server = self.server
        task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(let host, let port)? = await server.listeningAddress else { throw NotListening() }
        return URL(string: "http://\(host):\(port)")!
    }

    func stop() async {
        await server.stop(timeout: 0.1)
        task?.cancel()
    }
}

struct NotListening: Error {}

/// Named gates that a response waits on until a request opens them; a gate opened first lets its waiter through at
/// once. A gate that stays shut for 10 seconds fails its waiter, which cuts the response short, so that a client
/// that never opens it fails rather than waits forever.
actor Gates {
    private var open: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, any Error>]] = [:]

    func wait(_ name: String) async throws {
        if open.contains(name) { return }
        Task {
            try await Task.sleep(for: .seconds(10))
            self.fail(name)
        }
        try await withCheckedThrowingContinuation { waiters[name, default: []].append($0) }
    }

    func open(_ name: String) {
        open.insert(name)
        for waiter in waiters.removeValue(forKey: name) ?? [] { waiter.resume() }
    }

    private func fail(_ name: String) {
        for waiter in waiters.removeValue(forKey: name) ?? [] { waiter.resume(throwing: ShutGate(name: name)) }
    }
}

struct ShutGate: Error {
    var name: String
}

struct TransferHandler: HTTPHandler {
    let gates: Gates

    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let path = request.path
        switch (request.method, path) {
        case (.POST, "/documents"):
            return try await receipt(of: request)
        case (.POST, "/notes"):
            let body = try await request.bodyData
            let type = request.headers[.contentType] ?? ""
            // Text comes back as text, anything else as a JSON receipt, so that the client reads both media types.
            if type.hasPrefix("text/plain") {
                return HTTPResponse(
                    statusCode: .created, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: Data("\(body.count) bytes of text".utf8))
            }
            return json(.created, Receipt(contentType: type, size: body.count, parts: nil))
        case (.GET, "/archive"):
            let size = Int(request.query["size"] ?? "") ?? 0
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "application/octet-stream"],
                body: HTTPBodySequence(
                    from: Pieces(
                        [.bytes(pattern(0..<size / 2)), .gate("archive"), .bytes(pattern(size / 2..<size))],
                        gates: gates)))
        case (.GET, "/events"):
            let first = Array("event: added\ndata: fern\n\n".utf8)
            let second = Array("event: sold\nid: 2\ndata: cactus\ndata: in a pot\n\n".utf8)
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/event-stream"],
                body: HTTPBodySequence(from: Pieces([.bytes(first), .gate("events"), .bytes(second)], gates: gates)))
        case (.POST, _) where path.hasPrefix("/gates/"):
            await gates.open(String(path.dropFirst("/gates/".count)))
            return HTTPResponse(statusCode: .noContent)
        default:
            return HTTPResponse(statusCode: .notFound)
        }
    }

    /// What a multipart upload held, part by part.
    private func receipt(of request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let type = request.headers[.contentType] ?? ""
        let body = try await request.bodyData
        guard let boundary = type.split(separator: "boundary=").last.map(String.init),
            type.hasPrefix("multipart/form-data")
        else {
            return HTTPResponse(statusCode: .badRequest)
        }
        var parts: [Receipt.Part] = []
        let delimiter = Data("--\(boundary)".utf8)
        var sections: [Data] = []
        var rest = body[...]
        while let range = rest.range(of: delimiter) {
            sections.append(Data(rest[rest.startIndex..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        for section in sections.dropFirst() {
            // Each part: CRLF, headers, a blank line, the bytes, CRLF before the next delimiter.
            guard let split = section.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: section[section.startIndex..<split.lowerBound], as: UTF8.self)
            let bytes = section[split.upperBound...].dropLast(2)
            var part = Receipt.Part(name: "", size: bytes.count)
            for line in head.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    part.name = value(of: "name", in: String(line)) ?? ""
                    part.filename = value(of: "filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    part.contentType = String(line.dropFirst("content-type:".count)).trimmingCharacters(
                        in: .whitespaces)
                }
            }
            if part.filename == nil { part.text = String(decoding: bytes, as: UTF8.self) }
            parts.append(part)
        }
        return json(.created, Receipt(contentType: "multipart/form-data", size: body.count, parts: parts))
    }

    private func value(of parameter: String, in line: String) -> String? {
        guard let range = line.range(of: " \(parameter)=\"") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "\"" })
    }

    private func json(_ status: HTTPStatusCode, _ receipt: Receipt) -> FlyingFox.HTTPResponse {
        HTTPResponse(
            statusCode: status, headers: [.contentType: "application/json"],
            body: (try? JSONEncoder().encode(receipt)) ?? Data())
    }
}

/// The bytes of a download: a position's value is its offset modulo 251, so that a misplaced chunk shows.
func pattern(_ range: Range<Int>) -> [UInt8] {
    range.map { UInt8($0 % 251) }
}

/// What the server says it received.
struct Receipt: Codable {
    struct Part: Codable {
        var name: String
        var filename: String?
        var contentType: String?
        var text: String?
        var size: Int
    }

    var contentType: String
    var size: Int
    var parts: [Part]?
}

/// A response body sent piece by piece, waiting at each gate until a request opens it.
struct Pieces: AsyncBufferedSequence, Sendable {
    enum Piece: Sendable {
        case bytes([UInt8])
        case gate(String)
    }

    typealias Element = UInt8
    let pieces: [Piece]
    let gates: Gates

    init(_ pieces: [Piece], gates: Gates) {
        self.pieces = pieces
        self.gates = gates
    }

    func makeAsyncIterator() -> Iterator { Iterator(pieces: pieces[...], gates: gates) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var pieces: ArraySlice<Piece>
        let gates: Gates
        var current: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            while current.isEmpty {
                guard let piece = pieces.popFirst() else { return nil }
                switch piece {
                case .bytes(let bytes): current = bytes[...]
                case .gate(let name): try await gates.wait(name)
                }
            }
            let chunk = current.prefix(Swift.max(1, count))
            current = current.dropFirst(chunk.count)
            return chunk
        }
    }
}
