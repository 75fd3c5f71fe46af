import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Assembles one request of one operation: the path with its encoded segments, the query, headers and JSON body.
///
/// Generated request builders drive it; every value goes through the encoding its place on the wire needs.
@_spi(Generated) public struct RequestBuilder: Sendable {
    private let operationID: String
    private let method: HTTPRequest.Method
    /// The path, then the query: one string, so that the finished request's path is made without a copy.
    private var target = QueryString(capacity: 128)
    private var headerFields = HTTPFields()
    private var body: HTTPBody?

    /// Starts a request.
    public init(operationID: String, method: HTTPRequest.Method) {
        self.operationID = operationID
        self.method = method
        // Room for `Accept`, `Content-Type` and a credential, so that adding them does not grow the storage.
        headerFields.reserveCapacity(4)
    }

    /// Appends text of the path template as written.
    public mutating func appendPath(_ literal: String) {
        target.appendPath(literal)
    }

    /// Appends a path parameter as one encoded segment.
    public mutating func appendPathParameter(_ value: String, field: String) throws(APIClientError) {
        do {
            target.appendPath(try URIEncoding.pathSegment(value, field: field))
        } catch {
            throw invalid(error)
        }
    }

    /// Appends a path parameter in the `simple`, `label` or `matrix` style: its items encoded one by one, joined by
    /// commas, or exploded.
    public mutating func appendPathParameter(
        _ items: [String], field: String, style: PathStyle, explode: Bool
    ) throws(APIClientError) {
        var encoded: [String] = []
        for item in items {
            do {
                encoded.append(try URIEncoding.pathSegment(item, field: field))
            } catch {
                throw invalid(error)
            }
        }
        let name = URIEncoding.queryComponent(field)
        switch style {
        case .simple: target.appendPath(encoded.joined(separator: ","))
        case .label: target.appendPath("." + encoded.joined(separator: explode ? "." : ","))
        case .matrix:
            target.appendPath(
                explode ? encoded.map { ";\(name)=\($0)" }.joined() : ";\(name)=" + encoded.joined(separator: ","))
        }
    }

    /// Adds a query item; nil adds nothing.
    ///
    /// - Parameter allowReserved: Whether the value's reserved characters go unencoded where the query's structure
    ///   allows (OpenAPI's `allowReserved`).
    public mutating func addQuery(_ name: String, _ value: String?, allowReserved: Bool = false) {
        target.add(name, value, allowReserved: allowReserved)
    }

    /// Adds an array query parameter (see ``QueryString/add(_:items:explode:separator:allowReserved:)``).
    public mutating func addQuery(
        _ name: String, items: [String]?, explode: Bool, separator: String, allowReserved: Bool = false
    ) {
        target.add(name, items: items, explode: explode, separator: separator, allowReserved: allowReserved)
    }

    /// Adds a cookie: each item its own `name=value` when exploded, otherwise the items joined by commas; nil adds
    /// nothing.
    public mutating func addCookie(_ name: String, items: [String]?, explode: Bool) throws(APIClientError) {
        guard let items, !items.isEmpty else { return }
        let values = explode ? items : [items.joined(separator: ",")]
        let pairs = values.map { name + "=" + URIEncoding.queryComponent($0) }.joined(separator: "; ")
        let existing = headerFields[.cookie]
        headerFields[.cookie] = existing.map { $0 + "; " + pairs } ?? pairs
    }

    // MARK: Objects

    /// Adds an object query parameter (see ``QueryString/add(_:object:style:explode:separator:)``).
    public mutating func addQuery(
        _ name: String, object: [(String, String?)], style: QueryObjectStyle, explode: Bool, separator: String
    ) {
        target.add(name, object: object, style: style, explode: explode, separator: separator)
    }

    /// Appends an object path parameter in the `simple`, `label` or `matrix` style: exploded as `R=100,G=200`,
    /// `.R=100.G=200` or `;R=100;G=200`, otherwise with names and values alternating (`R,100,G,200`); each name and
    /// value is encoded as a path segment.
    public mutating func appendPathParameter(
        object: [(String, String?)], field: String, style: PathStyle, explode: Bool
    ) throws(APIClientError) {
        let pairs = Self.present(object)
        guard explode else {
            try appendPathParameter(pairs.flatMap { [$0.0, $0.1] }, field: field, style: style, explode: false)
            return
        }
        var encoded: [String] = []
        for (key, value) in pairs {
            do {
                encoded.append(
                    try URIEncoding.pathSegment(key, field: field) + "="
                        + URIEncoding.pathSegment(value, field: field))
            } catch {
                throw invalid(error)
            }
        }
        switch style {
        case .simple: target.appendPath(encoded.joined(separator: ","))
        case .label: target.appendPath("." + encoded.joined(separator: "."))
        case .matrix: target.appendPath(encoded.map { ";" + $0 }.joined())
        }
    }

    /// Sets an object header in the `simple` style: `R=100,G=200` exploded, otherwise `R,100,G,200`; an object
    /// without properties sets nothing.
    public mutating func setHeader(_ name: String, object: [(String, String?)], explode: Bool) throws(APIClientError) {
        let pairs = Self.present(object)
        guard !pairs.isEmpty else { return }
        let items = explode ? pairs.map { $0.0 + "=" + $0.1 } : pairs.flatMap { [$0.0, $0.1] }
        try setHeader(name, items.joined(separator: ","))
    }

    /// Adds an object cookie: each property its own cookie when exploded (`R=100; G=200`), otherwise one cookie with
    /// names and values alternating (`color=R,100,G,200`).
    public mutating func addCookie(_ name: String, object: [(String, String?)], explode: Bool) throws(APIClientError) {
        let pairs = Self.present(object)
        guard explode else {
            try addCookie(name, items: pairs.flatMap { [$0.0, $0.1] }, explode: false)
            return
        }
        for (key, value) in pairs { try addCookie(key, items: [value], explode: false) }
    }

    /// The properties that have a value.
    static func present(_ pairs: [(String, String?)]) -> [(String, String)] {
        pairs.compactMap { key, value in value.map { (key, $0) } }
    }

    /// Sets the media types the operation documents for its responses, sent as `Accept`.
    public mutating func setAccept(_ mediaTypes: String) {
        headerFields.set(.accept, mediaTypes)
    }

    /// Sets a header; nil sets nothing.
    ///
    /// - Throws: ``APIClientError`` when the value holds a line break, NUL or other control character, which could
    ///   end the header early or be altered on the way.
    public mutating func setHeader(_ name: String, _ value: String?) throws(APIClientError) {
        guard let value else { return }
        guard let fieldName = HTTPField.Name(name) else {
            throw invalid(InvalidInput(field: name, problem: "it is not a valid header name"))
        }
        guard HeaderValue.isSafe(value) else {
            throw invalid(
                InvalidInput(field: name, problem: "a header value cannot contain line breaks or control characters"))
        }
        headerFields.set(fieldName, value)
    }

    /// Encodes the body as JSON and sets its `Content-Type`.
    public mutating func setJSONBody(
        _ value: some Encodable, contentType: String = "application/json"
    ) throws(APIClientError) {
        try setJSONBody(contentType: contentType) { HTTPBody(try JSONCoding.encode(value)) }
    }

    /// Writes the body's JSON with the value's own writer, without `JSONEncoder`, and sets its `Content-Type`.
    public mutating func setJSONBody(
        _ value: some JSONWritable & Encodable, contentType: String = "application/json"
    ) throws(APIClientError) {
        // The body shares the writer's bytes: no copy into `Data` and back.
        try setJSONBody(contentType: contentType) { HTTPBody(try JSONWriter.bytes(of: value)[...]) }
    }

    /// Sets a JSON body that `encode` makes, turning its failure into an invalid-input error about the body.
    private mutating func setJSONBody(contentType: String, _ encode: () throws -> HTTPBody) throws(APIClientError) {
        do {
            body = try encode()
        } catch let error as InvalidInput {
            throw invalid(error)
        } catch {
            throw invalid(InvalidInput(field: "body", problem: "it cannot be encoded as JSON: \(error)"))
        }
        headerFields.set(.contentType, contentType)
    }

    /// Sets the body's bytes and its `Content-Type`.
    public mutating func setBody(_ bytes: Data, contentType: String) {
        setBody(HTTPBody(bytes), contentType: contentType)
    }

    /// Sets a body that is sent as it is read, such as a file's bytes, and its `Content-Type`.
    public mutating func setBody(_ body: HTTPBody, contentType: String) {
        self.body = body
        headerFields.set(.contentType, contentType)
    }

    /// The finished request, whose path holds the query, and its body.
    public var request: (HTTPRequest, HTTPBody?) {
        (HTTPRequest(method: method, scheme: nil, authority: nil, path: target.text, headerFields: headerFields), body)
    }

    private func invalid(_ error: InvalidInput) -> APIClientError {
        APIClientError(
            operationID: operationID, reason: .invalidInput(field: error.field, problem: error.problem),
            underlyingError: nil)
    }
}

/// A query string, or the body of an `application/x-www-form-urlencoded` form, which is written the same way but
/// for spaces.
@_spi(Generated) public struct QueryString: Sendable {
    /// The text: a request's path, if any, then nothing or `?` followed by the items for a query; the items alone for
    /// a form.
    public private(set) var text = ""
    private let isForm: Bool
    /// Whether an item has been added.
    private var hasItems = false

    /// An empty query string, or an empty form's body.
    public init(isForm: Bool = false) {
        self.isForm = isForm
    }

    /// An empty query string after a path still to be appended, with room for this many bytes of both.
    init(capacity: Int) {
        isForm = false
        text.reserveCapacity(capacity)
    }

    /// Appends text to the path before the query.
    mutating func appendPath(_ segment: String) {
        guard hasItems, let query = text.utf8.firstIndex(of: UInt8(ascii: "?")) else {
            text += segment
            return
        }
        // Generated builders write the path first; should one not, the path still goes before the query. Encoded
        // path text holds no `?`, so the first one starts the query.
        text.insert(contentsOf: segment, at: query)
    }

    /// Starts an item: `?` or `&` in a query, `&` between a form's fields.
    private mutating func startItem() {
        if hasItems {
            text += "&"
        } else {
            hasItems = true
            if text.isEmpty { text.reserveCapacity(64) }
            if !isForm { text.append("?") }
        }
    }

    /// A name or value encoded for the query; in a form, spaces become `+`.
    private func encoded(_ component: String, allowReserved: Bool = false) -> String {
        let encoded = URIEncoding.queryComponent(component, allowReserved: allowReserved)
        return isForm ? encoded.replacing("%20", with: "+") : encoded
    }

    /// Adds a query item; nil adds nothing.
    ///
    /// - Parameter allowReserved: Whether the value's reserved characters go unencoded where the query's structure
    ///   allows (OpenAPI's `allowReserved`).
    public mutating func add(_ name: String, _ value: String?, allowReserved: Bool = false) {
        guard let value else { return }
        startItem()
        // Appended piece by piece, without making the item as a string of its own first.
        text += encoded(name)
        text += "="
        text += encoded(value, allowReserved: allowReserved)
    }

    /// Adds an array query parameter: one item each when exploded, otherwise one item with the values joined by the
    /// separator; nil adds nothing. A comma separates as itself, as RFC 6570 writes lists (`ids=1,2`); a comma inside
    /// a value is percent-encoded, so the two stay apart. Other separators (`%20`, `%7C`) are percent-encoded.
    public mutating func add(
        _ name: String, items: [String]?, explode: Bool, separator: String, allowReserved: Bool = false
    ) {
        guard let items, !items.isEmpty else { return }
        if explode {
            for item in items { add(name, item, allowReserved: allowReserved) }
            return
        }
        startItem()
        text +=
            encoded(name) + "="
            + items.map { encoded($0, allowReserved: allowReserved) }.joined(
                separator: separator == "," ? "," : encoded(separator))
    }

    /// Adds an object query parameter from its properties' texts, absent ones (nil) left out. Exploded `form` sends each property as its own item (`R=100&G=200`), `deepObject` as
    /// `color[R]=100&color[G]=200`; otherwise the names and values alternate in one item (`color=R,100,G,200`),
    /// joined by the separator.
    public mutating func add(
        _ name: String, object: [(String, String?)], style: QueryObjectStyle, explode: Bool, separator: String
    ) {
        let pairs = RequestBuilder.present(object)
        switch (style, explode) {
        case (.deepObject, _):
            for (key, value) in pairs {
                startItem()
                text +=
                    encoded(name) + "[" + encoded(key) + "]="
                    + encoded(value)
            }
        case (.form, true):
            for (key, value) in pairs { add(key, value) }
        default:
            add(name, items: pairs.flatMap { [$0.0, $0.1] }, explode: false, separator: separator)
        }
    }
}

/// How an object query parameter is written: OpenAPI's query styles for objects.
@_spi(Generated) public enum QueryObjectStyle: Sendable {
    /// `R=100&G=200` exploded, `color=R,100,G,200` otherwise (and the space- and pipe-delimited forms, which differ
    /// only in their separator).
    case form
    /// `color[R]=100&color[G]=200`.
    case deepObject
}

/// How a path parameter is written: OpenAPI's path styles.
@_spi(Generated) public enum PathStyle: Sendable {
    /// `a,b`.
    case simple
    /// `.a,b`, or `.a.b` exploded.
    case label
    /// `;name=a,b`, or `;name=a;name=b` exploded.
    case matrix
}

extension HTTPFields {
    /// Sets a field: appended where there is none of the name yet, which is cheaper than replacing one, and the
    /// commonest fields made once, since making a field checks every byte of its value.
    mutating func set(_ name: HTTPField.Name, _ value: String) {
        if contains(name) {
            self[name] = value
        } else if value == "application/json", name == .accept || name == .contentType {
            append(name == .accept ? Self.acceptJSON : Self.contentTypeJSON)
        } else {
            append(HTTPField(name: name, value: value))
        }
    }

    private static let acceptJSON = HTTPField(name: .accept, value: "application/json")
    private static let contentTypeJSON = HTTPField(name: .contentType, value: "application/json")
}

/// Checks on header values.
@_spi(Generated) public enum HeaderValue {
    /// Whether a value can travel in a header unchanged: no control characters, which includes CR, LF and NUL.
    public static func isSafe(_ value: String) -> Bool {
        // Control characters are ASCII, and in UTF-8 an ASCII byte is always that character.
        !value.containsUTF8Byte { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }
    }
}
