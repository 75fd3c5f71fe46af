import APIDescription

/// One media type of a body with several: its case in the body's enum and the Swift type the case carries.
struct MediaCase {
    var name: Identifier
    var content: Content
    var payload: Code
}

extension Translator {
    /// The Swift type of a request body: the type of its one media type, or an enum with a case for each of its
    /// media types, from which the caller picks the form to send.
    func requestBodyType(_ body: RequestBody, scope: inout Scope) -> (mapped: MappedType, cases: [MediaCase]) {
        guard body.contents.count > 1 else {
            return (requestPayload(body.content, name: "Body", description: body.description, scope: &scope), [])
        }
        let name = scope.names.claim(Naming.typeName("Body"))
        var caseNames = UniqueNames(reserved: Naming.reservedScopeNames)
        var nested: [Declaration] = []
        var cases: [MediaCase] = []
        for content in body.contents {
            let caseName = Translator.mediaCaseName(content.essence, names: &caseNames)
            let payload = requestPayload(
                content, name: "\(name.name) \(caseName.name)", description: body.description, scope: &scope)
            nested += payload.nested
            cases.append(MediaCase(name: caseName, content: content, payload: payload.code))
        }
        let declaration = mediaEnum(
            name: name, cases: cases,
            doc: [
                body.description ?? body.schema.description ?? "The request body.",
                "The operation takes it in any of these media types; the case picks the one sent.",
            ])
        return (MappedType(code: scope.qualified(name), nested: [declaration] + nested), cases)
    }

    /// An enum with one case for each media type of a body.
    func mediaEnum(name: Identifier, cases: [MediaCase], doc: [String?]) -> Declaration {
        .type(
            TypeDeclaration(
                .enum, name: name, conformances: ["Hashable", "Sendable"], doc: Doc(doc),
                members: cases.map { item in
                    .enumCase(
                        EnumCaseDeclaration(
                            name: item.name, associatedValues: [(nil, item.payload)],
                            doc: Doc(["As `\(item.content.mediaType)`."])))
                }))
    }

    /// The name of a body's case for a media type: `json`, `urlEncodedForm`, `multipartForm`, `plainText`,
    /// `binary` for the common ones, otherwise after the subtype (`problemJSON`, `png`), or the type and subtype
    /// where two subtypes meet (`textXML` after `xml`).
    ///
    /// - Parameter essence: The media type's type and subtype in lower case, without parameters (`Content.essence`).
    static func mediaCaseName(_ essence: String, names: inout UniqueNames) -> Identifier {
        let parts = essence.split(separator: "/", maxSplits: 1).map(String.init)
        let known: [String: String] = [
            "application/json": "json", "application/x-www-form-urlencoded": "urlEncodedForm",
            "multipart/form-data": "multipartForm", "text/plain": "plainText", "application/octet-stream": "binary",
            "*/*": "any",
        ]
        var candidate = known[essence].map { Identifier($0) } ?? Naming.memberName(parts.last ?? essence)
        if parts.count == 2, parts[1] == "*" { candidate = Naming.memberName(parts[0]) }
        if names.taken.contains(candidate.name) { candidate = Naming.memberName(parts.joined(separator: " ")) }
        return names.claim(candidate)
    }

    /// The Swift type of a request body of one media type: a JSON value of its schema, a string of text, for forms
    /// the object whose properties travel as fields, for multipart the parts with files as `MultipartFile`, and for
    /// anything else an `HTTPBody`, which may be a stream that is never held whole.
    func requestPayload(_ content: Content, name: String, description: String?, scope: inout Scope) -> MappedType {
        switch content.kind {
        case .json:
            // Types declared for a JSON body write their own JSON.
            let writes = scope.writesJSON
            scope.writesJSON = true
            defer { scope.writesJSON = writes }
            return mapType(content.schema, name: name, description: description, scope: &scope)
        case .formURLEncoded, .multipart:
            guard case .object(let properties) = swiftShape(content.schema).kind, !properties.isEmpty else {
                diagnostics.warn(
                    content.location,
                    "A `\(content.mediaType)` body is generated from an object schema with properties; this one is sent as the bytes the caller gives."
                )
                return MappedType(code: "Data", nested: [])
            }
            if content.kind == .formURLEncoded {
                return mapType(content.schema, name: name, description: description, scope: &scope)
            }
            let typeName = scope.names.claim(Naming.typeName(name))
            let declaration = multipartDeclaration(
                content, properties: properties, name: typeName, path: scope.path + [typeName],
                description: swiftShape(content.schema).description ?? description)
            return MappedType(code: scope.qualified(typeName), nested: [declaration])
        case .text:
            return MappedType(code: "String", nested: [])
        case .binary:
            return MappedType(code: "HTTPBody", nested: [])
        }
    }

    /// Whether a multipart property is a file: bytes in `binary` format, sent as they are read.
    func isFilePart(_ schema: Schema) -> Bool {
        let target = swiftShape(schema)
        if case .string(let format) = target.kind, format == "binary", target.enumValues.isEmpty { return true }
        return false
    }

    /// The fields of a multipart body, with their names and types; files are `MultipartFile`, lists of files
    /// `[MultipartFile]`.
    private func multipartFields(
        _ properties: [Property], path: [Identifier], nested: inout [Declaration]
    ) -> [StructProperty] {
        var scope = Scope(path: path, reserved: topLevelNames)
        return structProperties(properties, scope: &scope, nested: &nested).map { field in
            let schema = field.property.schema
            var wrapped = field.wrapped
            if isFilePart(schema) {
                wrapped = "MultipartFile"
            } else if case .array(let items) = swiftShape(schema).kind, isFilePart(items) {
                wrapped = items.isNullable ? "[MultipartFile?]" : "[MultipartFile]"
            }
            return StructProperty(property: field.property, name: field.name, wrapped: wrapped, isIndirect: false)
        }
    }

    /// A multipart body's struct: its parts as properties, files as `MultipartFile`, which carry their bytes as an
    /// `HTTPBody` stream, their file name and media type.
    private func multipartDeclaration(
        _ content: Content, properties: [Property], name: Identifier, path: [Identifier], description: String?
    ) -> Declaration {
        var nested: [Declaration] = []
        let fields = multipartFields(properties, path: path, nested: &nested)
        let members: [Declaration] = fields.map { field in
            var paragraphs = [field.property.schema.description ?? "The `\(field.property.name)` part."]
            let encoding = content.encoding(of: field.property.name)
            if let type = encoding?.contentType {
                paragraphs.append("Sent as `\(type)` unless the file says otherwise.")
            }
            let isFile: Bool
            if case .array(let items) = swiftShape(field.property.schema).kind {
                isFile = isFilePart(items)
            } else {
                isFile = isFilePart(field.property.schema)
            }
            if let encoding, !encoding.headers.isEmpty, !isFile {
                diagnostics.warn(
                    encoding.location,
                    "The part `\(field.property.name)` documents headers, which only file parts (`MultipartFile`) carry; they are not sent."
                )
            }
            if let headers = encoding?.headers, !headers.isEmpty, isFile {
                paragraphs.append(
                    "The part documents the headers "
                        + headers.map { "`\($0.name)`" + ($0.isRequired ? " (required)" : "") }.joined(separator: ", ")
                        + ": set them in the file's `headers`.")
            }
            return .property(
                PropertyDeclaration(name: field.name, type: field.type, isMutable: true, doc: Doc(paragraphs)))
        }
        let initializer = Declaration.function(
            FunctionDeclaration(
                name: nil,
                parameters: fields.map { field in
                    FunctionParameter(name: field.name, type: field.type, defaultValue: field.isOptional ? "nil" : nil)
                },
                doc: Doc(
                    ["Creates a body."],
                    parameters: fields.map {
                        ($0.name, $0.property.schema.description ?? "The `\($0.property.name)` part.")
                    }),
                body: fields.map { .line("self.\($0.name) = \($0.name)") }))
        return .type(
            TypeDeclaration(
                .struct, name: name, conformances: ["Hashable", "Sendable"],
                doc: Doc([description ?? "The parts of a `multipart/form-data` body."]),
                members: members + [initializer] + nested))
    }

    /// The statements that put the value `name`, of Swift type `type`, in the request as a body of a media type.
    func bodyStatements(_ name: Code, type: Code, content: Content) -> [Statement] {
        let mediaType: Code = "\(literal: content.mediaType)"
        switch content.kind {
        case .json:
            return [.line("try builder.setJSONBody(\(name), contentType: \(mediaType))")]
        case .text:
            return [.line("builder.setBody(Data(\(name).utf8), contentType: \(mediaType))")]
        case .binary:
            return [.line("builder.setBody(\(name), contentType: \(mediaType))")]
        case .formURLEncoded, .multipart:
            guard Printer.render(type) != "Data", case .object(let properties) = swiftShape(content.schema).kind else {
                return [.line("builder.setBody(\(name), contentType: \(mediaType))")]
            }
            let path = Printer.render(type).split(separator: ".").map { Identifier(String($0)) }
            var statements: [Statement]
            if content.kind == .multipart {
                statements = [.line("var form = MultipartForm(operationID: id)")]
                var nested: [Declaration] = []
                for field in multipartFields(properties, path: path, nested: &nested) {
                    statements += formField(field, of: name) { value in
                        multipartPart(field, value: value, encoding: content.encoding(of: field.property.name))
                    }
                }
            } else {
                statements = [.line("var form = URLEncodedForm(operationID: id)")]
                var scope = Scope(path: path, reserved: topLevelNames)
                var nested: [Declaration] = []
                for field in structProperties(properties, scope: &scope, nested: &nested) {
                    statements += formField(field, of: name) { value in
                        formFieldStatements(field, value: value, encoding: content.encoding(of: field.property.name))
                    }
                }
            }
            statements.append(.line("builder.setBody(form.body, contentType: form.contentType)"))
            return statements
        }
    }

    /// The statements of one field of a form: as they are for a required field, inside `if let value` for an
    /// optional one.
    private func formField(
        _ field: StructProperty, of owner: Code, statements: (Code) -> [Statement]
    ) -> [Statement] {
        guard field.isOptional else { return statements("\(owner).\(field.name)") }
        return [.block("if let value = \(owner).\(field.name)", statements("value"))]
    }

    /// Whether a schema's values are written as plain text: strings (but bytes), numbers and booleans, without the
    /// generator's list and path-form extensions.
    func isPlainText(_ schema: Schema) -> Bool {
        let target = swiftShape(schema)
        guard target.delimiter == nil, target.pathForms.isEmpty else { return false }
        switch target.kind {
        case .string(let format): return format != "binary" && format != "byte"
        case .integer, .number, .boolean: return true
        default: return false
        }
    }

    /// Whether an object's properties, or a map's values, are all written as plain text, so that it travels as a
    /// query writes objects.
    private func isTextObject(_ schema: Schema) -> Bool {
        let target = swiftShape(schema)
        guard case .object(let properties) = target.kind else { return false }
        guard properties.isEmpty else { return properties.allSatisfy { isPlainText($0.schema) } }
        if case .allowed(let values) = target.additionalProperties { return isPlainText(values) && !values.isNullable }
        return false
    }

    /// The statements that append one part of a multipart body: files as streams, text as text, bytes in base64,
    /// anything else as JSON; a part's documented media type is sent with it.
    private func multipartPart(_ field: StructProperty, value: Code, encoding: PartEncoding?) -> [Statement] {
        let wire: Code = "\(literal: field.property.name)"
        let schema = field.property.schema
        let target = swiftShape(schema)
        // `form.append` (or `try form.appendJSON`…) of the part's name, its value and its documented media type.
        func append(_ method: Code, _ value: Code) -> Statement {
            .line(
                Code.call(
                    method, [wire, value] + (encoding?.contentType.map { ["contentType: \(literal: $0)"] } ?? [])))
        }
        func text(_ value: Code, _ schema: Schema) -> Statement {
            append("form.append", wireText(value, schema: schema, field: field.property.name).code)
        }
        if isFilePart(schema) { return [append("try form.append", "file: \(value)")] }
        if case .string(let format) = target.kind, format == "byte", target.enumValues.isEmpty {
            return [append("form.append", "base64: \(value)")]
        }
        if isPlainText(schema) { return [text(value, schema)] }
        if case .array(let items) = target.kind {
            // Each item is a part of the same name, as a form with several files or values of one field sends them;
            // null items are left out.
            let loop: Code = items.isNullable ? "for case let item? in \(value)" : "for item in \(value)"
            if isFilePart(items) { return [.block(loop, [append("try form.append", "file: item")])] }
            if isPlainText(items) { return [.block(loop, [text("item", items)])] }
        }
        return [append("try form.appendJSON", value)]
    }

    /// The statements that append one field of a URL-encoded form, in the style its encoding gives: arrays and
    /// objects of text as a query writes them, anything else as JSON text.
    private func formFieldStatements(_ field: StructProperty, value: Code, encoding: PartEncoding?) -> [Statement] {
        let wire: Code = "\(literal: field.property.name)"
        let schema = field.property.schema
        let target = swiftShape(schema)
        let style = encoding?.style ?? .form
        let explode: Code = (encoding?.explode ?? (style == .form)) ? "explode: true" : "explode: false"
        let reserved: [Code] = encoding?.allowsReserved == true ? ["allowReserved: true"] : []
        let separator: Code =
            "separator: \(literal: style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ",")"
        if case .string(let format) = target.kind, format == "binary" || format == "byte", target.enumValues.isEmpty {
            return [.line("form.append(\(wire), data: \(value))")]
        }
        if isPlainText(schema) {
            return [
                .line(
                    Code.call(
                        "form.append",
                        [wire, wireText(value, schema: schema, field: field.property.name).code] + reserved))
            ]
        }
        if case .array(let items) = target.kind, isPlainText(items), style != .deepObject {
            let present: Code = items.isNullable ? "\(value).compactMap { $0 }" : value
            let texts =
                itemTexts(present, isOptional: false, chain: "", items: items, field: field.property.name) ?? present
            return [.line(Code.call("form.append", [wire, "items: \(texts)", explode, separator] + reserved))]
        }
        if isTextObject(schema) {
            let pairs = objectPairs(value, type: field.wrapped, schema: schema, field: field.property.name)
            let objectStyle: Code = style == .deepObject ? "style: .deepObject" : "style: .form"
            return [.line(Code.call("form.append", [wire, "object: \(pairs)", objectStyle, explode, separator]))]
        }
        return [.line("try form.appendJSON(\(wire), \(value))")]
    }
}
