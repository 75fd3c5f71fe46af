import YAML

/// A validated API description: everything the code generator needs, with every `$ref` resolved.
public struct APIDocument: Sendable {
    /// The API's title, from `info.title`.
    public var title: String
    /// The description's version, from `info.version`.
    public var version: String
    /// The API's description, from `info.description`.
    public var summary: String?
    /// The servers, in the order the description lists them.
    public var servers: [Server]
    /// Every operation, in the order of `paths` and then of the methods under each path.
    public var operations: [Operation]
    /// The named schemas of `components/schemas`, in document order.
    public var schemas: [NamedSchema]
    /// The security schemes that operations use, in document order.
    public var securitySchemes: [SecurityScheme]
}

/// A server the API is served from.
public struct Server: Sendable {
    /// A variable of the server's URL, written `{name}` in it.
    public struct Variable: Sendable {
        /// The name, as written between the braces.
        public var name: String
        /// The value used unless the caller chooses another.
        public var defaultValue: String
        /// The values the caller may choose; empty when the value is fixed at its default.
        public var enumValues: [String]
        /// What the variable means.
        public var description: String?
    }

    /// The base URL with every variable at its default: absolute, or a path such as `/api` relative to the server
    /// the description is published on.
    public var url: String
    /// The URL as written, with `{name}` for each variable.
    public var template: String = ""
    /// The variables, in the order the description lists them.
    public var variables: [Variable] = []
    /// What the server is.
    public var description: String?

    /// Whether the URL is a path relative to the server the description is published on.
    public var isRelative: Bool { url.hasPrefix("/") }
}

/// A schema with a name: the one it has under `components/schemas`, or one the loader gives a schema that several
/// places share from elsewhere (a reference to another place or file, the body of a shared response).
public struct NamedSchema: Sendable {
    /// The name, exactly as written under `components/schemas`, or the name the loader gave it.
    public var name: String
    /// The schema.
    public var schema: Schema
    /// Where the schema is written, as a reference: `#/components/schemas/Pet`,
    /// `#/components/responses/Unauthorized/content/application~1json/schema`, `common.yaml#/components/schemas/Error`.
    public var pointer: String
}

/// The HTTP methods an operation can use.
public enum HTTPMethod: String, Sendable, CaseIterable {
    /// `GET`.
    case get
    /// `PUT`.
    case put
    /// `POST`.
    case post
    /// `DELETE`.
    case delete
    /// `OPTIONS`.
    case options
    /// `HEAD`.
    case head
    /// `PATCH`.
    case patch
    /// `TRACE`.
    case trace
}

/// A security scheme of `components/securitySchemes`: how credentials travel.
public struct SecurityScheme: Sendable, Hashable {
    /// What kind of credentials the scheme takes.
    public enum Kind: Sendable, Hashable {
        /// A token in `Authorization: Bearer …`: `http` with `scheme: bearer`, `oauth2` and `openIdConnect`.
        case bearer
        /// A user name and password in `Authorization: Basic …`.
        case basic
        /// A key in a header, query item or cookie of the given name.
        case apiKey(name: String, placement: ParameterLocation)
    }

    /// The scheme's name under `components/securitySchemes`.
    public var name: String
    /// What kind of credentials the scheme takes.
    public var kind: Kind
    /// What the scheme is.
    public var description: String?
}

/// The ways an operation may authenticate: any one of the requirements, each satisfied by all of its schemes.
/// Empty when the operation sends no credentials; a requirement without schemes means credentials are optional.
public typealias SecurityRequirements = [[String]]

/// One operation: a method on a path.
public struct Operation: Sendable {
    /// The `operationId`, unique in the document; for an operation without one, its method and path, such as
    /// `get /pets/{petId}`.
    public var id: String
    /// Whether the description gives the `operationId`, rather than the generator deriving it.
    public var hasExplicitID: Bool
    /// The method.
    public var method: HTTPMethod
    /// The path template, such as `/api/publishers/{publisherId}`.
    public var path: String
    /// The path template split into literal text and parameter names.
    public var pathComponents: [PathComponent]
    /// A one-line summary.
    public var summary: String?
    /// A longer description.
    public var description: String?
    /// Whether the operation is deprecated.
    public var isDeprecated: Bool
    /// The path, query and header parameters, path parameters first in template order.
    public var parameters: [Parameter]
    /// The request body, if any.
    public var requestBody: RequestBody?
    /// The documented responses, by status code in ascending order, then `default`.
    public var responses: [Response]
    /// How the operation authenticates: the names of the schemes of each alternative requirement.
    public var security: SecurityRequirements
    /// The servers the operation or its path names instead of the document's; empty when it names none.
    public var servers: [Server] = []
    /// The operation's tags, which group operations into files in large descriptions.
    public var tags: [String] = []
    /// Where the operation is described, for provenance comments.
    public var location: SourceLocation
}

/// A piece of a path template.
public enum PathComponent: Sendable, Hashable {
    /// Text sent as written.
    case literal(String)
    /// A parameter's value, sent as one encoded path segment.
    case parameter(String)
}

/// Where a parameter travels.
public enum ParameterLocation: String, Sendable, CaseIterable {
    /// A segment of the path.
    case path
    /// An item of the query.
    case query
    /// A request header.
    case header
    /// A cookie.
    case cookie
}

/// How an array parameter's items are written (OpenAPI's `style`).
public enum ParameterStyle: String, Sendable, CaseIterable {
    /// `name=a&name=b` exploded, `name=a,b` otherwise: the default of query and cookie parameters.
    case form
    /// `a,b`: the default of path and header parameters.
    case simple
    /// `name=a%20b`.
    case spaceDelimited
    /// `name=a|b`.
    case pipeDelimited
    /// `.a.b` exploded, `.a,b` otherwise.
    case label
    /// `;name=a;name=b` exploded, `;name=a,b` otherwise.
    case matrix
    /// `name[key]=value`, for objects in the query.
    case deepObject
}

/// A path, query, header or cookie parameter.
public struct Parameter: Sendable {
    /// The name on the wire, exactly as written.
    public var name: String
    /// Where the parameter travels.
    public var placement: ParameterLocation
    /// What the parameter means.
    public var description: String?
    /// Whether a value must be sent.
    public var isRequired: Bool
    /// Whether the description marks the parameter as deprecated.
    public var isDeprecated: Bool = false
    /// How an array's items are written.
    public var style: ParameterStyle
    /// Whether each item of an array travels as its own name and value.
    public var explode: Bool
    /// The value's schema.
    public var schema: Schema
    /// Whether the value travels as JSON text (`content` with a JSON media type) rather than in a `style`.
    public var isJSON: Bool = false
    /// Whether a query value's reserved characters go unencoded (`allowReserved`).
    public var allowsReserved: Bool = false
    /// Whether the server takes an empty value of a query parameter (`allowEmptyValue`).
    public var allowsEmptyValue: Bool = false
    /// Where the parameter's `name` is written.
    public var location: SourceLocation
}

/// How a body travels, from its media type.
public enum ContentKind: Sendable, Hashable {
    /// `application/json` and any `+json` type.
    case json
    /// `application/x-www-form-urlencoded`: an object's properties as a query string.
    case formURLEncoded
    /// `multipart/form-data`: an object's properties as parts.
    case multipart
    /// `text/*`: a string.
    case text
    /// Anything else, such as `application/octet-stream` or an image: raw bytes.
    case binary
}

/// A body of one media type.
public struct Content: Sendable {
    /// The media type as written, such as `application/problem+json`.
    public var mediaType: String
    /// How the body travels.
    public var kind: ContentKind
    /// The body's schema.
    public var schema: Schema
    /// For a form or multipart body, how some of its properties travel, by property name in document order.
    public var encodings: [(property: String, encoding: PartEncoding)] = []
    /// Where the media type is written.
    public var location: SourceLocation

    /// Creates a body of one media type.
    public init(
        mediaType: String, kind: ContentKind, schema: Schema,
        encodings: [(property: String, encoding: PartEncoding)] = [], location: SourceLocation
    ) {
        self.mediaType = mediaType
        self.kind = kind
        self.schema = schema
        self.encodings = encodings
        self.location = location
    }

    /// The media type's type and subtype in lower case, without parameters or spaces: `application/json` for
    /// `Application/JSON; charset=utf-8`.
    public var essence: String { Content.essence(of: mediaType) }

    /// Whether the body is JSON Lines: one JSON value per line.
    public var isJSONLines: Bool {
        ["application/jsonl", "application/x-ndjson", "application/x-jsonlines"].contains(essence)
    }

    /// Whether the body is a stream of server-sent events.
    public var isEventStream: Bool { essence == "text/event-stream" }

    /// A media type's type and subtype in lower case, without parameters or spaces.
    public static func essence(of mediaType: String) -> String {
        // Nearly every media type is already its essence.
        let isEssence = mediaType.utf8.allSatisfy { byte in
            byte < 0x80 && byte != UInt8(ascii: ";") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
                && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
        if isEssence { return mediaType }
        return String(mediaType.lowercased().prefix { $0 != ";" }.filter { $0 != " " && $0 != "\t" })
    }

    /// How a property of a form or multipart body travels, when `encoding` says.
    public func encoding(of property: String) -> PartEncoding? {
        encodings.first { $0.property == property }?.encoding
    }
}

/// How one property of a form or multipart body travels (an `encoding` entry).
public struct PartEncoding: Sendable {
    /// For a multipart part, its media type, such as `image/png` or `application/json`, when not the default.
    public var contentType: String?
    /// For a multipart part, the headers it documents besides `Content-Type`.
    public var headers: [Header]
    /// For a form field, how an array or object is written; nil for the default, `form`.
    public var style: ParameterStyle?
    /// For a form field, whether an array's items or an object's properties are separate fields; nil for the
    /// style's default.
    public var explode: Bool?
    /// For a form field, whether reserved characters are kept as they are.
    public var allowsReserved: Bool
    /// Where the property is named under `encoding`.
    public var location: SourceLocation

    /// Creates an encoding.
    public init(
        contentType: String? = nil, headers: [Header] = [], style: ParameterStyle? = nil, explode: Bool? = nil,
        allowsReserved: Bool = false, location: SourceLocation
    ) {
        self.contentType = contentType
        self.headers = headers
        self.style = style
        self.explode = explode
        self.allowsReserved = allowsReserved
        self.location = location
    }
}

/// A request body.
public struct RequestBody: Sendable {
    /// What the body holds.
    public var description: String?
    /// Whether the body must be sent.
    public var isRequired: Bool
    /// The body's media types with their schemas, in document order; never empty.
    public var contents: [Content]
    /// The media type a client prefers when it has a choice: the first JSON one, otherwise the first.
    public var content: Content { contents.first { $0.kind == .json } ?? contents[0] }
    /// The preferred media type's schema.
    public var schema: Schema { content.schema }
    /// Whether the generated method takes the body's leaf properties as its own arguments (`x-apigen-flatten`).
    public var isFlattened: Bool
    /// Where the request body is written.
    public var location: SourceLocation
}

/// A response status: a code or `default`.
public enum ResponseStatus: Sendable, Hashable, Comparable {
    /// One status code.
    case code(Int)
    /// Every status of a class the description does not name on its own, such as `4XX`: the class's first digit.
    case range(Int)
    /// Every status the description does not name.
    case `default`
}

extension ResponseStatus {
    /// Whether the status is a 2xx code or the `2XX` range; other statuses carry optional error bodies.
    public var isSuccess: Bool {
        switch self {
        case .code(let code): (200..<300).contains(code)
        case .range(let digit): digit == 2
        case .default: false
        }
    }
}

/// A documented response.
public struct Response: Sendable {
    /// The status.
    public var status: ResponseStatus
    /// What the response means.
    public var description: String
    /// The documented headers, in document order.
    public var headers: [Header]
    /// The body's media types with their schemas, in document order; empty when the response has no body.
    public var contents: [Content]
    /// The body's JSON media type, if it has one.
    public var json: Content? { contents.first { $0.kind == .json } }
    /// For a response that starts a long-running operation, how to follow it (`x-apigen-poll`).
    public var poll: PollLink?
    /// Where the response is written.
    public var location: SourceLocation
}

/// How to follow a response that starts a long-running operation (`x-apigen-poll`): which of its headers names the
/// operation, which operation reads the operation's state, and which of its status values end it.
public struct PollLink: Sendable {
    /// How a status value ends the operation.
    public enum Outcome: String, Sendable, CaseIterable {
        /// The operation finished successfully.
        case succeeded
        /// The operation finished with a failure.
        case failed
        /// The operation was stopped before it finished.
        case canceled
    }

    /// A status value that ends the operation.
    public struct TerminalStatus: Sendable {
        /// The value, as the status property holds it.
        public var value: String
        /// How it ends the operation.
        public var outcome: Outcome
        /// Where the value is written.
        public var location: SourceLocation
    }

    /// The `operationId` of the `GET` operation whose 2xx body reports the state.
    public var operationID: String
    /// The response headers that may name the operation, in order of preference.
    public var headers: [String]
    /// The property of the state resource that holds its status.
    public var statusProperty: String
    /// The status values that end the operation; any other value means it is still running.
    public var terminalStatuses: [TerminalStatus]
    /// The named schema of the state resource, from the reading operation's 2xx body: the body itself, or the item of
    /// a `oneOf` of the resource and an array of it. Empty until the loader has checked the link.
    public var resourceSchema: String
    /// Where `x-apigen-poll` is written.
    public var location: SourceLocation
}

/// A response header.
public struct Header: Sendable {
    /// The header's name, exactly as written.
    public var name: String
    /// What the header holds.
    public var description: String?
    /// Whether the response always carries it.
    public var isRequired: Bool
    /// The value's schema.
    public var schema: Schema
    /// Where the header is named.
    public var location: SourceLocation
}

/// A schema: a type on the wire, with its documentation.
public struct Schema: Sendable {
    /// What kind of value the schema describes.
    public indirect enum Kind: Sendable {
        /// A string, optionally with a format such as `date-time` or `uuid`.
        case string(format: String?)
        /// An integer, optionally with a format such as `int32`.
        case integer(format: String?)
        /// A number, optionally with a format such as `float`.
        case number(format: String?)
        /// `true` or `false`.
        case boolean
        /// An array of items.
        case array(Schema)
        /// An object with named properties.
        case object([Property])
        /// A schema of `components/schemas`, by name.
        case reference(String)
        /// A value that is each of the parts at once (`allOf`), two or more.
        case allOf([Schema])
        /// A value that is exactly one of the alternatives (`oneOf`), two or more.
        case oneOf([Schema])
        /// A value that is at least one of the alternatives (`anyOf`), two or more.
        case anyOf([Schema])
        /// Any JSON value.
        case any
    }

    /// Whether the value is a string of some format.
    public var isString: Bool {
        if case .string = kind { return true }
        return false
    }

    /// How a `oneOf` tells its alternatives apart: by the value of one property.
    public struct Discriminator: Sendable {
        /// The property that names the alternative.
        public var propertyName: String
        /// The values that name each alternative, by the named schema they lead to, in document order; values the
        /// mapping does not list are the schemas' names.
        public var mapping: [(value: String, schema: String)]
        /// Where the discriminator is written.
        public var location: SourceLocation
    }

    /// What an object may hold beyond its listed properties.
    public indirect enum AdditionalProperties: Sendable {
        /// The description says nothing: other properties may appear, and the client ignores them.
        case unspecified
        /// `additionalProperties: false`: no other property may appear.
        case forbidden
        /// `additionalProperties: true`, `{}` or a schema: other properties are kept, each a value of this schema.
        case allowed(Schema)

        /// Whether the description says anything.
        public var isSpecified: Bool {
            if case .unspecified = self { return false }
            return true
        }
    }

    /// The fields, shared by copies of the schema until one of them changes: schemas are copied far more often than
    /// changed, and a copy then costs one reference instead of one for each string and array it holds.
    private final class Storage: @unchecked Sendable {
        var kind: Kind
        var description: String?
        var enumValues: [String]
        var defaultValue: String?
        var isNullable: Bool
        var additionalProperties: AdditionalProperties
        var discriminator: Discriminator?
        var isReadOnly: Bool
        var isWriteOnly: Bool
        var isDeprecated: Bool
        var delimiter: String?
        var matchesLoosely: Bool
        var pathForms: [PathForm]
        var location: SourceLocation

        init(kind: Kind, location: SourceLocation) {
            self.kind = kind
            self.location = location
            description = nil
            enumValues = []
            defaultValue = nil
            isNullable = false
            additionalProperties = .unspecified
            discriminator = nil
            isReadOnly = false
            isWriteOnly = false
            isDeprecated = false
            delimiter = nil
            matchesLoosely = false
            pathForms = []
        }

        init(copying other: Storage) {
            kind = other.kind
            description = other.description
            enumValues = other.enumValues
            defaultValue = other.defaultValue
            isNullable = other.isNullable
            additionalProperties = other.additionalProperties
            discriminator = other.discriminator
            isReadOnly = other.isReadOnly
            isWriteOnly = other.isWriteOnly
            isDeprecated = other.isDeprecated
            delimiter = other.delimiter
            matchesLoosely = other.matchesLoosely
            pathForms = other.pathForms
            location = other.location
        }
    }

    private var storage: Storage

    /// The storage, made this schema's own before it changes.
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
            return storage
        }
    }

    /// What kind of value this is.
    public var kind: Kind {
        _read { yield storage.kind }
        _modify { yield &uniqueStorage.kind }
    }
    /// What the value means.
    public var description: String? {
        _read { yield storage.description }
        _modify { yield &uniqueStorage.description }
    }
    /// The allowed values of a string or integer enum: strings as written, integers in decimal whatever their notation.
    public var enumValues: [String] {
        _read { yield storage.enumValues }
        _modify { yield &uniqueStorage.enumValues }
    }
    /// The default value, checked against the schema: a string as written, an integer in decimal, a number as a
    /// Swift literal that fits the schema's format, or `true` / `false`. Nil when there is none or it does not fit.
    public var defaultValue: String? {
        _read { yield storage.defaultValue }
        _modify { yield &uniqueStorage.defaultValue }
    }
    /// Whether `null` is allowed.
    public var isNullable: Bool {
        _read { yield storage.isNullable }
        _modify { yield &uniqueStorage.isNullable }
    }
    /// What an object may hold beyond its listed properties.
    public var additionalProperties: AdditionalProperties {
        _read { yield storage.additionalProperties }
        _modify { yield &uniqueStorage.additionalProperties }
    }
    /// Whether the object keeps the properties it does not list, as a map beside the listed ones.
    public var keepsAdditionalProperties: Bool {
        if case .allowed = additionalProperties { return true }
        return false
    }
    /// Whether an object may hold properties it does not list (false only with `additionalProperties: false`).
    public var allowsAdditionalProperties: Bool {
        if case .forbidden = additionalProperties { return false }
        return true
    }
    /// For a `oneOf`, the property that tells the alternatives apart.
    public var discriminator: Discriminator? {
        _read { yield storage.discriminator }
        _modify { yield &uniqueStorage.discriminator }
    }
    /// Whether the value is sent only by the server (`readOnly`); such properties are left out of request bodies.
    public var isReadOnly: Bool {
        _read { yield storage.isReadOnly }
        _modify { yield &uniqueStorage.isReadOnly }
    }
    /// Whether the value is sent only by the client (`writeOnly`).
    public var isWriteOnly: Bool {
        _read { yield storage.isWriteOnly }
        _modify { yield &uniqueStorage.isWriteOnly }
    }
    /// Whether the description marks the value as deprecated.
    public var isDeprecated: Bool {
        _read { yield storage.isDeprecated }
        _modify { yield &uniqueStorage.isDeprecated }
    }
    /// For a string holding a list, the separator between items (`x-apigen-delimiter`).
    public var delimiter: String? {
        _read { yield storage.delimiter }
        _modify { yield &uniqueStorage.delimiter }
    }
    /// Whether a string enum's values match whatever their letter case and separators (`x-apigen-loose-spelling`),
    /// so that `Running`, `running`, `not started` and `NotStarted` are the same listed values.
    public var matchesLoosely: Bool {
        _read { yield storage.matchesLoosely }
        _modify { yield &uniqueStorage.matchesLoosely }
    }
    /// For a string holding a relative path, the path forms it may take (`x-apigen-path-forms`).
    public var pathForms: [PathForm] {
        _read { yield storage.pathForms }
        _modify { yield &uniqueStorage.pathForms }
    }
    /// Where the schema is written.
    public var location: SourceLocation {
        _read { yield storage.location }
        _modify { yield &uniqueStorage.location }
    }

    /// Creates a schema.
    public init(
        kind: Kind, description: String? = nil, enumValues: [String] = [], defaultValue: String? = nil,
        isNullable: Bool = false, delimiter: String? = nil, pathForms: [PathForm] = [], location: SourceLocation
    ) {
        storage = Storage(kind: kind, location: location)
        storage.description = description
        storage.enumValues = enumValues
        storage.defaultValue = defaultValue
        storage.isNullable = isNullable
        storage.delimiter = delimiter
        storage.pathForms = pathForms
    }
}

/// A property of an object schema.
public struct Property: Sendable {
    /// The name on the wire, exactly as written.
    public var name: String
    /// The value's schema.
    public var schema: Schema
    /// Whether the property must be present.
    public var isRequired: Bool
    /// Where the property is named.
    public var location: SourceLocation
}

/// A form a relative path may take, such as the location of an operation to poll.
public struct PathForm: Sendable {
    /// The form's name.
    public var name: String
    /// What the form means.
    public var description: String?
    /// The template, such as `/api/operations/{operationId}`.
    public var template: String
    /// The template split into literal text and parameter names.
    public var components: [PathComponent]
}

/// A string enum value as `x-apigen-loose-spelling` compares it: ASCII letters in lower case, without spaces, `-`
/// and `_`. The runtime's `EnumSpelling.folded(_:)` folds received values the same way.
public func foldedSpelling(_ value: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in value.unicodeScalars where scalar != " " && scalar != "-" && scalar != "_" {
        scalars.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
    }
    return String(scalars)
}
