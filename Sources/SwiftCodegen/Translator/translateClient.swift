import APIDescription

/// A leaf of a flattened request body: an argument of the client method and the path of properties it fills.
private struct FlatArgument {
    var parameter: FunctionParameter
    var doc: String
}

extension Translator {
    /// The client: its initializer, its credentials and the methods that wait for long-running operations; the
    /// methods that send each operation are in extensions beside the operations (``operationDeclarations(_:)``).
    func clientFile() -> SwiftFile {
        var members: [Declaration] = []
        let server = document.servers.first
        if let server, server.isRelative {
            let base = Identifier("base")
            members.append(
                .function(
                    FunctionDeclaration(
                        name: Identifier("defaultServerURL"),
                        parameters: [FunctionParameter(label: "relativeTo", name: base, type: "URL")], isStatic: true,
                        returnType: "URL",
                        doc: Doc(
                            [
                                "The server the description names first, `\(server.url)`, resolved against where the description is published.",
                                server.description,
                            ],
                            parameters: [
                                (base, "Where the description is published, such as `https://api.example.com`.")
                            ],
                            returns: "The server's URL."),
                        body: [
                            .line(
                                "URL(string: \(literal: server.url), relativeTo: base)!.absoluteURL"
                            )
                        ])))
        } else if let server {
            members.append(
                .property(
                    PropertyDeclaration(
                        name: Identifier("defaultServerURL"), type: "URL", isStatic: true,
                        getter: [.line("URL(string: \(literal: server.url))!")],
                        doc: Doc(["The server the description names first, `\(server.url)`.", server.description]))))
        }
        members.append(
            .property(PropertyDeclaration(name: Identifier("runner"), type: "RequestRunner", isPublic: false)))
        members.append(
            .property(
                PropertyDeclaration(
                    name: Identifier("serverURL"), type: "URL", getter: [.line("runner.serverURL")],
                    doc: Doc([
                        "The server the client sends requests to, against which relative URLs in responses resolve."
                    ]))))
        var parameters = [
            FunctionParameter(
                name: Identifier("serverURL"), type: "URL",
                defaultValue: server == nil || server!.isRelative ? nil : "Client.defaultServerURL"),
            FunctionParameter(name: Identifier("transport"), type: "any ClientTransport"),
            FunctionParameter(name: Identifier("middlewares"), type: "[any ClientMiddleware]", defaultValue: "[]"),
            FunctionParameter(name: Identifier("maxResponseBodyBytes"), type: "Int", defaultValue: "8 << 20"),
        ]
        var parameterDocs: [(name: Identifier, text: String)] = [
            (
                Identifier("serverURL"),
                server?.isRelative == true
                    ? "The server to send requests to, such as `Client.defaultServerURL(relativeTo: base)`."
                    : "The server to send requests to."
            ),
            (
                Identifier("transport"),
                "What carries requests to the server, such as `URLSessionTransport()`, or a `MockTransport` in tests."
            ),
            (
                Identifier("middlewares"),
                "What sees each request and response, first to last; they see requests before the bearer token is added."
            ),
            (
                Identifier("maxResponseBodyBytes"),
                "The longest response body the client reads; a longer one is an error."
            ),
        ]
        var initializer: [Statement] = [
            .line(
                "runner = \(Code.call("RequestRunner", ["serverURL: serverURL", "transport: transport", "middlewares: middlewares", "maxResponseBodyBytes: maxResponseBodyBytes"]))"
            )
        ]
        for scheme in document.securitySchemes {
            let name = credentialNames[scheme.name]!
            let required = document.operations.allSatisfy { operation in
                !operation.security.isEmpty && operation.security.allSatisfy { $0.contains(scheme.name) }
            }
            let provider: Code
            let credential: Code
            var text: String
            switch scheme.kind {
            case .bearer:
                provider = "BearerTokenProvider"
                credential = ".bearer(\(name))"
                text = "Returns the bearer token"
            case .basic:
                provider = "BasicCredentialsProvider"
                credential = ".basic(\(name))"
                text = "Returns the user name and password"
            case .apiKey(let keyName, let placement):
                provider = "APIKeyProvider"
                credential = ".apiKey(\(literal: keyName), in: .\(Identifier(placement.rawValue)), \(name))"
                text = "Returns the API key sent as the \(placement.rawValue) `\(keyName)`"
            }
            text +=
                " (the security scheme `\(scheme.name)`). The client calls it for every request that needs it, so it can refresh credentials that expire; they are never logged or put in an error."
            if !required { text += " Without it, operations that require it fail with `missingCredentials`." }
            if let description = scheme.description { text += " " + description }
            members.append(
                .property(PropertyDeclaration(name: name, type: "Credential?", isPublic: false)))
            parameters.append(
                FunctionParameter(
                    name: name, type: required ? "@escaping \(provider)" : "\(provider)?",
                    defaultValue: required ? nil : "nil"))
            parameterDocs.append((name, text))
            initializer.append(.line("self.\(name) = \(credential)"))
        }
        members.append(
            .function(
                FunctionDeclaration(
                    name: nil, parameters: parameters, doc: Doc(["Creates a client."], parameters: parameterDocs),
                    body: initializer)))
        if let servers = serverDeclaration() {
            // The same initializer with a server chosen among the described ones instead of a URL.
            let server = Identifier("server")
            let others = Array(parameters.dropFirst())
            members.append(servers)
            members.append(
                .function(
                    FunctionDeclaration(
                        name: nil,
                        // No default: `Client(transport:…)` must keep naming the other initializer alone.
                        parameters: [FunctionParameter(name: server, type: "Server")] + others,
                        doc: Doc(
                            ["Creates a client for one of the servers the description lists."],
                            parameters: [(server, "The server to send requests to, with its variables.")]
                                + Array(parameterDocs.dropFirst())),
                        body: [
                            .line(
                                Code.call(
                                    "self.init",
                                    ["serverURL: server.url"] + others.map { "\(label: $0.name): \($0.name)" }))
                        ])))
        }
        members += pollingMethods()
        let client = Declaration.type(
            TypeDeclaration(
                .struct, name: Identifier("Client"), conformances: ["Sendable"],
                doc: Doc(["A client for the \(document.title) API, version \(document.version).", document.summary]),
                members: members))
        // The runtime is re-exported so that callers can name `APIClientError` with only the client imported.
        return SwiftFile(
            path: "Client.swift", imports: Translator.imports, exportedImports: ["APIClientRuntime"],
            spiImports: Translator.spiImports,
            declarations: [client])
    }

    /// The client's two methods for an operation: one taking its arguments one by one, one taking an `Input`.
    func clientMethods(_ shape: OperationShape) -> [Declaration] {
        let operation = shape.operation
        let name = methodNames[operation.id]!
        let namespace = shape.namespace
        let summary = operation.summary ?? "Sends a `\(operation.id)` request."
        let throwsText =
            "`APIClientError` when the request cannot be built or sent, the token cannot be obtained, or a documented response cannot be read."
        let returns = "The outcome: one case for each documented status, and `undocumented` for any other."
        let security = securityCode(operation)
        let send = FunctionDeclaration(
            name: name,
            parameters: [FunctionParameter(label: "_", name: Identifier("input"), type: "\(namespace).Input")],
            effects: "async throws(APIClientError)", returnType: "\(namespace).Output",
            doc: Doc(
                [summary, operation.description],
                parameters: [(Identifier("input"), "The values to send.")], returns: returns, throwsText: throwsText),
            isDeprecated: operation.isDeprecated,
            body: [.line(sendCall(shape, input: "input", security: security))])
        var arguments: [Code] = []
        var parameters: [FunctionParameter] = []
        var docs: [(name: Identifier, text: String)] = []
        // Arguments must not hide the types the method's body names; the body calls the other method through `self`,
        // so an argument may share its name.
        var names = UniqueNames(reserved: ["input"], shared: topLevelNames)
        for field in shape.fields {
            if case .body(let body) = field.source, body.isFlattened, body.isRequired,
                isFlattenable(body.schema)
            {
                var flat: [FlatArgument] = []
                let construction = flattened(body.schema, type: field.wrapped, names: &names, into: &flat, path: [])
                arguments.append("\(label: field.name): \(construction)")
                parameters += flat.map(\.parameter)
                docs += flat.map { ($0.parameter.name, $0.doc) }
                continue
            }
            let argument = names.claim(field.name)
            parameters.append(FunctionParameter(name: argument, type: field.type, defaultValue: field.defaultValue))
            docs.append((argument, field.doc))
            arguments.append("\(label: field.name): \(argument)")
        }
        // Optional values go last, so that required ones read first at the call site.
        let ordered = parameters.filter { $0.defaultValue == nil } + parameters.filter { $0.defaultValue != nil }
        let orderedDocs = ordered.map { parameter in docs.first { $0.name == parameter.name }! }
        let convenience = FunctionDeclaration(
            name: name, parameters: ordered, effects: "async throws(APIClientError)", returnType: "\(namespace).Output",
            doc: Doc(
                [summary, operation.description], parameters: orderedDocs, returns: returns, throwsText: throwsText),
            isDeprecated: operation.isDeprecated,
            body: [
                .line(
                    sendCall(
                        shape, input: Code.call("\(namespace).Input", arguments),
                        security: security))
            ])
        return [.function(convenience), .function(send)]
    }

    /// The call that sends an operation's request: to its own server, where it names one (a relative one resolved
    /// against the client's), otherwise to the client's.
    ///
    /// The method that takes the operation's arguments one by one sends as well, rather than calling the one that
    /// takes an input, which would cost each call another asynchronous frame; its arguments may share the client's
    /// property names, so it names them through `self`.
    private func sendCall(_ shape: OperationShape, input: Code, security: Code) -> Code {
        let namespace = shape.namespace
        var arguments: [Code] = ["\(namespace).self", input, "security: \(security)"]
        if let server = shape.operation.servers.first {
            arguments.append(
                server.isRelative
                    ? "server: URL(string: \(literal: server.url), relativeTo: self.runner.serverURL)!.absoluteURL"
                    : "server: URL(string: \(literal: server.url))!")
        }
        if shape.streamParser != nil { arguments.append("stream: \(namespace).streamedOutput(from:body:)") }
        return Code.call("try await self.runner.send", arguments)
    }

    /// An operation's alternative security requirements, each with the client's credentials it needs: one required
    /// credential as `.only(…)`, which makes no arrays on each call, the others as an array literal.
    /// The credentials are named through `self`, since a method's arguments may share their names.
    func securityCode(_ operation: Operation) -> Code {
        if operation.security.count == 1, let only = operation.security[0].first, operation.security[0].count == 1 {
            return ".only(self.\(credentialNames[only]!))"
        }
        return Code.array(
            operation.security.map { requirement in Code.array(requirement.map { "self.\(credentialNames[$0]!)" }) })
    }

    /// The expression that builds a flattened body from the method's arguments, adding an argument for each leaf.
    ///
    /// Required nested objects are flattened too, except one that leads back to an object being flattened (a
    /// recursive type would never end); optional ones and anything else become one argument each.
    ///
    /// - Parameter path: The named schemas of the objects being flattened, outermost first.
    private func flattened(
        _ schema: Schema, type: Code, names: inout UniqueNames, into arguments: inout [FlatArgument], path: [String]
    ) -> Code {
        let object = resolved(schema)
        guard case .object(let properties) = object.kind else { return type }
        let path = path + referencedNames(schema)
        var scope = Scope(
            path: Array(Printer.render(type).split(separator: ".").map { Identifier(String($0)) }),
            reserved: topLevelNames)
        var nested: [Declaration] = []
        let fields = structProperties(properties, scope: &scope, nested: &nested)
        var parts: [Code] = []
        for field in fields {
            let child = field.property.schema
            let leadsBack = !Set(referencedNames(child)).isDisjoint(with: path)
            if isFlattenable(child), !field.isOptional, !leadsBack, !field.isIndirect {
                let inner = flattened(child, type: field.wrapped, names: &names, into: &arguments, path: path)
                parts.append("\(label: field.name): \(inner)")
            } else {
                let argument = names.claim(field.name)
                arguments.append(
                    FlatArgument(
                        parameter: FunctionParameter(
                            name: argument, type: field.type, defaultValue: field.isOptional ? "nil" : nil),
                        doc: child.description ?? "The `\(field.property.name)` property."))
                parts.append("\(label: field.name): \(argument)")
            }
        }
        return Code.call(type, parts)
    }

    /// Whether a value is an object with properties, a struct whose leaves can be arguments; an object without
    /// properties is a map, which has none.
    private func isFlattenable(_ schema: Schema) -> Bool {
        let target = resolved(schema)
        guard case .object = target.kind else { return false }
        return Translator.needsDeclaration(target)
    }

    /// The named schemas a schema refers to before reaching one that is not a reference.
    private func referencedNames(_ schema: Schema) -> [String] {
        var names: [String] = []
        var current = schema
        while case .reference(let name) = current.kind, !names.contains(name), let target = schemas[name] {
            names.append(name)
            current = target
        }
        return names
    }
}
