import APIDescription

/// A header of a response, with the label and type of its value in the response's case.
typealias HeaderValue = (header: Header, label: Identifier, type: Code)

extension Translator {
    /// The branch of `pendingOperation` for one response that starts an operation: its case, binding the headers
    /// that may name the operation, and the operation named by the first of them the response carries.
    ///
    /// - Parameter labels: The labels of the case's associated values, in order.
    func pendingOperationBranch(
        _ link: PollLink, caseName: Identifier, labels: [Identifier?], headers: [HeaderValue]
    ) -> (pattern: Code, body: [Statement]) {
        let named = link.headers.compactMap { name in
            headers.first { $0.header.name.lowercased() == name.lowercased() }
        }
        let bindings: [Code] = labels.map { label in
            named.contains { $0.label == label } ? "let \(label!)" : "_"
        }
        let locations: [Code] = named.map { value in
            let optional: Code = value.header.isRequired ? "" : "?"
            switch Printer.render(value.type) {
            case "String": return "\(value.label)"
            case "URL": return "\(value.label)\(optional).absoluteString"
            default: return "\(value.label)\(optional).rawValue"
            }
        }
        return (
            "case \(Code.call(".\(caseName)", bindings))",
            [.line(Code.call("PendingOperation", ["locations: \(Code.array(locations))"]))]
        )
    }

    /// `pendingOperation`, for an output with responses that start operations.
    ///
    /// - Parameter caseCount: How many cases the output has, so that a `default` is added only where some case is
    ///   not a branch.
    func pendingOperationProperty(
        _ branches: [(pattern: Code, body: [Statement])], caseCount: Int, links: [PollLink]
    ) -> [Declaration] {
        guard let link = links.first, let target = pollTargets.first(where: { $0.operationID == link.operationID })
        else { return [] }
        let headers = link.headers.map { "`\($0)`" }.joined(separator: ", then ")
        let read = methodNames[link.operationID]!
        return [
            .property(
                PropertyDeclaration(
                    name: Identifier("pendingOperation"), type: "PendingOperation?",
                    getter: [
                        .switchOver(
                            "self",
                            branches + (branches.count < caseCount ? [("default", [.line("nil")])] : []))
                    ],
                    doc: Doc([
                        "The long-running operation this outcome started, named by its \(headers) header: read its state with `Client.\(read.name)(_:)`, or wait for it to end with `Client.\(target.waitMethod.name)(_:policy:clock:)`. Nil for outcomes that start none, or when the response names none."
                    ])))
        ]
    }

    /// `state(of:)` of an operation that reads the state of long-running operations: how the link's status values
    /// classify what it reads.
    func stateFunction(_ operation: Operation) -> [Declaration] {
        guard let target = pollTargets.first(where: { $0.operationID == operation.id }) else { return [] }
        let link = target.link
        let resourceType = schemaTypes[link.resourceSchema]!
        guard case .object(let properties) = resolved(schemas[link.resourceSchema]!).kind else { return [] }
        var scope = Scope(path: [resourceType], reserved: topLevelNames)
        var nested: [Declaration] = []
        guard
            let status = structProperties(properties, scope: &scope, nested: &nested).first(where: {
                $0.property.name == link.statusProperty
            })
        else { return [] }
        let statusSchema = resolved(status.property.schema)
        let caseNames = Translator.enumCaseNames(statusSchema.enumValues)
        let optional: Code = status.isOptional ? "?" : ""
        func pattern(_ value: String) -> Code {
            let fold = { (text: String) in statusSchema.matchesLoosely ? foldedSpelling(text) : text }
            guard let index = statusSchema.enumValues.firstIndex(where: { fold($0) == fold(value) }) else {
                return "\(literal: value)\(optional)"
            }
            return ".\(caseNames[index])\(optional)"
        }
        var branches: [(pattern: Code, body: [Statement])] = []
        var sentences: [String] = []
        for outcome in PollLink.Outcome.allCases {
            let values = link.terminalStatuses.filter { $0.outcome == outcome }.map(\.value)
            guard !values.isEmpty else { continue }
            branches.append(
                (
                    "case \(Code.joined(values.map(pattern), separator: ", "))",
                    [.line(".\(Identifier(outcome.rawValue))")]
                ))
            sentences.append("\(values.map { "`\($0)`" }.joined(separator: ", ")) \(outcome.rawValue)")
        }
        branches.append(("default", [.line(".running")]))
        let resource = Identifier("resource")
        return [
            .function(
                FunctionDeclaration(
                    name: Identifier("state"),
                    parameters: [FunctionParameter(label: "of", name: resource, type: "\(resourceType)")],
                    isStatic: true, returnType: "OperationState",
                    doc: Doc(
                        [
                            "Where a long-running operation stands, by the `\(link.statusProperty)` of what this operation reads: \(sentences.joined(separator: "; ")); any other value, or none, means it is still running."
                        ],
                        parameters: [(resource, "What the server reported.")], returns: "The operation's state."),
                    body: [.switchOver("resource.\(status.name)", branches)]))
        ]
    }

    /// The client's methods for each operation that reads the state of long-running operations: reading the state
    /// once, by the location a response named, and waiting for the operation to end.
    func pollingMethods() -> [Declaration] {
        pollTargets.flatMap { target -> [Declaration] in
            guard let operation = document.operations.first(where: { $0.id == target.operationID }) else { return [] }
            let namespace = operationTypes[operation.id]!
            let read = methodNames[operation.id]!
            let resourceType = schemaTypes[target.link.resourceSchema]!
            let security = securityCode(operation)
            let pending = Identifier("pending")
            let pendingDoc =
                "The operation, by the location a response named, such as the `pendingOperation` of an outcome."
            let readMethod = FunctionDeclaration(
                name: read, parameters: [FunctionParameter(label: "_", name: pending, type: "PendingOperation")],
                effects: "async throws(APIClientError)", returnType: "\(namespace).Output",
                doc: Doc(
                    [
                        "Reads the state of a long-running operation by the location a response named, as `\(operation.id)` describes it.",
                        "The location is followed as the server wrote it, with its query, whether it is a path on the server or an absolute URL on the same server; it is never sent elsewhere.",
                    ],
                    parameters: [(pending, pendingDoc)],
                    returns: "The outcome: one case for each documented status, and `undocumented` for any other.",
                    throwsText:
                        "`APIClientError` with `invalidInput` when the location is not on the client's server, and otherwise when the request cannot be sent or a documented response cannot be read."
                ),
                body: [
                    .line(
                        Code.call(
                            "try await runner.send",
                            [
                                "\(pending)", "operationID: \(namespace).id", "security: \(security)",
                                "parse: \(namespace).output(from:body:)",
                            ]))
                ])
            let policy = Identifier("policy")
            let clock = Identifier("clock")
            let waitMethod = FunctionDeclaration(
                name: target.waitMethod,
                parameters: [
                    FunctionParameter(label: "_", name: pending, type: "PendingOperation"),
                    FunctionParameter(name: policy, type: "PollingPolicy", defaultValue: "PollingPolicy()"),
                    FunctionParameter(name: clock, type: "some Clock<Duration>", defaultValue: "ContinuousClock()"),
                ],
                returnType: "OperationPolling<\(resourceType)>",
                doc: Doc(
                    [
                        "Waits for a long-running operation to end, reading its state with `\(operation.id)` until `\(namespace).state(of:)` says it has ended.",
                        "Iterate the result for each reading, or call its `result()` for the final one. It follows `Retry-After`, retries transient failures (transport errors, 429 and 5xx) with backoff, stops at once when the task is cancelled, and throws `OperationWaitError` with the last reading when the operation fails or is canceled.",
                    ],
                    parameters: [
                        (pending, pendingDoc),
                        (
                            policy,
                            "How often to read the state, how long to wait in all, and how many failures to retry."
                        ),
                        (clock, "The clock that times the waits; tests pass one that does not sleep."),
                    ],
                    returns: "The readings, from the first to the one that shows success."),
                body: [
                    .line("let runner = self.runner"),
                    .line("let security: SecurityRequirements = \(security)"),
                    .trailingClosure(
                        Code.call(
                            "return OperationPolling",
                            ["policy: policy", "clock: clock", "classify: \(namespace).state(of:)"]),
                        signature: "() async throws(APIClientError)",
                        [
                            .line(
                                Code.call(
                                    "try await runner.poll",
                                    [
                                        "\(pending)", "operationID: \(namespace).id", "security: security",
                                        "as: \(resourceType).self",
                                    ]))
                        ]),
                ])
            return [.function(readMethod), .function(waitMethod)]
        }
    }
}
