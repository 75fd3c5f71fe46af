import APIDescription

/// A response body's Swift type and how a response becomes it.
struct ResponsePayload {
    var type: Code
    var nested: [Declaration]
    /// The value, from `reader`, which holds the whole body.
    var read: Code
    /// For a body handed over unread, the value from `body`, the `HTTPBody`.
    var stream: Code?

    init(type: Code, nested: [Declaration], read: Code, stream: Code? = nil) {
        self.type = type
        self.nested = nested
        self.read = read
        self.stream = stream
    }
}

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
            var parse: [Statement]?
            var stream: [Statement]?
            let isOptional = !response.status.isSuccess
            if response.contents.count == 1 {
                let payload = responsePayload(
                    response.contents[0], name: caseName.name, status: response.status,
                    description: response.description, isOptional: isOptional, scope: &scope)
                nested += payload.nested
                let label: Identifier? = values.isEmpty ? nil : labels.claim(Identifier("body"))
                values.append((label, isOptional && payload.stream == nil ? "\(payload.type)?" : payload.type))
                if let streamed = payload.stream {
                    let value = label.map { "\(label: $0): \(streamed)" } ?? streamed
                    stream = [.line("return \(Code.call(".\(caseName)", arguments + [value]))")]
                }
                arguments.append(label.map { "\(label: $0): \(payload.read)" } ?? payload.read)
            } else if !response.contents.isEmpty {
                // Several media types: an enum with a case for each, picked by the response's `Content-Type`.
                let name = scope.names.claim(Naming.typeName("\(caseName.name) body"))
                var caseNames = UniqueNames(reserved: Naming.reservedScopeNames)
                var cases: [MediaCase] = []
                var payloads: [ResponsePayload] = []
                for content in response.contents {
                    let mediaName = Translator.mediaCaseName(content.essence, names: &caseNames)
                    let payload = responsePayload(
                        content, name: "\(caseName.name) \(mediaName.name)", status: response.status,
                        description: response.description, isOptional: false, scope: &scope)
                    nested += payload.nested
                    cases.append(MediaCase(name: mediaName, content: content, payload: payload.type))
                    payloads.append(payload)
                }
                nested.append(
                    mediaEnum(
                        name: name, cases: cases,
                        doc: [
                            "The body of a \(statusTitle(response.status)) response, in one of the media types the description lists for it."
                        ]))
                let type = scope.qualified(name)
                let label: Identifier? = values.isEmpty ? nil : labels.claim(Identifier("body"))
                values.append((label, isOptional ? "\(type)?" : type))
                func result(_ value: Code) -> Code {
                    Code.call(".\(caseName)", arguments + [label.map { "\(label: $0): \(value)" } ?? value])
                }
                let choice: Code =
                    "try reader.mediaTypeIndex(of: \(Code.array(response.contents.map { "\(literal: $0.mediaType)" })))"
                var whole: [(pattern: Code, body: [Statement])] = []
                var streamed: [(pattern: Code, body: [Statement])] = []
                for (index, item) in cases.enumerated() {
                    let label: Code = "case \(Code(stringLiteral: String(index)))"
                    // The last media type takes what the index cannot otherwise be, so the switch is exhaustive.
                    let pattern: Code = index == cases.count - 1 ? "default" : label
                    whole.append((pattern, [.line("return \(result(".\(item.name)(\(payloads[index].read))"))")]))
                    if let value = payloads[index].stream {
                        streamed.append((label, [.line("return \(result(".\(item.name)(\(value))"))")]))
                    }
                }
                parse = isOptional ? [.line("guard reader.hasBody else { return \(result("nil")) }")] : []
                parse! += [.switchOver(choice, whole)]
                if !streamed.isEmpty { stream = [.switchOver(choice, streamed + [("default", [.line("return nil")])])] }
            }
            streamBranches.append((pattern, stream ?? [.line("return nil")]))
            if stream != nil { streams = true }
            if let poll = response.poll {
                pendingBranches.append(
                    pendingOperationBranch(poll, caseName: caseName, labels: values.map(\.label), headers: headerValues)
                )
            }
            let result: Code = arguments.isEmpty ? ".\(caseName)" : Code.call(".\(caseName)", arguments)
            branches.append((pattern, parse ?? [.line("return \(result)")]))
            var doc = [statusTitle(response.status) + ": " + response.description]
            if !response.contents.isEmpty, !response.status.isSuccess {
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
                    // Every status but the streamed ones, `default` among them, returns nil.
                    .switchOver(
                        "reader.status",
                        streamBranches.filter { Printer.render($0.pattern) != "default" }
                            + [("default", [.line("return nil")])]),
                ]))
        return (declaration, parser, streamParser)
    }

    /// The Swift type of a response body of one media type, with nested types named after `name`, and how a
    /// response becomes it: read whole (`read`, an
    /// expression of `reader`), and for a success handed over unread (`stream`, an expression of `body`, the
    /// `HTTPBody`): raw bytes as the `HTTPBody` itself, `text/event-stream` as `ServerSentEvents`, JSON Lines as
    /// `JSONLines` of the schema's values.
    ///
    /// - Parameter isOptional: Whether an empty body reads as nil, as an error body may be absent.
    func responsePayload(
        _ content: Content, name: String, status: ResponseStatus, description: String?, isOptional: Bool,
        scope: inout Scope
    ) -> ResponsePayload {
        let success = status.isSuccess
        if content.isJSONLines, success {
            // Each line is a value of the schema.
            let item = mapType(content.schema, name: name + " item", description: description, scope: &scope)
            let type: Code = "JSONLines<\(item.code)>"
            return ResponsePayload(
                type: type, nested: item.nested, read: "\(type)(HTTPBody(reader.body))", stream: "\(type)(body)")
        }
        switch content.kind {
        case .json:
            // Types declared for a JSON body read themselves.
            let reads = scope.readsJSON
            scope.readsJSON = true
            defer { scope.readsJSON = reads }
            let mapped = mapType(content.schema, name: name + " body", description: description, scope: &scope)
            let read: Code =
                isOptional
                ? "try reader.optionalJSON(\(mapped.code).self)" : "try reader.requiredJSON(\(mapped.code).self)"
            return ResponsePayload(type: mapped.code, nested: mapped.nested, read: read)
        case .text where success && content.isEventStream:
            return ResponsePayload(
                type: "ServerSentEvents", nested: [], read: "ServerSentEvents(HTTPBody(reader.body))",
                stream: "ServerSentEvents(body)")
        case .text:
            return ResponsePayload(
                type: "String", nested: [], read: isOptional ? "try reader.optionalText()" : "try reader.text()")
        case .binary where success:
            return ResponsePayload(type: "HTTPBody", nested: [], read: "HTTPBody(reader.body)", stream: "body")
        case .binary, .formURLEncoded, .multipart:
            // A form or multipart response is handed over as received; the client does not parse forms.
            return ResponsePayload(
                type: "Data", nested: [], read: isOptional ? "reader.optionalBytes()" : "reader.body")
        }
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
