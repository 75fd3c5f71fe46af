import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The fields of an `application/x-www-form-urlencoded` body, in the order they are appended, written as a query
/// is, with spaces as `+`.
@_spi(Generated) public struct URLEncodedForm: Sendable {
    private let operationID: String
    private var fields = QueryString(isForm: true)

    /// An empty form for a request of an operation.
    public init(operationID: String) {
        self.operationID = operationID
    }

    /// Appends a field; nil appends nothing.
    public mutating func append(_ name: String, _ value: String?, allowReserved: Bool = false) {
        fields.add(name, value, allowReserved: allowReserved)
    }

    /// Appends an array: a field for each item when exploded, otherwise one field with the items joined by the
    /// separator.
    public mutating func append(
        _ name: String, items: [String]?, explode: Bool, separator: String, allowReserved: Bool = false
    ) {
        fields.add(name, items: items, explode: explode, separator: separator, allowReserved: allowReserved)
    }

    /// Appends an object's properties: `R=100&G=200` exploded, `color[R]=100` as `deepObject`, otherwise
    /// `color=R,100,G,200`.
    public mutating func append(
        _ name: String, object: [(String, String?)], style: QueryObjectStyle, explode: Bool, separator: String
    ) {
        fields.add(name, object: object, style: style, explode: explode, separator: separator)
    }

    /// Appends bytes as a field, in base64, the one form text can carry them in.
    public mutating func append(_ name: String, data: Data) {
        append(name, data.base64EncodedString())
    }

    /// Appends a value that is not plain text as its JSON.
    public mutating func appendJSON(_ name: String, _ value: some Encodable) throws(APIClientError) {
        append(name, try JSONCoding.text(value, field: name, operationID: operationID))
    }

    /// The body.
    public var body: HTTPBody { HTTPBody(Data(fields.text.utf8)) }

    /// The body's media type.
    public var contentType: String { "application/x-www-form-urlencoded" }
}

/// A file sent as one part of a `multipart/form-data` body: its bytes, read as the request is sent, and how the part
/// names them.
public struct MultipartFile: Hashable, Sendable {
    /// The bytes, which may be a stream that is never held whole, such as a file read in chunks.
    public var body: HTTPBody
    /// The file name the part gives, if any; servers often keep it or read its extension.
    public var filename: String?
    /// The part's media type; nil sends the type the description documents, or `application/octet-stream`.
    public var contentType: String?
    /// Further headers of the part, such as those the description documents for it.
    public var headers: HTTPFields

    /// A file of bytes that are read as the request is sent.
    public init(_ body: HTTPBody, filename: String? = nil, contentType: String? = nil, headers: HTTPFields = [:]) {
        self.body = body
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
    }

    /// A file of bytes held in memory.
    public init(_ data: Data, filename: String? = nil, contentType: String? = nil, headers: HTTPFields = [:]) {
        self.init(HTTPBody(data), filename: filename, contentType: contentType, headers: headers)
    }
}

/// The parts of a `multipart/form-data` body, in the order they are appended. Files are sent as they are read, so
/// the body is never held whole.
@_spi(Generated) public struct MultipartForm: Sendable {
    private let operationID: String
    private var segments: [BodySegment] = []
    private let boundary: String

    /// An empty form for a request of an operation, with a boundary that no part's bytes are likely to hold.
    public init(operationID: String, boundary: String = "apigen-" + UUID().uuidString) {
        self.operationID = operationID
        self.boundary = boundary
    }

    /// Appends a text part, of `text/plain` unless the description gives the part another type.
    public mutating func append(_ name: String, _ value: String, contentType: String? = nil) {
        appendPart(name, headers: contentType.map { ["Content-Type: \($0)"] } ?? [], bytes: .bytes(Data(value.utf8)))
    }

    /// Appends bytes held in memory as text in base64, the form the `byte` format describes.
    public mutating func append(_ name: String, base64 bytes: Data, contentType: String? = nil) {
        append(name, bytes.base64EncodedString(), contentType: contentType)
    }

    /// Appends a file part, whose bytes are read as the request is sent.
    ///
    /// - Parameter contentType: The part's media type the description documents, used when the file names none.
    public mutating func append(
        _ name: String, file: MultipartFile, contentType: String? = nil
    ) throws(APIClientError) {
        var headers = ["Content-Type: \(file.contentType ?? contentType ?? "application/octet-stream")"]
        for field in file.headers {
            guard HeaderValue.isSafe(field.value), field.name != .contentType, field.name != .contentDisposition else {
                throw APIClientError(
                    operationID: operationID,
                    reason: .invalidInput(
                        field: name,
                        problem:
                            "the part header `\(field.name)` cannot be sent: it is set from the file or holds a line break"
                    ))
            }
            headers.append("\(field.name): \(field.value)")
        }
        appendPart(name, filename: file.filename ?? name, headers: headers, bytes: .stream(file.body))
    }

    /// Appends a value that is not plain text as a JSON part.
    public mutating func appendJSON(
        _ name: String, _ value: some Encodable, contentType: String = "application/json"
    ) throws(APIClientError) {
        appendPart(
            name, headers: ["Content-Type: \(contentType)"],
            bytes: .bytes(Data(try JSONCoding.text(value, field: name, operationID: operationID).utf8)))
    }

    private mutating func appendPart(_ name: String, filename: String? = nil, headers: [String], bytes: BodySegment) {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\""
        if let filename { head += "; filename=\"\(Self.quoted(filename))\"" }
        head += "\r\n"
        for header in headers { head += header + "\r\n" }
        segments.append(.bytes(Data((head + "\r\n").utf8)))
        segments.append(bytes)
        segments.append(.bytes(Data("\r\n".utf8)))
    }

    /// The body, with its closing boundary: as long as its parts when they all know their length, and as many times
    /// readable as its least readable part.
    public var body: HTTPBody {
        let all = segments + [.bytes(Data("--\(boundary)--\r\n".utf8))]
        var length = 0
        var isKnown = true
        var behavior = IterationBehavior.multiple
        for segment in all {
            switch segment {
            case .bytes(let data): length += data.count
            case .stream(let body):
                if case .known(let count) = body.length { length += Int(count) } else { isKnown = false }
                if body.iterationBehavior == .single { behavior = .single }
            }
        }
        return HTTPBody(
            Concatenation(segments: all), length: isKnown ? .known(Int64(length)) : .unknown,
            iterationBehavior: behavior)
    }

    /// The body's media type, naming the boundary.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// A name as it may appear between quotes: quotes and line breaks percent-encoded, as browsers do.
    private static func quoted(_ name: String) -> String {
        name.replacing("\"", with: "%22").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }
}

/// A piece of a body: bytes at hand, or a body read as it is sent.
enum BodySegment: Sendable {
    case bytes(Data)
    case stream(HTTPBody)
}

/// Pieces of a body read one after the other.
struct Concatenation: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let segments: [BodySegment]

    func makeAsyncIterator() -> Iterator { Iterator(segments: segments[...]) }

    struct Iterator: AsyncIteratorProtocol {
        var segments: ArraySlice<BodySegment>
        var current: HTTPBody.AsyncIterator?

        mutating func next() async throws -> ArraySlice<UInt8>? {
            while true {
                if var iterator = current {
                    let chunk = try await iterator.next()
                    current = iterator
                    if let chunk { return chunk }
                    current = nil
                }
                guard let segment = segments.popFirst() else { return nil }
                switch segment {
                case .bytes(let data): if !data.isEmpty { return ArraySlice(data) }
                case .stream(let body): current = body.makeAsyncIterator()
                }
            }
        }
    }
}
