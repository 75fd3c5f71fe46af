import APIDescription

/// A value the caller passes for an operation: a parameter or the body, with its Swift name and type.
struct InputField {
    enum Source {
        case parameter(Parameter)
        case body(RequestBody)
    }

    var source: Source
    var name: Identifier
    var wrapped: Code
    var isOptional: Bool
    var defaultValue: Code?
    var doc: String
    var type: Code { isOptional ? "\(wrapped)?" : wrapped }
}

/// An operation shaped for code: its input's fields and its output, named in one scope so that no two of their
/// nested types share a name, before any file is written.
struct OperationShape {
    var operation: Operation
    var namespace: Identifier
    var fields: [InputField]
    var output: Declaration
    var parser: Declaration
    /// The types nested in the namespace, for the input's and the output's values.
    var nested: [Declaration]
}

extension Translator {
    /// The conventional Swift names of status codes, after their reason phrases.
    static let statusNames: [Int: String] = [
        100: "continue", 101: "switchingProtocols", 200: "ok", 201: "created", 202: "accepted",
        203: "nonAuthoritativeInformation", 204: "noContent", 205: "resetContent", 206: "partialContent",
        300: "multipleChoices", 301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified",
        307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest", 401: "unauthorized",
        402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed", 406: "notAcceptable",
        407: "proxyAuthenticationRequired", 408: "requestTimeout", 409: "conflict", 410: "gone", 411: "lengthRequired",
        412: "preconditionFailed", 413: "contentTooLarge", 414: "uriTooLong", 415: "unsupportedMediaType",
        416: "rangeNotSatisfiable", 417: "expectationFailed", 421: "misdirectedRequest", 422: "unprocessableContent",
        425: "tooEarly", 426: "upgradeRequired", 428: "preconditionRequired", 429: "tooManyRequests",
        431: "requestHeaderFieldsTooLarge", 451: "unavailableForLegalReasons", 500: "internalServerError",
        501: "notImplemented", 502: "badGateway", 503: "serviceUnavailable", 504: "gatewayTimeout",
        505: "httpVersionNotSupported",
    ]

    /// The shape of an operation: its input fields in order (path parameters, query and header parameters, then the
    /// body) and its output.
    func operationShape(_ operation: Operation) -> OperationShape {
        let namespace = operationTypes[operation.id]!
        var scope = Scope(path: [namespace], reserved: topLevelNames)
        var fields: [InputField] = []
        var nested: [Declaration] = []
        for parameter in operation.parameters {
            let mapped = mapType(
                parameter.schema, name: parameter.name, description: parameter.description, scope: &scope)
            nested += mapped.nested
            let defaultValue = parameter.schema.defaultValue.flatMap { defaultCode($0, schema: parameter.schema) }
            // A path segment cannot be null, so a nullable path parameter is still a value the caller must give.
            let isOptional = !parameter.isRequired || (parameter.schema.isNullable && parameter.location != .path)
            fields.append(
                InputField(
                    source: .parameter(parameter), name: scope.names.claim(Naming.memberName(parameter.name)),
                    wrapped: mapped.code, isOptional: isOptional,
                    defaultValue: defaultValue ?? (isOptional ? "nil" : nil),
                    doc: parameter.description ?? parameter.schema.description
                        ?? "The `\(parameter.name)` \(parameter.location.rawValue) parameter."))
        }
        if let body = operation.requestBody {
            let mapped = mapType(body.schema, name: "Body", description: body.description, scope: &scope)
            nested += mapped.nested
            fields.append(
                InputField(
                    source: .body(body), name: scope.names.claim(Identifier("body")), wrapped: mapped.code,
                    isOptional: !body.isRequired, defaultValue: body.isRequired ? nil : "nil",
                    doc: body.description ?? body.schema.description ?? "The request body."))
        }
        let output = outputDeclaration(operation, scope: &scope, nested: &nested)
        return OperationShape(
            operation: operation, namespace: namespace, fields: fields, output: output.declaration,
            parser: output.parser, nested: nested)
    }

    /// A default value as Swift code: an enum case, a string literal or a number. The loader has checked it against
    /// the schema; a string default is used only where the Swift type is a plain `String`.
    func defaultCode(_ value: String, schema: Schema) -> Code? {
        let target = resolved(schema)
        if !target.enumValues.isEmpty, let index = target.enumValues.firstIndex(of: value) {
            return ".\(Translator.enumCaseNames(target.enumValues)[index])"
        }
        switch target.kind {
        case .string(let format):
            let isPlainString = !["uuid", "uri", "date-time"].contains(format) && target.pathForms.isEmpty
            return target.delimiter == nil && isPlainString ? "\(literal: value)" : nil
        case .integer, .number, .boolean:
            return Code(stringLiteral: value)
        default:
            return nil
        }
    }

    /// The file of one operation: a namespace with its input, output, request builder and response parser.
    func operationFile(_ shape: OperationShape, path: String) -> SwiftFile {
        let operation = shape.operation
        let summary = operation.summary ?? "The `\(operation.id)` operation."
        let members: [Declaration] =
            [
                .property(
                    PropertyDeclaration(
                        name: Identifier("id"), type: "String", isStatic: true, value: "\(literal: operation.id)",
                        doc: Doc(["The operation's `operationId`, which middlewares and transports receive."]))),
                inputDeclaration(shape),
                shape.output,
                requestFunction(shape),
                shape.parser,
            ] + shape.nested
        let declaration = Declaration.type(
            TypeDeclaration(
                .enum, name: shape.namespace, conformances: ["APIOperation"],
                doc: Doc([
                    summary, operation.description, "`\(operation.method.rawValue.uppercased()) \(operation.path)`",
                ]),
                origin: "#/paths/\(escapePointer(operation.path))/\(operation.method.rawValue)", members: members))
        return SwiftFile(
            path: path, imports: (Translator.imports + ["HTTPTypes"]).sorted(), spiImports: Translator.spiImports,
            declarations: [declaration])
    }

    private func escapePointer(_ token: String) -> String {
        token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    private func inputDeclaration(_ shape: OperationShape) -> Declaration {
        let properties: [Declaration] = shape.fields.map { field in
            .property(PropertyDeclaration(name: field.name, type: field.type, isMutable: true, doc: Doc([field.doc])))
        }
        let initializer = Declaration.function(
            FunctionDeclaration(
                name: nil,
                parameters: shape.fields.map {
                    FunctionParameter(name: $0.name, type: $0.type, defaultValue: $0.defaultValue)
                },
                doc: Doc(["Creates the input of a request."], parameters: shape.fields.map { ($0.name, $0.doc) }),
                body: shape.fields.map { .line("self.\($0.name) = \($0.name)") }))
        return .type(
            TypeDeclaration(
                .struct, name: Identifier("Input"), conformances: ["Hashable", "Sendable"],
                doc: Doc(["The values a `\(shape.operation.id)` request sends."]), members: properties + [initializer]))
    }

    /// The text a parameter's value travels as on the wire.
    private func wireText(_ value: Code, schema: Schema) -> (code: Code, isIdentity: Bool) {
        let target = resolved(schema)
        if !target.enumValues.isEmpty {
            if case .integer = target.kind { return ("String(\(value).rawValue)", false) }
            return ("\(value).rawValue", false)
        }
        switch target.kind {
        case .string(let format):
            switch format {
            case "uuid": return ("\(value).uuidString", false)
            case "uri": return ("\(value).absoluteString", false)
            case "date-time": return ("\(value).ISO8601Format()", false)
            default: return (value, true)
            }
        default:
            return ("String(\(value))", false)
        }
    }

    private func requestFunction(_ shape: OperationShape) -> Declaration {
        let operation = shape.operation
        var body: [Statement] = [
            .line("var builder = RequestBuilder(operationID: id, method: .\(Identifier(operation.method.rawValue)))")
        ]
        let fieldsByParameter = shape.fields.compactMap { field -> (Parameter, InputField)? in
            if case .parameter(let parameter) = field.source { return (parameter, field) }
            return nil
        }
        for component in operation.pathComponents {
            switch component {
            case .literal(let text):
                body.append(.line("builder.appendPath(\(literal: text))"))
            case .parameter(let name):
                guard
                    let (parameter, field) = fieldsByParameter.first(where: {
                        $0.0.location == .path && $0.0.name == name
                    })
                else { continue }
                let text = wireText("input.\(field.name)", schema: parameter.schema).code
                body.append(.line("try builder.appendPathParameter(\(text), field: \(literal: parameter.name))"))
            }
        }
        for (parameter, field) in fieldsByParameter where parameter.location != .path {
            var value: Code = "input.\(field.name)"
            if field.isOptional {
                let converted = wireText("$0", schema: parameter.schema)
                if !converted.isIdentity { value = "\(value).map { \(converted.code) }" }
            } else {
                value = wireText(value, schema: parameter.schema).code
            }
            switch parameter.location {
            case .query: body.append(.line("builder.addQuery(\(literal: parameter.name), \(value))"))
            case .header: body.append(.line("try builder.setHeader(\(literal: parameter.name), \(value))"))
            case .path: break
            }
        }
        if let field = shape.fields.first(where: { if case .body = $0.source { true } else { false } }) {
            if field.isOptional {
                body.append(.block("if let body = input.\(field.name)", [.line("try builder.setJSONBody(body)")]))
            } else {
                body.append(.line("try builder.setJSONBody(input.\(field.name))"))
            }
        }
        body.append(.line("return builder.request"))
        return .function(
            FunctionDeclaration(
                name: Identifier("request"),
                parameters: [FunctionParameter(label: "for", name: Identifier("input"), type: "Input")],
                isStatic: true, effects: "throws(APIClientError)", returnType: "(HTTPRequest, Data?)",
                doc: Doc(
                    [
                        "Builds the HTTP request for an input without sending it.",
                        "The request's path is relative to the server and holds the query. The bearer token is not part of it: the client adds it when it sends the request.",
                    ],
                    parameters: [(Identifier("input"), "The values to send.")],
                    returns: "The request and its body.",
                    throwsText:
                        "`APIClientError` with the reason `invalidInput` when a value cannot travel as the description requires."
                ),
                body: body))
    }
}
