/// Random but mostly valid OpenAPI descriptions, built from a small grammar: reference graphs between named schemas,
/// objects, arrays, enums and defaults, names chosen to collide with what generated code uses, parameters, bodies and
/// responses. Random bytes rarely get past the YAML reader; these reach every stage of the generator.
///
/// The same seed always gives the same description, so a failure is reproduced from its seed alone.
struct RandomDescription {
    /// A JSON-shaped value, printed as YAML flow text.
    indirect enum Value {
        case string(String)
        /// A plain scalar, printed as written: numbers, booleans, null, `0x1F`.
        case plain(String)
        case list([Value])
        case map([(String, Value)])
    }

    private var random: SplitMix64
    private var schemaNames: [String] = []
    private var operationIDs: Set<String> = []
    /// The operation that reads the state of long-running operations, its status property and status values, which
    /// 2xx responses may name in `x-apigen-poll`.
    private var pollTarget: (operationID: String, status: String, values: [String])?
    /// Responses, request bodies and parameters written once under `components` and used by reference from any
    /// operation, in the order they were made.
    private var shared: [String: [(String, Value)]] = [:]

    /// Words real descriptions use, and names that collide with Swift keywords, the generated code's own types and
    /// members, and each other after conversion to Swift names.
    static let names = [
        "pet", "Pet", "pets", "owner", "id", "name", "status", "Node", "Item", "Error", "Response", "data",
        "Input", "Output", "APIOperation", "CaseIterable", "Indirect", "OpenAPIValueContainer", "Client", "Body",
        "OkBody", "Form", "CodingKeys", "String", "Data", "Date", "URL", "Int", "Bool", "Self", "Type", "Protocol",
        "Sendable", "Codable", "Hashable", "Foundation", "HTTPTypes", "APIClientRuntime", "RequestBuilder", "Swift",
        "Optional", "Array", "Decoder", "Encoder", "Never", "Void", "Any", "Error", "HTTPRequest", "HTTPResponse",
        "class", "struct", "enum", "default", "case", "self", "init", "var", "let", "inout", "func", "return", "in",
        "is", "as", "throws", "async", "await", "true", "false", "nil", "super", "where", "static", "Type", "deinit",
        "encoder", "decoder", "container", "hashValue", "rawValue", "allCases", "body", "input", "output",
        "request", "runner", "token", "description", "hash", "encode", "from", "to", "values", "value", "status2",
        "undocumented", "other", "ok", "accepted", "id2", "builder", "reader", "response", "form", "path", "url",
        "unrecognized", "serverURL", "transport", "middlewares", "maxResponseBodyBytes", "defaultServerURL",
        "1cancel", "2017-10-31", "_", "-", "$", "x", "X", "café", "cafe\u{301}", "naïve", "über", "日本",
        "notification-emails", "notification_emails", "notificationEmails", "get-pet", "getPet", "GET pet",
    ]

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// The description as YAML text.
    mutating func yaml() -> String {
        var document = description()
        return Self.render(&document)
    }

    mutating func description() -> Value {
        let schemaCount = int(0...6)
        schemaNames = (0..<schemaCount).map { _ in name() }
        schemaNames = Array(Set(schemaNames)).sorted()
        var components: [(String, Value)] = []
        var schemas = schemaNames.map { ($0, schema(depth: 0)) }
        var pollPath: (String, Value)?
        if chance(0.3) {
            let (path, schema) = pollTargetOperation()
            pollPath = path
            schemas.append(schema)
        }
        if !schemas.isEmpty { components.append(("schemas", .map(schemas))) }
        shared = [:]
        let secured = chance(0.4)
        if secured {
            components.append(
                (
                    "securitySchemes",
                    .map([("bearer", .map([("type", .string("http")), ("scheme", .string("bearer"))]))])
                ))
        }
        var paths: [(String, Value)] = []
        var seenPaths: Set<String> = []
        for _ in 0..<int(1...4) {
            let (path, parameters) = pathTemplate()
            guard seenPaths.insert(path).inserted else { continue }
            var item: [(String, Value)] = []
            for method in ["get", "post", "put", "delete", "patch"].shuffled(using: &random).prefix(int(1...2)) {
                item.append((method, operation(pathParameters: parameters)))
            }
            paths.append((path, .map(item)))
        }
        if let pollPath { paths.append(pollPath) }
        for kind in ["responses", "requestBodies", "parameters"] {
            if let items = shared[kind], !items.isEmpty { components.append((kind, .map(items))) }
        }
        var root: [(String, Value)] = [
            ("openapi", .string("3.0.3")),
            ("info", .map([("title", .string(name())), ("version", .string("1"))])),
        ]
        if chance(0.7) {
            root.append(
                (
                    "servers",
                    .list([
                        .map([
                            (
                                "url",
                                .string(
                                    pick([
                                        "https://api.example.com", "http://localhost:8080/v1",
                                        "https://x.example.com/a/b",
                                    ]))
                            )
                        ])
                    ])
                ))
        }
        if secured, chance(0.7) { root.append(("security", .list([.map([("bearer", .list([]))])]))) }
        root.append(("paths", .map(paths)))
        if !components.isEmpty { root.append(("components", .map(components))) }
        return .map(root)
    }

    /// A path with a GET operation whose body is a named object with a status, for `x-apigen-poll` to name, and that
    /// named schema. Decided before the other operations, so that their responses can name it.
    mutating func pollTargetOperation() -> ((String, Value), (String, Value)) {
        var resourceName = name()
        while schemaNames.contains(resourceName) { resourceName += "State" }
        var id = name()
        while operationIDs.contains(id) { id += "x" }
        operationIDs.insert(id)
        let status = name()
        var statusSchema: [(String, Value)] = [("type", .string("string"))]
        var values = ["done", "failed", "running"]
        if chance(0.6) {
            values = Array(Set((0..<int(2...4)).map { _ in name() })).sorted()
            statusSchema.append(("enum", .list(values.map(Value.string))))
            if chance(0.5) { statusSchema.append(("x-apigen-loose-spelling", .plain("true"))) }
        }
        var properties: [(String, Value)] = [
            (status, .map(statusSchema + (chance(0.2) ? [("nullable", .plain("true"))] : [])))
        ]
        if chance(0.5) {
            properties.append(("steps", .map([("type", .string("array")), ("items", schema(depth: 1))])))
        }
        var resource: [(String, Value)] = [("type", .string("object")), ("properties", .map(properties))]
        if chance(0.5) { resource.append(("required", .list([.string(status)]))) }
        pollTarget = (id, status, values)
        let reference = Value.map([("$ref", .string("#/components/schemas/" + escapePointer(resourceName)))])
        let body =
            chance(0.5)
            ? reference
            : .map([("oneOf", .list([reference, .map([("type", .string("array")), ("items", reference)])]))])
        var operation: [(String, Value)] = [
            ("operationId", .string(id)),
            (
                "parameters",
                .list([
                    .map([
                        ("name", .string("job")), ("in", .string("path")), ("required", .plain("true")),
                        ("schema", .map([("type", .string("string"))])),
                    ])
                ])
            ),
            (
                "responses",
                .map([
                    (
                        pick(["200", "2XX"]),
                        .map([
                            ("description", .string("The state.")),
                            ("content", .map([("application/json", .map([("schema", body)]))])),
                        ])
                    )
                ])
            ),
        ]
        if chance(0.3) { operation.append(("security", .list([]))) }
        return (("/jobs/{job}", .map([("get", .map(operation))])), (resourceName, .map(resource)))
    }

    /// A response, request body or parameter as it is, or, now and then, a reference to a component: a new one
    /// holding it, or one made earlier (for a response or request body), so that several operations share it.
    mutating func sharedOrInline(_ value: Value, kind: String) -> Value {
        guard chance(0.3) else { return value }
        var items = shared[kind] ?? []
        let key: String
        if kind != "parameters", !items.isEmpty, chance(0.5) {
            key = pick(items).0
        } else {
            var name = name()
            while items.contains(where: { $0.0 == name }) { name += "2" }
            key = name
            items.append((key, value))
            shared[kind] = items
        }
        return .map([("$ref", .string("#/components/\(kind)/" + escapePointer(key)))])
    }

    /// `x-apigen-poll` naming the poll target, for a response with a `Location` header.
    mutating func pollLink() -> Value? {
        guard let target = pollTarget else { return nil }
        var link: [(String, Value)] = [
            ("operation", .string(target.operationID)), ("status", .string(target.status)),
            ("succeeded", .list([.string(target.values[0])])),
        ]
        if target.values.count > 1, chance(0.7) { link.append(("failed", .list([.string(target.values[1])]))) }
        return .map(link)
    }

    // MARK: Schemas

    mutating func schema(depth: Int, scalarOnly: Bool = false) -> Value {
        var entries: [(String, Value)]
        let roll = int(0...(scalarOnly ? 5 : 11))
        switch roll {
        case 0, 1: entries = stringSchema(scalarOnly: scalarOnly)
        case 2: entries = integerSchema()
        case 3: entries = [("type", .string("number"))] + numberExtras()
        case 4:
            entries =
                [("type", .string("boolean"))] + (chance(0.3) ? [("default", .plain(pick(["true", "false"])))] : [])
        case 5:
            guard !schemaNames.isEmpty else { return .map(stringSchema()) }
            return .map([("$ref", .string("#/components/schemas/" + escapePointer(pick(schemaNames))))])
        case 6, 7:
            guard depth < 3 else { return .map(stringSchema()) }
            entries = objectSchema(depth: depth)
        case 8:
            guard depth < 3 else { return .map(integerSchema()) }
            entries = [("type", .string("array")), ("items", schema(depth: depth + 1))]
        case 9:
            entries = chance(0.5) ? [] : [("type", .string("object"))]
        default:
            guard !schemaNames.isEmpty else { return .map([]) }
            return .map([("$ref", .string("#/components/schemas/" + escapePointer(pick(schemaNames))))])
        }
        if chance(0.2) { entries.append(("nullable", .plain("true"))) }
        if chance(0.05), case .string(let type)? = entries.first(where: { $0.0 == "type" })?.1 {
            // The 3.1 way to allow null.
            entries.removeAll { $0.0 == "type" }
            entries.append(("type", .list([.string(type), .string("null")])))
        }
        if chance(0.3) {
            entries.append(
                ("description", .string(pick(["A value.", "*/ /* \\u{0} \"quoted\"", "Line one.\nLine two."]))))
        }
        return .map(entries)
    }

    /// - Parameter scalarOnly: Whether the string is a parameter, where the generator's list and path-form extensions
    ///   do not apply.
    mutating func stringSchema(scalarOnly: Bool = false) -> [(String, Value)] {
        var entries: [(String, Value)] = [("type", .string("string"))]
        switch int(0...9) {
        case 3 where scalarOnly, 4 where scalarOnly: break
        case 0:
            entries.append(("format", .string(pick(["uuid", "date-time", "uri", "email", "byte", "date", "weird"]))))
        case 1, 2:
            let values = Array(Set((0..<int(1...4)).map { _ in name() })).sorted()
            entries.append(("enum", .list(values.map(Value.string))))
            if chance(0.4) { entries.append(("default", .string(pick(values)))) }
            if chance(0.2) { entries.append(("x-apigen-loose-spelling", .plain("true"))) }
        case 3: entries.append(("x-apigen-delimiter", .string(pick([",", ";", "|"]))))
        case 4:
            entries.append(
                (
                    "x-apigen-path-forms",
                    .list([
                        .map([("name", .string(name())), ("template", .string("/a/{\(name())}/b/{\(name())}"))]),
                        .map([("name", .string("other")), ("template", .string("/ops/{id}"))]),
                    ])
                ))
        case 5: entries.append(("default", .string(pick(["", "x", "\"}", "null"]))))
        default: break
        }
        return entries
    }

    mutating func integerSchema() -> [(String, Value)] {
        var entries: [(String, Value)] = [("type", .string("integer"))]
        if chance(0.3) { entries.append(("format", .string(pick(["int32", "int64"])))) }
        switch int(0...5) {
        case 0:
            let values = Array(
                Set(
                    (0..<int(1...3)).map { _ in
                        pick(["0", "1", "-1", "42", "0x1F", "9223372036854775807", "99999999999999999999", "7"])
                    })
            )
            .sorted()
            entries.append(("enum", .list(values.map(Value.plain))))
            if chance(0.5) { entries.append(("default", .plain(pick(values + ["3"])))) }
        case 1: entries.append(("default", .plain(pick(["0", "-5", "100", "0x10", "1e3", "99999999999999999999"]))))
        case 2: entries.append(("default", .string("100")))
        default: break
        }
        return entries
    }

    mutating func numberExtras() -> [(String, Value)] {
        var entries: [(String, Value)] = []
        if chance(0.3) { entries.append(("format", .string(pick(["float", "double"])))) }
        if chance(0.4) {
            entries.append(("default", .plain(pick([".5", "1.", "1e400", "-0.0", "3", "2.5e-3", ".inf", "1_000"]))))
        }
        return entries
    }

    mutating func objectSchema(depth: Int) -> [(String, Value)] {
        let names = Array(Set((0..<int(0...5)).map { _ in name() })).sorted()
        var entries: [(String, Value)] = [("type", .string("object"))]
        if !names.isEmpty {
            entries.append(("properties", .map(names.map { ($0, schema(depth: depth + 1)) })))
            let required = names.filter { _ in chance(0.5) }
            if !required.isEmpty { entries.append(("required", .list(required.map(Value.string)))) }
        }
        if chance(0.2) {
            entries.append(("additionalProperties", .plain("false")))
        } else if names.isEmpty, chance(0.5) {
            entries.append(("additionalProperties", chance(0.3) ? .plain("true") : schema(depth: depth + 1)))
        }
        return entries
    }

    // MARK: Operations

    mutating func pathTemplate() -> (String, [String]) {
        var path = ""
        var parameters: [String] = []
        for _ in 0..<int(1...3) {
            if chance(0.4) {
                let parameter = name().filter { $0 != "{" && $0 != "}" && $0 != "/" }
                guard !parameter.isEmpty, !parameters.contains(parameter) else { continue }
                parameters.append(parameter)
                path += "/{\(parameter)}"
            } else {
                path += "/" + pick(["pets", "owners", "a", "b-c", "v1", "items"])
            }
        }
        return (path.isEmpty ? "/" : path, parameters)
    }

    mutating func operation(pathParameters: [String]) -> Value {
        var entries: [(String, Value)] = []
        if chance(0.85) {
            var id = name()
            while operationIDs.contains(id) { id += "x" }
            operationIDs.insert(id)
            entries.append(("operationId", .string(id)))
        }
        var parameters: [Value] = pathParameters.map { name in
            .map([
                ("name", .string(name)), ("in", .string("path")), ("required", .plain("true")),
                ("schema", schema(depth: 0, scalarOnly: true)),
            ])
        }
        var seen: Set<String> = []
        for _ in 0..<int(0...3) {
            let location = pick(["query", "header"])
            var parameterName = name()
            if location == "header" {
                parameterName = parameterName.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
            guard !parameterName.isEmpty, seen.insert(location + parameterName).inserted else { continue }
            var parameter: [(String, Value)] = [("name", .string(parameterName)), ("in", .string(location))]
            if chance(0.4) { parameter.append(("required", .plain("true"))) }
            switch int(0...9) {
            case 0:
                // JSON text of any value.
                parameter.append(
                    ("content", .map([("application/json", .map([("schema", schema(depth: 1))]))])))
            case 1:
                // An object of scalars, in the location's default style or as a deep object.
                let names = Array(Set((0..<int(1...3)).map { _ in name() })).sorted()
                parameter.append(
                    (
                        "schema",
                        .map([
                            ("type", .string("object")),
                            ("properties", .map(names.map { ($0, schema(depth: 1, scalarOnly: true)) })),
                        ])
                    ))
                if location == "query", chance(0.5) { parameter.append(("style", .string("deepObject"))) }
            default:
                parameter.append(("schema", schema(depth: 0, scalarOnly: true)))
            }
            if location == "query", chance(0.1) { parameter.append(("allowReserved", .plain("true"))) }
            parameters.append(sharedOrInline(.map(parameter), kind: "parameters"))
        }
        // A shared parameter that another operation made, with a name and location not taken here.
        if chance(0.3), let (key, value) = shared["parameters"]?.randomElement(using: &random),
            case .map(let entries) = value, case .string(let name)? = entries.first(where: { $0.0 == "name" })?.1,
            case .string(let location)? = entries.first(where: { $0.0 == "in" })?.1,
            seen.insert(location + name).inserted
        {
            parameters.append(.map([("$ref", .string("#/components/parameters/" + escapePointer(key)))]))
        }
        if !parameters.isEmpty { entries.append(("parameters", .list(parameters))) }
        if chance(0.5) {
            var body: [(String, Value)] = [("content", content())]
            if chance(0.6) { body.append(("required", .plain("true"))) }
            if chance(0.4) { body.append(("x-apigen-flatten", .plain("true"))) }
            entries.append(("requestBody", sharedOrInline(.map(body), kind: "requestBodies")))
        }
        var responses: [(String, Value)] = []
        for status in Array(
            Set(
                (0..<int(1...4)).map { _ in
                    pick([
                        "200", "201", "202", "204", "400", "404", "418", "500", "299", "default", "2XX", "4XX", "5XX",
                    ])
                })
        ).sorted() {
            var response: [(String, Value)] = [("description", .string("The \(status) response."))]
            if chance(0.3) {
                var headers: [(String, Value)] = []
                for header in Set(["Location", "X-Rate", "ETag", "X-Count"].filter { _ in chance(0.5) }).sorted() {
                    var entry: [(String, Value)] = [("schema", schema(depth: 0, scalarOnly: true))]
                    if chance(0.5) { entry.append(("required", .plain("true"))) }
                    headers.append((header, .map(entry)))
                }
                if !headers.isEmpty { response.append(("headers", .map(headers))) }
            }
            if status != "204", chance(0.6) { response.append(("content", content())) }
            if status.hasPrefix("2"), chance(0.4), let link = pollLink() {
                let location: [(String, Value)] = [
                    ("schema", .map([("type", .string("string"))] + (chance(0.3) ? [("format", .string("uri"))] : []))),
                    ("required", .plain(chance(0.5) ? "true" : "false")),
                ]
                if let index = response.firstIndex(where: { $0.0 == "headers" }),
                    case .map(var headers) = response[index].1
                {
                    headers.removeAll { $0.0 == "Location" }
                    headers.append(("Location", .map(location)))
                    response[index].1 = .map(headers)
                } else {
                    response.append(("headers", .map([("Location", .map(location))])))
                }
                response.append(("x-apigen-poll", link))
                responses.append((status, .map(response)))
                continue
            }
            responses.append((status, sharedOrInline(.map(response), kind: "responses")))
        }
        entries.append(("responses", .map(responses)))
        if chance(0.1) { entries.append(("deprecated", .plain("true"))) }
        return .map(entries)
    }

    /// A `content` mapping: mostly one JSON media type, sometimes several of every kind, forms and multipart with
    /// files and encodings among them.
    mutating func content() -> Value {
        var types = ["application/json"]
        if chance(0.35) {
            types = Array(
                Set(
                    (0..<int(1...3)).map { _ in
                        pick([
                            "application/json", "text/plain", "application/octet-stream", "multipart/form-data",
                            "application/x-www-form-urlencoded", "application/problem+json", "text/*", "image/png",
                            "*/*", "application/x-ndjson", "text/event-stream", "application/xml", "text/xml",
                        ])
                    })
            ).sorted()
        }
        return .map(types.map { ($0, mediaType($0)) })
    }

    private mutating func mediaType(_ type: String) -> Value {
        switch type {
        case "multipart/form-data", "application/x-www-form-urlencoded":
            let names = Array(Set((0..<int(1...4)).map { _ in name() })).sorted()
            let file: Value = .map([("type", .string("string")), ("format", .string("binary"))])
            let properties: [(String, Value)] = names.map { property in
                switch int(0...5) {
                case 0: (property, file)
                case 1: (property, .map([("type", .string("array")), ("items", file)]))
                default: (property, schema(depth: 1))
                }
            }
            var entries: [(String, Value)] = [
                ("schema", .map([("type", .string("object")), ("properties", .map(properties))]))
            ]
            if chance(0.3) { entries[0] = ("schema", schema(depth: 0)) }
            var encodings: [(String, Value)] = []
            for property in names where chance(0.4) {
                if type == "multipart/form-data" {
                    var encoding: [(String, Value)] = [
                        ("contentType", .string(pick(["image/png", "application/json", "text/plain; charset=utf-8"])))
                    ]
                    if chance(0.3) {
                        encoding.append(
                            ("headers", .map([("X-Part", .map([("schema", .map([("type", .string("string"))]))]))])))
                    }
                    encodings.append((property, .map(encoding)))
                } else {
                    var encoding: [(String, Value)] = [
                        ("style", .string(pick(["form", "spaceDelimited", "pipeDelimited", "deepObject"])))
                    ]
                    if chance(0.5) { encoding.append(("explode", .plain(chance(0.5) ? "true" : "false"))) }
                    encodings.append((property, .map(encoding)))
                }
            }
            if !encodings.isEmpty { entries.append(("encoding", .map(encodings))) }
            return .map(entries)
        case "application/json", "application/problem+json", "application/x-ndjson":
            return .map([("schema", schema(depth: 0))])
        case "text/plain", "text/*", "text/event-stream", "text/xml":
            return chance(0.5) ? .map([("schema", .map([("type", .string("string"))]))]) : .map([])
        default:
            return chance(0.5)
                ? .map([("schema", .map([("type", .string("string")), ("format", .string("binary"))]))]) : .map([])
        }
    }

    // MARK: Choices

    mutating func name() -> String {
        // Up to 300 characters: YAML allows implicit keys up to 1,024.
        if chance(0.03) { return String(repeating: pick(["a", "Long"]), count: int(25...75)) + pick(["", "x", "1"]) }
        return pick(Self.names)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }

    private func escapePointer(_ name: String) -> String {
        name.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    // MARK: Printing

    static func render(_ value: inout Value) -> String {
        var text = ""
        write(value, to: &text)
        text.append("\n")
        return text
    }

    private static func write(_ value: Value, to text: inout String) {
        switch value {
        case .string(let string): quote(string, into: &text)
        case .plain(let raw): text += raw
        case .list(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += ", " }
                write(item, to: &text)
            }
            text += "]"
        case .map(let entries):
            text += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { text += ", " }
                quote(entry.0, into: &text)
                text += ": "
                write(entry.1, to: &text)
            }
            text += "}"
        }
    }

    private static func quote(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case _ where scalar.value < 0x20: text += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

/// A small, fast pseudo-random generator with a seed, so that every description can be made again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
