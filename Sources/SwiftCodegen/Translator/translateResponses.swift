import APIDescription

extension Translator {
    /// The `Output` enum, one case per documented response and one for the rest, and the function that parses a
    /// response into it.
    func outputDeclaration(
        _ operation: Operation, scope: inout Scope, nested: inout [Declaration]
    ) -> (declaration: Declaration, parser: Declaration, streamParser: Declaration?) {
        let hasDefault = operation.responses.contains { $0.status == .default }
        var caseNames = UniqueNames(reserved: hasDefault ? [] : ["undocumented"])
        var cases: [Declaration] = []
        var branches: [(pattern: Code, body: [Statement])] = []
        var pendingBranches: [(pattern: Code, body: [Statement])] = []
        // Raw bytes, events and JSON Lines of a success are handed over as streams; every other status returns nil
        // there, in the same order, so that an exact code still wins over a range.
        var streamBranches: [(pattern: Code, body: [Statement])] = []
        var streams = false
        for response in operation.responses {
            let caseName: Identifier
            let pattern: Code
            var values: [(label: Identifier?, type: Code)] = []
            var arguments: [Code] = []
            switch response.status {
            case .code(let code):
                caseName = caseNames.claim(Identifier(Translator.statusNames[code] ?? "status\(code)"))
                pattern = "case \(Code(stringLiteral: String(code)))"
            case .range(let digit):
                caseName = caseNames.claim(Identifier(Translator.statusClassNames[digit] ?? "status\(digit)XX"))
                pattern =
                    "case \(Code(stringLiteral: String(digit * 100)))..<\(Code(stringLiteral: String(digit * 100 + 100)))"
                values.append((Identifier("status"), "Int"))
                arguments.append("status: reader.status")
            case .default:
                caseName = caseNames.claim(Identifier("other"))
                pattern = "default"
                values.append((Identifier("status"), "Int"))
                arguments.append("status: reader.status")
            }
            var labels = UniqueNames(reserved: ["status"])
            var headerValues: [HeaderValue] = []
            for header in response.headers {
                let label = labels.claim(Naming.memberName(header.name))
                let (type, value) = headerValue(header, scope: &scope, nested: &nested)
                values.append((label, header.isRequired ? type : "\(type)?"))
                arguments.append("\(label: label): \(value)")
                headerValues.append((header, label, type))
            }
            var streamedArguments: [Code]?
            if let content = response.content {
                var mapped = bodyType(
                    content, name: "\(caseName.name)Body", description: response.description, scope: &scope)
                if Translator.isJSONLines(content.mediaType), response.status.isSuccess {
                    // Each line is a value of the schema.
                    let item = mapType(
                        content.schema, name: "\(caseName.name)Item", description: response.description, scope: &scope)
                    mapped = MappedType(code: "JSONLines<\(item.code)>", nested: item.nested)
                }
                nested += mapped.nested
                let isOptional = !response.status.isSuccess
                let label: Identifier? = values.isEmpty ? nil : labels.claim(Identifier("body"))
                if let stream = streamedType(content, mapped: mapped.code), response.status.isSuccess {
                    // Raw bytes or events of a success, which may be larger or longer than the client reads whole.
                    values.append((label, stream.type))
                    streamedArguments =
                        arguments + [label.map { "\(label: $0): \(stream.wrap("body"))" } ?? stream.wrap("body")]
                    let whole = stream.wrap("HTTPBody(reader.body)")
                    arguments.append(label.map { "\(label: $0): \(whole)" } ?? whole)
                    streams = true
                } else {
                    values.append((label, isOptional ? "\(mapped.code)?" : mapped.code))
                }
                let read: Code
                switch (content.kind, Printer.render(mapped.code)) {
                case (.json, _):
                    read =
                        isOptional
                        ? "try reader.optionalJSON(\(mapped.code).self)"
                        : "try reader.requiredJSON(\(mapped.code).self)"
                case (_, "String"):
                    read = isOptional ? "try reader.optionalText()" : "try reader.text()"
                default:
                    read = isOptional ? "reader.optionalBytes()" : "reader.body"
                }
                if streamedArguments == nil { arguments.append(label.map { "\(label: $0): \(read)" } ?? read) }
            }
            if let streamedArguments {
                streamBranches.append((pattern, [.line("return \(Code.call(".\(caseName)", streamedArguments))")]))
            } else {
                streamBranches.append((pattern, [.line("return nil")]))
            }
            if let poll = response.poll {
                pendingBranches.append(
                    pendingOperationBranch(poll, caseName: caseName, labels: values.map(\.label), headers: headerValues)
                )
            }
            let result: Code = arguments.isEmpty ? ".\(caseName)" : Code.call(".\(caseName)", arguments)
            branches.append((pattern, [.line("return \(result)")]))
            var doc = [statusTitle(response.status) + ": " + response.description]
            if response.content != nil, !response.status.isSuccess {
                doc.append("The error body is nil when the response has none.")
            }
            cases.append(.enumCase(EnumCaseDeclaration(name: caseName, associatedValues: values, doc: Doc(doc))))
        }
        if !hasDefault {
            cases.append(
                .enumCase(
                    EnumCaseDeclaration(
                        name: Identifier("undocumented"),
                        associatedValues: [(Identifier("status"), "Int"), (Identifier("body"), "Data")],
                        doc: Doc(["A status the description does not document, with the response body as received."]))))
            branches.append(("default", [.line("return .undocumented(status: reader.status, body: body)")]))
        }
        let declaration = Declaration.type(
            TypeDeclaration(
                .enum, name: Identifier("Output"), conformances: ["Hashable", "Sendable"],
                doc: Doc([
                    "The outcome of a `\(operation.id)` request: one case for each documented status, and one for any other."
                ]),
                members: cases
                    + pendingOperationProperty(
                        pendingBranches, caseCount: cases.count, links: operation.responses.compactMap(\.poll))))
        let parser = Declaration.function(
            FunctionDeclaration(
                name: Identifier("output"),
                parameters: [
                    FunctionParameter(label: "from", name: Identifier("response"), type: "HTTPResponse"),
                    FunctionParameter(name: Identifier("body"), type: "Data"),
                ],
                isStatic: true, effects: "throws(APIClientError)", returnType: "Output",
                doc: Doc(
                    ["Reads a response of this operation without a transport."],
                    parameters: [
                        (Identifier("response"), "The response."), (Identifier("body"), "The response's whole body."),
                    ],
                    returns: "The documented outcome, or `undocumented` for a status the description does not name.",
                    throwsText:
                        "`APIClientError` when a documented response lacks a required header or its body is not the documented JSON."
                ),
                body: [
                    .line("let reader = ResponseReader(operationID: id, response: response, body: body)"),
                    .switchOver("reader.status", branches),
                ]))
        guard streams else { return (declaration, parser, nil) }
        let streamParser = Declaration.function(
            FunctionDeclaration(
                name: Identifier("streamedOutput"),
                parameters: [
                    FunctionParameter(label: "from", name: Identifier("response"), type: "HTTPResponse"),
                    FunctionParameter(name: Identifier("body"), type: "HTTPBody"),
                ],
                isStatic: true, effects: "throws(APIClientError)", returnType: "Output?",
                doc: Doc(
                    [
                        "Reads a success whose body is handed over as it arrives (raw bytes, events or JSON Lines) rather than read whole."
                    ],
                    parameters: [
                        (Identifier("response"), "The response."), (Identifier("body"), "The response's body, unread."),
                    ],
                    returns: "The outcome, or nil for a status whose body the client reads whole.",
                    throwsText: "`APIClientError` when the response lacks a required header."),
                body: [
                    .line("let reader = ResponseReader(operationID: id, response: response, body: Data())"),
                    .switchOver("reader.status", streamBranches + [("default", [.line("return nil")])]),
                ]))
        return (declaration, parser, streamParser)
    }

    /// For a body that a success hands over unread, its Swift type and how a body becomes it: raw bytes as the
    /// `HTTPBody` itself, `text/event-stream` as `ServerSentEvents` over it; nil for a body read whole.
    private func streamedType(_ content: Content, mapped: Code) -> (type: Code, wrap: (Code) -> Code)? {
        if content.kind == .binary, Printer.render(mapped) == "Data" { return ("HTTPBody", { $0 }) }
        if content.kind == .text, content.mediaType.lowercased().hasPrefix("text/event-stream") {
            return ("ServerSentEvents", { "ServerSentEvents(\($0))" })
        }
        if Translator.isJSONLines(content.mediaType) { return (mapped, { "\(mapped)(\($0))" }) }
        return nil
    }

    /// Whether a media type is JSON Lines: one JSON value per line.
    static func isJSONLines(_ mediaType: String) -> Bool {
        let type = mediaType.lowercased().split(separator: ";").first.map { $0.filter { $0 != " " } }
        return type == "application/jsonl" || type == "application/x-ndjson" || type == "application/x-jsonlines"
    }

    /// The Swift type of a response header and the expression that reads it: its schema's type where text converts
    /// to it (numbers, booleans, dates, UUIDs, enums, path forms, and comma-separated arrays of those), otherwise
    /// the text as received.
    private func headerValue(
        _ header: Header, scope: inout Scope, nested: inout [Declaration]
    ) -> (type: Code, value: Code) {
        let name: Code = "\(literal: header.name)"
        let text: Code =
            header.isRequired ? "try reader.requiredHeader(\(name))" : "reader.optionalHeader(\(name))"
        let target = resolved(header.schema)
        func converted(_ type: Code) -> Code {
            header.isRequired
                ? "try reader.requiredHeader(\(name), as: \(type).self)"
                : "try reader.optionalHeader(\(name), as: \(type).self)"
        }
        if !target.pathForms.isEmpty || (!target.enumValues.isEmpty && target.isString) {
            let mapped = mapType(header.schema, name: header.name, description: header.description, scope: &scope)
            nested += mapped.nested
            let type = mapped.code
            return (type, header.isRequired ? "\(type)(rawValue: \(text))" : "\(text).map { \(type)(rawValue: $0) }")
        }
        switch target.kind {
        case .string(let format):
            let type = Translator.stringType(format: format)
            if Printer.render(type) == "String" || Printer.render(type) == "Data" { return ("String", text) }
            return (type, converted(type))
        case .integer, .number, .boolean:
            if !target.enumValues.isEmpty { return ("String", text) }
            let type = mapType(header.schema, name: header.name, scope: &scope).code
            return (type, converted(type))
        case .array(let items):
            let item = resolved(items)
            switch item.kind {
            case .string(let format) where item.enumValues.isEmpty && item.pathForms.isEmpty:
                let type = Translator.stringType(format: format)
                guard Printer.render(type) != "Data" else { break }
                return (
                    "[\(type)]",
                    header.isRequired
                        ? "try reader.requiredHeaderItems(\(name), as: \(type).self)"
                        : "try reader.optionalHeaderItems(\(name), as: \(type).self)"
                )
            case .integer where item.enumValues.isEmpty, .number, .boolean:
                let type = mapType(items, name: header.name, scope: &scope).code
                return (
                    "[\(type)]",
                    header.isRequired
                        ? "try reader.requiredHeaderItems(\(name), as: \(type).self)"
                        : "try reader.optionalHeaderItems(\(name), as: \(type).self)"
                )
            default: break
            }
        default: break
        }
        diagnostics.warn(
            header.location,
            "The header `\(header.name)` is read as text: its schema is not a value a header carries as text.")
        return ("String", text)
    }

    private func statusTitle(_ status: ResponseStatus) -> String {
        switch status {
        case .code(let code): "\(code)"
        case .range(let digit): "\(digit)XX"
        case .default: "Any other status"
        }
    }
}
