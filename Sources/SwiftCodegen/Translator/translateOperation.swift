import APIDescription

/// The text a value travels as, as Swift code.
struct WireText {
    var code: Code
    /// Whether the text is the value itself, a `String`.
    var isIdentity = false
    /// Whether computing the text may throw, as encoding JSON does.
    var throwing = false
}

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
    /// `streamedOutput(from:body:)`, for an operation with successes handed over as streams (raw bytes, events,
    /// JSON Lines).
    var streamParser: Declaration?
    /// The types nested in the namespace, for the input's and the output's values.
    var nested: [Declaration]
    /// For a body of several media types, a case for each; empty otherwise.
    var bodyCases: [MediaCase] = []
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

    /// The Swift names of status classes (`2XX`…), after RFC 9110's names for them.
    static let statusClassNames: [Int: String] = [
        1: "informational", 2: "successful", 3: "redirection", 4: "clientError", 5: "serverError",
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
            let isOptional = !parameter.isRequired || (parameter.schema.isNullable && parameter.placement != .path)
            fields.append(
                InputField(
                    source: .parameter(parameter), name: scope.names.claim(Naming.memberName(parameter.name)),
                    wrapped: mapped.code, isOptional: isOptional,
                    defaultValue: defaultValue ?? (isOptional ? "nil" : nil),
                    doc: parameterDoc(parameter)))
        }
        var bodyCases: [MediaCase] = []
        if let body = operation.requestBody {
            let (mapped, cases) = requestBodyType(body, scope: &scope)
            bodyCases = cases
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
            parser: output.parser, streamParser: output.streamParser, nested: nested, bodyCases: bodyCases)
    }

    /// A parameter's documentation: its description, and what the description says of its use.
    private func parameterDoc(_ parameter: Parameter) -> String {
        var text =
            parameter.description ?? parameter.schema.description
            ?? "The `\(parameter.name)` \(parameter.placement.rawValue) parameter."
        if parameter.allowsEmptyValue { text += " The server takes an empty value (`\(parameter.name)=`)." }
        if parameter.isDeprecated { text += " Deprecated: the description advises against sending it." }
        return text
    }

    /// A default value as Swift code: an enum case, a string literal or a number. The loader has checked it against
    /// the schema; a string default is used only where the Swift type is a plain `String`.
    func defaultCode(_ value: String, schema: Schema) -> Code? {
        let target = swiftShape(schema)
        if !target.enumValues.isEmpty, let index = target.enumValues.firstIndex(of: value) {
            return ".\(Translator.enumCaseNames(target.enumValues)[index])"
        }
        switch target.kind {
        case .string(let format):
            let isPlainString = Translator.stringType(format: format) == "String" && target.pathForms.isEmpty
            return target.delimiter == nil && isPlainString ? "\(literal: value)" : nil
        case .integer, .number, .boolean:
            return Code(stringLiteral: value)
        default:
            return nil
        }
    }

    /// The declaration of one operation: a namespace with its input, output, request builder and response parser.
    func operationDeclaration(_ shape: OperationShape) -> Declaration {
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
            ] + (shape.streamParser.map { [$0] } ?? []) + stateFunction(operation) + shape.nested
        return Declaration.type(
            TypeDeclaration(
                .enum, name: shape.namespace, conformances: ["APIOperation"],
                doc: Doc([
                    summary, operation.description, "`\(operation.method.rawValue.uppercased()) \(operation.path)`",
                ]),
                origin: "#/paths/\(escapePointerToken(operation.path))/\(operation.method.rawValue)", members: members))
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

    /// The text a parameter's value travels as on the wire: strings, numbers, booleans and their enums as text,
    /// and anything without a text form of its own (objects inside objects, compositions, free-form values) as its
    /// JSON text, which may throw.
    ///
    /// - Parameter field: The parameter or property the value belongs to, named in the error when it cannot be sent.
    func wireText(_ value: Code, schema: Schema, field: String = "value") -> WireText {
        let target = swiftShape(schema)
        let json = WireText(
            code: "try JSONCoding.parameterText(\(value), field: \(literal: field), operationID: id)", throwing: true)
        if !target.enumValues.isEmpty {
            if case .integer = target.kind { return WireText(code: "String(\(value).rawValue)") }
            if target.isString { return WireText(code: "\(value).rawValue") }
            return json
        }
        switch target.kind {
        case .string(let format):
            if let delimiter = target.delimiter {
                return WireText(code: "\(value).joined(separator: \(literal: delimiter))")
            }
            if !target.pathForms.isEmpty { return json }
            switch format {
            case "uuid": return WireText(code: "\(value).uuidString")
            case "uri": return WireText(code: "\(value).absoluteString")
            case "date-time": return WireText(code: "\(value).ISO8601Format()")
            case "date": return WireText(code: "\(value).description")
            case "byte", "binary": return WireText(code: "\(value).base64EncodedString()")
            default: return WireText(code: value, isIdentity: true)
            }
        case .integer, .number, .boolean:
            return WireText(code: "String(\(value))")
        case .array(let items) where !items.isNullable && isPlainText(items):
            // A list inside an object or a map: its items joined by commas, as RFC 6570 writes a list.
            let item = wireText("text", schema: items, field: field)
            let texts: Code = item.isIdentity ? value : "\(value).map { text in \(item.code) }"
            return WireText(code: "\(texts).joined(separator: \",\")")
        default:
            return json
        }
    }

    /// An optional value's text on the wire, nil when absent; nil when the value is its own text.
    func optionalText(_ value: Code, schema: Schema, field: String) -> Code? {
        let text = wireText("$0", schema: schema, field: field)
        if text.isIdentity { return nil }
        guard text.throwing else { return "\(value).map { \(text.code) }" }
        return Code.call(
            "try JSONCoding.optionalParameterText", [value, "field: \(literal: field)", "operationID: id"])
    }

    /// The texts on the wire of a list's items, nil when the list is absent; nil when the items are their own texts.
    ///
    /// - Parameters:
    ///   - list: The list.
    ///   - isOptional: Whether the list may be absent.
    ///   - chain: What continues an optional chain on `list`: `?` after an optional value, nothing after a call
    ///     that is already part of the chain.
    func itemTexts(_ list: Code, isOptional: Bool, chain: Code, items: Schema, field: String) -> Code? {
        let text = wireText("$0", schema: items, field: field)
        if text.isIdentity { return nil }
        guard text.throwing else { return "\(list)\(chain).map { \(text.code) }" }
        return Code.call(
            isOptional ? "try JSONCoding.optionalParameterTexts" : "try JSONCoding.parameterTexts",
            [list, "field: \(literal: field)", "operationID: id"])
    }

    /// A parameter's value as the texts it travels as: one for a scalar, one for each item of an array; nil for an
    /// absent optional.
    private func parameterTexts(_ field: InputField, _ parameter: Parameter) -> Code {
        let value: Code = "input.\(field.name)"
        let optional: Code = field.isOptional ? "?" : ""
        if case .array(let items) = swiftShape(parameter.schema).kind {
            // A null item has no text: RFC 6570 leaves undefined values out of a list.
            let present: Code = items.isNullable ? "\(value)\(optional).compactMap { $0 }" : value
            return itemTexts(
                present, isOptional: field.isOptional, chain: present == value ? optional : "", items: items,
                field: parameter.name) ?? present
        }
        if field.isOptional {
            let text = wireText("$0", schema: parameter.schema, field: parameter.name)
            guard text.throwing else { return "\(value).map { [\(text.code)] }" }
            return "\(optionalText(value, schema: parameter.schema, field: parameter.name)!).map { [$0] }"
        }
        return "[\(wireText(value, schema: parameter.schema, field: parameter.name).code)]"
    }

    /// A parameter described with a JSON `content` as the JSON text it travels as, read from `value`, which the
    /// caller binds, when the parameter is optional.
    private func jsonText(_ field: InputField, _ parameter: Parameter) -> Code {
        let value: Code = field.isOptional ? "value" : "input.\(field.name)"
        return Code.call(
            "try JSONCoding.text", [value, "field: \(literal: parameter.name)", "operationID: id"])
    }

    /// A statement about an input field: as it is for a required field; for an optional one, run only when the
    /// field has a value, which it reads as `value`.
    private func whenPresent(_ field: InputField, _ statement: Code, readsValue: Bool = true) -> Statement {
        guard field.isOptional else { return .line(statement) }
        return .block(
            readsValue ? "if let value = input.\(field.name)" : "if input.\(field.name) != nil", [.line(statement)])
    }

    /// The statement that adds an object query, header or cookie parameter.
    ///
    /// - Parameter pairs: The object's properties as `(name, text)` pairs (`objectPairs`).
    private func objectStatement(_ field: InputField, _ parameter: Parameter, pairs: Code) -> Code {
        let name: Code = "\(literal: parameter.name)"
        let explode: Code = parameter.explode ? "explode: true" : "explode: false"
        switch parameter.placement {
        case .header: return Code.call("try builder.setHeader", [name, "object: \(pairs)", explode])
        case .cookie: return Code.call("try builder.addCookie", [name, "object: \(pairs)", explode])
        default:
            return Code.call(
                "builder.addQuery",
                [
                    name, "object: \(pairs)", parameter.style == .deepObject ? "style: .deepObject" : "style: .form",
                    explode, "separator: \(literal: separator(parameter.style))",
                ])
        }
    }

    /// An object parameter's properties as `(name, text)` pairs, the text nil for an absent property; an optional
    /// object is read from `value`, which the caller binds.
    private func objectPairs(_ field: InputField, _ parameter: Parameter) -> Code {
        objectPairs(
            field.isOptional ? "value" : "input.\(field.name)", type: field.wrapped, schema: parameter.schema,
            field: parameter.name)
    }

    /// The properties of `owner`, an object of Swift type `type`, as `(name, text)` pairs, the text nil for an
    /// absent property; a map's or a free-form object's entries in the order of their keys, so that the same map
    /// always makes the same request.
    ///
    /// - Parameter field: The parameter or form field, named in the error when a value cannot be sent.
    func objectPairs(_ owner: Code, type: Code, schema: Schema, field: String) -> Code {
        let object = swiftShape(schema)
        guard case .object(let properties) = object.kind else { return "[]" }
        // An object without properties is a map in Swift, unless it forbids other properties too.
        if properties.isEmpty, Printer.render(type).hasPrefix("[String: ") {
            var values = Schema(kind: .any, location: object.location)
            if case .allowed(let described) = object.additionalProperties { values = described }
            let sorted: Code = "\(owner).sorted { $0.key < $1.key }"
            let text = wireText("$0", schema: values, field: field)
            if text.throwing {
                return Code.call(
                    "try JSONCoding.parameterEntries", [owner, "field: \(literal: field)", "operationID: id"])
            }
            if values.isNullable {
                let value = optionalText("entry.value", schema: values, field: field) ?? "entry.value"
                return "\(sorted).map { entry in (entry.key, \(value)) }"
            }
            return "\(sorted).map { ($0.key, Optional(\(wireText("$0.value", schema: values, field: field).code))) }"
        }
        var scope = Scope(
            path: Printer.render(type).split(separator: ".").map { Identifier(String($0)) }, reserved: topLevelNames)
        var nested: [Declaration] = []
        let pairs: [Code] = structProperties(properties, scope: &scope, nested: &nested).map { property in
            let access: Code = "\(owner).\(property.name)"
            let schema = property.property.schema
            let text: Code =
                property.isOptional
                ? optionalText(access, schema: schema, field: property.property.name) ?? access
                : wireText(access, schema: schema, field: property.property.name).code
            return Code.call("", ["\(literal: property.property.name)", text])
        }
        return Code.array(pairs)
    }

    /// The separator between an array parameter's items when they are not exploded, by style.
    private func separator(_ style: ParameterStyle) -> String {
        switch style {
        case .spaceDelimited: " "
        case .pipeDelimited: "|"
        default: ","
        }
    }

    private func requestFunction(_ shape: OperationShape) -> Declaration {
        let operation = shape.operation
        var body: [Statement] = [
            .line("var builder = RequestBuilder(operationID: id, method: .\(Identifier(operation.method.rawValue)))")
        ]
        var accepted: [String] = []
        for content in operation.responses.flatMap(\.contents) where !accepted.contains(content.mediaType) {
            accepted.append(content.mediaType)
        }
        if !accepted.isEmpty { body.append(.line("builder.setAccept(\(literal: accepted.joined(separator: ", ")))")) }
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
                        $0.0.placement == .path && $0.0.name == name
                    })
                else { continue }
                if parameter.isJSON {
                    body.append(
                        .line(
                            "try builder.appendPathParameter(\(jsonText(field, parameter)), field: \(literal: parameter.name))"
                        ))
                    continue
                }
                if case .object = swiftShape(parameter.schema).kind {
                    body.append(
                        .line(
                            Code.call(
                                "try builder.appendPathParameter",
                                [
                                    "object: \(objectPairs(field, parameter))", "field: \(literal: parameter.name)",
                                    "style: .\(Identifier(parameter.style.rawValue))",
                                    "explode: \(parameter.explode ? "true" : "false")",
                                ])))
                    continue
                }
                if case .array = swiftShape(parameter.schema).kind {
                } else if parameter.style == .simple {
                    let text = wireText("input.\(field.name)", schema: parameter.schema, field: parameter.name).code
                    body.append(.line("try builder.appendPathParameter(\(text), field: \(literal: parameter.name))"))
                    continue
                }
                body.append(
                    .line(
                        Code.call(
                            "try builder.appendPathParameter",
                            [
                                parameterTexts(field, parameter), "field: \(literal: parameter.name)",
                                "style: .\(Identifier(parameter.style.rawValue))",
                                "explode: \(parameter.explode ? "true" : "false")",
                            ])))
            }
        }
        for (parameter, field) in fieldsByParameter where parameter.placement != .path {
            if parameter.isJSON {
                let name: Code = "\(literal: parameter.name)"
                let text = jsonText(field, parameter)
                let statement: Code
                switch parameter.placement {
                case .header: statement = Code.call("try builder.setHeader", [name, text])
                case .cookie:
                    statement = Code.call("try builder.addCookie", [name, "items: [\(text)]", "explode: false"])
                default: statement = Code.call("builder.addQuery", [name, text])
                }
                body.append(whenPresent(field, statement))
                continue
            }
            if case .object = swiftShape(parameter.schema).kind {
                // An object that holds no properties has nothing to read.
                let pairs = objectPairs(field, parameter)
                body.append(
                    whenPresent(
                        field, objectStatement(field, parameter, pairs: pairs),
                        readsValue: Printer.render(pairs) != "[]"))
                continue
            }
            let isArray: Bool
            if case .array = swiftShape(parameter.schema).kind { isArray = true } else { isArray = false }
            var value: Code = "input.\(field.name)"
            if !isArray {
                if field.isOptional {
                    value = optionalText(value, schema: parameter.schema, field: parameter.name) ?? value
                } else {
                    value = wireText(value, schema: parameter.schema, field: parameter.name).code
                }
            }
            let name: Code = "\(literal: parameter.name)"
            switch (parameter.placement, isArray) {
            case (.query, false):
                body.append(
                    .line(
                        Code.call(
                            "builder.addQuery",
                            [name, value] + (parameter.allowsReserved ? ["allowReserved: true"] : [])
                        )))
            case (.query, true):
                body.append(
                    .line(
                        Code.call(
                            "builder.addQuery",
                            [
                                name, "items: \(parameterTexts(field, parameter))",
                                "explode: \(parameter.explode ? "true" : "false")",
                                "separator: \(literal: separator(parameter.style))",
                            ] + (parameter.allowsReserved ? ["allowReserved: true"] : []))))
            case (.header, false): body.append(.line("try builder.setHeader(\(name), \(value))"))
            case (.header, true):
                // An optional array's texts are an optional chain already when they were converted.
                // The texts are optional, rather than part of an optional chain, when they are the field itself or
                // the result of a call.
                let texts = parameterTexts(field, parameter)
                let rendered = Printer.render(texts)
                let chained =
                    field.isOptional
                    && (texts == "input.\(field.name)" || rendered.hasPrefix("try JSONCoding.optional"))
                body.append(
                    .line("try builder.setHeader(\(name), \(texts)\(chained ? "?" : "").joined(separator: \",\"))"))
            case (.cookie, _):
                body.append(
                    .line(
                        Code.call(
                            "try builder.addCookie",
                            [
                                name, "items: \(parameterTexts(field, parameter))",
                                "explode: \(parameter.explode ? "true" : "false")",
                            ])))
            case (.path, _): break
            }
        }
        if let field = shape.fields.first(where: { if case .body = $0.source { true } else { false } }),
            case .body(let requestBody) = field.source
        {
            let setBody: [Statement] =
                shape.bodyCases.isEmpty
                ? bodyStatements("body", type: field.wrapped, content: requestBody.content)
                : [
                    .switchOver(
                        "body",
                        shape.bodyCases.map { item in
                            (
                                "case .\(item.name)(let value)",
                                bodyStatements("value", type: item.payload, content: item.content)
                            )
                        })
                ]
            if field.isOptional {
                body.append(.block("if let body = input.\(field.name)", setBody))
            } else {
                body.append(.line("let body = input.\(field.name)"))
                body += setBody
            }
        }
        body.append(.line("return builder.request"))
        return .function(
            FunctionDeclaration(
                name: Identifier("request"),
                parameters: [FunctionParameter(label: "for", name: Identifier("input"), type: "Input")],
                isStatic: true, effects: "throws(APIClientError)", returnType: "(HTTPRequest, HTTPBody?)",
                doc: Doc(
                    [
                        "Builds the HTTP request for an input without sending it.",
                        "The request's path is relative to the server and holds the query. Credentials are not part of it: the client adds them when it sends the request.",
                    ],
                    parameters: [(Identifier("input"), "The values to send.")],
                    returns: "The request and its body.",
                    throwsText:
                        "`APIClientError` with the reason `invalidInput` when a value cannot travel as the description requires."
                ),
                body: body))
    }
}
