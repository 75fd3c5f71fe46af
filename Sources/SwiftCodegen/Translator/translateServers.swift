import APIDescription

extension Translator {
    /// The absolute servers a caller may choose among: several, or one whose URL has variables with listed values.
    var serverChoices: [Server] {
        let absolute = document.servers.filter { !$0.isRelative }
        guard absolute.count > 1 || absolute.contains(where: { $0.variables.contains { !$0.enumValues.isEmpty } })
        else { return [] }
        return absolute
    }

    /// `Client.Server`: one case per server, with a value for each variable the description lets the caller choose
    /// (an enum of its listed values, defaulting to the variable's default), and the URL it makes. Variables without
    /// listed values stay at their defaults.
    func serverDeclaration() -> Declaration? {
        let servers = serverChoices
        guard !servers.isEmpty else { return nil }
        var caseNames = UniqueNames(reserved: ["url"])
        var variableTypes = UniqueNames(reserved: ["Server"], shared: topLevelNames)
        var members: [Declaration] = []
        var nested: [Declaration] = []
        var branches: [(pattern: Code, body: [Statement])] = []
        for (index, server) in servers.enumerated() {
            // A short description names the case (`Production` → `production`); otherwise its position does.
            let words = server.description.map(Naming.words) ?? []
            let caseName = caseNames.claim(
                !words.isEmpty && words.count <= 3
                    ? Naming.memberName(server.description!) : Identifier("server\(index + 1)"))
            var values: [(label: Identifier?, type: Code)] = []
            var labels = UniqueNames()
            var bindings: [Identifier: Identifier] = [:]
            for variable in server.variables where !variable.enumValues.isEmpty {
                let type = variableTypes.claim(Naming.typeName(variable.name))
                let caseNames = Translator.enumCaseNames(variable.enumValues)
                let defaultCase = caseNames[variable.enumValues.firstIndex(of: variable.defaultValue) ?? 0]
                nested.append(
                    .type(
                        TypeDeclaration(
                            .enum, name: type, conformances: ["String", "Hashable", "Sendable", "CaseIterable"],
                            doc: Doc([variable.description ?? "The values of `{\(variable.name)}`."]),
                            members: zip(variable.enumValues, caseNames).map { value, name in
                                .enumCase(
                                    EnumCaseDeclaration(
                                        name: name, rawValue: .string(value), doc: Doc(["The value `\(value)`."])))
                            })))
                let label = labels.claim(Naming.memberName(variable.name))
                bindings[label] = label
                // Associated values can have defaults, written after the type.
                values.append((label, "\(type) = .\(defaultCase)"))
            }
            members.append(
                .enumCase(
                    EnumCaseDeclaration(
                        name: caseName, associatedValues: values,
                        doc: Doc([server.description, "`\(server.template.isEmpty ? server.url : server.template)`"]))))
            let pattern: Code =
                values.isEmpty
                ? "case .\(caseName)"
                : "case \(Code.call(".\(caseName)", values.map { "let \($0.label!)" }))"
            branches.append((pattern, [.line("URL(string: \(urlExpression(server)))!")]))
        }
        members += nested
        members.append(
            .property(
                PropertyDeclaration(
                    name: Identifier("url"), type: "URL", getter: [.switchOver("self", branches)],
                    doc: Doc(["The server's URL."]))))
        return .type(
            TypeDeclaration(
                .enum, name: Identifier("Server"), conformances: ["Hashable", "Sendable"],
                doc: Doc([
                    "The servers the description lists, for `init(server:…)`; variables the description lists values for are chosen with the server."
                ]),
                members: members))
    }

    /// The text of a server's URL: its template with each chosen variable's raw value and the others' defaults.
    private func urlExpression(_ server: Server) -> Code {
        var parts: [Code] = []
        var literal = ""
        var rest = Substring(server.template.isEmpty ? server.url : server.template)
        var labels = UniqueNames()
        let chosen = Dictionary(
            server.variables.filter { !$0.enumValues.isEmpty }.map {
                ($0.name, labels.claim(Naming.memberName($0.name)))
            },
            uniquingKeysWith: { first, _ in first })
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let label = chosen[name] {
                if !literal.isEmpty { parts.append("\(literal: literal)") }
                literal = ""
                parts.append("\(label).rawValue")
            } else {
                literal += server.variables.first { $0.name == name }?.defaultValue ?? ""
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append("\(literal: literal)") }
        return Code.joined(parts, separator: " + ")
    }
}
